"""The admin's report of library files whose text could not be read (Reports → Unreadable files)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from dsm_data import permissions

from . import extraction
from .indexing import documents_with_extraction_problems

REASONS = {
    extraction.UNSUPPORTED_TYPE: _("No text can be read from this kind of file: PDF, DOCX, ODT, TXT and HTML are."),
    extraction.ENCRYPTED: _("The PDF is encrypted; its text cannot be read."),
    extraction.TOO_MANY_PAGES: _("The PDF has too many pages."),
    extraction.DAMAGED: _("The file is damaged and cannot be read."),
    extraction.UNSAFE_ARCHIVE: _("The file unpacks suspiciously (too many parts, too large, or compressed too well)."),
    extraction.TIMEOUT: _("Reading the file took too long."),
    extraction.MEMORY: _("Reading the file needed too much memory."),
    extraction.TOO_LARGE: _("The file is too large for its text to be read."),
    extraction.UNOPENABLE: _("The file cannot be opened."),
    extraction.UNEXPECTED: _("The file could not be read."),
}


def extraction_problem(error):
    """(reason in the editor's language, technical detail) of a stored extraction error."""
    reason, _separator, detail = error.partition(": ")
    if reason in REASONS:
        return REASONS[reason], detail
    return REASONS[extraction.UNEXPECTED], error


def extraction_report(request):
    if not permissions.is_editor(request.user):
        raise PermissionDenied
    documents = documents_with_extraction_problems().select_related("uploaded_by_user")
    return render(
        request,
        "search/admin/extraction_report.html",
        {"rows": [(document, *extraction_problem(document.extraction_error)) for document in documents]},
    )


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.is_editor(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("search/unreadable-files/", extraction_report, name="dsm_search_extraction_report")]


@hooks.register("register_reports_menu_item")
def register_extraction_report_menu_item():
    return EditorsMenuItem(
        _("Unreadable files"),
        reverse("dsm_search_extraction_report"),
        name="unreadable-files",
        icon_name="warning",
        order=1400,
    )
