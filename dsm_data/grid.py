"""The entry grid of an indicator: its series laid out as rows and columns.

Columns are the categories of the indicator's first dimension, rows the
combinations of the others; totals come last in each. The web form, the Excel
template and the paper form all draw this same grid.
"""

import itertools
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import get_language

from .models import TOTAL_CODE, Category, Indicator, Series, ValidationRule
from .translation import translated


def series_key(categories):
    """``SEX=F.CITIZENSHIP=UZB`` for categories given in the indicator's dimension order."""
    return ".".join(f"{category.dimension.code}={category.code}" for category in categories)


def in_grid_order(categories):
    """Categories as the grid and every list show them: the totals last, then by their order and code."""
    return sorted(categories, key=lambda category: (category.is_total, category.sort_order, category.code))


@dataclass(frozen=True, slots=True)
class GridCell:
    """One series of the grid, as drawing and checking it need it: not the model instance, of which an
    upload of 100,000 cells would hold 100,000 (1.6 s and 100 MB to load); ``pk`` is the Series's."""

    pk: int
    key: str
    is_total: bool
    is_grand_total: bool


@dataclass
class GridRow:
    categories: list  # one per dimension after the first
    cells: list  # one GridCell per column
    is_total: bool


@dataclass
class Grid:
    """An indicator's series as rows and columns, and how they relate (which add up to which total).

    What is derived from the rows (the series in order, the series by their categories,
    each total's breakdowns) is computed once, when first asked: the checks ask for it
    for every cell of every upload, and a long table brings hundreds of uploads.
    """

    indicator: Indicator
    dimensions: list
    columns: list  # categories of the first dimension; [None] without dimensions
    rows: list = field(default_factory=list)
    categories_by_series: dict = field(default_factory=dict)  # series pk -> categories in dimension order
    series_by_key: dict = field(default_factory=dict)

    @cached_property
    def series(self):
        return [cell for row in self.rows for cell in row.cells]

    @cached_property
    def _category_pks(self):
        """{series pk: [category pk in dimension order]}."""
        return {pk: [category.pk for category in categories] for pk, categories in self.categories_by_series.items()}

    @cached_property
    def _series_by_category_pks(self):
        """{(category pk in dimension order, ...): GridCell}."""
        by_pk = {series.pk: series for series in self.series}
        return {tuple(pks): by_pk[pk] for pk, pks in self._category_pks.items() if pk in by_pk}

    @cached_property
    def _breakdowns(self):
        """{series pk: [(dimension index, the series that add up to its total there)]}, totals only."""
        found = {}
        for series in self.series:
            categories = self.categories_by_series[series.pk]
            parts = [
                (index, [self.series_with(series, index, part) for part in self.dimensions[index].ordered_categories
                         if part.code != TOTAL_CODE])
                for index, category in enumerate(categories)
                if category.code == TOTAL_CODE
            ]  # fmt: skip
            if parts:
                found[series.pk] = parts
        return found

    def breakdowns(self, series):
        """For each total category of ``series``: (dimension index, the series that add up to it)."""
        return self._breakdowns.get(series.pk, [])

    @cached_property
    def totals_innermost_first(self):
        """The series that are totals somewhere, those with fewer total categories first (in grid order otherwise)."""
        totals = [series for series in self.series if series.pk in self._breakdowns]
        return sorted(totals, key=lambda series: len(self._breakdowns[series.pk]))

    @cached_property
    def _labels(self):
        return {}  # (series pk, language) -> label

    def cell_label(self, series):
        """ "Asylum applications: Female × 18-34 × Afghanistan", in the active language."""
        key = (series.pk, get_language())
        label = self._labels.get(key)
        if label is None:
            categories = self.categories_by_series.get(series.pk, [])
            name = translated(self.indicator.name)
            label = (
                f"{name}: {' × '.join(translated(category.name) for category in categories)}" if categories else name
            )
            self._labels[key] = label
        return label

    @cached_property
    def validation_rules(self):
        """The indicator's ValidationRules, with their left and right categories."""
        return list(ValidationRule.objects.filter(indicator=self.indicator).prefetch_related("left", "right"))

    def series_with(self, series, dimension_index, category):
        """The series like ``series`` but with ``category`` in the dimension at ``dimension_index``."""
        pks = list(self._category_pks[series.pk])
        pks[dimension_index] = category.pk
        return self._series_by_category_pks[tuple(pks)]


def indicator_dimensions(indicator):
    """The indicator's dimensions in order, each with ``ordered_categories`` loaded."""
    dimensions = [link.dimension for link in indicator.indicator_dimensions.select_related("dimension")]
    categories = Category.objects.filter(dimension__in=dimensions).select_related("dimension")
    by_dimension = {}
    for category in categories:
        by_dimension.setdefault(category.dimension_id, []).append(category)
    for dimension in dimensions:
        dimension.ordered_categories = in_grid_order(by_dimension.get(dimension.pk, []))
    return dimensions


def build_grid(indicator):
    dimensions = indicator_dimensions(indicator)
    series_by_key = {
        key: GridCell(pk, key, is_total, is_grand_total)
        for pk, key, is_total, is_grand_total in Series.objects.filter(indicator=indicator)
        .order_by()
        .values_list("pk", "key", "is_total", "is_grand_total")
    }
    if not dimensions:
        only = series_by_key[""]
        return Grid(indicator, [], [None], [GridRow([], [only], True)], {only.pk: []}, series_by_key)
    columns = dimensions[0].ordered_categories
    grid = Grid(indicator, dimensions, columns, series_by_key=series_by_key)
    for row_categories in itertools.product(*(dimension.ordered_categories for dimension in dimensions[1:])):
        cells = []
        for column in columns:
            categories = [column, *row_categories]
            series = series_by_key[series_key(categories)]
            grid.categories_by_series[series.pk] = categories
            cells.append(series)
        is_total = any(category.code == TOTAL_CODE for category in row_categories)
        grid.rows.append(GridRow(list(row_categories), cells, is_total))
    return grid
