"""The charts of the data pages and reports, filled with the figures a reader may see.

Every figure comes through ``permissions.visible_values``, as the tables beside the charts
do: a chart never holds what its table hides. A figure the reader may not see, or that
was never sent, is a gap (``Point.number`` None), never a zero. Each function reads its
figures in a fixed number of queries, whatever the number of countries, indicators or
years: the indicator page draws a dozen charts.

Reports call these with their audience (``AnonymousUser()`` for the public's reading).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from ..cells import entry_formatter
from ..charts.data import BARS, LINE, STACKED, Chart, Point
from ..charts.data import Series as ChartSeries
from ..grid import indicator_dimensions
from ..models import (
    TOTAL_CODE,
    Confidentiality,
    Country,
    Frequency,
    Indicator,
    NationalMetadata,
    Period,
    Series,
    SeriesBreak,
)
from ..translation import translated
from .browsing import browsable_values
from .chart_values import ChartValue, annual_values


@dataclass
class IndicatorFigure:
    """One indicator of a country: its trend, its latest figure with a number, and where it comes from."""

    indicator: Indicator
    chart: Chart
    latest: ChartValue | None  # the latest period with a published number the reader may see
    source: str  # the country's data source for it (national metadata), in the active language


def country_trends(user, *, country, first_year=None, last_year=None, now=None):
    """Each indicator of ``country`` (catalogue order): a LINE chart of its annual grand totals.

    The years run from ``first_year`` to ``last_year``; either one left out runs from (to)
    the first (last) year with a figure the reader may see, the same years for every chart.
    Returns a list of IndicatorFigure.
    """
    now = now or timezone.now()
    grand_totals = list(
        Series.objects.filter(is_grand_total=True)
        .select_related("indicator")
        .order_by("indicator__sort_order", "indicator__code")
    )
    values = annual_values(
        user,
        now=now,
        first_year=first_year,
        last_year=last_year,
        country=country,
        series_id__in=[series.pk for series in grand_totals],
    )
    periods = _span(values, first_year, last_year)
    by_cell = {(value.indicator_id, value.period_id): value for value in values}
    notes = _Notes(data_sources(country=country), _breaks(country=country), now)
    figures = []
    for indicator in (series.indicator for series in grand_totals):
        cells = {period.pk: by_cell.get((indicator.pk, period.pk)) for period in periods}
        chart = _trend_chart(indicator, country, periods=periods, cells=cells, notes=notes, of_country=True)
        figures.append(IndicatorFigure(indicator, chart, _latest_with_number(cells.values()), chart.source))
    return figures


def indicator_trends(user, *, indicator, first_year=None, last_year=None, now=None):
    """Small multiples: one LINE chart of annual grand totals per country with a figure the reader may
    see (a number, not only ":"), countries by code, all over the same years (see ``country_trends``)."""
    now = now or timezone.now()
    values = _indicator_totals(user, indicator, now=now, first_year=first_year, last_year=last_year)
    return _trend_charts(indicator, values, first_year=first_year, last_year=last_year, now=now)


def latest_across_countries(user, *, indicator, year=None, now=None):
    """BARS of the grand totals across countries for ``year``: by default the latest annual period in
    which the reader may see a number of ``indicator``. Countries largest first; the participating
    countries without a figure come last, as gaps (their code, ":" or "c", or nothing)."""
    now = now or timezone.now()
    values = _indicator_totals(user, indicator, now=now, first_year=year, last_year=year)
    return _latest_chart(indicator, values, year=year, now=now)


def indicator_page_charts(user, *, indicator, now=None):
    """(``latest_across_countries``, ``indicator_trends``) of ``indicator`` from one read of its figures:
    the indicator page draws both."""
    now = now or timezone.now()
    values = _indicator_totals(user, indicator, now=now, first_year=None, last_year=None)
    latest = _latest_chart(indicator, values, year=None, now=now)
    return latest, _trend_charts(indicator, values, first_year=None, last_year=None, now=now)


def breakdown_comparison(user, *, indicator, period, dimension_code=None, stacked=False, now=None):
    """Countries x the categories of one dimension of ``indicator`` for ``period`` (a Period or its code),
    the other dimensions at their total: grouped BARS, or STACKED when ``stacked``.

    ``dimension_code``: one of the indicator's dimensions, by default its first; an indicator
    without breakdowns gives one series, its grand total. Raises ValueError for a dimension the
    indicator does not have.
    """
    now = now or timezone.now()
    period = Period.objects.get(code=period) if isinstance(period, str) else period
    dimensions = indicator_dimensions(indicator)
    dimension = _chosen_dimension(dimensions, dimension_code)
    parts = _parts(dimensions, dimension)  # [(series key, category name, category code)]
    keys = [key for key, _name, _code in parts]
    values = list(browsable_values(user, now).filter(indicator=indicator, period=period, series__key__in=keys))
    cells = {(value.country_id, value.series.key): value for value in values}
    countries = _countries_shown({value.country_id for value in values})
    breaks = {country for _indicator, country, period_id in _breaks(indicator=indicator) if period_id == period.pk}
    entry = entry_formatter(getattr)
    series = [
        ChartSeries(
            name,
            [_point(cells.get((country.pk, key)), entry=entry, is_break=country.pk in breaks) for country in countries],
            code,
        )
        for key, name, code in parts
    ]
    countries, series = _largest_first(countries, series)
    names = {
        "indicator": translated(indicator.name),
        "unit": translated(indicator.unit),
        "period": period.code,
        "dimension": translated(dimension.name) if dimension else _("total"),
    }
    if stacked:
        description = _("Each country's %(indicator)s for %(period)s split by %(dimension)s, in %(unit)s.")
    else:
        description = _("Each country's %(indicator)s for %(period)s, one bar per %(dimension)s, in %(unit)s.")
    return Chart(
        kind=STACKED if stacked else BARS,
        title=_("%(indicator)s, %(period)s: %(dimension)s") % names,
        description=description % names + _restricted_warning(values, now),
        unit=names["unit"],
        labels=[translated(country.name) for country in countries],
        series=series,
        source=_across_countries_source(),
        slug=_slug(indicator.code, period.code, dimension.code if dimension else "total"),
        label_heading=_("Country"),
        label_name="country",
    )


def data_sources(**filters):
    """{(indicator pk, country pk): data source} of the national metadata matching ``filters``, without a
    closing full stop: the caption puts its own after it."""
    rows = NationalMetadata.objects.filter(**filters).values_list("indicator_id", "country_id", "data_source")
    return {(indicator_id, country_id): translated(source).rstrip(" .") for indicator_id, country_id, source in rows}


# What the charts read: the reader's annual figures, the years they span, breaks and countries.


def _indicator_totals(user, indicator, *, now, first_year, last_year):
    """The reader's annual grand totals of ``indicator``, every country."""
    return annual_values(
        user, now=now, first_year=first_year, last_year=last_year, indicator=indicator, series__is_grand_total=True
    )


