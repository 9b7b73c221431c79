"""Background work of the search: reading a library file's text (django-tasks).

In development and tests the immediate backend runs it at once; production runs the
database backend (django-tasks-db) and a worker, so an upload never waits for it.
"""

import logging

from django.conf import settings
from django_tasks import task

from dsm_data.intake.files import ArchiveLimits
from library_pages.models import LibraryDocument

from . import extraction
from .indexing import index_pages_of_document, index_safely

logger = logging.getLogger(__name__)


def read_file(document):
    """(status, text, error) of a library file, within the size and time limits; never raises."""
    try:
        size = document.file.size
        if size > settings.DSM_EXTRACTION_MAX_BYTES:
            limit = settings.DSM_EXTRACTION_MAX_BYTES // (1024 * 1024)
            return extraction.FAILED, "", extraction.failure(extraction.TOO_LARGE, f"> {limit} MB")
        with document.file.open("rb") as file:
            data = file.read()
    except OSError as error:
        return extraction.FAILED, "", extraction.failure(extraction.UNOPENABLE, str(error))
    return extraction.extract_in_subprocess(
        data,
        document.filename,
        timeout=settings.DSM_EXTRACTION_TIMEOUT_SECONDS,
        limits=ArchiveLimits.from_settings(settings),
    )


@task()
def extract_document_text(document_id):
    """Read the file, store its text or the reason it failed, and re-index the documents that offer it."""
    document = LibraryDocument.objects.filter(pk=document_id).first()
    if document is None:
        return None
    try:
        status, text, error = read_file(document)
    except Exception as exception:  # never leave a file "pending" for ever
        logger.exception("Text extraction of library file %s failed", document_id)
        status, text, error = extraction.FAILED, "", extraction.failure(extraction.UNEXPECTED, str(exception))
    text = text.replace("\x00", "")  # PostgreSQL refuses NUL in text
    LibraryDocument.objects.filter(pk=document_id).update(
        extracted_text=text, extraction_status=status, extraction_error=error
    )
    document.extracted_text = text
    index_safely(index_pages_of_document, document)
    return status
