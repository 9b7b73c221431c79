"""The data browser's catalogue names, kept in the cache between requests: a change of the catalogue
shows on the next page and in the next export, each language has its own names, and the queries of a
page do not grow with its rows. The CSV export's cells as the database and the catalogue give them."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dsm_data.models import Indicator, NationalMetadata, Value
from tests.dsm_data.test_data_access import exported_codes
from tests.dsm_data.test_data_browser_rows import INDICATOR, published  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

NAME = "Refugee status determinations"  # the indicator in English
QUERY = {"indicator": INDICATOR, "empty_rows": "on"}  # every row of the fixture: five


def first_cells(response):
    """The indicator and source columns of the page's rows, as shown."""
    table = BeautifulSoup(response.content.decode(), "html.parser").select_one("table.value-rows")
    rows = [[cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")]
    return {row[0] for row in rows}, {row[-1] for row in rows}


def catalogue_reads(client, language="en"):
    """The SQL of a page that reads the catalogue's names (not the query of the values: on PostgreSQL it
    reads the countries too, to walk them in order)."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(f"/{language}/data/", QUERY).status_code == 200
    tables = ('FROM "dsm_data_category"', 'FROM "dsm_data_nationalmetadata"', 'FROM "dsm_data_country"')
    names = [query["sql"] for query in captured if '"dsm_data_value"' not in query["sql"]]
    return [sql for sql in names if any(table in sql for table in tables)]


def test_a_renamed_indicator_and_a_new_source_show_on_the_next_page_and_export(client, published):  # noqa: F811
    names, sources = first_cells(client.get("/en/data/", QUERY))
    assert names == {NAME}
    assert len(sources) == 1
    assert catalogue_reads(client) == []  # the names come from the cache now

    indicator = Indicator.objects.get(code=INDICATOR)
    indicator.name = {**indicator.name, "en": "Asylum decisions (renamed)"}
    indicator.save()
    metadata = NationalMetadata.objects.get(indicator=indicator)
    metadata.data_source = {"en": "The new register"}
    metadata.save()

    assert first_cells(client.get("/en/data/", QUERY)) == ({"Asylum decisions (renamed)"}, {"The new register"})
    rows = exported_codes(client.get("/en/data/", {**QUERY, "export": "csv"}), "csv")
    assert {(row["indicator"], row["source"]) for row in rows} == {("Asylum decisions (renamed)", "The new register")}


def test_each_language_has_its_names_under_the_same_version(client, published):  # noqa: F811
    assert first_cells(client.get("/en/data/", QUERY))[0] == {NAME}
    russian = first_cells(client.get("/ru/data/", QUERY))[0]
    assert russian
    assert russian != {NAME}
    assert first_cells(client.get("/en/data/", QUERY))[0] == {NAME}


def test_a_page_asks_as_many_queries_for_two_rows_as_for_five(client, published):  # noqa: F811
    def queries(per_page):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/en/data/", {**QUERY, "per_page": per_page})
        assert response.content.decode().count('href="/en/data/values/') == per_page
        return len(captured)

    queries(5)  # the catalogue's names into the cache
    assert queries(2) == queries(5)


def test_the_csv_holds_each_figure_as_typed_its_flags_and_a_safe_footnote(client, published):  # noqa: F811
    values = Value.objects.filter(indicator__code=INDICATOR)
    values.filter(series__key="RSD_OUTCOME=CLOSED").update(
        number=Decimal("12.500"), is_provisional=True, footnote='=HYPERLINK("x"), then "quoted",\nsecond line'
    )
    rows = {
        row["breakdown_code"]: row for row in exported_codes(client.get("/en/data/", {**QUERY, "export": "csv"}), "csv")
    }
    total, closed = rows["RSD_OUTCOME=_T"], rows["RSD_OUTCOME=CLOSED"]
    assert (total["value"], total["provisional"], total["estimated"]) == ("47", "0", "0")
    assert (closed["value"], closed["provisional"]) == ("12.5", "1")
    assert closed["footnote"] == '\'=HYPERLINK("x"), then "quoted",\nsecond line'  # never a formula
    assert rows["RSD_OUTCOME=REJECTED"]["value"] == ""
