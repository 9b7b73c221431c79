"""The catalogue as pages, tables and exports name it."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import get_language

from ..grid import in_grid_order
from ..models import (
    TOTAL_CODE,
    CatalogueVersion,
    Category,
    Country,
    Dimension,
    Indicator,
    IndicatorDimension,
    NationalMetadata,
)
from ..translation import translated
from ..version_tokens import current_token
from .metadata import with_last_change

# What is cached under ``CatalogueVersion``'s token is never read after a change; the timeout
# only frees the memory of unused entries.
CACHE_SECONDS = 24 * 60 * 60
# The labels of the catalogue's current version in this process, by language (and "version": which one):
# the same objects for every page. Django's cache (in memory, per process) unpickled a copy for each
# page, 0.3 to 0.6 ms of the data browser's page.
KEPT_LABELS = {}


@dataclass
class CatalogueLabels:
    """The catalogue's names in the active language, by code."""

    indicators: dict
    countries: dict
    categories: dict  # "SEX=F" -> "Female", totals included
    breakdown_choices: list  # [(dimension name, [("SEX=F", "Female"), ...]), ...], totals left out
    units: dict  # indicator code -> its unit
    sources: dict  # (indicator code, country code) -> the national data source, where one is given
    # Names as escaped HTML, written by the pages that show them (tables.ValueTable) once for each labels:
    # ``catalogue_labels`` gives the same labels to every page of a catalogue version in a process.
    html: dict = field(default_factory=dict, repr=False, compare=False)
    # What pages make once for each labels (so for their language), as ``html``: the data browser's filter
    # form, its fields' labels and its table's column names.
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def __getstate__(self):
        """What Django's cache keeps: the names, not what was made of them (a form class does not pickle)."""
        return {**self.__dict__, "html": {}, "derived": {}}


def catalogue_version(request=None):
    """The token of the catalogue's current state (``CatalogueVersion``); None only once its row is gone
    (a test database flushed). As the database gives it: only compared with itself, and part of a key.
    With ``request``, read once for it, with the pages' token (``version_tokens.current_token``)."""
    return current_token(CatalogueVersion, request)


def catalogue_labels(request=None):
    """Read once for a page: the data browser's filters, table and exports all use it.

    One query (the catalogue's version, with the pages' when ``request`` is given) when this process or
    Django's cache holds them for this version and language; the five reads of the catalogue otherwise.
    What is returned is shared between requests: read it, never change it.
    """
    language = get_language()
    version = catalogue_version(request)
    if version is None:  # no token to key a cached copy on
        return read_catalogue_labels(language)
    if KEPT_LABELS.get("version") != version:  # a new version: the labels of the old one are never read again
        KEPT_LABELS.clear()
        KEPT_LABELS["version"] = version
    labels = KEPT_LABELS.get(language)
    if labels is None:
        key = f"dsm-catalogue-labels:{version}:{language}"
        labels = cache.get(key)
        if labels is None:
            labels = read_catalogue_labels(language)
            cache.set(key, labels, CACHE_SECONDS)
        KEPT_LABELS[language] = labels
    return labels


def read_catalogue_labels(language):
    """The catalogue's names in ``language``, read from the database."""
    breakdown_choices = {}
    categories = {}
    rows = Category.objects.values_list("dimension__code", "dimension__name", "code", "name")
    for dimension_code, dimension_name, code, name in rows:
        key, label = f"{dimension_code}={code}", translated(name, language)
        categories[key] = label
        if code != TOTAL_CODE:
            breakdown_choices.setdefault(translated(dimension_name, language), []).append((key, label))
    indicators, units = {}, {}
    for code, name, unit in Indicator.objects.values_list("code", "name", "unit"):
        indicators[code], units[code] = translated(name, language), translated(unit, language)
    metadata = NationalMetadata.objects.values_list("indicator__code", "country__code", "data_source")
    sources = {(indicator, country): translated(source, language) for indicator, country, source in metadata if source}
    return CatalogueLabels(
        indicators=indicators,
        countries={code: translated(name, language) for code, name in Country.objects.values_list("code", "name")},
        categories=categories,
        breakdown_choices=list(breakdown_choices.items()),
        units=units,
        sources=sources,
    )


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
