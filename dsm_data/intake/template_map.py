"""The template's hidden map: which series each value cell holds, written and read here alone.

A very hidden sheet (``_dsm``) starts with the template's version, country, period and
language, one key and value a row; then a row of column names; then one row per value
cell: the sheet's title, the cell ("C17"), the indicator's code and the series' key
("SEX=F.CITIZENSHIP=AFG"). An upload is read by what each cell is, not by where it
happens to be, and a template of an older layout is refused by its version.
"""

import re
import sys
from dataclasses import dataclass

from openpyxl.utils import column_index_from_string

META_SHEET = "_dsm"
TEMPLATE_VERSION = 1
HEADER_KEYS = ("template_version", "country", "period", "language")
COLUMNS = ("sheet", "cell", "indicator", "series")
HEADER_ROWS = len(HEADER_KEYS) + 1  # the keys, then the column names
CELL_REFERENCE = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")


def add_map_sheet(workbook, *, country_code, period_code, language):
    """The map's sheet, with its header written; value cells are added with ``add_value_cell``."""
    sheet = workbook.create_sheet(META_SHEET)
    for key, value in zip(HEADER_KEYS, (TEMPLATE_VERSION, country_code, period_code, language), strict=True):
        sheet.append([key, value])
    sheet.append(list(COLUMNS))
    sheet.sheet_state = "veryHidden"  # not even listed by Excel's "Unhide"
    return sheet


def add_value_cell(map_sheet, *, sheet_title, cell, indicator_code, series_key):
    map_sheet.append([sheet_title, cell, indicator_code, series_key])


def _interned(value):
    return sys.intern(value) if isinstance(value, str) else value


@dataclass(frozen=True, slots=True)
class MappedCell:
    sheet: str
    cell: str
    indicator_code: str
    series_key: str

    @property
    def position(self):
        """(row, column) of the cell; None for a reference the map should not hold (read as an empty cell)."""
        match = CELL_REFERENCE.fullmatch(self.cell) if isinstance(self.cell, str) else None
        return (int(match[2]), column_index_from_string(match[1])) if match else None


@dataclass(frozen=True)
class TemplateMap:
    header: dict  # template_version, country, period, language as found
    cells: list  # MappedCell of every value cell, in the map's order

    @classmethod
    def from_rows(cls, rows):
        """The map from the hidden sheet's rows (any width), read to their end: its value cells end at the
        first empty row. Rows are taken one at a time: the map of 100,000 cells is never held twice."""
        header, cells, ended = {}, [], False
        for number, row in enumerate(rows):
            row = (*row[: len(COLUMNS)], *[None] * len(COLUMNS))[: len(COLUMNS)]
            if number < len(HEADER_KEYS):
                if row[0] in HEADER_KEYS:
                    header[row[0]] = row[1]
            elif number >= HEADER_ROWS and not ended:
                ended = row[0] is None
                if not ended:  # a sheet's title and an indicator's code repeat on every row: one string each
                    sheet, cell, indicator_code, key = row
                    cells.append(MappedCell(_interned(sheet), cell, _interned(indicator_code), key))
        return cls(header=header, cells=cells)

    @property
    def version(self):
        return self.header.get("template_version")

    @property
    def country_code(self):
        return self.header.get("country")

    @property
    def period_code(self):
        period = self.header.get("period")
        return None if period is None else str(period)

    def positions_by_sheet(self):
        """{sheet title: {row: [(column, index in the map)]}}: what to keep while reading each sheet once."""
        wanted = {}
        for index, mapped in enumerate(self.cells):
            position = mapped.position
            if position is not None:
                wanted.setdefault(mapped.sheet, {}).setdefault(position[0], []).append((position[1], index))
        return wanted
