"""The Elasticsearch backend against a real server: run only when DSM_ELASTICSEARCH_URL is set."""

import os
import uuid

import pytest

from dsm_data.models import Role
from search.backends import get_backend
from search.backends.elasticsearch import search_index

from .conftest import facet, search, titles

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not os.environ.get("DSM_ELASTICSEARCH_URL"), reason="DSM_ELASTICSEARCH_URL is not set"),
]


@pytest.fixture
def elasticsearch(settings):
    settings.DSM_ELASTICSEARCH_URL = os.environ["DSM_ELASTICSEARCH_URL"]
    settings.DSM_ELASTICSEARCH_INDEX = f"dsm-test-{uuid.uuid4().hex[:8]}"
    backend = get_backend()
    backend.clear()
    yield backend
    search_index(settings.DSM_ELASTICSEARCH_INDEX).delete(ignore_unavailable=True)


def test_russian_stemming_snippets_facets_and_permissions(elasticsearch, client, make_document, make_user, kazakhstan):
    make_document("asylum", "Статус беженцами признаются лица.", title="Asylum law", country=kazakhstan)
    make_document("secret", "Беженцы в пути.", title="Secret", country=kazakhstan, visibility="national")

    context = search(client, "беженцев", "ru")
    assert titles(context) == ["Asylum law"]
    assert "<mark>беженцами</mark>" in context["results"].hits[0].snippet
    assert facet(context, "country")["Казахстан"][0] == 1

    client.force_login(make_user(Role.DATA_USER, kazakhstan))
    context = search(client, "беженцев", "ru")
    assert sorted(titles(context)) == ["Asylum law", "Secret"]
    assert facet(context, "country")["Казахстан"][0] == 2


def test_english_stemming_and_yo_folding(elasticsearch, client, make_document):
    make_document("report", "Отчёт: refugee flows.", title="Report")
    assert titles(search(client, "refugees")) == ["Report"]
    assert titles(search(client, "отчет")) == ["Report"]


def test_a_phrase_deep_in_a_text_comes_before_a_title_with_both_words(elasticsearch, client, make_document):
    make_document(
        "labour-code",
        "Трудовой договор заключается в письменной форме. " * 40 + "Нужно разрешение на работу.",
        title="Трудовой кодекс",
        language="ru",
    )
    make_document("decree", "Споры по работе разрешаются комиссией.", title="О разрешении споров по работе")
    assert titles(search(client, "разрешение на работу", "ru")) == ["Трудовой кодекс", "О разрешении споров по работе"]
    assert titles(search(client, '"разрешение на работу"', "ru")) == ["Трудовой кодекс"]
