"""Fixtures that build through Wagtail and the services, recorded once and replayed as rows.

Building the home pages, the section roots or the catalogue goes through Wagtail (revisions,
publishing, translations, the search index, the reference index) and takes a second or more.
From the same database the same builder writes the same rows, so the first test that builds
one records the rows it wrote, and each later test whose database is in the same state gets
them by plain INSERT, UPDATE and DELETE statements, in milliseconds: ``replayed(builder)``.

"The same state" is checked, not assumed: what the test wrote so far (``fingerprint``), and,
for each row the builder changed or deleted, the values it found.
A test whose database differs (it made a user first, say) builds for real, and that build is
recorded for that state in turn. PostgreSQL's sequences are set back at the start of each
test (``restore_sequences``), so that its keys repeat from test to test as SQLite's do.
"""

import collections
import contextlib
import functools
import re
import types
from dataclasses import dataclass, field

from django.apps import apps
from django.core.cache import caches
from django.db import DatabaseError, connection, models, transaction

_recordings = {}  # (builder, its arguments, the database's fingerprint) -> Recording, for the session
counts = collections.Counter()  # replayed, recorded, built: shown at the end of the session
# Tables of version tokens: a build writes a new random token whatever it found, so a token that
# differs from the one at the recording does not stop a replay.
VERSION_TOKENS = {"library_pages_pagesversion", "dsm_data_catalogueversion", "dsm_data_nationalmetadataversion"}
_sequences = []  # PostgreSQL: (sequence, last value, is called) of the just-migrated database


@dataclass(frozen=True)
class Table:
    name: str
    key: str  # the primary key's column; "rowid" for SQLite's full-text tables
    columns: tuple  # in the order rows are read and written; the key among them (first for full-text)


@dataclass
class Recording:
    inserted: dict = field(default_factory=dict)  # table -> [row]
    updated: dict = field(default_factory=dict)  # table -> [(key, {column: (before, after)})]
    deleted: dict = field(default_factory=dict)  # table -> {key: row before}
    result: object = None  # what the builder returned, as references to rows (``reference``)
    sequences: list = field(default_factory=list)  # PostgreSQL's sequences as the build left them


def replayed(builder, *arguments):
    """``builder(*arguments)``, or the rows it wrote from this database's state, written again."""
    try:
        key = (builder.__module__, builder.__qualname__, repr(reference(arguments)), fingerprint())
    except NotReplayable:
        counts["built"] += 1
        return builder(*arguments)
    recording = _recordings.get(key)
    if recording is not None and replay(recording):
        counts["replayed"] += 1
        return resolve(recording.result)
    before = read_rows()
    result = builder(*arguments)
    counts["built"] += 1
    with contextlib.suppress(NotReplayable):  # a result we cannot refer to: built for real every time
        _recordings[key] = difference(before, read_rows(), result=reference(result), sequences=sequence_positions())
        counts["recorded"] += 1
    return result


class NotReplayable(Exception):
    """A value that cannot be stood for by references to rows."""


def reference(value):
    """``value`` with every model instance replaced by (its model, its key), so it can be read again."""
    if isinstance(value, models.Model):
        return ("row", value._meta.label, value.pk)
    if isinstance(value, dict):
        return {name: reference(item) for name, item in value.items()}
    if isinstance(value, types.SimpleNamespace):
        return ("namespace", reference(vars(value)))
    if isinstance(value, (list, tuple)):
        return ("sequence", type(value).__name__, tuple(reference(item) for item in value))
    if value is None or isinstance(value, (str, int, type)):
        return value
    if isinstance(value, types.FunctionType) and not value.__closure__ and plain(value.__defaults__ or ()):
        return ("function", value.__module__, value.__qualname__)  # its code alone decides what it does
    raise NotReplayable(value)


def plain(values):
    return all(value is None or isinstance(value, (str, int, float)) for value in values)


def resolve(value):
    if isinstance(value, dict):
        return {name: resolve(item) for name, item in value.items()}
    if isinstance(value, tuple) and value[0] == "namespace":
        return types.SimpleNamespace(**resolve(value[1]))
    if isinstance(value, tuple) and value[0] == "row":
        return apps.get_model(value[1]).objects.get(pk=value[2])
    if isinstance(value, tuple) and value[0] == "sequence":
        items = [resolve(item) for item in value[2]]
        return items if value[1] == "list" else tuple(items)
    return value


