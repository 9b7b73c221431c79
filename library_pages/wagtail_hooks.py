"""Wagtail's hooks of the library's pages: document URLs obey the library's visibility rule,
and the admin is trimmed to what its user may see (``admin_trimming``).

``/documents/<id>/<name>`` is routed to ``views.wagtail_document`` (site urls), since
Wagtail's own serve view asks the storage for a URL, which the private storage has
not. Should anything still reach Wagtail's view, this hook refuses what the reader
may not read.
"""

from wagtail import hooks

from . import admin_trimming
from .models.base import refuse
from .selectors import document_file_is_readable_by


@hooks.register("before_serve_document")
def refuse_unreadable_document(document, request):
    if not document_file_is_readable_by(request.user, document):
        return refuse(request)
    return None


@hooks.register("construct_explorer_page_queryset")
def trim_explorer(parent_page, pages, request):
    return admin_trimming.visible_pages(request, pages)


@hooks.register("construct_page_chooser_queryset")
def trim_page_chooser(pages, request):
    return admin_trimming.visible_pages(request, pages)


@hooks.register("construct_document_chooser_queryset")
def trim_document_chooser(documents, request):
    return admin_trimming.visible_documents(request, documents)


@hooks.register("construct_reports_menu")
def trim_reports_menu(request, menu_items):
    menu_items[:] = admin_trimming.reports_menu_items(request, menu_items)


@hooks.register("before_move_page")
def refuse_move(request, page, destination):
    admin_trimming.refuse_move(request, page, destination)


# After Wagtail's own (order 0), which registers the endpoints this replaces.
@hooks.register("construct_admin_api", order=1)
def trim_admin_api(router):
    admin_trimming.trim_admin_api(router)
