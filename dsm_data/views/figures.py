"""Figures read by indicator and by country: the indicators, comparisons across countries, a country's series."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from ..grid import build_grid, indicator_dimensions
from ..models import Country, Frequency, Indicator, NationalMetadata
from ..selectors import browsing, catalogue
from ..translation import translated
from .exports import export_response, matrix_cell_value


def indicator_list(request):
    return render(request, "dsm_data/indicator_list.html", {"indicators": Indicator.objects.all()})


def indicator_detail(request, code):
    """An indicator's definition and breakdowns, and each country's national metadata side by side."""
    indicator = get_object_or_404(Indicator, code=code)
    return render(
        request,
        "dsm_data/indicator_detail.html",
        {
            "indicator": indicator,
            "dimensions": indicator_dimensions(indicator),
            "countries": catalogue.indicator_with_metadata(indicator),
            "metadata_fields": [NationalMetadata._meta.get_field(name) for name in NationalMetadata.TEXT_FIELDS],
            "rules": indicator.validation_rules.all(),
        },
    )


def compare(request):
    """One series of one indicator, countries x periods, as far as the reader may see."""
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
    return render(
        request,
        "dsm_data/compare.html",
        {
            "indicator": indicator,
            "indicators": Indicator.objects.all(),
            "series": series,
            "series_choices": [(cell.key, grid.cell_label(cell)) for cell in grid.series],
            "frequency": frequency,
            "frequencies": [choice for choice in Frequency.choices if choice[0] in indicator.frequencies],
            "periods": periods,
            "rows": [
                (reverse("dsm_data:country", args=[country.code]), translated(country.name), cells)
                for country, cells in rows
            ],
            "caption": f"{grid.cell_label(series)} ({translated(indicator.unit)})",
        },
    )


def country_series(request, code):
    """A country's grand totals of every indicator over the years, as far as the reader may see."""
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
    rows = [
        (reverse("dsm_data:indicator", args=[indicator.code]), translated(indicator.name), cells)
        for indicator, cells in rows
    ]
    return render(request, "dsm_data/country_series.html", {"country": country, "periods": periods, "rows": rows})
