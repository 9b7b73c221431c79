"""What the data browser keeps between requests, and reads once for one: the version tokens of the catalogue
and of the pages in one query, the translated fixed texts of its templates for each language, the
combinations of its filters with their SQL."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import QueryDict
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from dsm_data.filters import ValueFilter
from dsm_data.selectors import browsing, catalogue
from tests.dsm_data.test_data_browser_rows import INDICATOR, published  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def test_a_page_reads_the_catalogue_and_the_pages_versions_in_one_query(client, published):  # noqa: F811
    client.get("/en/data/", {"indicator": INDICATOR})  # the catalogue's names and the menu kept from here on
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/en/data/", {"indicator": INDICATOR}).status_code == 200
    versions = [query["sql"] for query in captured if "version" in query["sql"]]
    assert len(versions) == 1
    assert "dsm_data_catalogueversion" in versions[0]
    assert "library_pages_pagesversion" in versions[0]


def test_the_kept_translations_are_those_of_the_active_language():
    kept = Template('{% load i18n dsm_i18n %}{% translate "Data" %} <{% translate "Log in" %}>')
    django = Template('{% load i18n %}{% translate "Data" %} <{% translate "Log in" %}>')
    written = {}
    for language in ("en", "ru", "en", "ru"):
        with translation.override(language):
            written[language] = kept.render(Context())
            assert written[language] == django.render(Context())
    assert written["en"] == "Data <Log in>" != written["ru"]
    texts = '{% translate "a < b" %} {% autoescape off %}{% translate "a < b" %}{% endautoescape %}'
    kept, django = Template("{% load i18n dsm_i18n %}" + texts), Template("{% load i18n %}" + texts)
    assert kept.render(Context()) == django.render(Context())  # a template's own text is not escaped


def test_the_same_filters_give_the_same_combinations_compiled_once(published):  # noqa: F811
    def combinations(query):
        value_filter = ValueFilter(
            QueryDict(query), browsing.browsable_values(AnonymousUser()), catalogue.catalogue_labels()
        )
        assert value_filter.is_valid()
        return value_filter.combinations()

    first = combinations(f"indicator={INDICATOR}&year_from=2020")
    assert combinations(f"indicator={INDICATOR}&year_from=2020") is first
    assert combinations(f"indicator={INDICATOR}&year_from=2020&totals_only=on") is first  # not a narrowing of them
    assert combinations(f"indicator={INDICATOR}&year_from=2021") is not first
    indicators, _countries, periods = first
    assert list(indicators.values_list("code", flat=True)) == [INDICATOR]
    assert all(period.start.year >= 2020 for period in periods)
