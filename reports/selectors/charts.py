"""The charts a report draws, read by dsm_data's chart selectors for the report's reader.

The same selectors draw the data pages' charts, so a report's chart shows exactly
what its tables show, through the same visibility rule. A chart without a single
figure the reader may see is left out (the section says it has no figures).
"""

from dsm_data.models import Frequency, Indicator
from dsm_data.selectors import charts


def country_charts(reader, *, country, first_year, last_year, now):
    """{indicator code: [Chart]}: each indicator's trend of grand totals in ``country`` over those years."""
    trends = charts.country_trends(reader, country=country, first_year=first_year, last_year=last_year, now=now)
    return {figure.indicator.code: [figure.chart] for figure in trends if not figure.chart.is_empty}


def regional_charts(reader, *, period, now):
    """{indicator code: [Chart]}: each indicator's grand totals across the countries for ``period``, and its
    first breakdown stacked, country by country."""
    found = {}
    for indicator in Indicator.objects.all():
        if Frequency.ANNUAL not in indicator.frequencies:
            continue
        drawn = [charts.latest_across_countries(reader, indicator=indicator, year=period.start.year, now=now)]
        if indicator.indicator_dimensions.exists():
            drawn.append(charts.breakdown_comparison(reader, indicator=indicator, period=period, stacked=True, now=now))
        found[indicator.code] = [chart for chart in drawn if not chart.is_empty]
    return found
