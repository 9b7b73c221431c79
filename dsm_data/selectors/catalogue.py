"""The catalogue as pages, tables and exports name it."""

from dataclasses import dataclass

from django.utils.translation import get_language

from ..models import (
    TOTAL_CODE,
    Category,
    Country,
    Indicator,
    NationalMetadata,
)
from ..translation import translated


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
    """Each country with its national metadata for the indicator (None where it has none yet)."""
    metadata = {item.country_id: item for item in NationalMetadata.objects.filter(indicator=indicator)}
    return [(country, metadata.get(country.pk)) for country in Country.objects.all()]


def all_countries():
    """Every country, in the model's order: for another app's lists and look-ups."""
    return list(Country.objects.all())
