"""What search puts first for the queries readers type (tests/search/relevance_corpus.py), on this database."""

import pytest
from django.contrib.auth.models import AnonymousUser

from dsm_data.services.accounts import save_country
from search.backends import Query
from search.searching import search_page

from .conftest import upload
from .relevance_corpus import DOCUMENTS, RECORDED_FIRST, evaluate

pytestmark = pytest.mark.django_db
MINIMUM_FIRST_SHARE = 0.9


@pytest.fixture
def corpus(make_document, kazakhstan, armenia):
    countries = {
        "KAZ": kazakhstan,
        "ARM": armenia,
        "UKR": save_country("UKR", {"en": "Ukraine", "ru": "Украина"}),
    }
    for document in DOCUMENTS:
        title = document["title"]
        translated = bool(document["title_en"])
        make_document(
            document["key"],
            title={"en": document["title_en"], "ru": title} if translated else title,
            translate=translated,
            file=upload(f"{document['key']}.txt", document["text"].encode()),
            summary=document["summary"],
            topics=document["topics"],
            language=document["language"],
            country=countries.get(document["country"]),
            document_type=document["type"],
            date=document["date"],
        )


def keys_found(text):
    page = search_page(AnonymousUser(), Query(text=text))
    keys = [hit.url.rstrip("/").rsplit("/", 1)[-1] for hit in page.hits]
    return keys, page.suggestion.text if page.suggestion else None


def test_the_wanted_document_comes_first(corpus):
    score = evaluate(keys_found)
    print(f"\nrelevance first share {score.first_share}, MRR {score.mrr}")
    for query, wanted, found, note in score.misses:
        print(f"  miss: {query!r} wants {wanted}, found {found} ({note})")
    assert score.first_share >= MINIMUM_FIRST_SHARE
    assert score.firsts == RECORDED_FIRST
