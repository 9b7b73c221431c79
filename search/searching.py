"""The search as a reader sees it: trimmed to what they may read, shown in their language.

``search_page`` asks the configured backend (``search.backends``) and dresses its
results: titles and links in the reader's language when that translation exists,
snippets that show where the words matched, facet values with their labels.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from library_pages.languages import language_name, reader_language
from library_pages.models import DocumentType
from library_pages.selectors import countries, library_sections

from . import suggestions
from .backends import FACETS, Query, get_backend
from .models import SearchEntry
from .query import parse_query
from .text import highlight, matches, snippet

FACET_LABELS = {
    "country": _("Country"),
    "type": _("Type"),
    "year": _("Year"),
    "language": _("Language"),
    "section": _("Library section"),
}
SNIPPET_LENGTH = 240


@dataclass
class Hit:
    title: str  # HTML, matched words marked
    url: str
    snippet: str  # HTML
    kind: str
    type_label: str
    date: object
    country: str
    language: str


@dataclass
class SearchPage:
    query: Query
    hits: list
    total: int
    facets: list  # [(name, label, [(value, label, count)])]
    suggestion: suggestions.Suggestion | None = None  # "Did you mean …?" when the query found little

    @property
    def page_count(self):
        return max(1, -(-self.total // self.query.per_page))


def search_page(user, query):
    backend = get_backend()
    results = backend.search(query, user=user)
    language, parsed, labels = reader_language(), parse_query(query.text), type_labels()
    # The searched texts (a file's text can weigh 50 KB) are read only for the hits whose snippet needs them.
    entries = SearchEntry.objects.select_related("country").defer("title", "summary", "body")
    by_id = entries.in_bulk([match.entry_id for match in results.matches]) if results.matches else {}
    matches = [match for match in results.matches if match.entry_id in by_id]
    snippets = {match.entry_id: summary_snippet(by_id[match.entry_id], parsed, language) for match in matches}
    snippets.update(body_snippets([pk for pk, found in snippets.items() if not found], parsed))
    hits = [hit_of(by_id[match.entry_id], snippets[match.entry_id], parsed, language, labels) for match in matches]
    return SearchPage(
        query=query,
        hits=hits,
        total=results.total,
        facets=labelled_facets(results.facets),
        suggestion=suggestions.suggest(query, user=user, total=results.total),
    )


def in_language(texts, language):
    """The text in ``language``, else in the default language, else any."""
    return texts.get(language) or texts.get(settings.LANGUAGE_CODE) or next(iter(texts.values()), "")


def hit_of(entry, snippet_html, parsed, language, labels):
    title = in_language(entry.titles, language)
    return Hit(
        title=highlight(title, matches(title, parsed)),
        url=in_language(entry.urls, language),
        snippet=snippet_html or highlight(in_language(entry.summaries, language)[:SNIPPET_LENGTH], []),
        kind=labels.get(entry.kind, entry.kind),
        type_label=labels.get(entry.type, entry.type),
        date=entry.date,
        country=str(entry.country) if entry.country else "",
        language=language_name(entry.language) if entry.language else "",
    )


def summary_snippet(entry, parsed, language):
    """Where the words matched in a summary: the reader's language first."""
    summary = in_language(entry.summaries, language)
    others = [text for code, text in entry.summaries.items() if code != language]
    for text in (summary, *others):
        found = snippet(text, parsed, SNIPPET_LENGTH)
        if found:
            return found
    return ""


def body_snippets(entry_ids, parsed):
    """{entry id: where the words matched in its body (the file's text)}, read in one query."""
    if not entry_ids:
        return {}
    bodies = SearchEntry.objects.filter(pk__in=entry_ids).values_list("pk", "body")
    return {pk: snippet(body, parsed, SNIPPET_LENGTH) for pk, body in bodies}


def type_labels():
    return {**dict(DocumentType.choices), **dict(SearchEntry.Kind.choices)}


def labelled_facets(facets):
    labels = {
        "country": {country.code: str(country) for country in countries()},
        "type": type_labels(),
        "language": {code: language_name(code) for code, _count in facets.get("language", [])},
        "section": {section.slug: section.title for section in library_sections()},
    }
    return [
        (
            name,
            FACET_LABELS[name],
            [(value, labels.get(name, {}).get(value, value), count) for value, count in facets.get(name, [])],
        )
        for name in FACETS
    ]
