"""Reads of library_pages for the views, the site's menus and the search.

Direction: selectors -> models -> (page_trees, languages, forms). The reads a page
shows live with the models (``DocumentPage.objects.readable_by``,
``EventPage.objects.upcoming_and_recent``, ``models.library``), so that the page
models never import this module; what other code asks of the pages is named here.
Every listing of documents goes through ``DocumentPage.objects.readable_by`` before
it is counted or paginated, so a count or a page number never reveals a hidden document.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from dsm_data import permissions

from .languages import reader_language
from .models import DocumentPage, EventPage, HomePage
from .models.base import cached, pages_version
from .models.library import countries, library_sections
from .page_trees import in_reader_language, place_in_default_tree

__all__ = [
    "countries",
    "document_file_is_readable_by",
    "library_sections",
    "readable_links",
    "site_menu",
    "site_sections",
    "upcoming_and_recent_events",
]


def readable_links(user, links):
    """The library documents behind ``links`` that ``user`` may read, in the reader's language, in the links' order."""
    return DocumentPage.objects.readable_by(user).behind_links(links)


def upcoming_and_recent_events(limit=3, today=None):
    """The next events, soonest first, then the latest past ones: ``limit`` in all, in one query."""
    return EventPage.objects.upcoming_and_recent(limit=limit, today=today)


def site_sections(request=None):
    """The site's sections (e-library, training, events, ...) shown in menus, in the reader's language.

    The home pages' children; a section not yet translated appears in the default
    language, at its place among its siblings (``page_trees.place_in_default_tree``).
    Cached until a page changes.
    """

    def read():
        types = list(ContentType.objects.get_for_models(*HomePage.allowed_subpage_models()).values())
        sections = Page.objects.filter(depth=3, content_type__in=types).in_menu()
        return list(in_reader_language(sections).order_by(place_in_default_tree(3), "path"))

    return cached(("site-sections", pages_version(request), reader_language()), read)


def site_menu(request):
    """The sections' titles and links for the main navigation, cached like ``site_sections``.

    A page's link costs Wagtail a look-up of the sites and their root paths; on every page
    of the portal that was a seventh of its time. The host is part of the key because a link
    is absolute when several sites are served.
    """

    def read():
        return [(section.title, section.get_url(request)) for section in site_sections(request)]

    return cached(("site-menu", pages_version(request), reader_language(), request.get_host()), read)


def document_file_is_readable_by(user, document):
    """A file of the library: editors read all; others a file that a live document they may read offers."""
    if permissions.is_editor(user):
        return True
    return permissions.readable_documents(user, DocumentPage.objects.live().filter(document=document)).exists()
