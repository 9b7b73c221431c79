"""A report holds exactly the figures its reader gets from the data browser's CSV export, in PDF and Excel,
in English and Russian; a public report holds no national-only or embargoed figure."""

import io

import openpyxl
import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from dsm_data.models import Value
from reports import services

from .conftest import (
    ASYLUM,
    BREAK_NOTE,
    FOOTNOTE,
    PERMITS,
    RESIDENTS,
    SOURCE,
    csv_figures,
    file_bytes,
    hidden_numbers,
    pdf_text,
    prints,
    report_inputs,
    xlsx_figures,
    xlsx_sheets,
)

pytestmark = pytest.mark.django_db

READERS = ["public", "kaz_user", "arm_admin", "sysadmin"]
KAZ_YEARS = {"country": "KAZ", "frequency": "annual", "year_from": 2022, "year_to": 2024}
REGION_YEAR = {"frequency": "annual", "year_from": 2023, "year_to": 2023}


def reader_client(team, name):
    """(the reader's user, a client signed in as them; anonymous for the public)."""
    client = Client()
    user = getattr(team, name) if name != "public" else AnonymousUser()
    if user.is_authenticated:
        client.force_login(user)
    return user, client


@pytest.fixture
def every_figure(report_figures):
    """Every published figure of the two countries, embargoed ones too (the secretariat's export)."""
    _user, client = reader_client(report_figures, "sysadmin")
    return {
        "country": csv_figures(client, **KAZ_YEARS),
        "region": csv_figures(client, **REGION_YEAR),
    }


def built(user, **inputs):
    report = services.request_report(user, **report_inputs(**inputs))
    assert report.status == "ready", report.error
    return file_bytes(report)


def one_line(text):
    return " ".join(text.split())


def one_breakdown_at_most(key):
    """Grand totals and breakdowns by one dimension (the regional tables); crossings are the country report's."""
    return sum(1 for part in key[3].split(".") if part and not part.endswith("=_T")) <= 1


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("reader", READERS)
def test_a_country_workbook_holds_exactly_the_figures_of_the_readers_export(report_figures, reader, language):
    user, client = reader_client(report_figures, reader)
    expected = csv_figures(client, language, **KAZ_YEARS)
    assert expected
    assert xlsx_figures(built(user, file_format="xlsx", language=language)) == expected


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("reader", READERS)
def test_a_country_pdf_prints_the_readers_figures_and_none_they_may_not_see(
    report_figures, every_figure, reader, language
):
    user, client = reader_client(report_figures, reader)
    expected = csv_figures(client, language, **KAZ_YEARS)
    text = pdf_text(built(user, language=language))
    assert [number for number in expected.values() if not prints(text, number, language)] == []
    hidden = hidden_numbers(expected, every_figure["country"])
    assert [number for number in hidden if prints(text, number, language)] == []


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("reader", READERS)
def test_the_regional_report_compares_the_readers_figures_of_the_year(report_figures, every_figure, reader, language):
    user, client = reader_client(report_figures, reader)
    exported = csv_figures(client, language, **REGION_YEAR)
    expected = {key: number for key, number in exported.items() if one_breakdown_at_most(key)}
    assert xlsx_figures(built(user, kind="region", file_format="xlsx", language=language)) == expected
    text = pdf_text(built(user, kind="region", language=language))
    assert [number for number in expected.values() if not prints(text, number, language)] == []
    if language == "en":  # the charts beside the tables, drawn from the same reading
        assert "Foreigners in the country by country, 2023" in text
        assert "Foreigners in the country, 2023: Sex" in text
    hidden = hidden_numbers(expected, {k: v for k, v in every_figure["region"].items() if one_breakdown_at_most(k)})
    assert [number for number in hidden if prints(text, number, language)] == []