def _span(values, first_year, last_year):
    """The annual periods a trend runs over: the years asked, else from the first to the last year with a
    figure the reader may see. Years between without a figure are kept: drawn as gaps."""
    starts = [value.period.start.year for value in values]
    first = first_year if first_year is not None else min(starts, default=None)
    last = last_year if last_year is not None else max(starts, default=None)
    if first is None or last is None:
        return []
    between = {"start__gte": datetime.date(first, 1, 1), "start__lte": datetime.date(last, 12, 31)}
    return list(Period.objects.filter(frequency=Frequency.ANNUAL, **between).order_by("start"))


def _breaks(**filters):
    """{(indicator pk, country pk, period pk)} of the breaks in series of the metadata matching ``filters``."""
    breaks = SeriesBreak.objects.filter(**{f"metadata__{name}": value for name, value in filters.items()})
    return set(breaks.values_list("metadata__indicator_id", "metadata__country_id", "period_id"))


def _countries_shown(with_figures):
    """The participating countries, and any other with a figure shown (``with_figures``: their pks), by code."""
    return [country for country in Country.objects.all() if country.is_participating or country.pk in with_figures]


# Drawing the figures into charts.


@dataclass
class _Notes:
    """What the trend charts of one read share: sources and breaks by (indicator, country), the time, and the
    figures' formatter in the active language (``_point``)."""

    sources: dict
    breaks: set
    now: datetime.datetime
    entry: Callable = field(default_factory=lambda: entry_formatter(getattr))


def _trend_charts(indicator, values, *, first_year, last_year, now):
    """One trend chart per country with a number among ``values`` (one indicator's grand totals)."""
    periods = _span(values, first_year, last_year)
    by_country = {}
    for value in values:
        by_country.setdefault(value.country, {})[value.period_id] = value
    notes = _Notes(data_sources(indicator=indicator), _breaks(indicator=indicator), now)
    charts = []
    for country in sorted(by_country, key=lambda country: country.code):
        cells = {period.pk: by_country[country].get(period.pk) for period in periods}
        if _latest_with_number(cells.values()) is not None:
            charts.append(_trend_chart(indicator, country, periods=periods, cells=cells, notes=notes, of_country=False))
    return charts


