"""The entry grid of an indicator: its series laid out as rows and columns.

Columns are the categories of the indicator's first dimension, rows the
combinations of the others; totals come last in each. The web form, the Excel
template and the paper form all draw this same grid.
"""

import itertools
from dataclasses import dataclass, field

from .models import TOTAL_CODE, Category, Indicator, Series
from .translation import translated


def series_key(categories):
    """``SEX=F.CITIZENSHIP=UZB`` for categories given in the indicator's dimension order."""
    return ".".join(f"{category.dimension.code}={category.code}" for category in categories)


def _ordered(categories):
    return sorted(categories, key=lambda category: (category.is_total, category.sort_order, category.code))


@dataclass
class GridRow:
    categories: list  # one per dimension after the first
    cells: list  # one Series per column
    is_total: bool


@dataclass
class Grid:
    indicator: Indicator
    dimensions: list
    columns: list  # categories of the first dimension; [None] without dimensions
    rows: list = field(default_factory=list)
    categories_by_series: dict = field(default_factory=dict)  # series pk -> categories in dimension order
    series_by_key: dict = field(default_factory=dict)

    @property
    def series(self):
        return [cell for row in self.rows for cell in row.cells]

    def cell_label(self, series):
        """ "Asylum applications: Female × 18-34 × Afghanistan", in the active language."""
        categories = self.categories_by_series.get(series.pk, [])
        name = translated(self.indicator.name)
        return f"{name}: {' × '.join(translated(category.name) for category in categories)}" if categories else name

    def series_with(self, series, dimension_index, category):
        """The series like ``series`` but with ``category`` in the dimension at ``dimension_index``."""
        categories = list(self.categories_by_series[series.pk])
        categories[dimension_index] = category
        return self.series_by_key[series_key(categories)]


def indicator_dimensions(indicator):
    """The indicator's dimensions in order, each with ``ordered_categories`` loaded."""
    dimensions = [link.dimension for link in indicator.indicator_dimensions.select_related("dimension")]
    categories = Category.objects.filter(dimension__in=dimensions).select_related("dimension")
    by_dimension = {}
    for category in categories:
        by_dimension.setdefault(category.dimension_id, []).append(category)
    for dimension in dimensions:
        dimension.ordered_categories = _ordered(by_dimension.get(dimension.pk, []))
    return dimensions


def build_grid(indicator):
    dimensions = indicator_dimensions(indicator)
    series_by_key = {series.key: series for series in Series.objects.filter(indicator=indicator)}
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
