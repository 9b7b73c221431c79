"""Charts as files: the SVG, PNG or CSV of a chart a page drew, built again for the same reader.

``/data/charts/<name>/?...&format=svg|png|csv``; the pages link here with
``chart_download_url``. The chart is rebuilt by the same selector as the page's, through
the same visibility rule, so a file never holds what the page hid; a file that holds
figures not public (or not yet released) enters the audit trail as any export does.
A bad parameter answers 400 or 404 with a sentence that names it and what it may be.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.utils.translation import gettext as _

from .. import permissions
from ..charts import responses
from ..models import Country, Frequency, Indicator, Period, Value
from ..selectors import charts
from ..services import audit_events
from ..translation import translated
from .parameters import whole_number

FORMATS = ("svg", "png", "csv")
GROUPED, STACKED = "grouped", "stacked"
MIN_YEAR, MAX_YEAR = 1900, 2100  # as the data browser's year filter


class BadChartRequest(Exception):
    """A parameter the chart cannot be drawn from: the message says which, and what it may be."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.status = status


def chart_download(request, name):
    build = CHARTS.get(name)
    if build is None:
        names = ", ".join(CHARTS)
        return _problem(_("There is no chart “%(name)s”: charts are %(names)s.") % {"name": name, "names": names}, 404)
    file_format = request.GET.get("format", "")
    if file_format not in FORMATS:
        message = _("Unknown file format “%(format)s”: ask for format=svg, png or csv.") % {"format": file_format}
        return _problem(message, 400)
    reader = permissions.report_audience(request.user, as_public=request.GET.get("public") == "1")
    try:
        chart = build(reader or AnonymousUser(), request.GET)
    except BadChartRequest as problem:
        return _problem(str(problem), problem.status)
    response = responses.chart_response(chart, file_format)
    shown = [point.value_pk for series in chart.series for point in series.points if point.value_pk]
    audit_events.record_export(
        Value.objects.filter(pk__in=shown),
        file_format=file_format,
        filters=request.GET.urlencode(),
        label=f"{chart.slug}.{file_format}",
    )
    if reader is not None:
        response["Cache-Control"] = "private, no-store"  # a reading of one account, maybe restricted
    return response


def _country_trend(reader, parameters):
    indicator, country = _indicator(parameters), _country(parameters)
    for figure in charts.country_trends(reader, country=country):
        if figure.indicator == indicator:
            return figure.chart
    raise BadChartRequest(_("No indicator “%(code)s” has a trend.") % {"code": indicator.code}, 404)


def _indicator_trend(reader, parameters):
    indicator, country = _indicator(parameters), _country(parameters)
    for chart in charts.indicator_trends(reader, indicator=indicator):
        if chart.series[0].code == country.code:
            return chart
    names = {"indicator": translated(indicator.name), "country": translated(country.name)}
    raise BadChartRequest(_("No published figures of %(indicator)s in %(country)s that you may see.") % names, 404)


def _latest(reader, parameters):
    indicator = _indicator(parameters)
    year = None
    if parameters.get("year"):
        year = whole_number(parameters["year"])
        if year is None or not (MIN_YEAR <= year <= MAX_YEAR) or not _annual_period_exists(year):
            message = _("No year “%(year)s”: give the year of an annual period, such as 2024.")
            raise BadChartRequest(message % {"year": parameters["year"]}, 404)
    return charts.latest_across_countries(reader, indicator=indicator, year=year)


def _annual_period_exists(year):
    return Period.objects.filter(frequency=Frequency.ANNUAL, start__year=year).exists()


def _comparison(reader, parameters):
    indicator = _indicator(parameters)
    code = parameters.get("period", "")
    period = Period.objects.filter(code=code).first()
    if period is None:
        message = _("No period “%(period)s”: periods are written 2024, 2024-Q1 or 2024-03.")
        raise BadChartRequest(message % {"period": code}, 404)
    return charts.breakdown_comparison(
        reader,
        indicator=indicator,
        period=period,
        dimension_code=breakdown_dimension(indicator, parameters.get("by") or None),
        stacked=bar_layout(parameters.get("bars") or GROUPED) == STACKED,
    )


def breakdown_dimension(indicator, code):
    """``code`` when it is a dimension of ``indicator`` (or None: its first); BadChartRequest otherwise."""
    allowed = list(indicator.indicator_dimensions.values_list("dimension__code", flat=True))
    if code is None or code in allowed:
        return code
    message = _("%(indicator)s has no breakdown “%(code)s”: choose one of %(allowed)s.")
    raise BadChartRequest(
        message % {"indicator": translated(indicator.name), "code": code, "allowed": ", ".join(allowed) or "-"}
    )


def bar_layout(text):
    """GROUPED or STACKED; BadChartRequest for anything else."""
    if text in (GROUPED, STACKED):
        return text
    raise BadChartRequest(_("Bars are “%(bars)s”: choose grouped or stacked.") % {"bars": text})


def _indicator(parameters):
    code = parameters.get("indicator", "")
    indicator = Indicator.objects.filter(code=code).first()
    if indicator is None:
        allowed = ", ".join(Indicator.objects.values_list("code", flat=True))
        raise BadChartRequest(
            _("No indicator “%(code)s”: choose one of %(allowed)s.") % {"code": code, "allowed": allowed}, 404
        )
    return indicator


def _country(parameters):
    code = parameters.get("country", "")
    country = Country.objects.filter(code=code).first()
    if country is None:
        allowed = ", ".join(Country.objects.values_list("code", flat=True))
        raise BadChartRequest(
            _("No country “%(code)s”: choose one of %(allowed)s.") % {"code": code, "allowed": allowed}, 404
        )
    return country


def _problem(message, status):
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


CHARTS = {
    "country-trend": _country_trend,
    "indicator-trend": _indicator_trend,
    "latest": _latest,
    "comparison": _comparison,
}
