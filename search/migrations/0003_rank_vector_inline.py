"""Keep PostgreSQL's rank vector in the row, uncompressed when it fits.

Ranking reads the rank vector of every match: stored out of line (TOAST, the default for
a value over 2 KB), each read is an index lookup and a decompression, which made ranking
5,000 matches take 200 ms; in the row it takes 10 ms (bench/search.py).
"""

from django.db import migrations


def set_storage(storage):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER TABLE dsm_search_searchentry ALTER COLUMN rank_vector SET STORAGE {storage}")

    return operation


class Migration(migrations.Migration):
    dependencies = [("dsm_search", "0002_fulltext")]

    operations = [migrations.RunPython(set_storage("MAIN"), set_storage("EXTENDED"))]
