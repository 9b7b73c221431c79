"""The entry grid of an indicator: its series laid out as rows and columns.

Columns are the categories of the indicator's first dimension, rows the
combinations of the others; totals come last in each. The web form, the Excel
template and the paper form all draw this same grid.
"""

import itertools
from collections.abc import Mapping
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


class CategoriesBySeries(Mapping):
    """{series pk: its categories in dimension order}, worked out from the series' place in the grid
    rather than stored: 100,000 lists of categories took 12 MB of an upload's memory."""

    def __init__(self, grid):
        self._grid = grid

    def __getitem__(self, pk):
        place = self._grid.places[pk]
        return [
            dimension.ordered_categories[(place // stride) % len(dimension.ordered_categories)]
            for dimension, stride in zip(self._grid.dimensions, self._grid.strides, strict=True)
        ]

    def __iter__(self):
        return iter(self._grid.places)

    def __len__(self):
        return len(self._grid.places)


@dataclass
class Grid:
    """An indicator's series as rows and columns, and how they relate (which add up to which total).

    Every series has a place: its index in ``series`` (row after row, the columns within a row).
    The categories of a series, and the series that differs from it in one category, are worked
    out from that place, one stride per dimension, instead of being held for each of an upload's
    100,000 cells. What is derived from the rows (the series in order, each total's breakdowns)
    is computed once, when first asked: the checks ask for it for every cell of every upload, and
    a long table brings hundreds of uploads.
    """

    indicator: Indicator
    dimensions: list
    columns: list  # categories of the first dimension; [None] without dimensions
    rows: list = field(default_factory=list)
    series_by_key: dict = field(default_factory=dict)

    @cached_property
    def series(self):
        return [cell for row in self.rows for cell in row.cells]

    @cached_property
    def places(self):
        """{series pk: its index in ``series``}."""
        return {series.pk: place for place, series in enumerate(self.series)}

    @cached_property
    def strides(self):
        """How far apart in ``series`` two neighbouring categories of each dimension are: 1 for the columns'."""
        sizes = [len(dimension.ordered_categories) for dimension in self.dimensions]
        strides = [1] * len(sizes)
        step = sizes[0] if sizes else 1
        for index in range(len(sizes) - 1, 0, -1):  # the last dimension changes fastest along the rows
            strides[index] = step
            step *= sizes[index]
        return strides

    @cached_property
    def categories_by_series(self):
        return CategoriesBySeries(self)

    @cached_property
    def _category_places(self):
        """Per dimension, {category pk: its index among the dimension's ordered categories}."""
        return [
            {category.pk: index for index, category in enumerate(dimension.ordered_categories)}
            for dimension in self.dimensions
        ]

    def series_with(self, series, dimension_index, category):
        """The series like ``series`` but with ``category`` in the dimension at ``dimension_index``."""
        place, stride = self.places[series.pk], self.strides[dimension_index]
        size = len(self.dimensions[dimension_index].ordered_categories)
        wanted = self._category_places[dimension_index][category.pk]
        return self.series[place + (wanted - (place // stride) % size) * stride]

    def series_having(self, dimension_index, category):
        """The series whose category in the dimension at ``dimension_index`` is ``category``, in grid order."""
        stride = self.strides[dimension_index]
        size = len(self.dimensions[dimension_index].ordered_categories)
        wanted = self._category_places[dimension_index][category.pk]
        return [series for place, series in enumerate(self.series) if (place // stride) % size == wanted]

    def totals_above(self, series):
        """The series ``series`` adds into: every way of putting a dimension's total in place of its category."""
        place, moves = self.places[series.pk], []
        for index, (total, stride) in enumerate(zip(self._total_places, self.strides, strict=True)):
            own = (place // stride) % len(self.dimensions[index].ordered_categories)
            moves.append([0] if total is None or total == own else [0, (total - own) * stride])
        return [self.series[place + sum(chosen)] for chosen in itertools.product(*moves) if any(chosen)]

    @cached_property
    def _total_places(self):
        """Per dimension, the index of its total category among its ordered ones (None without a total)."""
        return [
            next((index for index, category in enumerate(dimension.ordered_categories) if category.code == TOTAL_CODE),
                 None)
            for dimension in self.dimensions
        ]  # fmt: skip

    def breakdowns(self, series):
        """For each total category of ``series``: (dimension index, the series that add up to it).

        The parts lie in ``series`` at one stride apart, so each is a slice: worked out when asked
        (a few microseconds) rather than held for each of an upload's totals (20 MB).
        """
        place, found = self.places[series.pk], []
        for index, (total, stride) in enumerate(zip(self._total_places, self.strides, strict=True)):
            size = len(self.dimensions[index].ordered_categories)
            if total is not None and (place // stride) % size == total:
                first = place - total * stride
                parts = self.series[first : first + size * stride : stride]
                found.append((index, parts[:total] + parts[total + 1 :]))
        return found

    @cached_property
    def totals_innermost_first(self):
        """The series that are totals somewhere, those with fewer total categories first (in grid order otherwise)."""
        totals = [(self._total_count(place), series) for place, series in enumerate(self.series) if series.is_total]
        return [series for count, series in sorted(totals, key=lambda pair: pair[0]) if count]

    def _total_count(self, place):
        return sum(
            total is not None and (place // stride) % len(dimension.ordered_categories) == total
            for dimension, total, stride in zip(self.dimensions, self._total_places, self.strides, strict=True)
        )

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
    pks = dict(Series.objects.filter(indicator=indicator).order_by().values_list("key", "pk"))
    if not dimensions:
        only = GridCell(pks[""], "", True, True)
        return Grid(indicator, [], [None], [GridRow([], [only], True)], {"": only})
    columns = dimensions[0].ordered_categories
    grid = Grid(indicator, dimensions, columns)
    # The key's part of each category, spelled once: series_key() for each of 100,000 cells took a second.
    parts = {
        category.pk: f"{dimension.code}={category.code}"
        for dimension in dimensions
        for category in dimension.ordered_categories
    }
    column_parts = [(parts[column.pk], column.is_total) for column in columns]
    for row_categories in itertools.product(*(dimension.ordered_categories for dimension in dimensions[1:])):
        row_part = ".".join(parts[category.pk] for category in row_categories)
        row_totals = [category.is_total for category in row_categories]
        # A series is a total when any of its categories is, the grand total when all are (as the catalogue
        # stores them: services.catalogue); worked out here, not read: SQLite's booleans took 0.2 s an upload.
        is_total, is_grand_total = any(row_totals), all(row_totals)
        cells = []
        for column_part, column_is_total in column_parts:
            key = f"{column_part}.{row_part}" if row_part else column_part
            cells.append(GridCell(pks[key], key, is_total or column_is_total, is_grand_total and column_is_total))
        grid.series_by_key.update((cell.key, cell) for cell in cells)
        grid.rows.append(GridRow(list(row_categories), cells, is_total))
    return grid
