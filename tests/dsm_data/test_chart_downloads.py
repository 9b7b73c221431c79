"""A chart's files (SVG, PNG, CSV): what each role reads in its own country and another, the audit of
restricted files, and bad parameters answered 400 or 404 with what was wrong, never 500.
(The figures: tests/dsm_data/chart_figures.py.)"""

import csv
import io

import pytest
from PIL import Image

from dsm_data.models import AuditEntry, Role
from tests.dsm_data.chart_figures import page_charts, publish_chart_figures, svg_marks
from tests.factories import new_period
from tests.recorded_builds import replayed

pytestmark = pytest.mark.django_db

KAZ_TREND = {"country": "KAZ", "indicator": "REFUGEE_DECISIONS"}
ARM_TREND = {"country": "ARM", "indicator": "REFUGEE_DECISIONS"}
# Public to all: KAZ 2019, 2022; ARM 2021. Shared: ARM 2022. National only: KAZ 2023. Embargoed: ARM 2023.
PUBLIC_KAZ, PUBLIC_ARM = {"2019": "47", "2022": "60"}, {"2021": "30"}


@pytest.fixture
def chart_figures(portal_team, catalogue, kazakhstan, armenia):
    return replayed(publish_chart_figures, portal_team, catalogue, kazakhstan, armenia, new_period)


# (role, country of the account) for every kind of reader; None: not signed in.
READERS = [
    (None, None),
    (Role.DATA_USER, "KAZ"),
    (Role.FOCAL_POINT, "KAZ"),
    (Role.COUNTRY_ADMIN, "KAZ"),
    (Role.DATA_USER, "ARM"),
    (Role.FOCAL_POINT, "ARM"),
    (Role.COUNTRY_ADMIN, "ARM"),
    (Role.EDITOR, None),
    (Role.SYSTEM_ADMIN, None),
]


def expected_figures(role, country):
    """What the reader may read of each country's series: public figures; shared ones for the
    participating states' users; their own country's all, embargoed or national; everything for
    the secretariat."""
    kaz, arm = dict(PUBLIC_KAZ), dict(PUBLIC_ARM)
    if role in (Role.DATA_USER, Role.FOCAL_POINT, Role.COUNTRY_ADMIN, Role.SYSTEM_ADMIN):
        arm["2022"] = "35"
    if country == "KAZ" or role == Role.SYSTEM_ADMIN:
        kaz["2023"] = "70"
    if country == "ARM" or role == Role.SYSTEM_ADMIN:
        arm["2023"] = "40"
    return kaz, arm


def sign_in(client, make_user, kazakhstan, armenia, role, country):
    if role is not None:
        account_country = {"KAZ": kazakhstan, "ARM": armenia, None: None}[country]
        client.force_login(make_user(role, account_country, username=f"reader-{role}-{country}"))


def download(client, name, parameters, file_format):
    response = client.get(f"/en/data/charts/{name}/", {**parameters, "format": file_format})
    assert response.status_code == 200, response.content
    return response


def csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def csv_figures(response):
    """{year: number} of a trend's CSV."""
    return {row["year"]: row["value"] for row in csv_rows(response) if row["value"] != ""}


@pytest.mark.parametrize(("role", "country"), READERS)
def test_each_reader_downloads_exactly_what_the_table_shows_them(
    client, chart_figures, make_user, kazakhstan, armenia, role, country
):
    sign_in(client, make_user, kazakhstan, armenia, role, country)
    kaz, arm = expected_figures(role, country)
    for parameters, expected in ((KAZ_TREND, kaz), (ARM_TREND, arm)):
        table = csv_rows(client.get(f"/en/data/countries/{parameters['country']}/", {"export": "csv"}))
        (table_row,) = [row for row in table if row["indicator_code"] == "REFUGEE_DECISIONS"]
        assert {year: text for year, text in table_row.items() if year.isdigit() and text not in ("", ":")} == expected
        for name in ("country-trend", "indicator-trend"):
            assert csv_figures(download(client, name, parameters, "csv")) == expected, name
            points, _gaps = svg_marks(download(client, name, parameters, "svg").content.decode())
            assert {year: number for (year, _series), number in points.items()} == expected, name


def test_a_reader_outside_the_country_gets_the_publics_very_image(client, chart_figures, portal_team):
    public = download(client, "country-trend", KAZ_TREND, "png").content
    client.force_login(portal_team.arm_admin)
    assert download(client, "country-trend", KAZ_TREND, "png").content == public
    client.force_login(portal_team.kaz_user)
    own = download(client, "country-trend", KAZ_TREND, "png").content
    assert own != public  # it draws 2023, national only
    image = Image.open(io.BytesIO(own))
    assert image.format == "PNG"
    assert image.size == (960, 540)


def test_the_files_are_the_charts_the_page_drew(client, chart_figures, portal_team):
    client.force_login(portal_team.kaz_user)
    html = client.get("/en/data/indicators/REFUGEE_DECISIONS/").content.decode()
    drawn = page_charts(html)
    for code in ("KAZ", "ARM"):
        link = f'/en/data/charts/indicator-trend/?indicator=REFUGEE_DECISIONS&amp;country={code}&amp;format=svg"'
        assert link in html
        points, gaps = svg_marks(download(client, "indicator-trend", {**KAZ_TREND, "country": code}, "svg").content)
        assert (points, gaps) == drawn[f"refugee-decisions-{code.lower()}"]


