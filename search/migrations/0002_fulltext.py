"""The database's full-text structure beside the entries: an FTS5 table on SQLite, tsvector columns on PostgreSQL.

Written as SQL of the vendor, since neither is a Django field; see search.backends.database.
"""

from django.db import migrations

SQLITE = [
    (
        'CREATE VIRTUAL TABLE dsm_search_fulltext USING fts5(title, summary, body, tokenize="unicode61 remove_diacritics 0")',
        "DROP TABLE IF EXISTS dsm_search_fulltext",
    ),
]
POSTGRESQL = [
    (
        "ALTER TABLE dsm_search_searchentry ADD COLUMN search_vector tsvector, ADD COLUMN rank_vector tsvector",
        "ALTER TABLE dsm_search_searchentry DROP COLUMN IF EXISTS search_vector, DROP COLUMN IF EXISTS rank_vector",
    ),
    (
        "CREATE INDEX dsm_search_entry_vector ON dsm_search_searchentry USING gin (search_vector)",
        "DROP INDEX IF EXISTS dsm_search_entry_vector",
    ),
]


def statements(connection):
    return {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(connection.vendor, [])


def create(apps, schema_editor):
    for forward, _backward in statements(schema_editor.connection):
        schema_editor.execute(forward)


def drop(apps, schema_editor):
    for _forward, backward in reversed(statements(schema_editor.connection)):
        schema_editor.execute(backward)


class Migration(migrations.Migration):
    dependencies = [("dsm_search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
