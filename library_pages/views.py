from django.http import Http404
from django.shortcuts import get_object_or_404

from dsm_data.files import private_file_response

from .models import DocumentPage, LibraryDocument
from .models.base import refuse
from .selectors import document_file_is_readable_by


def document_file(request, page_id, filename):
    """A library document's file, from its page's download link."""
    page = get_object_or_404(DocumentPage.objects.live().select_related("document"), pk=page_id)
    return _library_file(request, page.document, filename)


def wagtail_document(request, document_id, document_filename):
    """Wagtail's document URL (rich text links, the admin)."""
    return _library_file(request, get_object_or_404(LibraryDocument, pk=document_id), document_filename)


def _library_file(request, document, filename):
    """Every download of a library file: after the one permission check (the proxy sends it in production)."""
    if document is None or document.filename != filename:
        raise Http404
    if not document_file_is_readable_by(request.user, document):
        return refuse(request)
    return private_file_response(document.file, document.filename)
