"""A country profile's latest public figures: the newest public grand total with a number of each indicator,
in one query; and the profile page's figures and charts, the public's for every reader."""

import re
from types import SimpleNamespace

import pytest

from dsm_data.grid import build_grid
from dsm_data.models import Confidentiality, Role, Value
from dsm_data.selectors.browsing import latest_public_totals as public_figures
from dsm_data.services import submissions as services
from tests.conftest import cells_from
from tests.dsm_data.chart_figures import FOOTNOTE, KAZ_SOURCE, page_charts, publish_chart_figures
from tests.factories import new_period
from tests.recorded_builds import replayed

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish_decisions(catalogue, kazakhstan, make_user, make_period):
    """publish_decisions(year, recognised): KAZ's refugee decisions of ``year``, published."""
    decisions = catalogue["REFUGEE_DECISIONS"]
    focal, admin = make_user(Role.FOCAL_POINT, kazakhstan), make_user(Role.COUNTRY_ADMIN, kazakhstan)
    sysadmin = make_user(Role.SYSTEM_ADMIN)

    def publish(year, recognised):
        submission = services.open_submission(kazakhstan, make_period(year), user=focal)
        submission.submission_indicators.exclude(indicator=decisions).delete()
        grid = build_grid(decisions)
        entries = {"RECOGNISED": str(recognised), "COMPLEMENTARY": "2", "REJECTED": "30", "CLOSED": "4"}
        cells = cells_from(grid, {f"RSD_OUTCOME={key}": text for key, text in entries.items()})
        services.save_cells(submission, decisions, cells=cells, user=focal)
        services.submit(submission, user=focal)
        services.validate(submission, user=admin)
        services.publish(submission, user=sysadmin)
        return submission

    return publish


def test_the_latest_public_total_of_each_indicator(publish_decisions, kazakhstan, django_assert_num_queries):
    older, newer = publish_decisions(2024, 5), publish_decisions(2025, 11)
    Value.objects.update(confidentiality=Confidentiality.PUBLIC)
    with django_assert_num_queries(1):
        figures = public_figures(kazakhstan)
        assert [(value.indicator.code, value.period.code, value.number) for value in figures] == [
            ("REFUGEE_DECISIONS", newer.period.code, 47)
        ]
    # The newest total is not public: the one before it is the latest public figure.
    Value.objects.filter(submission=newer).update(confidentiality=Confidentiality.SHARED)
    assert [value.period.code for value in public_figures(kazakhstan)] == [older.period.code]
    Value.objects.update(confidentiality=Confidentiality.NATIONAL)
    assert public_figures(kazakhstan) == []


def test_a_last_period_without_a_number_leaves_the_latest_figure_with_one(publish_decisions, kazakhstan):
    """The issue's "no data" for every indicator: the latest period held ":", and was taken for the latest figure."""
    older, newer = publish_decisions(2024, 5), publish_decisions(2025, 11)
    Value.objects.update(confidentiality=Confidentiality.PUBLIC)
    Value.objects.filter(submission=newer).update(number=None, absence="not_available")
    assert [(value.period.code, value.number) for value in public_figures(kazakhstan)] == [(older.period.code, 41)]


# The profile page: its figures and charts are the public's, for whoever reads it.


@pytest.fixture
def team(make_user, kazakhstan, armenia):
    """Who publishes the figures, and readers of KAZ, of ARM and of the secretariat."""
    return SimpleNamespace(
        sysadmin=make_user(Role.SYSTEM_ADMIN, username="secretariat"),
        focal=make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal"),
        kaz_admin=make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin"),
        kaz_user=make_user(Role.DATA_USER, kazakhstan, username="kaz-user"),
        arm_admin=make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin"),
    )


@pytest.fixture
def chart_figures(team, catalogue, kazakhstan, armenia):
    return replayed(publish_chart_figures, team, catalogue, kazakhstan, armenia, new_period)


@pytest.mark.parametrize("reader", [None, "kaz_user", "arm_admin", "sysadmin"])
def test_the_profile_shows_the_public_figures_to_every_reader(client, country_pages, chart_figures, team, reader):
    if reader:
        client.force_login(getattr(team, reader))
    html = client.get("/en/countries/kaz/").content.decode()
    points, gaps = page_charts(html)["kaz-refugee-decisions"]
    assert {year: number for (year, _series), number in points.items()} == {"2019": "47", "2022": "60"}
    assert {year for year, _series in gaps} == {"2020", "2021"}
    assert ">70<" not in html  # KAZ 2023 is national only
    assert (
        "/en/data/charts/country-trend/?country=KAZ&amp;indicator=REFUGEE_DECISIONS&amp;public=1&amp;format=csv" in html
    )
    # The latest public figure of each indicator, with its unit and its source as a note.
    row = html[html.index('<a href="/en/data/indicators/REFUGEE_DECISIONS/">') :].split("</tr>")[0]
    assert re.search(
        r'<td>2022</td><td class="number"><a href="/en/data/values/\d+/">60 p</a></td><td>decisions</td>', row
    )
    note = re.search(r'<sup><a href="#note-(\d+)"', row).group(1)
    assert f'<li id="note-{note}" value="{note}">Source: {KAZ_SOURCE}</li>' in html


def test_the_profile_marks_a_public_footnote(client, country_pages, chart_figures):
    Value.objects.filter(country__code="KAZ", period__code="2023").update(confidentiality=Confidentiality.PUBLIC)
    html = client.get("/en/countries/kaz/").content.decode()
    row = html[html.index('<a href="/en/data/indicators/REFUGEE_DECISIONS/">') :].split("</tr>")[0]
    note = re.search(r'>70</a><sup><a href="#note-(\d+)"', row).group(1)
    assert f'<li id="note-{note}" value="{note}">{FOOTNOTE}</li>' in html


def test_the_profile_says_so_when_nothing_is_public(client, country_pages, chart_figures):
    Value.objects.update(confidentiality=Confidentiality.NATIONAL)
    html = client.get("/en/countries/kaz/").content.decode()
    assert "No public figures yet." in html
    assert page_charts(html) == {}
