"""The data browser's rows: those without a figure hidden until the reader asks for them (page and
exports alike), and every figure shown with its unit, its source and a mark leading to its note."""

from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup

from dsm_data.grid import build_grid
from dsm_data.models import Absence, Confidentiality, NationalMetadata, Role, Value
from dsm_data.selectors.catalogue import catalogue_labels
from dsm_data.services import submissions as services
from dsm_data.tables import breakdown_label
from tests.conftest import cells_from
from tests.dsm_data.test_data_access import READERS, exported_codes, log_in, may_read

pytestmark = pytest.mark.django_db

INDICATOR = "REFUGEE_DECISIONS"
ENTRIES = {
    "RSD_OUTCOME=RECOGNISED": "11",
    "RSD_OUTCOME=COMPLEMENTARY": "2",
    "RSD_OUTCOME=REJECTED": "30",
    "RSD_OUTCOME=CLOSED": "4",
}
COUNTED_AGAIN = "Counted again after an audit of the register."
WITHHELD = "Withheld: fewer than five people."
ONLY_ON_A_HIDDEN_ROW = "Not kept before 2026."
# Each row as the page shows it: breakdown code -> (text of the figure, its note or "").
ROWS = {
    "RSD_OUTCOME=_T": ("47", COUNTED_AGAIN),
    "RSD_OUTCOME=RECOGNISED": (":", ONLY_ON_A_HIDDEN_ROW),  # not available: hidden by default
    "RSD_OUTCOME=COMPLEMENTARY": ("not collected", ""),  # blank: hidden by default
    "RSD_OUTCOME=REJECTED": ("c", WITHHELD),  # confidential: says something, always shown
    "RSD_OUTCOME=CLOSED": ("4", COUNTED_AGAIN),
}
WITHOUT_A_FIGURE = {"RSD_OUTCOME=RECOGNISED", "RSD_OUTCOME=COMPLEMENTARY"}
SOURCE = {"en": "Register of asylum seekers (test)", "ru": "Реестр лиц, ищущих убежища (тест)"}


@pytest.fixture
def published(catalogue, kazakhstan, make_user, make_period):
    """Kazakhstan's 2025 decisions, published and public: a ':', a blank, a 'c' and numbers, with notes."""
    decisions = catalogue[INDICATOR]
    focal, admin = make_user(Role.FOCAL_POINT, kazakhstan), make_user(Role.COUNTRY_ADMIN, kazakhstan)
    submission = services.open_submission(kazakhstan, make_period(2025), user=focal)
    submission.submission_indicators.exclude(indicator=decisions).delete()
    services.save_cells(submission, decisions, cells=cells_from(build_grid(decisions), ENTRIES), user=focal)
    services.submit(submission, user=focal)
    services.validate(submission, user=admin)
    services.publish(submission, user=make_user(Role.SYSTEM_ADMIN))
    # The absences as a source that marks every cell it lacks would deliver them (a correction would
    # recompute the total; the browser only reads what is stored).
    values = Value.objects.filter(submission=submission)
    values.update(confidentiality=Confidentiality.PUBLIC)
    values.filter(series__key="RSD_OUTCOME=RECOGNISED").update(number=None, absence=Absence.NOT_AVAILABLE)
    values.filter(series__key="RSD_OUTCOME=COMPLEMENTARY").update(number=None, absence="")
    values.filter(series__key="RSD_OUTCOME=REJECTED").update(number=None, absence=Absence.CONFIDENTIAL)
    for key, (_text, note) in ROWS.items():
        values.filter(series__key=key).update(footnote=note)
    NationalMetadata.objects.create(indicator=decisions, country=kazakhstan, data_source=SOURCE)
    return submission


def shown_rows(response):
    """{breakdown code's row: its cells} of the page's table, read from the HTML."""
    table = BeautifulSoup(response.content.decode(), "html.parser").select_one("table.value-rows")
    header = [cell.get_text(strip=True) for cell in table.select("thead th")]
    rows = {}
    for row in table.select("tbody tr"):
        cells = dict(zip(header, row.find_all(["th", "td"]), strict=True))
        rows[cells["Breakdown"].get_text(strip=True)] = cells
    return rows


def row_keys():
    """{breakdown as the page names it: its code}, in the test's language."""
    return {breakdown_label(key, catalogue_labels().categories): key for key in ROWS}


