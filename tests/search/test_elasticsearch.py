"""The Elasticsearch backend's exact index and request bodies (no server needed), and its permission rule."""

import pytest
from django.contrib.auth.models import AnonymousUser

from dsm_data import permissions
from dsm_data.models import Role
from search.backends import Query
from search.backends.elasticsearch import search_body, search_index
from search.query import parse_query

from .conftest import NATIONAL_ROLES

TEXT = {"type": "text", "analyzer": "dsm_tokens"}
SEARCHED = ["title^3", "summary^2", "body"]


def token(word):
    """The index's token of ``word`` (search.text): the index and the query hold the same."""
    return parse_query(word).words[0].token


def test_index_mapping_and_analyzer():
    assert search_index("dsm-search").to_dict() == {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": {"analyzer": {"dsm_tokens": {"type": "custom", "tokenizer": "whitespace"}}},
        },
        "mappings": {
            "properties": {
                "title": TEXT,
                "summary": TEXT,
                "body": TEXT,
                "kind": {"type": "keyword"},
                "country": {"type": "keyword"},
                "type": {"type": "keyword"},
                "year": {"type": "integer"},
                "language": {"type": "keyword"},
                "section": {"type": "keyword"},
                "visibility": {"type": "keyword"},
                "date": {"type": "date"},
            }
        },
    }


def words_clause(word):
    return {"multi_match": {"query": token(word), "fields": SEARCHED, "type": "most_fields", "operator": "or"}}


@pytest.mark.django_db
def test_query_body_with_filters_for_a_user_of_another_country(make_user, armenia):
    grants = permissions.document_reading_grants(make_user(Role.DATA_USER, armenia))
    query = Query(text="Закон о беженцах", filters={"country": "KAZ", "year": "2020"}, order="date", page=3)

    body = search_body("dsm-search", query, grants).to_dict()

    assert body == {
        "query": {
            "bool": {
                "must": [
                    words_clause("беженцах"),
                    {  # "Закон" is a document type: the text has it, or the type is "law"
                        "bool": {
                            "should": [
                                {"multi_match": {"query": token("Закон"), "fields": SEARCHED, "type": "phrase"}},
                                {"term": {"type": "law"}},
                            ],
                            "minimum_should_match": 1,
                        }
                    },
                ],
                "filter": [
                    {"term": {"country": "KAZ"}},
                    {"term": {"year": "2020"}},
                    {
                        "bool": {
                            "should": [
                                {"bool": {"filter": [{"term": {"visibility": "public"}}]}},
                                {"bool": {"filter": [{"term": {"visibility": "participating"}}]}},
                                {
                                    "bool": {
                                        "filter": [
                                            {"term": {"visibility": "participating"}},
                                            {"term": {"country": "ARM"}},
                                        ]
                                    }
                                },
                                {
                                    "bool": {
                                        "filter": [{"term": {"visibility": "national"}}, {"term": {"country": "ARM"}}]
                                    }
                                },
                            ],
                            "minimum_should_match": 1,
                        }
                    },
                ],
            }
        },
        "aggs": {
            name: {"terms": {"field": name, "size": 200}} for name in ("country", "type", "year", "language", "section")
        },
        "sort": [{"date": {"order": "desc", "missing": "_last"}}, {"_score": {"order": "desc"}}],
        "track_total_hits": True,
        "_source": False,
        "from": 20,
        "size": 10,
    }


@pytest.mark.django_db
def test_an_editor_is_not_filtered(make_user):
    body = search_body(
        "dsm-search", Query(text="refugees"), permissions.document_reading_grants(make_user(Role.EDITOR))
    )
    refugees = token("refugees")
    assert body.to_dict()["query"] == {
        "bool": {
            "must": [words_clause("refugees")],
            "should": [{"match": {"title": {"query": refugees, "operator": "and", "boost": 5}}}],
        }
    }
    assert body.to_dict()["sort"][0] == {"_score": {"order": "desc"}}


@pytest.mark.django_db
@pytest.mark.parametrize("role", [None, *NATIONAL_ROLES, Role.EDITOR, Role.SYSTEM_ADMIN])
@pytest.mark.parametrize("where", ["own", "other"])
def test_the_grants_agree_with_can_read_document(user_for, kazakhstan, role, where):
    user = user_for(role, where) or AnonymousUser()
    grants = permissions.document_reading_grants(user)
    for visibility in ("public", "participating", "national"):
        granted = grants is None or any(
            grant_visibility == visibility and (country is None or country.pk == kazakhstan.pk)
            for grant_visibility, country in grants
        )
        assert granted == permissions.can_read_document(user, visibility, kazakhstan), visibility


@pytest.mark.django_db
def test_a_query_of_several_words_asks_for_the_phrase_the_words_near_and_the_title_optionally():
    body = search_body("dsm-search", Query(text="разрешение на работу 2009"), None).to_dict()
    permit, on, work = token("разрешение"), token("на"), token("работу")
    assert body["query"] == {
        "bool": {
            "must": [
                words_clause("разрешение"),
                words_clause("работу"),
                {
                    "bool": {
                        "should": [
                            {"multi_match": {"query": "2009", "fields": SEARCHED, "type": "phrase"}},
                            {"term": {"year": 2009}},
                        ],
                        "minimum_should_match": 1,
                    }
                },
            ],
            "should": [
                {
                    "multi_match": {
                        "query": f"{permit} {on} {work}",
                        "fields": SEARCHED,
                        "type": "phrase",
                        "boost": 100,
                    }
                },
                {
                    "multi_match": {
                        "query": f"{permit} {work}",
                        "fields": SEARCHED,
                        "type": "phrase",
                        "slop": 4,
                        "boost": 10,
                    }
                },
                {"match": {"title": {"query": f"{permit} {work}", "operator": "and", "boost": 5}}},
            ],
        }
    }
    quoted = search_body("dsm-search", Query(text='"разрешение на работу"', order="date"), None).to_dict()
    assert quoted["query"] == {
        "bool": {"must": [{"multi_match": {"query": f"{permit} {on} {work}", "fields": SEARCHED, "type": "phrase"}}]}
    }
