"""Elasticsearch (through ``elasticsearch.dsl``), when DSM_ELASTICSEARCH_URL is set.

The same entries as the database backend (``SearchEntry``), indexed as the same tokens: ``search.text``
turns every word into its token in Python, and Elasticsearch splits them on spaces and keeps them as they
are (``dsm_tokens``), so every backend normalises alike and phrases keep their positions. Every required
word must match (any of its alternatives) in some field; title weighs 3, summary 2, body 1. Each metadata
word (``search.query_facets``) matches the text or the facet. The tiers of the database backend
(``search.backends.fulltext``) are optional clauses here: the whole query as a phrase, the kept words
near each other, the title holding every word. Facets are aggregations over the same filtered,
permission-trimmed hits. Snippets are made in Python, as for the database.
"""

from django.conf import settings
from elasticsearch.dsl import (
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    connections,
)
from elasticsearch.helpers import bulk

from dsm_data import permissions

from .. import text
from . import FACETS, Match, Results, plan_of
from .fulltext import NEAR_DISTANCE

CONNECTION = "dsm"
FACET_SIZE = 200
SEARCHED_FIELDS = ["title^3", "summary^2", "body"]
# The tiers' boosts: a phrase outweighs words near each other, which outweigh a title with every word.
PHRASE_BOOST, NEAR_BOOST, TITLE_BOOST = 100, 10, 5

tokens_analyzer = analyzer("dsm_tokens", tokenizer="whitespace")


def text_field():
    return Text(analyzer=tokens_analyzer)


class EntryDocument(Document):
    """One SearchEntry; its id is the entry's primary key."""

    title = text_field()
    summary = text_field()
    body = text_field()
    kind = Keyword()
    country = Keyword()
    type = Keyword()
    year = Integer()
    language = Keyword()
    section = Keyword()
    visibility = Keyword()
    date = Date()


def search_index(name):
    index = Index(name, using=CONNECTION)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(EntryDocument)
    return index


def permission_filter(grants):
    """The bool query of ``permissions.document_reading_grants``; None when everything is readable."""
    if grants is None:
        return None
    allowed = []
    for visibility, country in grants:
        conditions = [Q("term", visibility=visibility)]
        if country is not None:
            conditions.append(Q("term", country=country.code))
        allowed.append(Q("bool", filter=conditions))
    return Q("bool", should=allowed, minimum_should_match=1)


def words_clause(alternatives):
    return Q("multi_match", query=" ".join(alternatives), fields=SEARCHED_FIELDS, type="most_fields", operator="or")


def phrase_clause(tokens, slop=0, boost=None):
    options = {"slop": slop} if slop else {}
    options.update({"boost": boost} if boost else {})
    return Q("multi_match", query=" ".join(tokens), fields=SEARCHED_FIELDS, type="phrase", **options)


def metadata_clause(term):
    value = int(term.value) if term.facet == "year" else term.value
    return Q("bool", should=[phrase_clause(term.tokens), Q("term", **{term.facet: value})], minimum_should_match=1)


def tier_clauses(text_query):
    """The database's tiers as optional clauses: the whole phrase, the kept words near each other, the title."""
    clauses = []
    kept = text_query.kept_tokens
    if len(kept) >= 2:
        clauses.append(phrase_clause(text_query.sequence, boost=PHRASE_BOOST))
        clauses.append(phrase_clause(kept, slop=(NEAR_DISTANCE - 1) * (len(kept) - 1), boost=NEAR_BOOST))
    if text_query.required:
        title = " ".join(alternatives[0] for alternatives in text_query.required)
        clauses.append(Q("match", title={"query": title, "operator": "and", "boost": TITLE_BOOST}))
    return clauses


def search_body(index_name, query, grants, plan=None):
    """The Search (its ``to_dict()`` is the request body) for ``query`` (planned as ``plan``) as a reader with
    ``grants``."""
    plan = plan or plan_of(query)
    must = [words_clause(alternatives) for alternatives in plan.text_query.required]
    must += [phrase_clause(tokens) for tokens in plan.text_query.phrases]
    must += [metadata_clause(term) for term in plan.facet_terms]
    filters = [Q("term", **{name: value}) for name, value in sorted(query.filters.items()) if name in FACETS]
    permission = permission_filter(grants)
    if permission is not None:
        filters.append(permission)
    should = tier_clauses(plan.text_query) if query.order == "relevance" else []
    search = Search(using=CONNECTION, index=index_name).query(Q("bool", must=must, should=should, filter=filters))
    for name in FACETS:
        search.aggs.bucket(name, "terms", field=name, size=FACET_SIZE)
    order = [{"_score": {"order": "desc"}}, {"date": {"order": "desc", "missing": "_last"}}]
    if query.order == "date":
        order.reverse()
    search = search.sort(*order).extra(track_total_hits=True).source(False)
    return search[query.offset : query.offset + query.per_page]


def document_of(entry):
    return EntryDocument(
        meta={"id": entry.pk},
        title=text.normalised_text(entry.title, entry.language),
        summary=text.normalised_text(entry.summary, entry.language),
        body=text.normalised_text(entry.body, entry.language),
        kind=entry.kind,
        country=entry.country.code if entry.country_id else None,
        type=entry.type,
        year=entry.year,
        language=entry.language or None,
        section=entry.section or None,
        visibility=entry.visibility,
        date=entry.date,
    )


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, url):
        connections.create_connection(alias=CONNECTION, hosts=[url])
        self.index_name = settings.DSM_ELASTICSEARCH_INDEX

    def search(self, query, *, user):
        plan = plan_of(query)  # once: its metadata words read the countries
        if plan.empty:
            return Results(matches=[], total=0, facets={name: [] for name in FACETS})
        grants = permissions.document_reading_grants(user)
        response = search_body(self.index_name, query, grants, plan).execute()
        matches = [Match(int(hit.meta.id), hit.meta.score or 0.0) for hit in response.hits]
        facets = {
            name: [(str(bucket.key), bucket.doc_count) for bucket in response.aggregations[name].buckets]
            for name in FACETS
        }
        return Results(matches=matches, total=response.hits.total.value, facets=facets)

    def ensure_index(self):
        index = search_index(self.index_name)
        if not index.exists():
            index.create()

    def index(self, entries):
        self.ensure_index()
        client = connections.get_connection(CONNECTION)
        actions = [document_of(entry).to_dict(include_meta=True) for entry in entries]
        for action in actions:
            action["_index"] = self.index_name
        bulk(client, actions, refresh="wait_for")

    def remove(self, entry_ids):
        client = connections.get_connection(CONNECTION)
        actions = [{"_op_type": "delete", "_index": self.index_name, "_id": pk} for pk in entry_ids]
        bulk(client, actions, raise_on_error=False, refresh="wait_for")

    def clear(self):
        index = search_index(self.index_name)
        index.delete(ignore_unavailable=True)
        index.create()
