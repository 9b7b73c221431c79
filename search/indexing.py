"""What goes into the search index, and keeping it up to date.

One entry per page in all its live, public translations (a restricted document is
indexed with its visibility and country, and trimmed at query time); one per
indicator; one per country's national metadata of an indicator. Country intranets
and pages under a view restriction are never indexed.
"""

import html
import re

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from dsm_data import permissions
from dsm_data.models import Indicator, NationalMetadata
from dsm_data.translation import translated
from library_pages.models import (
    CountryProfilePage,
    DocumentPage,
    EventPage,
    LibraryDocument,
    MethodologyPage,
    TrainingModulePage,
)

from .backends import get_backend
from .models import SearchEntry

INDEXED_PAGE_TYPES = (DocumentPage, MethodologyPage, TrainingModulePage, EventPage, CountryProfilePage)
# From the widest to the narrowest: translations that disagree are indexed as the narrowest.
VISIBILITY_ORDER = [permissions.DOCUMENT_PUBLIC, permissions.DOCUMENT_PARTICIPATING, permissions.DOCUMENT_NATIONAL]
TAG = re.compile(r"<[^>]+>")


def plain(rich_text):
    """Text of rich text: tags become spaces, entities characters."""
    return html.unescape(TAG.sub(" ", rich_text or "")).strip()


def joined(*texts):
    return "\n\n".join(text for text in texts if text and text.strip())


def page_key(translation_key):
    return f"page:{translation_key}"


# Pages ----------------------------------------------------------------------------


def indexable_translations(translation_key):
    """The live translations of a page that anyone may reach: no view restriction on them or above."""
    pages = Page.objects.filter(translation_key=translation_key).live().select_related("locale").specific()
    return [
        page
        for page in pages
        if isinstance(page, INDEXED_PAGE_TYPES) and not page.get_view_restrictions().exists() and page.url is not None
    ]


def page_texts(page):
    """(summary, body) of one translation."""
    if isinstance(page, DocumentPage):
        return page.summary, joined(page.issuing_body, page.topics)
    if isinstance(page, MethodologyPage):
        return page.intro, plain(page.body)
    if isinstance(page, TrainingModulePage):
        return plain(page.objectives), joined(page.audience, page.duration, plain(page.content))
    if isinstance(page, EventPage):
        agenda = [joined(item.title, item.speakers) for item in page.agenda_items.all()]
        return page.summary, joined(page.place, *agenda)
    if isinstance(page, CountryProfilePage):
        institutions = [joined(item.name, item.role) for item in page.institutions.all()]
        return "", joined(plain(page.overview), *institutions)
    return "", ""


def page_fields(pages):
    """The entry's fields from the translations of one page (default language first)."""
    default_language = settings.LANGUAGE_CODE
    pages = sorted(pages, key=lambda page: page.locale.language_code != default_language)
    source = pages[0]
    titles, summaries, urls, bodies = {}, {}, {}, []
    for page in pages:
        language = page.locale.language_code
        summary, body = page_texts(page)
        titles[language], summaries[language] = page.title, summary
        urls[language] = page.get_url_parts()[2]
        bodies.append(body)
    fields = {
        "titles": titles,
        "summaries": summaries,
        "urls": urls,
        "title": joined(*titles.values()),
        "summary": joined(*summaries.values()),
        "country": getattr(source, "country", None),
        "visibility": permissions.DOCUMENT_PUBLIC,
        "language": "",
        "section": "",
        "date": None,
    }
    if isinstance(source, DocumentPage):
        files = {page.document_id: page.document for page in pages if page.document_id}
        # The file's text first: a snippet shows the body's first match, better a sentence than a topic list.
        bodies = [document.extracted_text for document in files.values()] + bodies
        fields.update(
            kind=SearchEntry.Kind.DOCUMENT,
            type=source.document_type,
            date=source.date,
            language=source.language,
            section=source.get_parent().slug,
            visibility=max((page.visibility for page in pages), key=VISIBILITY_ORDER.index),
        )
    else:
        kind = {
            MethodologyPage: SearchEntry.Kind.METHODOLOGY,
            TrainingModulePage: SearchEntry.Kind.TRAINING,
            EventPage: SearchEntry.Kind.EVENT,
            CountryProfilePage: SearchEntry.Kind.COUNTRY,
        }[type(source)]
        fields.update(kind=kind, type=kind, date=getattr(source, "start_date", None))
    fields["body"] = joined(*dict.fromkeys(bodies))
    fields["year"] = fields["date"].year if fields["date"] else None
    return fields