@functools.cache
def tables(vendor):
    """Every table of the database with its key and columns, each after the tables it refers to (a foreign
    key that is checked at once, as the search index's are, needs its row first); not the tables that
    triggers fill, nor full-text shadows."""
    with connection.cursor() as cursor:
        names = set(connection.introspection.table_names(cursor)) - {"django_migrations"}
        full_text = set()
        if vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
            full_text = {name for (name,) in cursor.fetchall()}
        shadows = {f"{name}_{part}" for name in full_text for part in ("data", "idx", "content", "docsize", "config")}
        found = []
        for name in referred_first(cursor, names - shadows - filled_by_triggers(cursor), full_text):
            cursor.execute(f"SELECT * FROM {quoted(name)} WHERE 1 = 0")
            columns = tuple(column[0] for column in cursor.description)
            if name in full_text:
                found.append(Table(name, "rowid", ("rowid", *columns)))
                continue
            key = connection.introspection.get_primary_key_column(cursor, name)
            if key is None:
                raise NotReplayable(name)
            generated = generated_columns(cursor, name)
            found.append(Table(name, key, tuple(column for column in columns if column not in generated)))
    return tuple(found)


def referred_first(cursor, names, full_text):
    """``names`` in an order where a table comes after those its foreign keys refer to (where they make no circle)."""
    referred = {
        name: set()
        if name in full_text
        else {table for _column, table in connection.introspection.get_relations(cursor, name).values()}
        for name in names
    }
    ordered, seen = [], set()

    def visit(name):
        if name in seen:
            return
        seen.add(name)
        for table in sorted(referred[name] & names):
            visit(table)
        ordered.append(name)

    for name in sorted(names):
        visit(name)
    return ordered


def filled_by_triggers(cursor):
    """Tables that triggers write (Wagtail's SQLite search index copies its entries into a full-text table):
    replaying the entries fills them again."""
    if connection.vendor == "sqlite":
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
        return {name for (sql,) in cursor.fetchall() for name in re.findall(r"(?:INSERT INTO|UPDATE)\s+(\w+)", sql)}
    cursor.execute("SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = current_schema()")
    if cursor.fetchone()[0]:
        raise NotReplayable("PostgreSQL triggers")  # none so far: look at what they write before replaying
    return set()


def generated_columns(cursor, name):
    if connection.vendor != "postgresql":
        return ()
    cursor.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s AND is_generated = 'ALWAYS'", [name]
    )
    return {column for (column,) in cursor.fetchall()}


def quoted(name):
    return connection.ops.quote_name(name)


def selected(table):
    """The SELECT list of a table's rows; on PostgreSQL as text, which casts back to any column's type."""
    if connection.vendor == "postgresql":
        return ", ".join(f"{quoted(column)}::text" for column in table.columns)
    return column_list(table)


