"""The search page: stemming in both languages, snippets, relevance, order, facets, pages, languages."""

import datetime
import re

import pytest

from .conftest import facet, search, titles

pytestmark = pytest.mark.django_db

RUSSIAN_TEXT = (
    "Настоящий закон определяет порядок предоставления убежища. Статус беженцами признаются лица, "
    "подавшие ходатайств о защите в установленный срок."
)


def test_a_russian_inflected_query_finds_the_other_form_in_the_pdf_and_shows_it(client, make_document, kazakhstan):
    make_document("asylum-law", RUSSIAN_TEXT, title="Law on asylum", country=kazakhstan, language="ru")
    make_document("labour-code", "Трудовой кодекс регулирует трудовые отношения.", title="Labour code")

    for query in ("беженцев", "ходатайство", "БЕЖЕНЦЕВ ходатайство"):
        context = search(client, query, "ru")
        assert titles(context) == ["Law on asylum"]
        snippet = context["results"].hits[0].snippet
        assert re.search(r"<mark>(беженцами|ходатайств)</mark>", snippet), snippet
        assert facet(context, "country")["Казахстан"][0] == 1
        assert list(facet(context, "language").values())[0][0] == 1


def test_a_snippet_quotes_the_file_before_the_topics_that_name_the_same_word(client, make_document):
    make_document(
        "asylum-law",
        "Every refugee may appeal a refusal within thirty days.",
        title="Law on asylum",
        topics="refugees; statistics",
        issuing_body="Refugee board",
    )
    snippet = search(client, "refugees")["results"].hits[0].snippet
    assert snippet.startswith("Every <mark>refugee</mark> may appeal a refusal"), snippet


def test_english_stemming_finds_singular_and_plural(client, make_document):
    make_document("refugee-act", "The refugee status is granted by the commission.", title="Refugee act")
    context = search(client, "refugees granting")
    assert titles(context) == ["Refugee act"]
    assert "<mark>refugee</mark>" in context["results"].hits[0].snippet
    assert "<mark>granted</mark>" in context["results"].hits[0].snippet


def test_case_and_yo_are_folded(client, make_document):
    make_document("report", "Отчёт о численности иностранцев.", title="Report")
    assert titles(search(client, "ОТЧЕТ")) == ["Report"]
    assert titles(search(client, "отчёта")) == ["Report"]


def test_a_query_in_either_language_finds_a_document_whatever_the_interface_language(client, make_document):
    make_document(
        "migration-law",
        "Закон о миграции.",
        title={"en": "Law on migration", "ru": "Закон о миграции"},
        translate=True,
        summary="Rules of entry and stay.",
    )
    for language in ("en", "ru"):
        assert len(search(client, "migration", language)["results"].hits) == 1
        assert len(search(client, "миграции", language)["results"].hits) == 1
    # Shown once, in the reader's language.
    assert titles(search(client, "migration", "ru")) == ["Закон о миграции"]
    assert titles(search(client, "миграции", "en")) == ["Law on migration"]


def test_an_untranslated_document_is_found_and_shown_in_its_language(client, make_document):
    make_document("english-only", "Statistics of labour migration.", title="Labour statistics")
    context = search(client, "statistics", "ru")
    assert titles(context) == ["Labour statistics"]
    assert context["results"].hits[0].url.startswith("/en/")


def test_title_weighs_more_than_body(client, make_document):
    make_document("body-match", "The word quota appears here, in the text only. " * 3, title="Annual report")
    make_document("title-match", "Nothing relevant in this file.", title="Quota decree")
    assert titles(search(client, "quota")) == ["Quota decree", "Annual report"]


def test_order_by_date_puts_the_newest_first(client, make_document):
    make_document("old", "visa regime", title="Visa regime (old) visa", date=datetime.date(2001, 5, 1))
    make_document("new", "visa", title="Decree", date=datetime.date(2023, 5, 1))
    assert titles(search(client, "visa", order="date")) == ["Decree", "Visa regime (old) visa"]


@pytest.fixture
def library(make_document, other_section, kazakhstan, armenia):
    make_document("kaz-law", "border control", country=kazakhstan, date=datetime.date(2020, 3, 1))
    make_document("kaz-decree", "border control", country=kazakhstan, document_type="decree", language="ru")
    make_document("arm-law", "border control", country=armenia, date=datetime.date(2021, 3, 1))
    make_document("arm-policy", "border control", country=armenia, document_type="policy", section=other_section)
    make_document("regional", "border control", date=datetime.date(2021, 7, 1), language="ru")


def test_facet_counts_equal_the_results_of_each_value(client, library):
    context = search(client, "border")
    assert context["results"].total == 5
    for name, _label, values in context["facets"]:
        assert values, name
        for value in values:
            narrowed = client.get("/en/search/" + value["url"]).context
            assert narrowed["results"].total == value["count"], (name, value["label"])


def test_facet_filters_combine_and_stay_in_the_url(client, library):
    context = search(client, "border", country="KAZ")
    assert sorted(titles(context)) == ["kaz-decree", "kaz-law"]
    url = facet(context, "type")["Decree"][1]
    assert "country=KAZ" in url
    assert "type=decree" in url
    narrowed = client.get("/en/search/" + url).context
    assert titles(narrowed) == ["kaz-decree"]
    assert facet(narrowed, "country") == {"Kazakhstan": (1, facet(narrowed, "country")["Kazakhstan"][1])}
    assert titles(search(client, "border", country="KAZ", type="law", year="2020")) == ["kaz-law"]
    assert titles(search(client, "border", section="policy-papers")) == ["arm-policy"]
    assert search(client, "border", country="ARM", language="ru")["results"].total == 0


def test_pagination(client, make_document):
    for number in range(12):
        make_document(f"circular-{number:02}", "circular", date=datetime.date(2000 + number, 1, 1))
    first = search(client, "circular", order="date")
    assert first["results"].total == 12
    assert len(first["results"].hits) == 10
    assert first["results"].page_count == 2
    assert first["next_url"]
    assert not first["previous_url"]
    second = client.get("/en/search/" + first["next_url"]).context
    assert titles(second) == ["circular-01", "circular-00"]
    assert "q=circular" in second["previous_url"]
    assert "order=date" in second["previous_url"]


def test_equal_hits_keep_one_order_from_page_to_page(client, make_document):
    for number in range(12):
        make_document(f"notice-{number:02}", "consular notice", date=datetime.date(2020, 1, 1))
    first = search(client, "notice")
    second = client.get("/en/search/" + first["next_url"]).context
    assert sorted(titles(first) + titles(second)) == [f"notice-{number:02}" for number in range(12)]


def test_snippets_escape_the_text(client, make_document):
    make_document("html", "A <script>alert(1)</script> residence permit.", title="Permit <b>rules</b>")
    hit = search(client, "permit")["results"].hits[0]
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert hit.title == "<mark>Permit</mark> &lt;b&gt;rules&lt;/b&gt;"


def test_the_page_has_a_search_box_and_an_empty_query_searches_nothing(client, home_pages):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert response.context["results"] is None
    home = client.get("/ru/").content.decode()
    assert 'action="/ru/search/"' in home
    assert 'for="site-search-query"' in home
