"""Writing values and their revisions in bulk: a few statements for a whole grid.

An Excel upload brings 100,000 cells, and even the ORM's bulk_create spends more
time in Python than the database takes to store them (see bench/excel_import.py).
The callers (``services.submissions``) have checked and locked everything first.
"""

from django.db import connection
from django.utils import timezone

from ..cells import Cell
from ..intake.problems import errors_and_warnings
from ..models import Status, Value, ValueRevision
from ..selectors.submissions import grid_problems
from ..validation import recompute_totals

# What a cell holds, as ``Cell.same_content`` compares it: all but the comment, which changes without a revision.
CONTENT_FIELDS = ("number", "absence", "is_provisional", "is_estimated", "footnote")


def checked_cells(submission, indicator, cells, *, grid, stored):
    """What ``indicator`` would hold with ``cells`` of its grid over the ``stored`` ones, blank totals recomputed.

    Returns (the merged cells, the pks of the totals recomputed, errors, warnings); nothing is written.
    """
    known = {series.pk for series in grid.series}
    merged = {**stored, **{pk: cell for pk, cell in cells.items() if pk in known}}
    totals = recompute_totals(grid, merged, stored)
    errors, warnings = errors_and_warnings(grid_problems(submission, indicator, grid=grid, cells=merged))
    return merged, totals, errors, warnings


def write_cells(submission, link, cells, *, user, channel, reason, is_correction=False, delivery=None):
    """Store the cells that differ from the stored values, each change with its revision; returns how many changed.

    A revision's reason is its cell's own (a long table's ``reason`` column), else ``reason``;
    ``delivery`` is the file that brought the cells, for its receipt. A value added to a
    published submission is released with the submission's figures (its release time).
    """
    stored = {
        row["series_id"]: row
        for row in Value.objects.filter(submission=submission, indicator=link.indicator).values(
            "pk", "series_id", "revision", *CONTENT_FIELDS, "comment"
        )
    }
    added, changed, comments = [], [], []
    revised = []  # (series pk, revision, cell) in the order of the cells
    for series_pk, cell in cells.items():
        row = stored.get(series_pk)
        if row is not None and Cell.from_value(row).same_content(cell):
            if row["comment"] != cell.comment:
                comments.append((cell.comment, row["pk"]))
            continue
        if row is None:
            if cell.is_blank and not cell.comment:
                continue
            added.append((series_pk, cell))
            revised.append((series_pk, 1, cell))
        else:
            changed.append((row["pk"], row["revision"] + 1, cell))
            revised.append((series_pk, row["revision"] + 1, cell))
    number_field = Value._meta.get_field("number")
    adapt = connection.ops.adapt_decimalfield_value  # looked up once: the connection proxy costs per call
    digits, places = number_field.max_digits, number_field.decimal_places
    rows_of = {}  # id(cell) -> its row: a value and its revision store the same content, adapted once

    def cell_row(cell):
        """The cell's CONTENT_FIELDS as the database driver takes them."""
        row = rows_of.get(id(cell))
        if row is None:
            number = adapt(cell.number, digits, places)
            row = rows_of[id(cell)] = (number, cell.absence, cell.is_provisional, cell.is_estimated, cell.footnote)
        return row

    fixed = {
        "submission": submission.pk,
        "indicator": link.indicator.pk,
        "country": submission.country.pk,
        "period": submission.period.pk,
        "confidentiality": link.confidentiality,
        "revision": 1,
        "released_at": _released_at(submission),
    }
    insert_rows(
        Value,
        ["series", *CONTENT_FIELDS, "comment", *fixed],
        [(series_pk, *cell_row(cell), cell.comment, *fixed.values()) for series_pk, cell in added],
    )
    update_rows(
        Value,
        [*CONTENT_FIELDS, "comment", "revision"],
        [(*cell_row(cell), cell.comment, revision, pk) for pk, revision, cell in changed],
    )
    update_rows(Value, ["comment"], comments)
    value_pks = dict(
        Value.objects.filter(submission=submission, indicator=link.indicator).values_list("series_id", "pk")
    )
    changed_at = ValueRevision._meta.get_field("changed_at").get_db_prep_save(timezone.now(), connection)
    insert_rows(
        ValueRevision,
        ["value", "revision", *CONTENT_FIELDS, "channel", "reason", "is_correction", "changed_by", "changed_at"]
        + ["delivery"],
        [
            (value_pks[series_pk], revision, *cell_row(cell), channel, cell.reason or reason, is_correction, user.pk)
            + (changed_at, delivery.pk if delivery is not None else None)
            for series_pk, revision, cell in revised
        ],
    )
    return len(revised)


def _released_at(submission):
    """The release time a new value of ``submission`` gets: its figures' once published, else none yet."""
    if submission.status != Status.PUBLISHED:
        return None
    field = Value._meta.get_field("released_at")
    return field.get_db_prep_save(submission.release_at or submission.published_at, connection)


def insert_rows(model, field_names, rows):
    """INSERT every row (a tuple in the order of ``field_names``); the model's other fields get their defaults.

    In one go: COPY on PostgreSQL (which executemany would serve a row at a time,
    and a long multi-row INSERT would keep psycopg busy parsing placeholders);
    one prepared statement for every row on SQLite.
    """
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    others = [field for field in model._meta.concrete_fields if field not in fields and not field.primary_key]
    defaults = tuple(field.get_db_prep_save(field.get_default(), connection) for field in others)
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields + others)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row + defaults)
        else:
            placeholders = ", ".join(["%s"] * len(fields + others))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", [row + defaults for row in rows]
            )


def update_rows(model, field_names, rows):
    """UPDATE rows by primary key: each row gives the fields in the order of ``field_names``, then the pk."""
    if not rows:
        return
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(model._meta.get_field(name).column)} = %s" for name in field_names)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s", rows
        )
