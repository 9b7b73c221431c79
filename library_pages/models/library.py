"""The e-library's index and its sections, and the listing of documents they show.

The listing's filter choices, its counts, the sections and the countries are cached
under the pages' version (``base.cached``): each would be a pass over every readable
document, and all change only with the pages or the countries.
"""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from dsm_data import permissions
from dsm_data.selectors.catalogue import all_countries

from ..forms import LibraryFilterForm
from ..languages import reader_language
from ..page_trees import in_reader_language
from .base import BasePage, cached, pages_version
from .documents import DocumentPage, DocumentType

DOCUMENTS_PER_PAGE = 20


class LibraryIndexPage(BasePage):
    """The e-library: every document the reader may read, filtered by GET parameters."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["library_pages.HomePage"]
    subpage_types = ["library_pages.LibrarySectionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("e-library")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(library_listing(request, self))
        return context


class LibrarySectionPage(BasePage):
    """A section of the e-library (seed, Annex 3); its documents are its children."""

    intro = models.TextField(_("introduction"), blank=True)
    number = models.PositiveSmallIntegerField(_("number"), default=0)

    content_panels = Page.content_panels + [FieldPanel("number"), FieldPanel("intro")]
    parent_page_types = ["library_pages.LibraryIndexPage"]
    subpage_types = ["library_pages.DocumentPage"]
    template = "library_pages/library_index_page.html"

    class Meta:
        verbose_name = _("e-library section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(library_listing(request, self.get_parent().specific, section=self))
        return context


def library_sections(request=None):
    """The library's sections in the reader's language, in the order of Annex 3 (cached until a page changes)."""
    return cached(
        ("library-sections", pages_version(request), reader_language()),
        lambda: list(in_reader_language(LibrarySectionPage.objects.all()).order_by("number", "title")),
    )


def countries(request=None):
    """Every country (cached until a page or a country changes)."""
    return cached(("countries", pages_version(request)), all_countries)


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
    readable = DocumentPage.objects.readable_by(request.user)
    sections = library_sections(request)
    reader = (pages_version(request), *_reader_kind(request.user))
    years, languages = cached(("choices", *reader), lambda: (_years(readable), _languages(readable)))
    form = LibraryFilterForm(
        request.GET,
        sections=sections,
        countries=countries(request),
        types=DocumentType.choices,
        years=years,
        languages=languages,
    )
    documents = readable
    if section is not None:
        documents = documents.filter(_in_section(section.slug))
    if form.is_valid():
        documents = _filtered(documents, form.cleaned_data, section=section)
    documents = documents.in_listing_order()
    paginator = Paginator(documents, DOCUMENTS_PER_PAGE)
    filtered_by = sorted(form.cleaned_data.items()) if form.is_valid() else None
    paginator.count = cached(("count", *reader, section and section.pk, filtered_by), documents.count)
    page_of_documents = paginator.get_page(request.GET.get("page"))
    return {"filter_form": form, "documents": page_of_documents, "sections": sections, "current_section": section}


def _filtered(documents, filters, *, section):
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
    return documents


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
