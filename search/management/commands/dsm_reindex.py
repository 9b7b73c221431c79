import time

from django.core.management.base import BaseCommand
from django.db.models import Q

from library_pages.models import LibraryDocument
from search.backends import get_backend
from search.indexing import rebuild_index
from search.tasks import extract_document_text

# The files whose text ``--reread`` reads again, by kind (their names' endings).
REREAD_KINDS = {"html": (".html", ".htm")}


class Command(BaseCommand):
    help = "Rebuild the search index (the database's, or Elasticsearch's when DSM_ELASTICSEARCH_URL is set)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reread",
            choices=sorted(REREAD_KINDS),
            help="First read the text of these library files again (e.g. html, after the reader changed).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        if options["reread"]:
            self.reread(REREAD_KINDS[options["reread"]])
        backend = get_backend()
        count = rebuild_index()
        self.stdout.write(f"Search index ({backend.name}): {count} entries in {time.monotonic() - started:.1f} s.")

    def reread(self, endings):
        """Queue each file's reading (run at once by the immediate backend; else by the worker, which reindexes)."""
        names = Q()
        for ending in endings:
            names |= Q(file__iendswith=ending)
        document_ids = list(LibraryDocument.objects.filter(names).values_list("pk", flat=True))
        for document_id in document_ids:
            extract_document_text.enqueue(document_id)
        self.stdout.write(f"Files to read again: {len(document_ids)}.")