@pytest.mark.parametrize("switch", [{}, {"empty_rows": "on"}], ids=["default", "switched-on"])
def test_rows_without_a_figure_are_left_out_of_the_page_and_both_exports_until_the_switch_shows_them(
    client, published, switch
):
    expected = set(ROWS) if switch else set(ROWS) - WITHOUT_A_FIGURE
    query = {"indicator": INDICATOR, **switch}
    page = shown_rows(client.get("/en/data/", query))
    names = row_keys()
    assert {names[name] for name in page} == expected
    for name, cells in page.items():
        assert cells["Value"].a.get_text(strip=True) == ROWS[names[name]][0]
    for kind in ("csv", "xlsx"):
        rows = exported_codes(client.get("/en/data/", {**query, "export": kind}), kind)
        assert {row["breakdown_code"] for row in rows} == expected
        assert len(rows) == len(expected)
        kept = {row["breakdown_code"]: row["missing_because"] for row in rows}
        assert kept["RSD_OUTCOME=REJECTED"] == Absence.CONFIDENTIAL
        if switch:
            assert kept["RSD_OUTCOME=RECOGNISED"] == Absence.NOT_AVAILABLE
            assert kept["RSD_OUTCOME=COMPLEMENTARY"] in ("", None)


def links(response, selector):
    return [link["href"] for link in BeautifulSoup(response.content.decode(), "html.parser").select(selector)]


def test_the_switch_is_a_link_and_a_box_of_the_filter_form_and_stays_in_every_url(client, published):
    first_look = client.get("/en/data/")
    (show,) = links(first_look, "p.row-switch a")
    assert parse_qs(show.lstrip("?")) == {"totals_only": ["on"], "empty_rows": ["on"]}  # still the first look
    assert "are hidden" in first_look.content.decode()
    box = BeautifulSoup(first_look.content.decode(), "html.parser").select_one("form.filters input[name=empty_rows]")
    assert box["type"] == "checkbox"
    assert not box.has_attr("checked")

    shown = client.get(f"/en/data/{show}")
    assert [row_keys()[name] for name in shown_rows(shown)] == ["RSD_OUTCOME=_T"]  # still the grand totals
    response = client.get("/en/data/", {"indicator": INDICATOR, "empty_rows": "on", "page": "1", "per_page": "2"})
    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert html.select_one("form.filters input[name=empty_rows]").has_attr("checked")
    for href in links(response, "p.exports a") + links(response, "nav .pagination a") + links(response, "thead a"):
        assert "empty_rows=on" in href, href
    (hide,) = links(response, "p.row-switch a")
    assert parse_qs(hide.lstrip("?")) == {"indicator": [INDICATOR], "per_page": ["2"]}  # from the first page
    hidden_again = {row_keys()[name] for name in shown_rows(client.get(f"/en/data/{hide}"))}
    assert len(hidden_again) == 2
    assert not hidden_again & WITHOUT_A_FIGURE


@pytest.mark.parametrize(("language", "unit"), [("en", "decisions"), ("ru", "решений")])
def test_each_figure_has_its_unit_its_source_and_a_mark_leading_to_its_note(client, published, language, unit):
    response = client.get(f"/{language}/data/", {"indicator": INDICATOR, "sort": "breakdown"})  # the total last
    html = BeautifulSoup(response.content.decode(), "html.parser")
    notes = {item["id"]: item.get_text(strip=True) for item in html.select(".table-notes ol li")}
    # One note a text, numbered in the order of the rows; a note only a hidden row carries is not listed.
    assert notes == {"note-1": WITHHELD, "note-2": COUNTED_AGAIN}
    table = html.select_one("table.value-rows")
    marks = {}
    for row in table.select("tbody tr"):
        cells = row.find_all(["th", "td"])
        value_cell = next(cell for cell in cells if "number" in (cell.get("class") or []))
        assert unit in [cell.get_text(strip=True) for cell in cells]
        assert SOURCE[language] in [cell.get_text(strip=True) for cell in cells]
        mark = value_cell.select_one("sup a")
        marks[value_cell.a.get_text(strip=True)] = mark["href"] if mark else None
        assert not any(note in cell.get_text() for cell in cells for note in notes.values())  # marks, not texts
    assert marks == {"c": "#note-1", "4": "#note-2", "47": "#note-2"}
    for kind in ("csv", "xlsx"):
        rows = exported_codes(client.get(f"/{language}/data/", {"indicator": INDICATOR, "export": kind}), kind)
        assert {(row["unit"], row["source"]) for row in rows} == {(unit, SOURCE[language])}
        assert {row["breakdown_code"]: row["footnote"] or "" for row in rows} == {
            key: note for key, (_text, note) in ROWS.items() if key not in WITHOUT_A_FIGURE
        }


@pytest.mark.parametrize(("role", "own_country"), READERS)
def test_the_switch_shows_no_row_the_reader_may_not_read(
    client, published, make_user, kazakhstan, armenia, role, own_country
):
    """National-only figures, every row asked for: the switch widens the rows, never the readers."""
    Value.objects.update(confidentiality=Confidentiality.NATIONAL)
    log_in(client, make_user, role, own_country, kazakhstan, armenia)
    expected = len(ROWS) if may_read(role, own_country, Confidentiality.NATIONAL) else 0
    query = {"indicator": INDICATOR, "empty_rows": "on"}
    assert client.get("/en/data/", query).content.decode().count('href="/en/data/values/') == expected
    for kind in ("csv", "xlsx"):
        assert len(exported_codes(client.get("/en/data/", {**query, "export": kind}), kind)) == expected
