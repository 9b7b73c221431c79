"""The Wagtail admin trimmed to what its user may see (``dsm_data.permissions.admin``).

Wagtail's page and collection permissions do most of it: a country administrator holds
rights on their country's profile and intranet only (``services``), and no document
rights (migration 0005). What those permissions do not reach is trimmed here:

- the listings (explorer, page and document choosers, admin API) through the hooks of
  ``wagtail_hooks``, which call the functions below;
- the admin's pages that show a title before they check a permission (the explorer's
  header, the page chooser's parent and its "chosen" answer, the bulk actions'
  confirmations, the page types report), and wagtail-localize's translation
  submissions, by ``AdminTrimmingMiddleware``, which refuses them before the view runs.
"""

from django.core.exceptions import BadRequest, ObjectDoesNotExist, PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.api.views import PagesAdminAPIViewSet
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from dsm_data import permissions

from .models import DocumentPage

# Wagtail admin URL arguments that name a page.
PAGE_ARGUMENTS = ("page_id", "parent_page_id", "page_to_move_id", "destination_id")
CHOSEN_PAGES_VIEW = "wagtailadmin_choose_page_chosen_multiple"
BULK_ACTION_VIEW = "wagtail_bulk_action"
WHOLE_SITE_REPORTS = ("wagtailadmin_reports:page_types_usage", "wagtailadmin_reports:page_types_usage_results")
PAGE_TYPES_REPORT_MENU_ITEM = "page-types-usage"
SUBMIT_TRANSLATION_VIEW = "wagtail_localize:submit_page_translation"
UPDATE_TRANSLATIONS_VIEW = "wagtail_localize:update_translations"


# The listings, filtered by the hooks ---------------------------------------------------


def visible_pages(request, pages):
    """``pages`` trimmed to those the request's user sees in the admin."""
    return permissions.admin_pages(request.user, pages)


def visible_documents(request, documents):
    """``documents`` (the library's files) trimmed to those the request's user sees in the admin."""
    return permissions.admin_documents(request.user, documents, document_pages=DocumentPage.objects.all())


def reports_menu_items(request, menu_items):
    """The reports menu without the reports over the whole site, for those who do not see it all."""
    if permissions.can_see_whole_site_reports(request.user):
        return menu_items
    return [item for item in menu_items if item.name != PAGE_TYPES_REPORT_MENU_ITEM]


def refuse_move(request, page, destination):
    """A move's confirmation, refused before it names the page to those who may not move it there."""
    user = request.user
    if not (permissions.can_act_on_admin_page(user, page) and permissions.can_see_admin_page(user, destination)):
        raise PermissionDenied(_("You may not move this page."))


class TrimmedPagesAdminAPIViewSet(PagesAdminAPIViewSet):
    """The admin API's pages: those Wagtail lets the user explore, and among them those they see."""

    def get_base_queryset(self):
        return visible_pages(self.request, super().get_base_queryset())


class TrimmedDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's files: those the user sees in the admin (Wagtail's own lists them all)."""

    def get_queryset(self):
        return visible_documents(self.request, super().get_queryset())


def trim_admin_api(router):
    router.register_endpoint("pages", TrimmedPagesAdminAPIViewSet)
    router.register_endpoint("documents", TrimmedDocumentsAdminAPIViewSet)


# The pages refused before their view runs --------------------------------------------


class AdminTrimmingMiddleware:
    """Refuses, before the view runs, the admin's pages that would show what the user may not see.

    It also takes the double quotes out of the admin's searches (``q``): the database
    search backend on SQLite puts the words between double quotes without escaping
    them, and a quote made the page chooser's search a server error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        without_quotes(request)
        match = request.resolver_match
        if request.user.is_authenticated and match is not None:
            check_admin_view(request, match.view_name, match.kwargs)
        return None


def without_quotes(request):
    """The admin's search words without double quotes, which no admin search needs."""
    if '"' in request.GET.get("q", ""):
        query = request.GET.copy()
        query["q"] = query["q"].replace('"', " ")
        request.GET = query


def check_admin_view(request, view_name, arguments):
    """Raise PermissionDenied when the admin view ``view_name`` would show the user what they may not see."""
    user = request.user
    check_translation(user, view_name, arguments)
    chosen_ids = chosen_page_ids(request) if view_name == CHOSEN_PAGES_VIEW else []
    bulk_on_pages = view_name == BULK_ACTION_VIEW and (arguments["app_label"], arguments["model_name"]) == (
        "wagtailcore",
        "page",
    )
    if permissions.sees_whole_admin(user):
        return
    named = [arguments[name] for name in PAGE_ARGUMENTS if name in arguments]
    named_pages = Page.objects.filter(pk__in=[*named, *chosen_ids])
    # One query for all the pages named, not one a page: those outside what the user sees.
    if named_pages.exclude(pk__in=permissions.admin_pages(user, named_pages).values("pk")).exists():
        raise PermissionDenied(_("You may not see this page."))
    if view_name in WHOLE_SITE_REPORTS:
        raise PermissionDenied(_("This report covers every page of the site."))
    if bulk_on_pages:
        check_bulk_action(request)


def page_ids(request):
    """The pages named by the request's ``id`` parameters; 400 for anything but a page's number."""
    ids = request.GET.getlist("id")
    if not all(value.isdigit() for value in ids):
        raise BadRequest(_("The parameter “id” takes page numbers."))
    return [int(value) for value in ids]


def chosen_page_ids(request):
    """The pages the page chooser's "chosen" answer would describe; the root, which has no parent, is no choice."""
    ids = page_ids(request)
    if Page.objects.filter(pk__in=ids, depth=1).exists():
        raise BadRequest(_("The root of the page tree cannot be chosen."))
    return ids


def check_bulk_action(request):
    """A bulk action on pages names, on its confirmation, every page chosen: only pages the user may act on."""
    if "all" in request.GET.getlist("id"):
        raise PermissionDenied(_("Choose the pages one by one."))
    for page in Page.objects.filter(pk__in=page_ids(request)):
        if not permissions.can_act_on_admin_page(request.user, page):
            raise PermissionDenied(_("You may not act on this page."))


def translated_page(view_name, arguments):
    """The page whose translations wagtail-localize's view ``view_name`` would submit or update, or None."""
    if view_name == SUBMIT_TRANSLATION_VIEW:
        return Page.objects.filter(pk=arguments["page_id"]).first()
    if view_name != UPDATE_TRANSLATIONS_VIEW:
        return None
    source = TranslationSource.objects.filter(pk=arguments["translation_source_id"]).first()
    try:
        instance = source.get_source_instance() if source is not None else None
    except ObjectDoesNotExist:
        return None  # the view answers 404 itself
    return instance if isinstance(instance, Page) else None


def check_translation(user, view_name, arguments):
    """wagtail-localize's submission and update of a page's translations: only for those who may edit the page."""
    page = translated_page(view_name, arguments)
    if page is not None and not permissions.can_translate_admin_page(user, page):
        raise PermissionDenied(_("You may not translate this page."))
