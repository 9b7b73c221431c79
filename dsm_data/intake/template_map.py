"""The template's hidden map: which series each value cell holds, written and read here alone.

A very hidden sheet (``_dsm``) starts with the template's version, country, period and
language, one key and value a row; then a row of column names; then one row per column
and one per row of value cells: the sheet's title, the place (a column's letters "C", or
a row's number 17), the indicator's code and the part of the series' key that place
stands for (the column's category "AGE=Y0T4", the row's "SEX=F.CITIZENSHIP=AFG"). A value
cell holds the series of its column's part and its row's part, as the grid lays them out.

An upload is read by what each cell is, not by where it happens to be, and a template of
an older layout is refused by its version. Version 1 named each value cell on a row of its
own: 400,000 cells for a template of 100,000 values, which took python-calamine 45 MB and
a second to read; rows and columns name the same cells in a few hundred.
"""

import re
import sys
from array import array
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field

from .sheets import COLUMN_BITS, MAX_ROWS, cell_name, column_number

META_SHEET = "_dsm"
TEMPLATE_VERSION = 2
HEADER_KEYS = ("template_version", "country", "period", "language")
COLUMNS = ("sheet", "place", "indicator", "categories")
HEADER_ROWS = len(HEADER_KEYS) + 1  # the keys, then the column names
COLUMN_LETTERS = re.compile(r"[A-Z]{1,3}")


def add_map_sheet(workbook, *, country_code, period_code, language):
    """The map's sheet, with its header written; each sheet's places are added with ``add_places``."""
    sheet = workbook.create_sheet(META_SHEET)
    for key, value in zip(HEADER_KEYS, (TEMPLATE_VERSION, country_code, period_code, language), strict=True):
        sheet.append([key, value])
    sheet.append(list(COLUMNS))
    sheet.sheet_state = "veryHidden"  # not even listed by Excel's "Unhide"
    return sheet


def add_places(map_sheet, *, sheet_title, indicator_code, columns, rows):
    """Name the value cells of one sheet: ``columns`` [(letters, key part)], ``rows`` [(number, key part)]."""
    for place, part in [*columns, *rows]:
        map_sheet.append([sheet_title, place, indicator_code, part])


def series_key(column_part, row_part):
    """The series' key of the cell at a column and a row: their parts joined, in the grid's dimension order."""
    return f"{column_part}.{row_part}" if column_part and row_part else column_part or row_part


@dataclass
class SheetPlaces:
    """The value cells of one sheet: {column number: (indicator code, key part)}, {row number: (...)}."""

    columns: dict = field(default_factory=dict)
    rows: dict = field(default_factory=dict)

    def cells(self):
        """(row number, column number, indicator code, series key) of every value cell, row by row.

        A column and a row of different indicators make no value cell: the map is the template's
        own, and such a pair is never written.
        """
        for row_number, (row_indicator, row_part) in self.rows.items():
            for column, (indicator_code, column_part) in self.columns.items():
                if indicator_code == row_indicator:
                    yield row_number, column, indicator_code, series_key(column_part, row_part)

    def indicator_codes(self):
        """The codes of the indicators whose columns and rows the sheet holds."""
        return {code for code, _part in self.columns.values()} & {code for code, _part in self.rows.values()}


@dataclass(frozen=True)
class TemplateMap:
    header: dict  # template_version, country, period, language as found
    sheets: dict  # {sheet title: SheetPlaces}

    @classmethod
    def from_rows(cls, rows):
        """The map from the hidden sheet's rows (any width), read to their end: its places end at the first
        empty row. A place that is neither a column's letters nor a row's number is left out."""
        header, sheets, ended = {}, {}, False
        for number, row in enumerate(rows):
            row = (*row[: len(COLUMNS)], *[None] * len(COLUMNS))[: len(COLUMNS)]
            if number < len(HEADER_KEYS):
                if row[0] in HEADER_KEYS:
                    header[row[0]] = row[1]
            elif number >= HEADER_ROWS and not ended:
                ended = row[0] is None
                if not ended:
                    _add_place(sheets, *row)
        return cls(header=header, sheets=sheets)

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


def _add_place(sheets, sheet, place, indicator_code, part):
    places = sheets.setdefault(sys.intern(str(sheet)), SheetPlaces())
    entry = (sys.intern(str(indicator_code)), "" if part is None else str(part))
    if isinstance(place, int) and 0 < place <= MAX_ROWS:
        places.rows[place] = entry
    elif isinstance(place, str) and COLUMN_LETTERS.fullmatch(place):
        places.columns[column_number(place)] = entry


class CellPlaces(Mapping):
    """{series pk: (sheet title, cell "C17")} of a template's value cells, for naming them in messages.

    Held as two arrays per indicator (its series' pks, sorted, and each one's sheet, row and
    column packed in a number), and spelled out only when asked: a tuple and a string for each
    of 100,000 cells took 15 MB of an upload's memory. Only the cells the file holds are keys.
    """

    _ROW_BITS = 21  # past row 1,048,576; the row and column packed as sheets.packed_cell

    def __init__(self):
        self._sheet_indexes, self._sheets = {}, []  # title -> the index a packed place holds; titles by index
        self._indicators = []  # (array of pks, sorted; array of their packed places)

    def add_indicator(self, places):
        """Add one indicator's cells: [(series pk, sheet title, row, column)]."""
        packed = []
        for pk, sheet, row, column in places:
            sheet_index = self._sheet_indexes.get(sheet)
            if sheet_index is None:
                sheet_index = self._sheet_indexes[sheet] = len(self._sheets)
                self._sheets.append(sheet)
            packed.append((pk, (sheet_index << self._ROW_BITS | row) << COLUMN_BITS | column))
        packed.sort()
        self._indicators.append((array("q", [pk for pk, _ in packed]), array("Q", [place for _, place in packed])))

    def __getitem__(self, pk):
        packed = self._packed(pk)
        if packed is None:
            raise KeyError(pk)
        return self._spelled(packed)

    def __contains__(self, pk):
        return self._packed(pk) is not None  # asked for each cell of a correction: nothing spelled

    def _packed(self, pk):
        for pks, places in self._indicators:
            index = bisect_left(pks, pk)
            if index < len(pks) and pks[index] == pk:
                return places[index]
        return None

    def _spelled(self, packed):
        cell = packed & ((1 << (self._ROW_BITS + COLUMN_BITS)) - 1)
        return self._sheets[packed >> (self._ROW_BITS + COLUMN_BITS)], cell_name(cell)

    def __iter__(self):
        for pks, _places in self._indicators:
            yield from pks

    def __len__(self):
        return sum(len(pks) for pks, _places in self._indicators)
