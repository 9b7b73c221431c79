"""A page not yet translated is shown in its original language with a notice, not a 404."""

import pytest
from django.utils import translation

from library_pages.models import LibraryIndexPage

pytestmark = pytest.mark.django_db

NOTICE = b"has not been translated into your language yet"


def test_an_untranslated_document_is_shown_in_english_under_ru_with_a_notice(client, make_document):
    page = make_document("only-in-english")
    response = client.get("/ru/library/participating-states/only-in-english/")
    assert response.status_code == 200
    assert response.context["page"].pk == page.pk
    assert NOTICE in response.content or "ещё не переведена".encode() in response.content
    assert b'<article lang="en">' in response.content


def test_a_translated_page_is_shown_in_russian_without_notice(client, make_document):
    make_document("in-both", translate=True)
    response = client.get("/ru/library/participating-states/in-both/")
    assert response.status_code == 200
    assert response.context["page"].locale.language_code == "ru"
    assert response.context["shown_untranslated"] is False
    assert "in-both (ru)" in response.content.decode()


def test_a_page_that_exists_in_no_language_is_still_a_404(client, section):
    assert client.get("/ru/library/participating-states/nowhere/").status_code == 404
    assert client.get("/en/library/participating-states/nowhere/").status_code == 404
    assert client.get("/ru/no-such-section/at-all/").status_code == 404


def test_the_russian_library_lists_each_document_once_in_russian_when_it_can(client, make_document):
    make_document("only-in-english")
    make_document("in-both", translate=True)
    with translation.override("ru"):
        library = LibraryIndexPage.objects.get(locale__language_code="ru")
    response = client.get("/ru/library/")
    assert response.status_code == 200
    listed = {(page.slug, page.locale.language_code) for page in response.context["documents"]}
    assert listed == {("only-in-english", "en"), ("in-both", "ru")}
    assert response.context["page"].pk == library.pk
