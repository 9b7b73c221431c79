"""Figures, readers and file readers for the reports' tests.

Published figures (grand totals; every breakdown filled by demo.values.figures):

- KAZ 2022: residents 500,000 public; work permits shared; asylum applications national only.
- KAZ 2023: the same, residents 510,000 provisional with a footnote and a break in series.
- KAZ 2024: residents 777,777, public but embargoed (released tomorrow).
- ARM 2022: residents 40,000 public.
- ARM 2023: residents 41,000 public; work permits shared; asylum applications national only.

So the public reads KAZ's and ARM's residents of 2022-2023 only; Kazakhstan's users add
KAZ's permits, asylum and 2024, and ARM's permits; Armenia's users add ARM's asylum and KAZ's permits.
"""

import csv
import datetime
import io
import re
from decimal import Decimal
from types import SimpleNamespace

import openpyxl
import pypdf
import pytest
from django.utils import timezone, translation

from demo.values import figures, publish_in_bulk
from dsm_data.cells import format_number
from dsm_data.grid import build_grid
from dsm_data.models import Confidentiality, Country, NationalMetadata, Role, SeriesBreak, Value
from tests.dsm_data.conftest import portal_team  # noqa: F401  (the shared role x country fixture)
from tests.factories import new_period, new_user
from tests.recorded_builds import replayed

RESIDENTS, PERMITS, ASYLUM = "FOREIGN_RESIDENTS", "WORK_PERMITS", "ASYLUM_APPLICATIONS"
FOOTNOTE = "Counted from the new register."
BREAK_NOTE = {"en": "A new register from 2023.", "ru": "Новый реестр с 2023 года."}
SOURCE = {"en": "Register of the Migration Service", "ru": "Реестр миграционной службы"}
# (country, year): {indicator: (total, confidentiality)}
PUBLISHED = {
    ("KAZ", 2022): {RESIDENTS: (500_000, "public"), PERMITS: (61_000, "shared"), ASYLUM: (987_654, "national")},
    ("KAZ", 2023): {RESIDENTS: (510_000, "public"), PERMITS: (62_000, "shared"), ASYLUM: (876_543, "national")},
    ("KAZ", 2024): {RESIDENTS: (777_777, "public")},
    ("ARM", 2022): {RESIDENTS: (40_000, "public")},
    ("ARM", 2023): {RESIDENTS: (41_000, "public"), PERMITS: (4_100, "shared"), ASYLUM: (654_321, "national")},
}
EMBARGOED = ("KAZ", 2024)


@pytest.fixture
def report_figures(portal_team, catalogue, kazakhstan, armenia):  # noqa: F811
    """The table above, published in bulk; returns the team with ``periods`` and ``arm_user`` added."""
    added = replayed(publish_report_figures, portal_team, catalogue, kazakhstan, armenia)
    portal_team.arm_user, portal_team.periods = added["arm_user"], added["periods"]
    return portal_team


def publish_report_figures(team, catalogue, kazakhstan, armenia):
    """The table above, published by ``team``: {"arm_user": Armenia's data user, "periods": {year: Period}}."""
    arm_user = new_user(Role.DATA_USER, armenia, username="arm-user")
    periods = {year: new_period(year, deadline=datetime.date(year + 1, 3, 1)) for year in (2022, 2023, 2024)}
    countries = {"KAZ": kazakhstan, "ARM": armenia}
    now = timezone.now()
    for (code, year), totals in PUBLISHED.items():
        cells = {
            catalogue[indicator]: figures(code, build_grid(catalogue[indicator]), total)
            for indicator, (total, _confidentiality) in totals.items()
        }
        released = now + datetime.timedelta(days=1) if (code, year) == EMBARGOED else now - datetime.timedelta(days=1)
        submission = publish_in_bulk(
            countries[code],
            periods[year],
            cells,
            released=released,
            entered_by=team.focal,
            validated_by=team.kaz_admin,
            published_by=team.sysadmin,
        )
        for indicator, (_total, confidentiality) in totals.items():
            Value.objects.filter(submission=submission, indicator=catalogue[indicator]).update(
                confidentiality=Confidentiality(confidentiality)
            )
    residents_2023 = Value.objects.filter(
        country=kazakhstan, indicator=catalogue[RESIDENTS], period=periods[2023]
    ).filter(series__is_grand_total=True)
    residents_2023.update(is_provisional=True, footnote=FOOTNOTE)
    metadata = NationalMetadata.objects.create(indicator=catalogue[RESIDENTS], country=kazakhstan, data_source=SOURCE)
    SeriesBreak.objects.create(metadata=metadata, period=periods[2023], note=BREAK_NOTE)
    return {"arm_user": arm_user, "periods": periods}


def report_inputs(kind="country", **inputs):
    """Keyword arguments of services.request_report: KAZ 2022-2024 as PDF in English unless told otherwise."""
    if kind == "region":
        defaults = {"kind": "region", "country": None, "first_year": 2023, "last_year": 2023}
    else:
        kazakhstan = Country.objects.get(code="KAZ")
        defaults = {"kind": "country", "country": kazakhstan, "first_year": 2022, "last_year": 2024}
    return {**defaults, "file_format": "pdf", "language": "en", **inputs}


def file_bytes(report):
    with report.file.open("rb") as file:
        return file.read()


def pdf_text(data):
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def shown(number, language):
    """A number as the report's tables print it in ``language`` (grouped by a narrow no-break space in Russian)."""
    with translation.override(language):
        return format_number(number).replace("\xa0", "\u202f")


def prints(text, number, language):
    """Whether ``text`` holds ``number`` as a figure of its own (not a part of a longer one)."""
    figure = re.escape(shown(number, language))
    return re.search(rf"(?<![\d.,\u202f]){figure}(?![\d.,\u202f])", text) is not None


def xlsx_sheets(data):
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in workbook.worksheets}


def xlsx_figures(data):
    """{(indicator, country, period, breakdown key): number} of the workbook's figures sheet (its second)."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    rows = list(workbook.worksheets[1].iter_rows(min_row=2, values_only=True))
    return {(row[0], row[3], row[5], row[6]): Decimal(str(row[8])) for row in rows if row[8] is not None}


def csv_figures(client, language="en", **filters):
    """{(indicator, country, period, breakdown key): number} of the data browser's CSV export for the client."""
    response = client.get(f"/{language}/data/", {**filters, "export": "csv"})
    assert response.status_code == 200, response.content[:500]
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return {
        (row["indicator_code"], row["country_code"], row["period"], row["breakdown_code"]): Decimal(row["value"])
        for row in csv.DictReader(io.StringIO(text))
        if row["value"] != ""
    }


def hidden_numbers(reader_figures, every_figure):
    """The numbers of ``every_figure`` the reader may not see, less any that a figure they see also has."""
    seen = set(reader_figures.values())
    return {number for key, number in every_figure.items() if key not in reader_figures and number not in seen}


def readers(team):
    """(name, user or None for the public) of the readers the tests compare."""
    return SimpleNamespace(public=None, kaz_user=team.kaz_user, arm_admin=team.arm_admin, sysadmin=team.sysadmin)