def test_the_public_profiles_files_are_the_publics_for_a_signed_in_reader(client, chart_figures, portal_team):
    client.force_login(portal_team.kaz_user)
    response = download(client, "country-trend", {**KAZ_TREND, "public": "1"}, "csv")
    assert csv_figures(response) == PUBLIC_KAZ
    assert "private" not in response.get("Cache-Control", "")
    assert not AuditEntry.objects.filter(action="dsm.export").exists()


def test_a_file_with_restricted_figures_enters_the_audit_trail(client, chart_figures, portal_team):
    download(client, "country-trend", KAZ_TREND, "svg")  # the public's: nothing to record
    assert not AuditEntry.objects.filter(action="dsm.export").exists()
    client.force_login(portal_team.kaz_user)
    response = download(client, "country-trend", KAZ_TREND, "png")
    assert response["Cache-Control"] == "private, no-store"
    (entry,) = AuditEntry.objects.filter(action="dsm.export")
    assert entry.user == portal_team.kaz_user
    assert entry.country.code == "KAZ"
    assert entry.label == "kaz-refugee-decisions.png"
    assert entry.data["format"] == "png"
    # KAZ's points: 2019, 2020 (":"), 2022 public, 2023 national only.
    assert (entry.data["rows"], entry.data["confidentialities"]) == (4, ["national", "public"])


DECISIONS = {"indicator": "REFUGEE_DECISIONS"}
BAD_PARAMETERS = [
    ("pie", {"format": "svg"}, 404, "There is no chart “pie”: charts are country-trend, indicator-trend, latest, "
     "comparison."),
    ("latest", {**DECISIONS, "format": "gif"}, 400, "Unknown file format “gif”: ask for format=svg, png or csv."),
    ("latest", DECISIONS, 400, "Unknown file format “”: ask for format=svg, png or csv."),
    ("latest", {"indicator": "NOPE", "format": "svg"}, 404, "No indicator “NOPE”: choose one of FOREIGN_RESIDENTS, "
     "WORK_PERMITS, ENTRIES, EXITS, ASYLUM_APPLICATIONS, REFUGEE_DECISIONS."),
    ("latest", {**DECISIONS, "year": "abc", "format": "svg"}, 404, "No year “abc”: give the year of an annual "
     "period, such as 2024."),
    ("latest", {**DECISIONS, "year": "12345678901234567890", "format": "csv"}, 404, "No year “12345678901234567890”"),
    ("latest", {**DECISIONS, "year": "1990", "format": "png"}, 404, "No year “1990”"),
    ("country-trend", {**DECISIONS, "country": "XYZ", "format": "svg"}, 404, "No country “XYZ”: choose one of ARM, "
     "KAZ."),
    ("country-trend", {**DECISIONS, "format": "svg"}, 404, "No country “”"),
    ("indicator-trend", {"indicator": "FOREIGN_RESIDENTS", "country": "KAZ", "format": "csv"}, 404, "No published "
     "figures of Foreigners in the country in Kazakhstan that you may see."),
    ("comparison", {**DECISIONS, "period": "2022-Q9", "format": "svg"}, 404, "No period “2022-Q9”: periods are "
     "written 2024, 2024-Q1 or 2024-03."),
    ("comparison", {**DECISIONS, "period": "2022", "by": "SEX", "format": "svg"}, 400, "Refugee status "
     "determinations has no breakdown “SEX”: choose one of RSD_OUTCOME."),
    ("comparison", {**DECISIONS, "period": "2022", "bars": "pie", "format": "svg"}, 400, "Bars are “pie”: choose "
     "grouped or stacked."),
]  # fmt: skip


@pytest.mark.parametrize(("path", "parameters", "status", "message"), BAD_PARAMETERS)
def test_a_bad_parameter_is_named_with_what_it_may_be(client, chart_figures, path, parameters, status, message):
    response = client.get(f"/en/data/charts/{path}/", parameters)
    assert response.status_code == status
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().startswith(message)


@pytest.mark.parametrize("bars", ["grouped", "stacked"])
def test_the_comparison_file_holds_each_category_of_each_country(client, chart_figures, portal_team, bars):
    client.force_login(portal_team.arm_admin)
    parameters = {"indicator": "REFUGEE_DECISIONS", "period": "2022", "by": "RSD_OUTCOME", "bars": bars}
    rows = csv_rows(download(client, "comparison", parameters, "csv"))
    figures = {(row["country"], row["series"]): row["value"] for row in rows if row["value"]}
    # ARM 2022 is shared (Armenia's own), KAZ 2022 public: 35 and 60 split 1:2:3:4 by outcome.
    assert figures == {
        ("Kazakhstan", "Refugee status granted"): "6", ("Kazakhstan", "Complementary protection"): "12",
        ("Kazakhstan", "Rejected"): "18", ("Kazakhstan", "Otherwise closed"): "24",
        ("Armenia", "Refugee status granted"): "3", ("Armenia", "Complementary protection"): "7",
        ("Armenia", "Rejected"): "10", ("Armenia", "Otherwise closed"): "15",
    }  # fmt: skip
