from django.http import Http404
from django.shortcuts import get_object_or_404

from dsm_data.files import private_file_response
from dsm_data.services import audit_events

from .models import DocumentPage, LibraryDocument
from .models.base import refuse
from .models.documents import VISIBILITY_ORDER, Visibility
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
    _record_restricted_download(document)
    return private_file_response(document.file, document.filename)


def _record_restricted_download(document):
    """A file no live public document offers enters the audit trail, with its widest visibility and country."""
    offers = DocumentPage.objects.live().filter(document=document).select_related("country")
    widest = min(offers, key=lambda page: VISIBILITY_ORDER.index(page.visibility), default=None)
    if widest is not None and widest.visibility == Visibility.PUBLIC:
        return
    audit_events.record_download(
        document,
        kind="document",
        country=widest.country if widest else None,
        visibility=widest.visibility if widest else "unpublished",
    )
