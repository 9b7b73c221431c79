"""PostgreSQL only: the body's tokens in passages of 256 (16 overlapping), for phrase and proximity checks.

A tsvector keeps positions up to 16,383 and at most 256 positions per word: past that, a phrase deep in a
long code is lost. Passages (with a small overlap) keep every phrase of up to 16 words inside one vector.
SQLite's FTS5 table has no such limits and needs nothing here. See search.backends.database.
"""

from django.db import migrations

POSTGRESQL = [
    (
        "CREATE TABLE dsm_search_passage (entry_id integer NOT NULL REFERENCES dsm_search_searchentry(id)"
        " ON DELETE CASCADE, number smallint NOT NULL, vector tsvector NOT NULL, PRIMARY KEY (entry_id, number))",
        "DROP TABLE IF EXISTS dsm_search_passage",
    ),
    (
        "CREATE INDEX dsm_search_passage_vector ON dsm_search_passage USING gin (vector)",
        "DROP INDEX IF EXISTS dsm_search_passage_vector",
    ),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for forward, _backward in POSTGRESQL:
            schema_editor.execute(forward)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for _forward, backward in reversed(POSTGRESQL):
            schema_editor.execute(backward)


class Migration(migrations.Migration):
    dependencies = [("dsm_search", "0004_words")]

    operations = [migrations.RunPython(create, drop)]
