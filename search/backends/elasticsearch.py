"""Elasticsearch (through ``elasticsearch.dsl``), when DSM_ELASTICSEARCH_URL is set.

The same entries as the database backend (``SearchEntry``), in an index whose text
fields are analysed three ways: folded (lower case, ё as е), English and Russian
stemming. Every query word must match in some field under some analysis (as the
database's "every stem must occur"); title weighs 3, summary 2, body 1. Facets are
aggregations over the same filtered, permission-trimmed hits.
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
    char_filter,
    connections,
    token_filter,
)
from elasticsearch.helpers import bulk

from dsm_data import permissions

from ..text import STOP_WORDS, fold, words
from . import FACETS, Match, Results

CONNECTION = "dsm"
FACET_SIZE = 200
HIGHLIGHTED = ("summary", "body")

yo_folding = char_filter("dsm_yo", type="mapping", mappings=["ё => е", "Ё => Е"])
folding = analyzer("dsm_folding", tokenizer="standard", char_filter=[yo_folding], filter=["lowercase"])
russian = analyzer(
    "dsm_russian",
    tokenizer="standard",
    char_filter=[yo_folding],
    filter=["lowercase", token_filter("dsm_russian_stemmer", type="stemmer", language="russian")],
)


def text_field():
    return Text(analyzer=folding, fields={"english": Text(analyzer="english"), "russian": Text(analyzer=russian)})


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


def text_fields(name, boost):
    suffix = f"^{boost}" if boost != 1 else ""
    return [f"{name}{suffix}", f"{name}.english{suffix}", f"{name}.russian{suffix}"]


SEARCHED_FIELDS = text_fields("title", 3) + text_fields("summary", 2) + text_fields("body", 1)


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


def search_body(index_name, query, grants):
    """The Search (its ``to_dict()`` is the request body) for ``query`` as a reader with ``grants``."""
    all_words = words(query.text)
    kept = [word for word in all_words if fold(word) not in STOP_WORDS] or all_words
    must = [Q("multi_match", query=word, fields=SEARCHED_FIELDS, type="most_fields") for word in kept]
    filters = [Q("term", **{name: value}) for name, value in sorted(query.filters.items()) if name in FACETS]
    permission = permission_filter(grants)
    if permission is not None:
        filters.append(permission)
    search = Search(using=CONNECTION, index=index_name).query(Q("bool", must=must, filter=filters))
    for name in FACETS:
        search.aggs.bucket(name, "terms", field=name, size=FACET_SIZE)
    order = [{"_score": {"order": "desc"}}, {"date": {"order": "desc", "missing": "_last"}}]
    if query.order == "date":
        order.reverse()
    highlighted = [field for name in HIGHLIGHTED for field in (name, f"{name}.english", f"{name}.russian")]
    search = search.highlight(*highlighted, fragment_size=240, number_of_fragments=1)
    search = search.highlight_options(pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html")
    search = search.sort(*order).extra(track_total_hits=True).source(False)
    return search[query.offset : query.offset + query.per_page]


def document_of(entry):
    return EntryDocument(
        meta={"id": entry.pk},
        title=entry.title,
        summary=entry.summary,
        body=entry.body,
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
        if not words(query.text):
            return Results(matches=[], total=0, facets={name: [] for name in FACETS})
        response = search_body(self.index_name, query, permissions.document_reading_grants(user)).execute()
        matches = []
        for hit in response.hits:
            highlight = hit.meta.to_dict().get("highlight", {})
            passages = {
                name: (highlight.get(name) or highlight.get(f"{name}.russian") or highlight.get(f"{name}.english"))
                for name in HIGHLIGHTED
            }
            highlights = {name: passage[0] for name, passage in passages.items() if passage}
            matches.append(Match(int(hit.meta.id), hit.meta.score or 0.0, highlights))
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
