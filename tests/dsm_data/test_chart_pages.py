"""The charts of the data pages: what each holds for each reader, read in a fixed number of queries,
and the same points as the table beside them. (The figures: tests/dsm_data/chart_figures.py.)"""

import datetime
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo.values import figures, publish_in_bulk
from dsm_data.charts.data import BARS, LINE, STACKED
from dsm_data.grid import build_grid
from dsm_data.selectors import charts
from dsm_data.services.accounts import save_country
from tests.dsm_data.chart_figures import FOOTNOTE, KAZ_SOURCE, page_charts, points_by_label, publish_chart_figures
from tests.factories import new_period
from tests.recorded_builds import replayed

pytestmark = pytest.mark.django_db


@pytest.fixture
def chart_figures(portal_team, catalogue, kazakhstan, armenia):
    return replayed(publish_chart_figures, portal_team, catalogue, kazakhstan, armenia, new_period)


PUBLIC = AnonymousUser()


def decisions_of(figures):
    (figure,) = [figure for figure in figures if figure.indicator.code == "REFUGEE_DECISIONS"]
    return figure


def test_a_country_trend_draws_gaps_as_gaps_and_marks_flags_and_breaks(chart_figures, kazakhstan):
    figure = decisions_of(charts.country_trends(PUBLIC, country=kazakhstan))
    chart = figure.chart
    assert chart.kind == LINE
    assert points_by_label(chart) == {
        "2019": (Decimal(47), "47", ""),
        "2020": (None, ":", ""),  # not available: a gap with its code
        "2021": (None, "", ""),  # not sent: a gap, no zero
        "2022": (Decimal(60), "60 p", "pb"),  # provisional, and the series' break
    }
    assert Decimal(0) not in chart.numbers()
    assert (figure.latest.period.code, figure.latest.number) == ("2022", 60)
    assert figure.source == KAZ_SOURCE == chart.source
    assert chart.unit == "decisions"
    assert "not public" not in chart.description


def test_the_latest_figure_is_the_latest_year_with_a_number_not_the_latest_year(chart_figures, kazakhstan):
    from dsm_data.models import Value

    Value.objects.filter(country=kazakhstan, period__code="2022").update(number=None, absence="not_available")
    figure = decisions_of(charts.country_trends(PUBLIC, country=kazakhstan))
    assert figure.chart.labels[-1] == "2022"  # the year is shown, as ":"
    assert figure.latest.period.code == "2019"


def test_a_country_reads_its_own_national_figure_and_is_told_it_is_not_public(chart_figures, kazakhstan, portal_team):
    figure = decisions_of(charts.country_trends(portal_team.kaz_user, country=kazakhstan))
    assert points_by_label(figure.chart)["2023"] == (Decimal(70), "70", "")
    assert figure.chart.series[0].points[-1].footnote == FOOTNOTE
    assert figure.latest.number == 70
    assert "It holds figures that are not public." in figure.chart.description
    # Others read it as the public does.
    other = decisions_of(charts.country_trends(portal_team.arm_admin, country=kazakhstan))
    assert "2023" not in other.chart.labels
    assert 70 not in other.chart.numbers()


def test_years_asked_are_drawn_even_without_figures(chart_figures, kazakhstan):
    figure = decisions_of(charts.country_trends(PUBLIC, country=kazakhstan, first_year=2018, last_year=2023))
    # No period 2018 exists; 2023 is national only: a gap for the public.
    assert figure.chart.labels == ["2019", "2020", "2021", "2022", "2023"]
    assert points_by_label(figure.chart)["2023"] == (None, "", "")


def test_every_indicator_of_a_country_in_five_queries(chart_figures, kazakhstan, django_assert_num_queries):
    with django_assert_num_queries(5):
        figures = charts.country_trends(PUBLIC, country=kazakhstan)
    assert [figure.indicator.code for figure in figures][:2] == ["FOREIGN_RESIDENTS", "WORK_PERMITS"]
    assert len(figures) == 6
    asylum = next(figure for figure in figures if figure.indicator.code == "ASYLUM_APPLICATIONS")
    assert asylum.chart.numbers() == [470, 600]
    residents = figures[0]
    assert residents.chart.is_empty
    assert residents.latest is None


