import time

from django.core.management.base import BaseCommand

from search.backends import get_backend
from search.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index (the database's, or Elasticsearch's when DSM_ELASTICSEARCH_URL is set)."

    def handle(self, *args, **options):
        started = time.monotonic()
        backend = get_backend()
        count = rebuild_index()
        self.stdout.write(f"Search index ({backend.name}): {count} entries in {time.monotonic() - started:.1f} s.")
