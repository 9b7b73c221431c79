"""A page not yet translated is shown in its original language with a notice, not a 404."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from library_pages.models import DocumentPage, LibraryIndexPage

pytestmark = pytest.mark.django_db

NOTICE = b"has not been translated into your language yet"


def test_an_untranslated_page_is_shown_in_english_under_ru_with_a_notice(client, make_document):
    # A Kazakh document's English page is a translation that the Russian reader lacks.
    page = make_document("only-in-english", language="kk")
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


def test_a_page_in_the_documents_own_language_has_no_notice(client, make_document):
    make_document("english-law", language="en")
    response = client.get("/ru/library/participating-states/english-law/")
    assert response.status_code == 200
    assert response.context["shown_untranslated"] is False
    assert NOTICE not in response.content


def russian_only(section, slug):
    russian_section = section.get_translation(Locale.objects.get(language_code="ru"))
    page = russian_section.add_child(
        instance=DocumentPage(
            title="Закон о беженцах",
            slug=slug,
            document_type="law",
            language="ru",
            visibility="public",
            external_url="https://example.org/law",
        )
    )
    page.save_revision().publish()
    return page


def test_the_english_address_of_a_russian_only_document_serves_it_without_a_notice(client, section):
    page = russian_only(section, "zakon-o-bezhentsakh")
    for address in ("/en/library/participating-states/zakon-o-bezhentsakh/", page.url):
        response = client.get(address)
        assert response.status_code == 200
        assert response.context["page"].pk == page.pk
        assert response.context["shown_untranslated"] is False
    assert client.get("/en/library/participating-states/zakon-o-bezhentsakh/nothing-below/").status_code == 404


def test_the_english_library_lists_a_russian_only_document_once(client, section, make_document):
    page = russian_only(section, "zakon-o-bezhentsakh")
    make_document("in-both", translate=True)
    response = client.get("/en/library/")
    listed = {(listed.slug, listed.locale.language_code) for listed in response.context["documents"]}
    assert listed == {("zakon-o-bezhentsakh", "ru"), ("in-both", "en")}
    assert page.url in response.content.decode()