@pytest.mark.parametrize(
    ("reader", "expected"),
    [
        ("public", {"ARM": {"2021": 30}, "KAZ": {"2019": 47, "2022": 60}}),
        ("arm_admin", {"ARM": {"2021": 30, "2022": 35, "2023": 40}, "KAZ": {"2019": 47, "2022": 60}}),
        ("kaz_user", {"ARM": {"2021": 30, "2022": 35}, "KAZ": {"2019": 47, "2022": 60, "2023": 70}}),
        ("sysadmin", {"ARM": {"2021": 30, "2022": 35, "2023": 40}, "KAZ": {"2019": 47, "2022": 60, "2023": 70}}),
    ],
)
def test_small_multiples_hold_what_each_reader_may_read(chart_figures, catalogue, portal_team, reader, expected):
    user = PUBLIC if reader == "public" else getattr(portal_team, reader)
    trends = charts.indicator_trends(user, indicator=catalogue["REFUGEE_DECISIONS"])
    shown = {
        chart.series[0].code: {label: point[0] for label, point in points_by_label(chart).items() if point[0]}
        for chart in trends
    }
    assert shown == expected
    assert len({tuple(chart.labels) for chart in trends}) == 1  # the same years in every chart
    assert len({chart.slug for chart in trends}) == len(trends)


def test_small_multiples_leave_out_countries_without_a_number(chart_figures, catalogue):
    from dsm_data.models import Value

    Value.objects.filter(country__code="ARM").update(number=None, absence="confidential")
    trends = charts.indicator_trends(PUBLIC, indicator=catalogue["REFUGEE_DECISIONS"])
    assert [chart.series[0].code for chart in trends] == ["KAZ"]


@pytest.mark.parametrize(
    ("reader", "year", "bars"),
    [
        ("public", "2022", [("Kazakhstan", 60), ("Armenia", None)]),
        ("kaz_user", "2023", [("Kazakhstan", 70), ("Armenia", None)]),  # ARM 2023 still embargoed
        ("arm_admin", "2023", [("Armenia", 40), ("Kazakhstan", None)]),  # KAZ 2023 national only
    ],
)
def test_the_latest_year_across_countries_is_the_readers_latest_with_a_number(
    chart_figures, catalogue, portal_team, reader, year, bars
):
    user = PUBLIC if reader == "public" else getattr(portal_team, reader)
    chart = charts.latest_across_countries(user, indicator=catalogue["REFUGEE_DECISIONS"])
    assert chart.kind == BARS
    assert chart.series[0].name == year
    assert list(zip(chart.labels, [point.number for point in chart.series[0].points], strict=True)) == bars


def test_a_year_asked_across_countries(chart_figures, catalogue):
    chart = charts.latest_across_countries(PUBLIC, indicator=catalogue["REFUGEE_DECISIONS"], year=2020)
    assert points_by_label(chart) == {"Kazakhstan": (None, ":", ""), "Armenia": (None, "", "")}
    assert chart.is_empty


@pytest.mark.parametrize("stacked", [False, True])
def test_a_breakdown_compared_across_countries(chart_figures, catalogue, portal_team, stacked):
    chart = charts.breakdown_comparison(
        portal_team.kaz_user,
        indicator=catalogue["ASYLUM_APPLICATIONS"],
        period=chart_figures[2022],
        dimension_code="SEX",
        stacked=stacked,
    )
    assert chart.kind == (STACKED if stacked else BARS)
    assert [series.code for series in chart.series] == ["F", "M"]
    assert chart.labels == ["Kazakhstan", "Armenia"]  # 600 before 350
    for index, total in enumerate([600, 350]):
        assert sum(series.points[index].number for series in chart.series) == total


