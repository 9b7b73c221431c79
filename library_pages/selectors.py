"""Reads of library_pages: what a reader may see, in the reader's language.

Every listing of documents goes through ``permissions.readable_documents`` before it
is counted or paginated, so a count or a page number never reveals a hidden document.
"""

from itertools import groupby

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Max, Min, Q
from django.utils import timezone

from dsm_data import permissions
from dsm_data.models import Country, Value

from .forms import LibraryFilterForm
from .languages import default_language, reader_language
from .models import DocumentPage, EventPage, LibrarySectionPage

DOCUMENTS_PER_PAGE = 20


def in_reader_language(pages):
    """Live pages in the active language, plus the default language's pages not yet translated into it."""
    pages = pages.live()
    active, default = reader_language(), default_language()
    if active == default:
        return pages.filter(locale__language_code=active)
    translated = pages.model.objects.live().filter(locale__language_code=active).values("translation_key")
    return pages.filter(
        Q(locale__language_code=active) | Q(locale__language_code=default) & ~Q(translation_key__in=translated)
    )


def readable_document_pages(user):
    """Live library documents ``user`` may read, one per document, in the reader's language."""
    pages = in_reader_language(DocumentPage.objects.all())
    # The file's extracted text can weigh 50 KB a document: listings never need it.
    return (
        permissions.readable_documents(user, pages)
        .select_related("country", "document")
        .defer("document__extracted_text")
    )


def latest_documents(user, limit=5):
    return list(readable_document_pages(user).order_by("-date", "title")[:limit])


def upcoming_and_recent_events(limit=3):
    return list(in_reader_language(EventPage.objects.all()).order_by("-start_date")[:limit])


def country_documents(user, country, limit=20):
    return list(readable_document_pages(user).filter(country=country).order_by("-date", "title")[:limit])


def sections_of():
    """The library's sections in the reader's language, in the order of Annex 3."""
    return list(in_reader_language(LibrarySectionPage.objects.all()).order_by("number", "title"))


def library_listing(request, library, section=None):
    """The e-library's documents filtered by the GET parameters (section, country, type, year, language)."""
    user = request.user
    readable = readable_document_pages(user)
    sections = sections_of()
    form = LibraryFilterForm(
        request.GET,
        sections=sections,
        countries=Country.objects.all(),
        years=_years(readable),
        languages=sorted(readable.order_by().values_list("language", flat=True).distinct()),
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
    documents = documents.order_by("-date", "title", "pk")
    page_of_documents = Paginator(documents, DOCUMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return {"filter_form": form, "documents": page_of_documents, "sections": sections, "current_section": section}


def _years(documents):
    """The years from the newest document to the oldest: two index lookups, not a pass over every row."""
    span = documents.order_by().aggregate(first=Min("date"), last=Max("date"))
    if span["first"] is None:
        return []
    return list(range(span["last"].year, span["first"].year - 1, -1))


def _in_section(slug):
    """Documents under the section ``slug`` of any language's tree."""
    paths = LibrarySectionPage.objects.filter(slug=slug).values_list("path", flat=True)
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(path__startswith=path)
    return condition


def readable_links(user, links):
    """The library documents behind ``links`` that ``user`` may read, in the reader's language."""
    pages = []
    for link in links:
        page = link.document_page.localized.specific
        if page.live and page.is_readable_by(user):
            pages.append(page)
    return pages


def agenda_by_day(items):
    """[(day, [items])], ordered as the editor ordered them within each day."""
    items = sorted(items, key=lambda item: (item.day, item.sort_order or 0))
    return [(day, list(day_items)) for day, day_items in groupby(items, key=lambda item: item.day)]


def public_figures(country, now=None):
    """The latest published public total of each indicator for ``country``."""
    values = permissions.visible_values(
        AnonymousUser(),
        Value.objects.filter(country=country, series__is_grand_total=True).select_related("indicator", "period"),
        now or timezone.now(),
    ).order_by("indicator__sort_order", "indicator__code", "-period__start")
    latest = {}
    for value in values:
        latest.setdefault(value.indicator_id, value)
    return list(latest.values())


def document_file_is_readable_by(user, document):
    """A file of the library: editors read all; others a file that a live document they may read offers."""
    if permissions.is_editor(user):
        return True
    return permissions.readable_documents(user, DocumentPage.objects.live().filter(document=document)).exists()
