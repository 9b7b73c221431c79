"""Reads of library_pages: what a reader may see, in the reader's language.

Every listing of documents goes through ``permissions.readable_documents`` before it
is counted or paginated, so a count or a page number never reveals a hidden document.
"""

import hashlib
from itertools import groupby

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Case, F, OuterRef, Q, Subquery, When
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import Locale, Page

from dsm_data import permissions
from dsm_data.models import Country, Value

from .forms import LibraryFilterForm
from .languages import default_language, reader_language
from .models import DocumentPage, EventPage, HomePage, LibraryIndexPage, LibrarySectionPage, PagesVersion

DOCUMENTS_PER_PAGE = 20
# What the selectors cache is keyed by ``PagesVersion``'s token, so it is never read after
# a change; the timeout only frees the memory of unused entries.
CACHE_SECONDS = 24 * 60 * 60


def _in_locale(language_code):
    # A subquery rather than a join on the locales: with the join, SQLite reads the
    # locales first and then has to sort every document page of a listing.
    return Q(locale__in=Locale.objects.filter(language_code=language_code))


def in_reader_language(pages):
    """Live pages in the active language, plus the default language's pages not yet translated into it."""
    pages = pages.live()
    active, default = reader_language(), default_language()
    if active == default:
        return pages.filter(_in_locale(active))
    translated = pages.model.objects.live().filter(_in_locale(active)).values("translation_key")
    return pages.filter(_in_locale(active) | _in_locale(default) & ~Q(translation_key__in=translated))


def readable_document_pages(user):
    """Live library documents ``user`` may read, one per document, in the reader's language."""
    pages = in_reader_language(DocumentPage.objects.all())
    return permissions.readable_documents(user, pages).select_related("country")


def latest_documents(user, limit=5):
    return list(readable_document_pages(user).order_by(*DocumentPage.LISTING_ORDER)[:limit])


def children_in_reader_language(index):
    """The live children of ``index`` in the reader's language; a child not yet translated appears
    in the default language, at its place among its siblings (as in ``site_sections``)."""
    within = Q()
    for path in Page.objects.filter(translation_key=index.translation_key).values_list("path", flat=True):
        within |= Q(path__startswith=path)
    children = Page.objects.filter(within, depth=index.depth + 1)
    return in_reader_language(children).order_by(_place_in_default_tree(index.depth + 1), "path").specific()


def _place_in_default_tree(depth):
    """The place among its siblings of a page's original, in the default language: the same for all
    its translations, whichever of its siblings are translated yet, so the trees list as one."""
    originals = Page.objects.filter(_in_locale(default_language()), translation_key=OuterRef("translation_key"))
    return Subquery(originals.values(place=Substr("path", (depth - 1) * Page.steplen + 1, Page.steplen))[:1])


def _is_upcoming(today):
    """Not over yet on ``today``: an event without an end date lasts one day."""
    return Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today)


def events_by_time(events, today=None):
    """(upcoming events, soonest first; past events, latest first)."""
    upcoming = _is_upcoming(today or timezone.localdate())
    return events.filter(upcoming).order_by("start_date"), events.exclude(upcoming).order_by("-start_date")


def upcoming_and_recent_events(limit=3, today=None):
    """The next events, soonest first, then the latest past ones: ``limit`` in all, in one query
    (past events have no first sort key, and those sort last)."""
    soonest_upcoming = Case(When(_is_upcoming(today or timezone.localdate()), then=F("start_date")))
    events = in_reader_language(EventPage.objects.all())
    return list(events.order_by(soonest_upcoming.asc(nulls_last=True), "-start_date")[:limit])


def country_documents(user, country, limit=20):
    return list(readable_document_pages(user).filter(country=country).order_by(*DocumentPage.LISTING_ORDER)[:limit])


def library_index():
    """The e-library in the reader's language (or the default one), for links into its listing."""
    return in_reader_language(LibraryIndexPage.objects.all()).first()


def sections_of(request=None):
    """The library's sections in the reader's language, in the order of Annex 3 (cached until a page changes)."""
    return _cached(
        ("library-sections", pages_version(request), reader_language()),
        lambda: list(in_reader_language(LibrarySectionPage.objects.all()).order_by("number", "title")),
    )


def countries(request=None):
    """Every country (cached until a page or a country changes)."""
    return _cached(("countries", pages_version(request)), lambda: list(Country.objects.all()))


def site_sections(request=None):
    """The site's sections (e-library, training, events, ...) shown in menus, in the reader's language.

    The home pages' children; a section not yet translated appears in the default
    language, at its place among its siblings (``_place_in_default_tree``).
    Cached until a page changes.
    """

    def read():
        types = list(ContentType.objects.get_for_models(*HomePage.allowed_subpage_models()).values())
        sections = Page.objects.filter(depth=3, content_type__in=types).in_menu()
        return list(in_reader_language(sections).order_by(_place_in_default_tree(3), "path"))

    return _cached(("site-sections", pages_version(request), reader_language()), read)


