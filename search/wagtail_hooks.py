"""The admin's report of library files whose text could not be read (Reports → Unreadable files)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from dsm_data import permissions

from .indexing import documents_with_extraction_problems


def extraction_report(request):
    if not permissions.is_editor(request.user):
        raise PermissionDenied
    return render(
        request,
        "search/admin/extraction_report.html",
        {"documents": documents_with_extraction_problems().select_related("uploaded_by_user")},
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
