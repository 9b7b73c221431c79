"""The contract every search backend keeps, and the choice of backend.

A backend finds the entries (``search.models.SearchEntry``) that match a query among
those the reader may read, counts them per facet value, and returns one page of them
in order. Every backend has:

- ``name``: shown by ``dsm_reindex``;
- ``search(query, *, user) -> Results``: ``user`` is the reader, whose reading rights
  (``dsm_data.permissions``) the backend applies as its engine can;
- ``index(entries)``, ``remove(entry_ids)``, ``clear()``: keeping its index.

The entries' display (titles in the reader's language, snippets, labels) is the same
for every backend: ``search.searching``.
"""

from dataclasses import dataclass, field

from django.conf import settings

FACETS = ("country", "type", "year", "language", "section")
ORDERS = ("relevance", "date")


@dataclass(frozen=True)
class Query:
    text: str
    filters: dict = field(default_factory=dict)  # facet name -> value, as the URL gives them
    order: str = "relevance"
    page: int = 1
    per_page: int = 10

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass
class Match:
    entry_id: int
    score: float = 0.0


@dataclass
class Results:
    matches: list  # the page's Match objects, in order
    total: int
    facets: dict  # facet name -> [(value as text, count)], by count then value


def get_backend():
    """Elasticsearch when DSM_ELASTICSEARCH_URL is set, else the database."""
    # Imported when chosen: each backend imports this module (the contract), and the
    # Elasticsearch client is loaded only where it is configured.
    if settings.DSM_ELASTICSEARCH_URL:
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(settings.DSM_ELASTICSEARCH_URL)
    from .database import DatabaseBackend

    return DatabaseBackend()


@dataclass(frozen=True)
class SearchPlan:
    """A query as every backend runs it.

    ``parsed`` is the whole query (the tiers read its order); ``facet_terms`` its metadata words, each the
    condition "the text has its tokens OR the entry's facet equals its value"; ``text_query`` the query less
    those words, whose ``required`` words every match must hold. A facet the URL already filters to a term's
    value answers that term.
    """

    parsed: object
    facet_terms: tuple
    text_query: object

    @property
    def empty(self):
        # A query of metadata words that the URL's filters all took matches every entry the filters leave.
        return not self.parsed.words


def plan_of(query):
    # Imported here: the query's parsing reads the countries and the page types, which import the backends' users.
    from ..query import parse_query
    from ..query_facets import facet_terms

    parsed = parse_query(query.text)
    terms = facet_terms(parsed)
    # A term whose facet the URL already narrows to its value is answered: its words are left out, not required
    # as text, so that a facet's count (its link adds the filter) equals the results it leads to. A term whose
    # facet the URL narrows to another value stays a condition, which then only its words in the text can meet.
    taken = {position for term in terms for position in term.positions}
    kept = tuple(term for term in terms if query.filters.get(term.facet) != term.value)
    return SearchPlan(parsed=parsed, facet_terms=kept, text_query=parsed.without(taken))
