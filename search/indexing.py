"""What goes into the search index, and keeping it up to date.

One entry per page in all its live, public translations (a restricted document is
indexed with its visibility and country, and trimmed at query time); one per
indicator; one per country's national metadata of an indicator. Country intranets
and pages under a view restriction are never indexed.

Each indexed model says what it contributes, and this module asks it, knowing nothing
of its fields: a page type names its ``search_kind`` and answers ``search_texts``,
``search_facets`` and ``search_leading_texts`` (``library_pages.models.base.BasePage``);
a catalogue record (``RECORD_MODELS``) names its ``search_kind`` and ``search_related``
and answers ``search_texts``, ``search_shown`` and ``search_facets`` (``dsm_data.models.catalogue``).
They return plain data and import nothing of the search.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.utils import translation
from wagtail.models import Page, get_page_models

from dsm_data import permissions
from dsm_data.models import Indicator, NationalMetadata
from dsm_data.translation import joined
from library_pages.models import DocumentPage, LibraryDocument

from . import vocabulary
from .backends import get_backend
from .models import SearchEntry

logger = logging.getLogger(__name__)
# The catalogue's records with an entry each (the pages are found by their ``search_kind``).
RECORD_MODELS = (Indicator, NationalMetadata)
# An entry's fields that a declaration leaves out.
NO_FACETS = {
    "country": None,
    "visibility": permissions.DOCUMENT_PUBLIC,
    "year": None,
    "date": None,
    "language": "",
    "section": "",
}
# While many pages and records are loaded at once (``deferred``): the indexing left to its end's rebuild.
_DEFERRED = ContextVar("search_indexing_deferred", default=None)
# True while the index is rebuilt: the entries' words are counted once, at the end, not entry by entry.
_REBUILDING = ContextVar("search_index_rebuilding", default=False)


def safely(function, *args):
    """``function(*args)``; a failure is logged and never breaks what caused the indexing."""
    try:
        return function(*args)
    except Exception:
        logger.exception("Search indexing failed in %s", function.__name__)
        return None


def index_safely(function, *args):
    """``safely(function, *args)``, unless indexing is ``deferred``: the rebuild at its end does it then."""
    left = _DEFERRED.get()
    if left is None:
        safely(function, *args)
    else:
        left.append(function.__name__)


@contextmanager
def deferred():
    """Index nothing while the block loads pages and records; then, if the block ends well and changed
    anything indexed, rebuild the whole index once. The demo's 270 publications were each indexed, then its
    rebuild indexed them all again; run again, it changes nothing, and rebuilds nothing."""
    left = []
    token = _DEFERRED.set(left)
    try:
        yield
    finally:
        _DEFERRED.reset(token)
    if left:
        rebuild_index()


def page_key(translation_key):
    return f"page:{translation_key}"


def record_key(record):
    return f"{record.search_kind}:{record.pk}"


# Pages ----------------------------------------------------------------------------


def indexed_page_models():
    return [model for model in get_page_models() if getattr(model, "search_kind", "")]


def indexable_translations(translation_key):
    """The live translations of a page that anyone may reach: no view restriction on them or above."""
    pages = Page.objects.filter(translation_key=translation_key).live().select_related("locale").specific()
    return [
        page
        for page in pages
        if getattr(page, "search_kind", "") and not page.get_view_restrictions().exists() and page.url is not None
    ]


def page_fields(pages):
    """The entry's fields from the translations of one page (default language first)."""
    default_language = settings.LANGUAGE_CODE
    pages = sorted(pages, key=lambda page: page.locale.language_code != default_language)
    source = pages[0]
    titles, summaries, urls, bodies = {}, {}, {}, []
    for page in pages:
        language = page.locale.language_code
        summary, body = page.search_texts()
        titles[language], summaries[language] = page.title, summary
        urls[language] = page.get_url_parts()[2]
        bodies.append(body)
    fields = {
        **NO_FACETS,
        "kind": source.search_kind,
        "titles": titles,
        "summaries": summaries,
        "urls": urls,
        "title": joined(*titles.values()),
        "summary": joined(*summaries.values()),
        **source.search_facets(pages),
    }
    bodies = type(source).search_leading_texts(pages) + bodies
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


# The catalogue: indicators and their national metadata ------------------------------


def record_fields(record):
    """The entry's fields of an indicator or a country's metadata of one, as the record declares them."""
    titles, summaries, urls = {}, {}, {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            titles[language], summaries[language], urls[language] = record.search_shown(language)
    title, summary, body = record.search_texts()
    return {
        **NO_FACETS,
        "kind": record.search_kind,
        "type": record.search_kind,
        "titles": titles,
        "summaries": summaries,
        "urls": urls,
        "title": title,
        "summary": summary,
        "body": body,
        **record.search_facets(),
    }


def index_record(record):
    store(record_key(record), record_fields(record))


# Writing ----------------------------------------------------------------------------


@transaction.atomic
def store(key, fields):
    entry, _created = SearchEntry.objects.update_or_create(key=key, defaults=fields)
    get_backend().index([entry])
    if not _REBUILDING.get():
        vocabulary.record([entry])
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
    token = _REBUILDING.set(True)
    try:
        with transaction.atomic():
            backend.clear()
            vocabulary.clear()
            SearchEntry.objects.all().delete()
            pages = Page.objects.live().type(*indexed_page_models())
            for translation_key in pages.values_list("translation_key", flat=True).distinct():
                index_translation_group(translation_key)
            for model in RECORD_MODELS:
                records = model.objects.all()
                if model.search_related:
                    records = records.select_related(*model.search_related)
                for record in records:
                    index_record(record)
            # Every word's row written once: upserted entry by entry, a word met in 300 entries was written
            # 300 times (its trigram index with it), 50 ms an entry on PostgreSQL.
            vocabulary.record(SearchEntry.objects.only(*vocabulary.SEARCHED_FIELDS).iterator(chunk_size=100))
    finally:
        _REBUILDING.reset(token)
    return SearchEntry.objects.count()


def documents_with_extraction_problems():
    """Library files whose text could not be read, for the admin's report."""
    return LibraryDocument.objects.filter(
        extraction_status__in=[LibraryDocument.Extraction.FAILED, LibraryDocument.Extraction.UNSUPPORTED]
    ).order_by("-created_at")