def _trend_chart(indicator, country, *, periods, cells, notes, of_country):
    """The LINE chart of one country's series of one indicator over ``periods`` ({period pk: value}).

    ``of_country``: one of a country's charts, titled by the indicator; else one of an
    indicator's, titled by the country."""
    points = [
        _point(cells[period.pk], entry=notes.entry, is_break=(indicator.pk, country.pk, period.pk) in notes.breaks)
        for period in periods
    ]
    names = {
        "indicator": translated(indicator.name),
        "country": translated(country.name),
        "unit": translated(indicator.unit),
    }
    if periods:
        description = _(
            "%(indicator)s in %(country)s by year, %(first)s to %(last)s, in %(unit)s: "
            "%(count)s of %(years)s years have a figure."
        ) % {
            **names,
            "first": periods[0].code,
            "last": periods[-1].code,
            "years": len(periods),
            "count": sum(not point.is_gap for point in points),
        }
    else:
        description = _("%(indicator)s in %(country)s: no published figures you may see.") % names
    return Chart(
        kind=LINE,
        title=names["indicator"] if of_country else names["country"],
        description=description + _restricted_warning(cells.values(), notes.now),
        unit=names["unit"],
        labels=[period.code for period in periods],
        series=[ChartSeries(name=names["country"], points=points, code=country.code)],
        source=notes.sources.get((indicator.pk, country.pk), ""),
        slug=_slug(country.code, indicator.code) if of_country else _slug(indicator.code, country.code),
        label_heading=_("Year"),
        label_name="year",
    )


def _latest_chart(indicator, values, *, year, now):
    """BARS of ``values`` (one indicator's annual grand totals) for ``year``, or the latest with a number."""
    if year is None:
        latest = _latest_with_number(values)
        values = [value for value in values if latest is not None and value.period_id == latest.period_id]
        period_code = latest.period.code if latest else ""
    else:
        period_code = values[0].period.code if values else str(year)
    by_country = {value.country_id: value for value in values}
    countries = _countries_shown(by_country)
    entry = entry_formatter(getattr)
    points = [_point(by_country.get(country.pk), entry=entry) for country in countries]
    series = ChartSeries(period_code, points, period_code)
    countries, (series,) = _largest_first(countries, [series])
    names = {"indicator": translated(indicator.name), "unit": translated(indicator.unit), "period": period_code}
    if period_code:
        title = _("%(indicator)s by country, %(period)s") % names
        description = (
            _("Totals of %(indicator)s for %(period)s, in %(unit)s, largest first; countries without a figure last.")
            % names
        )
    else:
        title = translated(indicator.name)
        description = _("%(indicator)s: no published figures you may see.") % names
    return Chart(
        kind=BARS,
        title=title,
        description=description + _restricted_warning(values, now),
        unit=names["unit"],
        labels=[translated(country.name) for country in countries],
        series=[series],
        source=_across_countries_source(),
        slug=_slug(indicator.code, "latest", period_code),
        label_heading=_("Country"),
        label_name="country",
    )


def _point(value, *, entry, is_break=False):
    """A value as a point: its number, or a gap with the code the tables show (":", "c", "z").

    ``entry``: ``cells.entry_formatter(getattr)``, made once for a chart's points (a third of their time
    was spent reading the language's separators for each figure)."""
    if value is None:
        return Point(None, is_break=is_break)
    flags = {"is_provisional": value.is_provisional, "is_estimated": value.is_estimated, "is_break": is_break}
    return Point(value.number, entry(value), footnote=value.footnote, value_pk=value.pk, **flags)


def _latest_with_number(values):
    """The value of the latest period that has a number (not ":"), or None."""
    with_number = [value for value in values if value is not None and value.number is not None]
    return max(with_number, key=lambda value: value.period.start, default=None)


def _largest_first(countries, series):
    """Countries and their points reordered by the sum of their numbers, largest first, gaps last."""

    def size(index):
        numbers = [line.points[index].number for line in series if not line.points[index].is_gap]
        return (not numbers, -sum(numbers) if numbers else 0, countries[index].code)

    order = sorted(range(len(countries)), key=size)
    for line in series:
        line.points = [line.points[index] for index in order]
    return [countries[index] for index in order], series


def _chosen_dimension(dimensions, dimension_code):
    if dimension_code is None:
        return dimensions[0] if dimensions else None
    for dimension in dimensions:
        if dimension.code == dimension_code:
            return dimension
    raise ValueError(f"The indicator has no breakdown {dimension_code!r}")


def _parts(dimensions, dimension):
    """[(series key, category name, category code)] of ``dimension``'s categories, the others at total."""
    if dimension is None:
        return [("", _("Total"), TOTAL_CODE)]
    return [
        (
            ".".join(f"{other.code}={category.code if other == dimension else TOTAL_CODE}" for other in dimensions),
            translated(category.name),
            category.code,
        )
        for category in dimension.ordered_categories
        if not category.is_total
    ]


def _across_countries_source():
    """Said under a chart across countries: each one counts by its own source."""
    return _("Each country's national data source: see its methodology on the indicator's page.").rstrip(" .")


def _restricted_warning(values, now):
    """A sentence for a chart holding figures that are not public (or not yet released), else ""."""
    restricted = any(
        value.confidentiality != Confidentiality.PUBLIC or value.released_at > now for value in values if value
    )
    return " " + _("It holds figures that are not public.") if restricted else ""


def _slug(*parts):
    """An element id and file name: "kaz-asylum-applications"."""
    return "-".join(str(part).lower().replace("_", "-") for part in parts if part)