def index_translation_group(translation_key):
    pages = indexable_translations(translation_key)
    if pages:
        store(page_key(translation_key), page_fields(pages))
    else:
        remove([page_key(translation_key)])


def index_pages_of_document(document):
    """A library file changed (text extracted, replaced): its documents' entries follow."""
    keys = DocumentPage.objects.filter(document=document).values_list("translation_key", flat=True)
    for translation_key in set(keys):
        index_translation_group(translation_key)


# Indicators and their metadata ----------------------------------------------------


def in_every_language(function):
    result = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            result[language] = function(language)
    return result


def all_texts(*fields):
    """Every language's text of JSON text fields {lang: text}."""
    return joined(*[text for field in fields for text in (field or {}).values()])


def indicator_fields(indicator):
    return {
        "kind": SearchEntry.Kind.INDICATOR,
        "type": SearchEntry.Kind.INDICATOR,
        "titles": in_every_language(lambda language: translated(indicator.name, language)),
        "summaries": in_every_language(lambda language: translated(indicator.definition, language)),
        "urls": in_every_language(lambda language: reverse("dsm_data:indicator", args=[indicator.code])),
        "title": all_texts(indicator.name),
        "summary": all_texts(indicator.definition),
        "body": joined(indicator.code, all_texts(indicator.unit)),
        "country": None,
        "visibility": permissions.DOCUMENT_PUBLIC,
        "year": None,
        "date": None,
        "language": "",
        "section": "",
    }


def metadata_fields(metadata):
    """Shown as "Indicator: Country", but the indicator's name is searched as body text: a query for
    a word of that name would otherwise rank every country's notes above the laws that use it."""
    indicator, country = metadata.indicator, metadata.country

    def title(language):
        return f"{translated(indicator.name, language)}: {translated(country.name, language)}"

    def url(language):
        return reverse("dsm_data:indicator", args=[indicator.code]) + f"#{country.code}"

    return {
        "kind": SearchEntry.Kind.METADATA,
        "type": SearchEntry.Kind.METADATA,
        "titles": in_every_language(title),
        "summaries": in_every_language(lambda language: translated(metadata.national_definition, language)),
        "urls": in_every_language(url),
        "title": all_texts(country.name),
        "summary": all_texts(metadata.national_definition),
        "body": all_texts(indicator.name, *[getattr(metadata, name) for name in NationalMetadata.TEXT_FIELDS[1:]]),
        "country": country,
        "visibility": permissions.DOCUMENT_PUBLIC,
        "year": None,
        "date": None,
        "language": "",
        "section": "",
    }


def index_indicator(indicator):
    store(f"indicator:{indicator.pk}", indicator_fields(indicator))


def index_metadata(metadata):
    store(f"metadata:{metadata.pk}", metadata_fields(metadata))


# Writing ----------------------------------------------------------------------------


@transaction.atomic
def store(key, fields):
    entry, _created = SearchEntry.objects.update_or_create(key=key, defaults=fields)
    get_backend().index([entry])
    return entry


@transaction.atomic
def remove(keys):
    entries = SearchEntry.objects.filter(key__in=keys)
    entry_ids = list(entries.values_list("pk", flat=True))
    if entry_ids:
        get_backend().remove(entry_ids)
        entries.delete()


def rebuild_index():
    """Every entry from scratch, in whichever backend is configured; returns the number of entries."""
    backend = get_backend()
    with transaction.atomic():
        backend.clear()
        SearchEntry.objects.all().delete()
        keys = Page.objects.live().type(*INDEXED_PAGE_TYPES).values_list("translation_key", flat=True).distinct()
        for translation_key in keys:
            index_translation_group(translation_key)
        for indicator in Indicator.objects.all():
            index_indicator(indicator)
        for metadata in NationalMetadata.objects.select_related("indicator", "country"):
            index_metadata(metadata)
    return SearchEntry.objects.count()


def documents_with_extraction_problems():
    """Library files whose text could not be read, for the admin's report."""
    return LibraryDocument.objects.filter(
        extraction_status__in=[LibraryDocument.Extraction.FAILED, LibraryDocument.Extraction.UNSUPPORTED]
    ).order_by("-created_at")