def test_a_breakdown_defaults_to_the_first_dimension_and_refuses_another_indicators(chart_figures, catalogue):
    decisions = catalogue["REFUGEE_DECISIONS"]
    chart = charts.breakdown_comparison(PUBLIC, indicator=decisions, period="2022")
    assert [series.code for series in chart.series] == ["RECOGNISED", "COMPLEMENTARY", "REJECTED", "CLOSED"]
    assert [point.number for point in chart.series[0].points] == [6, None]  # ARM 2022 is shared
    assert chart.series[0].points[0].is_break  # KAZ's break in 2022
    with pytest.raises(ValueError, match="SEX"):
        charts.breakdown_comparison(PUBLIC, indicator=decisions, period="2022", dimension_code="SEX")


# The pages: their charts' SVG against the tables beside them, for each reader.

READERS = {
    "public": {"ARM": {"2021": "30"}, "KAZ": {"2019": "47", "2022": "60"}},
    "arm_admin": {"ARM": {"2021": "30", "2022": "35", "2023": "40"}, "KAZ": {"2019": "47", "2022": "60"}},
    "kaz_user": {"ARM": {"2021": "30", "2022": "35"}, "KAZ": {"2019": "47", "2022": "60", "2023": "70"}},
}


def sign_in(client, portal_team, reader):
    if reader != "public":
        client.force_login(getattr(portal_team, reader))


@pytest.mark.parametrize("reader", list(READERS))
def test_the_indicator_page_draws_each_countrys_trend_and_the_latest_year_as_the_reader_may_see_them(
    client, chart_figures, portal_team, reader
):
    sign_in(client, portal_team, reader)
    html = client.get("/en/data/indicators/REFUGEE_DECISIONS/").content.decode()
    drawn = page_charts(html)
    names = {"ARM": "Armenia", "KAZ": "Kazakhstan"}
    for code, expected in READERS[reader].items():
        points, gaps = drawn[f"refugee-decisions-{code.lower()}"]
        assert points == {(year, names[code]): number for year, number in expected.items()}
        assert all(value != "0" for value in points.values())
        assert not set(points) & set(gaps)  # a gap is never drawn as a figure
    latest_year = max(year for expected in READERS[reader].values() for year in expected)
    points, _gaps = drawn[f"refugee-decisions-latest-{latest_year}"]
    assert points == {
        (names[code], latest_year): expected[latest_year]
        for code, expected in READERS[reader].items()
        if latest_year in expected
    }
    # Every link to a file of these charts is the reader's own reading of the same chart.
    assert f'href="/en/data/charts/latest/?indicator=REFUGEE_DECISIONS&amp;year={latest_year}&amp;format=svg"' in html


def test_a_gap_on_the_page_is_marked_not_drawn(client, chart_figures):
    points, gaps = page_charts(client.get("/en/data/indicators/REFUGEE_DECISIONS/").content.decode())[
        "refugee-decisions-kaz"
    ]
    assert gaps == {("2020", "Kazakhstan"): ":", ("2021", "Kazakhstan"): ":"}
    assert ("2020", "Kazakhstan") not in points


def test_the_breakdown_list_has_no_stray_punctuation(client, chart_figures):
    html = client.get("/en/data/indicators/ASYLUM_APPLICATIONS/").content.decode()
    assert "Sex (Female, Male); Age group (0–17, 18–34, 35–64, 65 and over); Citizenship (" in html
    assert "Other countries and stateless)</dd>" in html
    assert ", )" not in html
    assert "(, " not in html


