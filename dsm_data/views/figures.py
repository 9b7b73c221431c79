"""Figures read by indicator and by country: the indicators, comparisons across countries, a country's series.

Each page draws its charts (``selectors.charts``) beside its table, from the same visible
figures, and marks every figure with its unit, its source and its footnote (``figure_notes``).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import permissions
from ..charts.links import chart_download_url
from ..figure_notes import Notes
from ..grid import build_grid, indicator_dimensions
from ..models import Country, Frequency, Indicator, NationalMetadata
from ..selectors import browsing, catalogue, charts
from ..translation import translated
from .charts import GROUPED, STACKED, BadChartRequest, bar_layout, breakdown_dimension
from .exports import export_response, matrix_cell_value


@dataclass
class MatrixRow:
    """A row of a period matrix as the page shows it: each cell is (value or None, its note's number)."""

    url: str
    label: str
    unit: str
    note: int | None  # the note naming the row's source
    cells: list


def matrix_rows(rows, notes, *, url_of, label_of, unit_of, source_of):
    """MatrixRows of ``browsing.period_matrix``'s rows, their sources and footnotes numbered in ``notes``."""
    return [
        MatrixRow(
            url=url_of(row),
            label=label_of(row),
            unit=unit_of(row),
            note=notes.source(source_of(row)),
            cells=[(value, notes.number(value.footnote) if value else None) for value in cells],
        )
        for row, cells in rows
    ]


def indicator_list(request):
    return render(request, "dsm_data/indicator_list.html", {"indicators": Indicator.objects.all()})


def indicator_detail(request, code):
    """An indicator's definition and breakdowns, its figures as charts (the latest year across countries,
    each country's trend), and each country's national metadata side by side."""
    indicator = get_object_or_404(Indicator, code=code)
    latest, trends = charts.indicator_page_charts(request.user, indicator=indicator)
    latest_parameters = {"indicator": indicator.code}
    if latest.series and latest.series[0].code:
        latest_parameters["year"] = latest.series[0].code  # the year drawn, not the latest when it is fetched
    trends = [
        (chart, chart_download_url("indicator-trend", indicator=indicator.code, country=chart.series[0].code))
        for chart in trends
    ]
    return render(
        request,
        "dsm_data/indicator_detail.html",
        {
            "indicator": indicator,
            "breakdowns": [
                (
                    translated(dimension.name),
                    [translated(item.name) for item in dimension.ordered_categories if not item.is_total],
                )
                for dimension in indicator_dimensions(indicator)
            ],  # fmt: skip
            "latest": latest,
            "latest_downloads": chart_download_url("latest", **latest_parameters),
            "trends": trends,
            "countries": catalogue.indicator_with_metadata(indicator),
            "editable_countries": set(
                permissions.editable_metadata_countries(request.user).values_list("pk", flat=True)
            ),
            "metadata_fields": [NationalMetadata._meta.get_field(name) for name in NationalMetadata.TEXT_FIELDS],
            "rules": indicator.validation_rules.all(),
        },
    )


def compare(request):
    """One series of one indicator, countries x periods, as far as the reader may see; above it, bars of
    one period by a breakdown (grouped or stacked)."""
    first = Indicator.objects.first()
    indicator = get_object_or_404(Indicator, code=request.GET.get("indicator") or (first.code if first else ""))
    frequency = request.GET.get("frequency", Frequency.ANNUAL)
    grid = build_grid(indicator)
    series = grid.series_by_key.get(request.GET.get("series", ""), grid.rows[-1].cells[-1])
    values = browsing.browsable_values(request.user).filter(
        indicator=indicator, period__frequency=frequency, series__key=series.key
    )
    periods, rows = browsing.period_matrix(values, lambda value: value.country, lambda country: country.code)
    if request.GET.get("export") in ("csv", "xlsx"):
        header = ["country_code", "country", *(period.code for period in periods)]
        lines = ([country.code, translated(country.name), *map(matrix_cell_value, cells)] for country, cells in rows)
        return export_response(request, f"dsm-{indicator.code.lower()}", header, lines, values=values)
    notes, sources = Notes(), charts.data_sources(indicator=indicator)
    chart, chart_choices, problems = _comparison_chart(request, indicator, periods, rows)
    for problem in problems:
        messages.error(request, problem)
    context = {
        "indicator": indicator,
        "indicators": Indicator.objects.all(),
        "series": series,
        "series_choices": [(cell.key, grid.cell_label(cell)) for cell in grid.series],
        "frequency": frequency,
        "frequencies": [choice for choice in Frequency.choices if choice[0] in indicator.frequencies],
        "periods": periods,
        "rows": matrix_rows(
            rows,
            notes,
            url_of=lambda country: reverse("dsm_data:country", args=[country.code]),
            label_of=lambda country: translated(country.name),
            unit_of=lambda country: "",
            source_of=lambda country: sources.get((indicator.pk, country.pk)),
        ),
        "notes": notes.listed(),
        "caption": f"{grid.cell_label(series)} ({translated(indicator.unit)})",
        "chart": chart,
        **chart_choices,
    }
    return render(request, "dsm_data/compare.html", context, status=400 if problems else 200)


def _comparison_chart(request, indicator, periods, rows):
    """The comparison page's chart, its form's choices, and what was wrong in the request (shown as
    messages; the chart is then drawn from the defaults): (chart or None, choices, problems)."""
    problems = []
    period_codes = [period.code for period in periods]
    with_number = [period for index, period in enumerate(periods) if any(
        cells[index] is not None and cells[index].number is not None for _row, cells in rows)]  # fmt: skip
    period = (with_number or periods or [None])[-1]  # the latest with a number the reader may see
    asked = request.GET.get("chart_period")
    if asked and asked != getattr(period, "code", None):
        chosen = next((item for item in periods if item.code == asked), None)
        if chosen is None:
            allowed = ", ".join(period_codes) or "-"
            problems.append(
                _("Chart period “%(period)s”: choose one of %(allowed)s.") % {"period": asked, "allowed": allowed}
            )
        period = chosen or period
    try:
        dimension_code = breakdown_dimension(indicator, request.GET.get("by") or None)
    except BadChartRequest as problem:
        problems.append(str(problem))
        dimension_code = None
    try:
        bars = bar_layout(request.GET.get("bars") or GROUPED)
    except BadChartRequest as problem:
        problems.append(str(problem))
        bars = GROUPED
    chart = None
    if period is not None:
        chart = charts.breakdown_comparison(
            request.user, indicator=indicator, period=period, dimension_code=dimension_code, stacked=bars == STACKED
        )
    dimensions = indicator_dimensions(indicator)
    choices = {
        "chart_period": period,
        "chart_periods": period_codes,
        "chart_by": dimension_code or (dimensions[0].code if dimensions else ""),
        "chart_dimensions": [(dimension.code, translated(dimension.name)) for dimension in dimensions],
        "chart_bars": bars,
        "chart_bar_choices": [(GROUPED, _("side by side")), (STACKED, _("stacked"))],
        "chart_downloads": chart_download_url(
            "comparison",
            indicator=indicator.code,
            period=period.code if period else "",
            by=dimension_code or "",
            bars=bars,
        ),
    }
    return chart, choices, problems


def country_series(request, code):
    """A country's grand totals of every indicator over the years, as far as the reader may see: a small
    chart per indicator with its latest figure, then the table, each figure with unit, source and notes."""
    country = get_object_or_404(Country, code=code)
    values = browsing.browsable_values(request.user).filter(
        country=country, series__is_grand_total=True, period__frequency=Frequency.ANNUAL
    )
    periods, rows = browsing.period_matrix(
        values, lambda value: value.indicator, lambda indicator: (indicator.sort_order, indicator.code)
    )
    if request.GET.get("export") in ("csv", "xlsx"):
        header = ["indicator_code", "indicator", *(period.code for period in periods)]
        lines = ([item.code, translated(item.name), *map(matrix_cell_value, cells)] for item, cells in rows)
        return export_response(request, f"dsm-{country.code.lower()}", header, lines, values=values)
    notes = Notes()
    figures = charts.country_trends(request.user, country=country)
    units = {figure.indicator.pk: translated(figure.indicator.unit) for figure in figures}
    sources = {figure.indicator.pk: figure.source for figure in figures}
    shown = [
        (
            figure,
            notes.number(figure.latest.footnote),
            chart_download_url("country-trend", country=country.code, indicator=figure.indicator.code),
        )
        for figure in figures
        if figure.latest is not None
    ]
    context = {
        "country": country,
        "figures": shown,
        "periods": periods,
        "rows": matrix_rows(
            rows,
            notes,
            url_of=lambda indicator: reverse("dsm_data:indicator", args=[indicator.code]),
            label_of=lambda indicator: translated(indicator.name),
            unit_of=lambda indicator: units.get(indicator.pk, ""),
            source_of=lambda indicator: sources.get(indicator.pk),
        ),
        "notes": notes.listed(),
    }
    return render(request, "dsm_data/country_series.html", context)
