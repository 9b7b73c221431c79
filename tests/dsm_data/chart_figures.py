"""Published figures for the chart tests: two countries, five years, each confidentiality, gaps and flags.

Refugee decisions (grand total of each year):

| year | KAZ                                 | ARM                             |
|------|-------------------------------------|---------------------------------|
| 2019 | 47, public                          |                                 |
| 2020 | ":" (not available), public         |                                 |
| 2021 | (not sent)                          | 30, public                      |
| 2022 | 60 provisional, public; a break     | 35, shared                      |
| 2023 | 70, national only, with a footnote  | 40, public but embargoed        |

So the public sees KAZ 2019, 2020, 2022 and ARM 2021; Armenia's users add ARM 2022 and
2023 (their own, embargoed); Kazakhstan's users add KAZ 2023 (their own, national) and
ARM 2022 (shared), never ARM 2023 before its release.
"""

import datetime
import re
from decimal import Decimal

from defusedxml import ElementTree
from django.utils import timezone

from demo.values import figures, publish_in_bulk
from dsm_data.grid import build_grid
from dsm_data.models import Confidentiality, NationalMetadata, SeriesBreak, Value
from tests.conftest import cells_from

YEARS = range(2019, 2024)
FOOTNOTE = "Includes decisions on appeal."
KAZ_SOURCE = "Register of the Migration Service of Kazakhstan"
# (country code, year): (total, confidentiality, provisional); None: ":" (not available)
DECISIONS = {
    ("KAZ", 2019): (47, Confidentiality.PUBLIC, False),
    ("KAZ", 2020): (None, Confidentiality.PUBLIC, False),
    ("KAZ", 2022): (60, Confidentiality.PUBLIC, True),
    ("KAZ", 2023): (70, Confidentiality.NATIONAL, False),
    ("ARM", 2021): (30, Confidentiality.PUBLIC, False),
    ("ARM", 2022): (35, Confidentiality.SHARED, False),
    ("ARM", 2023): (40, Confidentiality.PUBLIC, False),
}
EMBARGOED = ("ARM", 2023)


def decision_cells(grid, total):
    """The five cells of a year: its total split 1:2:3:4 by outcome (the rest in the last), or all ":"."""
    keys = ["RSD_OUTCOME=RECOGNISED", "RSD_OUTCOME=COMPLEMENTARY", "RSD_OUTCOME=REJECTED", "RSD_OUTCOME=CLOSED"]
    if total is None:
        return cells_from(grid, dict.fromkeys([*keys, "RSD_OUTCOME=_T"], ":"))
    parts = [total // 10, 2 * total // 10, 3 * total // 10]
    parts.append(total - sum(parts))
    entries = {key: str(part) for key, part in zip(keys, parts, strict=True)}
    return cells_from(grid, {**entries, "RSD_OUTCOME=_T": str(total)})


def publish_chart_figures(portal_team, catalogue, kazakhstan, armenia, make_period):
    """The table above, published in bulk; returns the periods by year. (Each test module's
    ``chart_figures`` fixture calls it with the fixtures of the same names.)"""
    decisions, applications = catalogue["REFUGEE_DECISIONS"], catalogue["ASYLUM_APPLICATIONS"]
    grids = {decisions.pk: build_grid(decisions), applications.pk: build_grid(applications)}
    periods = {year: make_period(year, deadline=datetime.date(year + 1, 3, 1)) for year in YEARS}
    countries = {"KAZ": kazakhstan, "ARM": armenia}
    now = timezone.now()
    for (code, year), (total, confidentiality, provisional) in DECISIONS.items():
        cells = {decisions: decision_cells(grids[decisions.pk], total)}
        if total is not None:  # asylum applications too, ten times the decisions, every breakdown filled
            cells[applications] = figures(code, grids[applications.pk], total * 10)
        released = now + datetime.timedelta(days=1) if (code, year) == EMBARGOED else now - datetime.timedelta(days=1)
        submission = publish_in_bulk(
            countries[code],
            periods[year],
            cells,
            released=released,
            entered_by=portal_team.focal,
            validated_by=portal_team.kaz_admin,
            published_by=portal_team.sysadmin,
        )
        # publish_in_bulk stores numbers and codes; the flags and confidentiality are set here.
        Value.objects.filter(submission=submission).update(confidentiality=confidentiality, is_provisional=provisional)
    Value.objects.filter(country=kazakhstan, period=periods[2023], series__is_grand_total=True).update(
        footnote=FOOTNOTE
    )
    metadata = NationalMetadata.objects.create(
        indicator=decisions, country=kazakhstan, data_source={"en": KAZ_SOURCE, "ru": "Реестр миграционной службы"}
    )
    SeriesBreak.objects.create(metadata=metadata, period=periods[2022], note={"en": "A new register."})
    return periods


def points_by_label(chart, series_index=0):
    """{label: (number, text, flags)} of a chart's series."""
    series = chart.series[series_index]
    return {
        label: (point.number, point.text, point.flags) for label, point in zip(chart.labels, series.points, strict=True)
    }


def number(value):
    return Decimal(value)


def page_charts(html):
    """{figure id: (points, gaps)} of the charts drawn in a page, read from their SVG:
    points {(label, series): data-value}, gaps {(label, series): data-gap code}."""
    found = {}
    for slug, body in re.findall(r'<figure class="chart" id="([^"]+)">(.*?)</figure>', html, re.S):
        drawing = re.search(r"<svg.*?</svg>", body, re.S)
        found[slug] = svg_marks(drawing.group(0) if drawing else "")
    return found


def svg_marks(svg):
    """(points, gaps) of one SVG (as in ``page_charts``); empty for no SVG."""
    if not svg:
        return {}, {}
    root = ElementTree.fromstring(svg)
    points, gaps = {}, {}
    for element in root.iter():
        place = (element.get("data-label"), element.get("data-series"))
        if element.get("data-value") is not None:
            assert place not in points, f"{place} drawn twice"
            points[place] = element.get("data-value")
        if element.get("data-gap") is not None:
            gaps[place] = element.get("data-gap")
    return points, gaps