@pytest.mark.parametrize("reader", list(READERS))
def test_the_country_page_charts_hold_the_tables_figures(client, chart_figures, portal_team, reader):
    sign_in(client, portal_team, reader)
    response = client.get("/en/data/countries/KAZ/")
    html = response.content.decode()
    drawn = page_charts(html)
    table = {
        row.label: {
            period.code: value
            for period, (value, _note) in zip(response.context["periods"], row.cells, strict=True)
            if value is not None
        }
        for row in response.context["rows"]
    }
    for row_label, cells in table.items():
        code = next(figure.indicator.code for figure, *_rest in response.context["figures"]
                    if figure.chart.title == row_label)  # fmt: skip
        points, gaps = drawn[f"kaz-{code.lower().replace('_', '-')}"]
        assert {label: number for (label, _series), number in points.items()} == {
            period: f"{value.number:.0f}" for period, value in cells.items() if value.number is not None
        }
        assert {label for label, _series in gaps} >= {period for period, value in cells.items() if value.number is None}
    assert {period: number for (period, _series), number in drawn["kaz-refugee-decisions"][0].items()} == READERS[
        reader
    ]["KAZ"]


def test_the_country_page_says_each_figures_unit_source_and_footnote(client, chart_figures, portal_team):
    client.force_login(portal_team.kaz_user)
    html = client.get("/en/data/countries/KAZ/").content.decode()
    row = html[html.index('<tr><th scope="row"><a href="/en/data/indicators/REFUGEE_DECISIONS/">') :].split("</tr>")[0]
    source_note = re.search(r'</a><sup><a href="#note-(\d+)"', row).group(1)
    assert f'<li id="note-{source_note}" value="{source_note}">Source: {KAZ_SOURCE}</li>' in html
    assert "<td>decisions</td>" in row
    figure_note = re.search(r'>70</a><sup><a href="#note-(\d+)"', row).group(1)
    assert f'<li id="note-{figure_note}" value="{figure_note}">{FOOTNOTE}</li>' in html
    # The chart's latest figure, with its period, unit and the same note.
    assert re.search(
        rf'Latest figure: <a href="/en/data/values/\d+/"><strong>70</strong></a><sup><a href="#note-{figure_note}"'
        r"[^>]*>\d+</a></sup> decisions, 2023",
        html,
    )


def test_the_comparison_page_draws_the_chosen_period_by_breakdown(client, chart_figures, portal_team):
    client.force_login(portal_team.kaz_user)
    query = {"indicator": "REFUGEE_DECISIONS", "series": "RSD_OUTCOME=RECOGNISED", "chart_period": "2022"}
    response = client.get("/en/data/compare/", query)
    assert response.status_code == 200
    points, _gaps = page_charts(response.content.decode())["refugee-decisions-2022-rsd-outcome"]
    column = response.context["periods"].index(chart_figures[2022])
    table = {row.label: row.cells[column][0] for row in response.context["rows"]}
    assert {country: number for (country, series), number in points.items() if series == "Refugee status granted"} == {
        label: f"{value.number:.0f}" for label, value in table.items() if value is not None
    }
    assert {series for _country, series in points} == {"Refugee status granted", "Complementary protection", "Rejected",
                                                        "Otherwise closed"}  # fmt: skip


def test_the_comparison_page_stacks_bars_and_names_a_bad_choice(client, chart_figures):
    query = {"indicator": "ASYLUM_APPLICATIONS", "by": "AGE", "bars": "stacked"}
    response = client.get("/en/data/compare/", query)
    assert response.context["chart"].kind == STACKED
    assert "by=AGE&amp;bars=stacked&amp;format=png" in response.content.decode()
    response = client.get("/en/data/compare/", {**query, "by": "COLOUR", "chart_period": "1999", "bars": "3d"})
    assert response.status_code == 400
    shown = [str(message) for message in response.context["messages"]]
    assert shown == [
        "Chart period “1999”: choose one of 2019, 2021, 2022.",
        "Asylum applications has no breakdown “COLOUR”: choose one of SEX, AGE, CITIZENSHIP.",
        "Bars are “3d”: choose grouped or stacked.",
    ]
    assert response.context["chart"].kind == BARS  # drawn from the defaults


