"""The catalogue as pages, tables and exports name it."""

from dataclasses import dataclass

from django.utils.translation import get_language

from ..grid import in_grid_order
from ..models import (
    TOTAL_CODE,
    Category,
    Country,
    Dimension,
    Indicator,
    IndicatorDimension,
    NationalMetadata,
)
from ..translation import translated
from .metadata import with_last_change


@dataclass
class CatalogueLabels:
    """The catalogue's names in the active language, by code."""

    indicators: dict
    countries: dict
    categories: dict  # "SEX=F" -> "Female", totals included
    breakdown_choices: list  # [(dimension name, [("SEX=F", "Female"), ...]), ...], totals left out


def catalogue_labels():
    """Read once for a page: the data browser's filters, table and exports all use it."""
    language = get_language()
    breakdown_choices = {}
    categories = {}
    rows = Category.objects.values_list("dimension__code", "dimension__name", "code", "name")
    for dimension_code, dimension_name, code, name in rows:
        key, label = f"{dimension_code}={code}", translated(name, language)
        categories[key] = label
        if code != TOTAL_CODE:
            breakdown_choices.setdefault(translated(dimension_name, language), []).append((key, label))
    return CatalogueLabels(
        indicators={code: translated(name, language) for code, name in Indicator.objects.values_list("code", "name")},
        countries={code: translated(name, language) for code, name in Country.objects.values_list("code", "name")},
        categories=categories,
        breakdown_choices=list(breakdown_choices.items()),
    )


def units_and_sources():
    """{"units": {indicator code: unit}, "sources": {(indicator code, country code): data source}},
    in the active language: two small reads of the catalogue (indicators; indicators x countries)."""
    units = {code: translated(unit) for code, unit in Indicator.objects.values_list("code", "unit")}
    rows = NationalMetadata.objects.values_list("indicator__code", "country__code", "data_source")
    sources = {(indicator, country): translated(source) for indicator, country, source in rows if source}
    return {"units": units, "sources": sources}


def indicator_with_metadata(indicator):
    """Each country with its national metadata for the indicator (None where it has none yet), each with
    ``last_changed`` (``metadata.with_last_change``)."""
    rows = with_last_change(NationalMetadata.objects.filter(indicator=indicator))
    metadata = {item.country_id: item for item in rows}
    return [(country, metadata.get(country.pk)) for country in Country.objects.all()]


def all_countries():
    """Every country, in the model's order: for another app's lists and look-ups."""
    return list(Country.objects.all())


def dimension_codes():
    """The code of every dimension (breakdown) of the catalogue: the columns a table of figures may have."""
    return set(Dimension.objects.values_list("code", flat=True))


def catalogue_structure():
    """The whole catalogue, for machines (the SDMX structures): (indicators in order, each with
    ``breakdowns``, its dimensions in order; every dimension by code, each with ``ordered_categories``;
    every country by code). Five queries however large the catalogue."""
    categories = {}
    for category in Category.objects.select_related("dimension"):
        categories.setdefault(category.dimension_id, []).append(category)
    dimensions = {dimension.pk: dimension for dimension in Dimension.objects.order_by("code")}
    for dimension in dimensions.values():
        dimension.ordered_categories = in_grid_order(categories.get(dimension.pk, []))
    indicators = list(Indicator.objects.order_by("sort_order", "code"))
    by_pk = {indicator.pk: indicator for indicator in indicators}
    for indicator in indicators:
        indicator.breakdowns = []
    for link in IndicatorDimension.objects.all():  # in the links' own order (Orderable)
        by_pk[link.indicator_id].breakdowns.append(dimensions[link.dimension_id])
    return indicators, list(dimensions.values()), list(Country.objects.order_by("code"))