def fingerprint():
    """What tells this database's state from another's in the suite, in one query.

    On SQLite: the number of rows and the largest key of every table. On PostgreSQL, where counting
    the rows of 130 tables took 30 to 70 ms: where every sequence stands (a millisecond). Every test
    starts from the same database with the sequences set back (``restore_sequences``), so they tell
    how many rows it inserted into each table. A row it deleted or changed is not seen there; the rows
    the build itself changes or deletes are checked one by one (``found_as_recorded``)."""
    if connection.vendor == "postgresql":
        return tuple(sequence_positions())
    sql = " UNION ALL ".join(
        f"SELECT '{table.name}', COUNT(*), MAX(CAST({key_of(table)} AS TEXT)) FROM {quoted(table.name)}"
        for table in tables(connection.vendor)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(sorted(cursor.fetchall()))


def read_rows():
    """{table: {key: row}} of every table."""
    rows = {}
    with connection.cursor() as cursor:
        for table in tables(connection.vendor):
            cursor.execute(f"SELECT {selected(table)} FROM {quoted(table.name)}")
            at = table.columns.index(table.key)
            rows[table] = {row[at]: row for row in cursor.fetchall()}
    return rows


def difference(before, after, *, result, sequences):
    recording = Recording(result=result, sequences=sequences)
    for table, rows in after.items():
        old = before[table]
        inserted = [row for key, row in rows.items() if key not in old]
        updated = [
            (key, changed_columns(table, old[key], row)) for key, row in rows.items() if key in old and old[key] != row
        ]
        deleted = {key: row for key, row in old.items() if key not in rows}
        if inserted:
            recording.inserted[table] = inserted
        if updated:
            recording.updated[table] = updated
        if deleted:
            recording.deleted[table] = deleted
    return recording


def changed_columns(table, before, after):
    return {column: (old, new) for column, old, new in zip(table.columns, before, after, strict=True) if old != new}


def replay(recording):
    """Write the recorded rows, if every row the builder changed is as it found it; False (nothing written) if not."""
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            if not found_as_recorded(cursor, recording):
                raise _Differs
            write(cursor, recording)
        set_sequences(recording.sequences)  # past the keys written, as the build left them
    except (_Differs, DatabaseError):  # a key taken, a row changed: the test builds for real
        return False
    for cache in caches.all():  # what a build's signals would have dropped
        cache.clear()
    return True


class _Differs(Exception):
    pass


def write(cursor, recording):
    for table, rows in reversed(recording.deleted.items()):  # a row before those it refers to
        cursor.executemany(f"DELETE FROM {quoted(table.name)} WHERE {key_of(table)} = %s", [[key] for key in rows])
    for table, rows in recording.inserted.items():
        if connection.vendor == "postgresql":
            # COPY: psycopg's executemany sends a statement a row (77 ms a replay of the catalogue, most of the
            # PostgreSQL run's extra time); the rows were read as text, which COPY takes for any column's type.
            with cursor.copy(f"COPY {quoted(table.name)} ({column_list(table)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            continue
        places = ", ".join(["%s"] * len(table.columns))
        cursor.executemany(f"INSERT INTO {quoted(table.name)} ({column_list(table)}) VALUES ({places})", rows)
    for table, changes in recording.updated.items():
        for key, columns in changes:
            assignments = ", ".join(f"{quoted(column)} = %s" for column in columns)
            values = [new for _old, new in columns.values()]
            cursor.execute(f"UPDATE {quoted(table.name)} SET {assignments} WHERE {key_of(table)} = %s", [*values, key])


def found_as_recorded(cursor, recording):
    """Whether each row the builder changed or deleted still holds the values it found."""
    expected = []
    for table, changes in recording.updated.items():
        if table.name in VERSION_TOKENS:
            continue
        expected += [(table, key, {column: old for column, (old, _new) in columns.items()}) for key, columns in changes]
    for table, rows in recording.deleted.items():
        expected += [(table, key, dict(zip(table.columns, row, strict=True))) for key, row in rows.items()]
    for table, key, values in expected:
        cursor.execute(f"SELECT {selected(table)} FROM {quoted(table.name)} WHERE {key_of(table)} = %s", [key])
        row = cursor.fetchone()
        found = dict(zip(table.columns, row, strict=True)) if row is not None else {}
        if any(found.get(column, _Differs) != value for column, value in values.items()):
            return False
    return True


def key_of(table):
    return "rowid" if table.key == "rowid" else quoted(table.key)


def column_list(table):
    return ", ".join(table.columns if table.key == "rowid" else map(quoted, table.columns))


def sequence_positions():
    """PostgreSQL: (sequence, last value, is called) of every sequence; empty on SQLite, whose keys follow its rows."""
    if connection.vendor != "postgresql":
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), "
            "COALESCE(last_value, start_value), last_value IS NOT NULL FROM pg_sequences ORDER BY 1"
        )
        return cursor.fetchall()


def set_sequences(positions):
    if positions:
        calls = ", ".join("setval(%s, %s, %s)" for _position in positions)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {calls}", [value for position in positions for value in position])


def keep_sequences():
    """Note where PostgreSQL's sequences stand in the just-migrated database."""
    _sequences[:] = sequence_positions()


def restore_sequences():
    """Set PostgreSQL's sequences back to where migrating left them (a rolled-back test does not)."""
    set_sequences(_sequences)