def test_the_indicator_page_reads_its_charts_once_in_a_fixed_number_of_queries(
    chart_figures, catalogue, portal_team, django_assert_num_queries
):
    decisions = catalogue["REFUGEE_DECISIONS"]
    with django_assert_num_queries(5):  # the figures, the years, the sources, the breaks, the countries
        latest, trends = charts.indicator_page_charts(portal_team.kaz_user, indicator=decisions)
    assert latest == charts.latest_across_countries(portal_team.kaz_user, indicator=decisions)
    assert trends == charts.indicator_trends(portal_team.kaz_user, indicator=decisions)


def test_the_chart_pages_queries_do_not_grow_with_countries_or_years(
    client, chart_figures, catalogue, portal_team, kazakhstan, make_period
):
    client.force_login(portal_team.kaz_user)
    pages = [
        ("/en/data/indicators/REFUGEE_DECISIONS/", {}),
        ("/en/data/countries/KAZ/", {}),
        ("/en/data/compare/", {"indicator": "ASYLUM_APPLICATIONS", "by": "CITIZENSHIP", "bars": "stacked"}),
    ]

    def queries():
        counts = []
        for path, query in pages:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path, query).status_code == 200
            counts.append(len(captured))
        return counts

    queries()  # the first request of a session also reads and refreshes the session
    before = queries()
    grids = [build_grid(indicator) for indicator in catalogue.values()]
    people = {
        "entered_by": portal_team.focal,
        "validated_by": portal_team.kaz_admin,
        "published_by": portal_team.sysadmin,
    }
    released = timezone.now() - datetime.timedelta(days=1)
    georgia = save_country("GEO", {"en": "Georgia", "ru": "Грузия"})
    for period in [*chart_figures.values(), make_period(2018)]:  # a third country, and a year more for KAZ
        every_indicator = {grid.indicator: figures("GEO", grid, 100) for grid in grids}
        publish_in_bulk(georgia, period, every_indicator, released=released, **people)
    publish_in_bulk(
        kazakhstan, period, {grid.indicator: figures("KAZ", grid, 100) for grid in grids}, released=released, **people
    )
    queries()  # a new country's pages change the site's navigation: read again once
    assert queries() == before
    drawn = page_charts(client.get(pages[0][0]).content.decode())
    assert {"refugee-decisions-geo", "refugee-decisions-kaz", "refugee-decisions-arm"} <= set(drawn)
    assert ("2018", "Kazakhstan") in drawn["refugee-decisions-kaz"][0]


def test_the_charts_speak_the_readers_language(client, chart_figures):
    drawn = page_charts(client.get("/ru/data/indicators/REFUGEE_DECISIONS/").content.decode())
    points, _gaps = drawn["refugee-decisions-kaz"]
    assert points == {("2019", "Казахстан"): "47", ("2022", "Казахстан"): "60"}
    points, _gaps = drawn["refugee-decisions-latest-2022"]
    assert points == {("Казахстан", "2022"): "60"}


def test_the_charts_read_their_figures_as_records_sharing_each_country_and_period(chart_figures, catalogue):
    """Rows, not model instances: each country and each period is made once for all the figures of it."""
    from dsm_data.models import Value
    from dsm_data.selectors.chart_values import annual_values

    decisions = catalogue["REFUGEE_DECISIONS"]
    records = annual_values(
        PUBLIC, now=timezone.now(), first_year=None, last_year=None, indicator=decisions, series__is_grand_total=True
    )
    assert records
    for record in records:
        stored = Value.objects.select_related("country", "period").get(pk=record.pk)
        assert (record.number, record.absence, record.footnote) == (stored.number, stored.absence, stored.footnote)
        assert (record.country.code, record.period.code, record.period.start) == (
            stored.country.code,
            stored.period.code,
            stored.period.start,
        )
    by_country = {}
    for record in records:
        by_country.setdefault(record.country_id, set()).add(id(record.country))
    assert all(len(objects) == 1 for objects in by_country.values())
    assert len({id(record.period) for record in records}) == len({record.period_id for record in records})
