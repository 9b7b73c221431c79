from django.http import Http404
from django.shortcuts import get_object_or_404

from dsm_data.files import private_file_response

from .models import DocumentPage, LibraryDocument
from .models.base import refuse
from .selectors import document_file_is_readable_by


def document_file(request, page_id, filename):
    """A library document's file, after the permission check (the proxy sends it in production)."""
    page = get_object_or_404(DocumentPage.objects.live().select_related("document", "country"), pk=page_id)
    if page.document is None or page.document.filename != filename:
        raise Http404
    if not page.is_readable_by(request.user):
        return refuse(request)
    return private_file_response(page.document.file, page.document.filename)


def wagtail_document(request, document_id, document_filename):
    """Wagtail's document URL (rich text links, the admin), with the same check."""
    document = get_object_or_404(LibraryDocument, pk=document_id)
    if document.filename != document_filename:
        raise Http404
    if not document_file_is_readable_by(request.user, document):
        return refuse(request)
    return private_file_response(document.file, document.filename)
