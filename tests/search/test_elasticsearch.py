"""The Elasticsearch backend's exact index and request bodies (no server needed), and its permission rule."""

import pytest
from django.contrib.auth.models import AnonymousUser

from dsm_data import permissions
from dsm_data.models import Role
from search.backends import Query
from search.backends.elasticsearch import search_body, search_index

from .conftest import NATIONAL_ROLES

TEXT = {
    "type": "text",
    "analyzer": "dsm_folding",
    "fields": {
        "english": {"type": "text", "analyzer": "english"},
        "russian": {"type": "text", "analyzer": "dsm_russian"},
    },
}


def test_index_mapping_and_analyzers():
    assert search_index("dsm-search").to_dict() == {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": {
                "analyzer": {
                    "dsm_folding": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "char_filter": ["dsm_yo"],
                        "filter": ["lowercase"],
                    },
                    "dsm_russian": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "char_filter": ["dsm_yo"],
                        "filter": ["lowercase", "dsm_russian_stemmer"],
                    },
                },
                "char_filter": {"dsm_yo": {"type": "mapping", "mappings": ["ё => е", "Ё => Е"]}},
                "filter": {"dsm_russian_stemmer": {"type": "stemmer", "language": "russian"}},
            },
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


def fields(name, boost):
    suffix = f"^{boost}" if boost != 1 else ""
    return [f"{name}{suffix}", f"{name}.english{suffix}", f"{name}.russian{suffix}"]


SEARCHED = fields("title", 3) + fields("summary", 2) + fields("body", 1)


@pytest.mark.django_db
def test_query_body_with_filters_for_a_user_of_another_country(make_user, armenia):
    grants = permissions.document_reading_grants(make_user(Role.DATA_USER, armenia))
    query = Query(text="Закон о беженцах", filters={"country": "KAZ", "year": "2020"}, order="date", page=3)

    body = search_body("dsm-search", query, grants).to_dict()

    assert body == {
        "query": {
            "bool": {
                "must": [
                    {"multi_match": {"query": "Закон", "fields": SEARCHED, "type": "most_fields"}},
                    {"multi_match": {"query": "беженцах", "fields": SEARCHED, "type": "most_fields"}},
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
        "highlight": {
            "fields": {
                name: {"fragment_size": 240, "number_of_fragments": 1}
                for name in ("summary", "summary.english", "summary.russian", "body", "body.english", "body.russian")
            },
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
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
    assert body.to_dict()["query"] == {
        "bool": {"must": [{"multi_match": {"query": "refugees", "fields": SEARCHED, "type": "most_fields"}}]}
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
