"""A checked template's cells, read from its file one indicator at a time.

The check (``workbook.read_template``) reads the whole file once and keeps only its problems
and where each cell is (``template_map.CellPlaces``). The ``Upload`` it returns holds the file,
not its cells: when the services ask for an indicator's cells (``TemplateCells``), they are read
again from the file, their blank totals completed as the check completed them. Only the
indicator last asked for is kept, with its grid. Before, a template of 100,000 values held
100,000 Cells and nine grids of 11,000 series each from the check to the end of the import:
the upload's memory grew with the file. Reading an indicator again takes a few milliseconds
of calamine, and as long to make its Cells as the check took.
"""

from collections.abc import Mapping

from django.utils.translation import gettext as _

from ..cells import cell_from_spreadsheet
from ..grid import build_grid
from ..validation import complete_totals
from . import sheets
from .problems import Problem

# A formula whose value Excel never computed (the file was not saved by a program that calculates).
FORMULA_WITHOUT_VALUE = object()


def sheet_values(workbook, title, places, special, *, counter=None):
    """{(row, column): value} of sheet ``title``'s cells at the map's ``places``; ``special``: the sheet's
    formulas and errors (``sheets.scan_sheets``); ``counter`` counts the sheet's filled cells as they pass."""
    offset, rows = sheets.sheet_rows(workbook, title)
    if counter is not None:
        rows = counter.rows(rows)
    columns = [(column, column - 1 - offset) for column in places.columns if column - 1 - offset >= 0]
    values = {}
    for row_number, row in enumerate(rows, start=1):
        if row_number in places.rows:
            width = len(row)
            for column, index in columns:
                if index < width:
                    values[(row_number, column)] = sheets.plain_value(row[index])
    # calamine reads an error as "", and leaves out a formula never computed, even its row when nothing else is.
    if counter is not None:
        counter.add_unseen(special)
    for place, (kind, detail) in special.items():
        if kind == "error":
            values[place] = detail
        elif not detail:
            values[place] = FORMULA_WITHOUT_VALUE
    return values


def mapped_values(values, places, title):
    """{indicator code: [(sheet, row, column, series key, value)]} of the value cells the map names on a sheet."""
    found = {}
    for row, column, indicator_code, key in places.cells():
        found.setdefault(indicator_code, []).append((title, row, column, key, values.get((row, column))))
    return found


def cells_of(grid, found, *, problems=None, places=None):
    """{series pk: Cell} of one indicator's value cells ``found`` [(sheet, row, column, series key, value)].

    The check gives ``problems`` and ``places`` lists, to which each problem (at its sheet and
    cell) and each cell's (series pk, sheet, row, column) are added; a checked file has no problem.
    """
    cells, series_by_key = {}, grid.series_by_key
    for sheet, row, column, key, raw in found:
        series = series_by_key.get(key)
        message = None
        if series is None:
            message = _("This cell is not part of the indicator any more.")
        elif raw is FORMULA_WITHOUT_VALUE:
            message = _(
                "A formula without a computed value: open the file in Excel, let it calculate, and save it again."
            )
        else:
            try:
                cells[series.pk] = cell_from_spreadsheet(raw)
            except ValueError:
                message = _("“%(text)s” is not a number or one of the codes : c z.") % {"text": raw}
        if places is not None and series is not None:
            places.append((series.pk, sheet, row, column))
        if message is not None and problems is not None:
            problems.append(Problem(message, sheet=sheet, cell=f"{sheets.column_letters(column)}{row}"))
    return cells


class _LastKept(Mapping):
    """A mapping whose values are made when asked, from ``_make(key)``; only the last one made is kept."""

    def __init__(self, keys):
        self._keys = dict.fromkeys(keys)  # in the file's order
        self._last = (None, None)

    def __getitem__(self, key):
        if key not in self._keys:
            raise KeyError(key)
        if self._last[0] != key:
            self._last = (None, None)  # let the previous value go before making the next
            self._last = (key, self._make(key))
        return self._last[1]

    def __iter__(self):
        return iter(self._keys)

    def __len__(self):
        return len(self._keys)


class TemplateCells(_LastKept):
    """{indicator: {series pk: Cell}} of a checked template, each indicator read from the file when asked.

    ``grids`` gives their grids ({indicator code: Grid}). The indicator last asked for is kept,
    with its grid, so that a service asking twice in a row (for its cells, then its grid) reads it once.
    """

    def __init__(self, data, *, titles, found_map, special, indicators):
        """``titles``: the workbook's sheets, in order; the map may name a sheet the sender deleted."""
        super().__init__(indicators)
        self._data, self._titles, self._map, self._special = data, titles, found_map, special
        self.grids = _Grids({indicator.code: indicator for indicator in indicators})

    def _make(self, indicator):
        grid, found = self.grids[indicator.code], []
        workbook = sheets.open_workbook(self._data)
        try:
            for title in self._titles:
                places = self._map.sheets.get(title)
                if places is not None and indicator.code in places.indicator_codes():
                    values = sheet_values(workbook, title, places, self._special.get(title, {}))
                    found += mapped_values(values, places, title).get(indicator.code, [])
        finally:
            workbook.close()
        cells = cells_of(grid, found)
        complete_totals(grid, cells)
        return cells


class _Grids(_LastKept):
    """{indicator code: Grid}, built when asked (one of 11,000 series takes 50 ms); the last one is kept."""

    def __init__(self, indicators):
        super().__init__(indicators)
        self._indicators = indicators

    def _make(self, code):
        return build_grid(self._indicators[code])
