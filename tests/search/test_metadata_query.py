"""Metadata typed into the query: a year, a country's name, a document type match the text or the facet."""

import datetime

import pytest

from dsm_data.models import Indicator, NationalMetadata
from dsm_data.services.accounts import save_country
from search.query import parse_query
from search.query_facets import facet_terms

from .conftest import facet, search, titles, upload

pytestmark = pytest.mark.django_db

REFUGEE_LAW = (
    "Настоящий Закон определяет правовое положение лиц, ищущих убежища, и беженцев. "
    "Беженцу выдается удостоверение беженца сроком на один год."
)


@pytest.fixture
def ukraine(db):
    return save_country("UKR", {"en": "Ukraine", "ru": "Украина"})


@pytest.fixture
def laws(make_document, kazakhstan, armenia, ukraine):
    def make(slug, text, title, **fields):
        return make_document(slug, title=title, file=upload(f"{slug}.txt", text.encode()), **fields)

    make("kaz-refugees", REFUGEE_LAW, "О беженцах", country=kazakhstan, language="ru", date=datetime.date(2009, 12, 4))
    make(
        "arm-refugees",
        "Закон определяет порядок признания беженцами и предоставления убежища.",
        "О беженцах и убежище",
        country=armenia,
        language="ru",
        date=datetime.date(2008, 11, 27),
    )
    make(
        "ukr-refugees",
        "Цей Закон регулює суспільні відносини у сфері визнання особи біженцем. Біженці мають право на працю.",
        "Про біженців",
        country=ukraine,
        language="uk",
        date=datetime.date(2011, 7, 8),
    )
    make(
        "refugee-report",
        "В 2009 году статус беженца получили 52 человека.",
        "Отчет о работе с беженцами",
        country=kazakhstan,
        language="ru",
        document_type="statistical-report",
        date=datetime.date(2015, 3, 1),
    )


def test_the_words_of_a_year_a_country_and_a_type_are_read_as_facets(kazakhstan, ukraine):
    terms = facet_terms(parse_query("закон Украины о беженцах 2009 Казахстан"))
    assert [(term.positions, term.facet, term.value) for term in terms] == [
        ((0,), "type", "law"),
        ((1,), "country", "UKR"),
        ((4,), "year", "2009"),
        ((5,), "country", "KAZ"),
    ]
    assert facet_terms(parse_query('"Казахстан 2009" беженцы')) == []  # quoted words are text


def test_a_country_and_a_year_find_a_law_whose_text_has_neither(client, laws):
    assert titles(search(client, "Казахстан беженцы 2009", "ru")) == ["О беженцах", "Отчет о работе с беженцами"]
    assert titles(search(client, "беженцы Kazakhstan"))[0] in ("О беженцах", "Отчет о работе с беженцами")


def test_another_year_does_not_find_it(client, laws):
    assert titles(search(client, "беженцы 2010", "ru")) == []


def test_a_year_in_the_text_finds_a_document_of_another_year(client, laws):
    found = titles(search(client, "беженца 2009", "ru"))
    assert "Отчет о работе с беженцами" in found
    assert found[0] == "О беженцах"  # the facet equals the year: it comes before the text that has it


def test_a_ukrainian_query_with_the_country_finds_the_ukrainian_law(client, laws):
    assert titles(search(client, "закон України про біженців", "ru")) == ["Про біженців"]
    assert titles(search(client, "закон Украины о беженцах", "ru")) == []  # Russian words, Ukrainian text


def test_a_facet_in_the_url_answers_the_word_that_names_its_value_and_no_other(client, laws):
    found = titles(search(client, "беженцы Казахстан", "ru", country="KAZ"))
    assert sorted(found) == ["О беженцах", "Отчет о работе с беженцами"]
    # Another country in the URL: the word is still the reader's, and no Armenian text names Kazakhstan.
    assert titles(search(client, "беженцы Казахстан", "ru", country="ARM")) == []
    assert titles(search(client, "беженцы 2009", "ru", year="2015")) == ["Отчет о работе с беженцами"]


def test_the_facet_counts_equal_the_results(client, laws):
    context = search(client, "беженцы Казахстан", "ru")
    assert context["results"].total == 2
    for _name, _label, values in context["facets"]:
        for value in values:
            narrowed = client.get("/ru/search/" + value["url"]).context
            assert narrowed["results"].total == value["count"], value["label"]
    assert facet(context, "country")["Казахстан"][0] == 2


def test_asylum_applications_armenia_puts_the_armenian_metadata_first(client, make_document, kazakhstan, armenia):
    indicator = Indicator.objects.create(code="ASYLUM_APPLICATIONS", name={"en": "Asylum applications"})
    for country in (kazakhstan, armenia):
        NationalMetadata.objects.create(indicator=indicator, country=country, data_source={"en": "Register"})
    make_document("asylum-law", "Who may apply and how.", title="Law on asylum applications")
    assert titles(search(client, "asylum applications Armenia"))[0] == "Asylum applications: Armenia"