def pages_version(request=None):
    """The token of the pages' current state (``PagesVersion``), None before any change; read once per ``request``."""
    if request is not None and hasattr(request, "_dsm_pages_version"):
        return request._dsm_pages_version
    token = PagesVersion.objects.values_list("token", flat=True).first()
    if request is not None:
        request._dsm_pages_version = token
    return token


def _cached(parts, compute):
    """``compute()``, kept in Django's cache under ``parts`` (which include ``pages_version``)."""
    key = "library-pages:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


def _reader_kind(user):
    """What decides which documents ``user`` reads, as a cache key: the reading grants, the language."""
    grants = permissions.document_reading_grants(user)
    if grants is not None:
        grants = tuple((visibility, country and country.pk) for visibility, country in grants)
    return (reader_language(), grants)


def library_listing(request, library, section=None):
    """The e-library's documents filtered by the GET parameters (section, country, type, year, language).

    The filters' years and languages, and the count of documents, are read once per
    kind of reader (the same grants, the same language) and state of the pages
    (``pages_version``), then kept in the cache: each would be a pass over every
    readable document. The page of documents itself walks ``DocumentPage``'s index
    on ``LISTING_ORDER``.
    """
    user = request.user
    readable = readable_document_pages(user)
    sections = sections_of(request)
    version = pages_version(request)
    reader = (version, *_reader_kind(user))
    years, languages = _cached(("choices", *reader), lambda: (_years(readable), _languages(readable)))
    form = LibraryFilterForm(
        request.GET,
        sections=sections,
        countries=countries(request),
        years=years,
        languages=languages,
    )
    documents = readable
    if section is not None:
        documents = documents.filter(_in_section(section.slug))
    if form.is_valid():
        filters = form.cleaned_data
        if filters["section"] and section is None:
            documents = documents.filter(_in_section(filters["section"]))
        if filters["country"]:
            documents = documents.filter(country__code=filters["country"])
        if filters["type"]:
            documents = documents.filter(document_type=filters["type"])
        if filters["year"]:
            documents = documents.filter(date__year=filters["year"])
        if filters["language"]:
            documents = documents.filter(language=filters["language"])
    documents = documents.order_by(*DocumentPage.LISTING_ORDER)
    paginator = Paginator(documents, DOCUMENTS_PER_PAGE)
    filtered_by = sorted(form.cleaned_data.items()) if form.is_valid() else None
    paginator.count = _cached(("count", *reader, section and section.pk, filtered_by), documents.count)
    page_of_documents = paginator.get_page(request.GET.get("page"))
    return {"filter_form": form, "documents": page_of_documents, "sections": sections, "current_section": section}


def _years(documents):
    """The years from the newest document to the oldest: two walks of the date index, not a pass over every row."""
    dated = documents.filter(date__isnull=False).values_list("date", flat=True)
    first, last = dated.order_by("date").first(), dated.order_by("-date").first()
    if first is None:
        return []
    return list(range(last.year, first.year - 1, -1))


def _languages(documents):
    return sorted(documents.order_by().values_list("language", flat=True).distinct())


def _in_section(slug):
    """Documents under the section ``slug`` of any language's tree."""
    paths = LibrarySectionPage.objects.filter(slug=slug).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def readable_links(user, links):
    """The library documents behind ``links`` that ``user`` may read, in the reader's language, in the links' order.

    Two queries whatever the number of links: the linked pages' translation keys, then
    the readable documents with those keys (each in the reader's language, or in the
    default language while it has no live translation).
    """
    linked_ids = [link.document_page_id for link in links]
    if not linked_ids:
        return []
    keys = dict(DocumentPage.objects.filter(pk__in=linked_ids).values_list("pk", "translation_key"))
    documents = (
        readable_document_pages(user)
        .filter(translation_key__in=list(keys.values()))
        # The links offer the file; its extracted text can weigh 50 KB a document.
        .select_related("document")
        .defer("document__extracted_text")
    )
    readable = {page.translation_key: page for page in documents}
    return [readable[keys[page_id]] for page_id in linked_ids if keys.get(page_id) in readable]


def agenda_by_day(items):
    """[(day, [items])], ordered as the editor ordered them within each day."""
    items = sorted(items, key=lambda item: (item.day, item.sort_order or 0))
    return [(day, list(day_items)) for day, day_items in groupby(items, key=lambda item: item.day)]


def public_figures(country, now=None):
    """The latest published public total of each indicator for ``country``, in one query."""
    totals = permissions.visible_values(
        AnonymousUser(), Value.objects.filter(country=country, series__is_grand_total=True), now or timezone.now()
    )
    latest = totals.filter(indicator=OuterRef("indicator")).order_by("-period__start", "-pk").values("pk")[:1]
    return list(
        totals.filter(pk=Subquery(latest))
        .select_related("indicator", "period")
        .order_by("indicator__sort_order", "indicator__code")
    )


def document_file_is_readable_by(user, document):
    """A file of the library: editors read all; others a file that a live document they may read offers."""
    if permissions.is_editor(user):
        return True
    return permissions.readable_documents(user, DocumentPage.objects.live().filter(document=document)).exists()