def test_a_public_report_of_a_country_with_national_figures_holds_none_of_them_nor_embargoed_ones(
    report_figures, every_figure
):
    national = {key: number for key, number in every_figure["country"].items() if key[0] in (ASYLUM, PERMITS)}
    embargoed = {key: number for key, number in every_figure["country"].items() if key[2] == "2024"}
    assert national
    assert embargoed
    for file_format in ("pdf", "xlsx"):
        data = built(AnonymousUser(), file_format=file_format)
        if file_format == "xlsx":
            keys = set(xlsx_figures(data))
            assert keys
            assert not keys & (set(national) | set(embargoed))
            assert {key[0] for key in keys} == {RESIDENTS}
        else:
            text = pdf_text(data)
            assert not [number for number in {**national, **embargoed}.values() if prints(text, number, "en")]
            assert prints(text, 987_654, "en") is False
            assert prints(text, 777_777, "en") is False
    # Kazakhstan's own users read their national and embargoed figures in their report.
    text = pdf_text(built(report_figures.kaz_user))
    assert prints(text, 987_654, "en")
    assert prints(text, 777_777, "en")


def test_the_cover_says_whose_reading_the_report_holds(report_figures):
    public = one_line(pdf_text(built(AnonymousUser())))
    assert "What the public may read on" in public
    own = one_line(pdf_text(built(report_figures.kaz_user)))
    assert "What kaz-user (Data user, Kazakhstan) may read on" in own
    assert "figures not for publication" in own
    other = one_line(pdf_text(built(report_figures.arm_admin)))
    assert "What arm-admin (Country administrator, Armenia) may read on" in other
    cover = xlsx_sheets(built(AnonymousUser(), file_format="xlsx"))["Report"]
    assert any(row[0] == "Whose reading" and row[1].startswith("What the public may read on") for row in cover)


def test_the_cover_of_a_russian_report_is_in_russian(report_figures):
    text = pdf_text(built(AnonymousUser(), language="ru"))
    assert "Казахстан" in text
    assert "Kazakhstan" not in text


def test_footnotes_flags_breaks_and_metadata_are_printed(report_figures):
    text = pdf_text(built(AnonymousUser()))
    assert "510,000 pb¹" in text  # provisional, a break in series from 2023, the first note
    assert f"1: {FOOTNOTE}" in text
    assert f"Break in series from 2023: {BREAK_NOTE['en']}" in text
    assert f"Data source: {SOURCE['en']}" in text
    assert f"Source: {SOURCE['en']}" in text.replace(f"Data source: {SOURCE['en']}", "")  # under the trend chart
    sheets = xlsx_sheets(built(AnonymousUser(), file_format="xlsx"))
    figures = sheets["Figures"]
    total_2023 = next(row for row in figures if row[0] == RESIDENTS and row[5] == "2023" and row[7] == "Total")
    assert (total_2023[8], total_2023[10], total_2023[11], total_2023[12]) == (510_000, "pb", 1, FOOTNOTE)
    assert [row for row in sheets["Notes"] if row[0] == 1] == [[1, FOOTNOTE]]
    assert any(row[2] == "Break in series from 2023" and row[3] == BREAK_NOTE["en"] for row in sheets["Metadata"])


def test_the_regional_completeness_shows_states_and_timeliness_to_participating_users_only(report_figures):
    public = xlsx_sheets(built(AnonymousUser(), kind="region", file_format="xlsx"))["Completeness"]
    assert "Timeliness" not in public[0]
    assert public[1][0] == "Armenia"
    assert public[1][1] == "published"
    shared = xlsx_sheets(built(report_figures.kaz_user, kind="region", file_format="xlsx"))["Completeness"]
    assert shared[0][-1] == "Timeliness"
    kazakhstan = next(row for row in shared if row[0] == "Kazakhstan")
    assert kazakhstan[1] == "published"
    assert kazakhstan[-1] in ("on time", "late")


def test_a_text_cell_is_never_a_formula(report_figures):
    Value.objects.filter(footnote=FOOTNOTE).update(footnote='=HYPERLINK("http://evil.example")')
    data = built(AnonymousUser(), file_format="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Figures"]
    cells = [cell for row in sheet.iter_rows() for cell in row if str(cell.value).startswith("=")]
    assert cells
    assert all(cell.data_type == "s" for cell in cells)
