"""Reading a filled-in Excel template: checked whole before anything is stored.

Three passes, each reporting every problem it finds by sheet and cell:
1. the file itself: size, type by content (not by name), zip bomb, macros, encryption;
2. the cells, read by the template's hidden map (``excel_template.META_SHEET``);
3. the rules every channel runs (``validation``), as for the web form.
Nothing is written here: ``services.submissions.save_entry`` stores a good upload.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string

from .excel_template import META_SHEET, TEMPLATE_VERSION
from .grid import build_grid
from .models import Country, Indicator, Period
from .numbers import parse_entry
from .validation import ERROR, check_cells, complete_totals
from .validation import Cell as GridCell

MAX_FILE_BYTES = 10 * 1024 * 1024
# Filled cells of the sheets a person fills in. The hidden map is bounded apart, by the
# value cells it may name: four of its cells per value cell, after a header of five rows.
MAX_USED_CELLS = 200_000
MAP_COLUMNS = 4
MAP_HEADER_ROWS = 5
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ZIP_ENTRIES = 2_000
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted workbooks and old .xls files
CELL_REFERENCE = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")


@dataclass(frozen=True)
class Problem:
    sheet: str
    cell: str
    message: str

    def __str__(self):
        if self.cell:
            return _("Sheet %(sheet)s, cell %(cell)s: %(message)s") % {
                "sheet": self.sheet,
                "cell": self.cell,
                "message": self.message,
            }
        return f"{self.sheet}: {self.message}" if self.sheet else self.message


class UploadRejected(Exception):
    def __init__(self, problems):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass
class Upload:
    """A good upload: what it holds, by indicator, ready for ``save_entry``."""

    country: Country
    period: Period
    cells: dict = field(default_factory=dict)  # indicator -> {series pk: Cell}
    places: dict = field(default_factory=dict)  # series pk -> (sheet, cell), to name cells in messages
    grids: dict = field(default_factory=dict)  # indicator code -> Grid


def check_file(data):
    """Pass 1: refuse what must not be opened at all."""
    if len(data) > MAX_FILE_BYTES:
        raise UploadRejected(
            [Problem("", "", _("The file is larger than %(limit)s MB.") % {"limit": MAX_FILE_BYTES // (1024 * 1024)})]
        )
    if data.startswith(OLE_MAGIC):
        raise UploadRejected(
            [Problem("", "", _("The file is encrypted or an old .xls workbook: save it as an unprotected .xlsx."))]
        )
    if not data.startswith(ZIP_MAGIC):
        raise UploadRejected([Problem("", "", _("The file is not an Excel workbook (.xlsx), whatever its name."))])
    try:
        entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile as error:
        raise UploadRejected([Problem("", "", _("The file is damaged: it cannot be opened."))]) from error
    names = {entry.filename for entry in entries}
    uncompressed = sum(entry.file_size for entry in entries)
    compressed = sum(entry.compress_size for entry in entries) or 1
    if (
        len(entries) > MAX_ZIP_ENTRIES
        or uncompressed > MAX_UNCOMPRESSED_BYTES
        or (uncompressed / compressed > MAX_COMPRESSION_RATIO)
    ):
        raise UploadRejected([Problem("", "", _("The file unpacks to far more than a workbook holds: refused."))])
    if "xl/workbook.xml" not in names:
        raise UploadRejected([Problem("", "", _("The file is not an Excel workbook (.xlsx), whatever its name."))])
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise UploadRejected([Problem("", "", _("Workbooks with macros are refused: save it as a plain .xlsx."))])


def read_upload(data):
    """Passes 1 to 3 over the bytes of an uploaded template; returns an Upload or raises UploadRejected."""
    check_file(data)
    meta_rows, entries, has_formulas = _read_workbook(data, data_only=False)
    if meta_rows is None:
        raise UploadRejected([Problem("", "", _("This is not a DSM template: download the template from the portal."))])
    # Formulas were read as their text: then read again, by the same map, for the values Excel computed.
    values = _read_workbook(data, data_only=True, meta_rows=meta_rows)[1] if has_formulas else entries
    upload, problems = _read_cells(meta_rows, values, entries)
    if not problems:
        problems = rule_problems(upload)
    if problems:
        raise UploadRejected(problems)
    return upload


def _read_workbook(data, data_only, meta_rows=None):
    """(rows of the hidden map, the value of each cell it names in the map's order, whether any cell is a formula).

    openpyxl's read-only mode, values only, and only the cells the map names are
    kept: cell objects, or a dict of every cell, cost more time and memory than
    reading the file. Every filled cell counts against the cap (``_CellCounter``). Given
    ``meta_rows``, the hidden sheet is not read again.
    """
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    try:
        counter = _CellCounter()
        if meta_rows is None and META_SHEET in workbook.sheetnames:
            # The map's four columns, A to D, whatever the width of the sheet.
            meta_rows = [
                (*row[:MAP_COLUMNS], *[None] * MAP_COLUMNS)[:MAP_COLUMNS]
                for row in counter.rows(workbook[META_SHEET], is_map=True)
            ]
        map_rows = _map_rows(meta_rows or [])
        wanted = {}  # sheet title -> {row: [(column, index in the map)]}
        for index, (sheet, coordinate, _indicator, _series) in enumerate(map_rows):
            position = _position(coordinate)
            if position is not None:
                wanted.setdefault(sheet, {}).setdefault(position[0], []).append((position[1], index))
        values = [None] * len(map_rows)
        for sheet in workbook.worksheets:
            if sheet.title == META_SHEET:
                continue
            wanted_rows = wanted.get(sheet.title, {})
            for row_number, row in enumerate(counter.rows(sheet), start=1):
                for column, index in wanted_rows.get(row_number, ()):
                    if column <= len(row):
                        values[index] = row[column - 1]
        return meta_rows, values, counter.has_formulas
    finally:
        workbook.close()


class _CellCounter:
    """Counts the filled cells of the sheets it reads, refusing the file past the cap; notes formulas.

    The cap is on what people see and fill in (MAX_USED_CELLS). The hidden map, written
    by the template, is counted apart against the room it needs to name that many cells,
    so a template of 100,000 value cells (500,000 cells with its map) is accepted.
    """

    def __init__(self):
        self.used = {"sheets": 0, "map": 0}
        self.has_formulas = False

    def rows(self, sheet, is_map=False):
        part = "map" if is_map else "sheets"
        limit = MAP_COLUMNS * (MAX_USED_CELLS + MAP_HEADER_ROWS) if is_map else MAX_USED_CELLS
        for row in sheet.iter_rows(values_only=True):
            self.used[part] += len(row) - row.count(None)
            if self.used[part] > limit:
                raise UploadRejected(
                    [Problem("", "", _("The file has more than %(limit)s filled cells.") % {"limit": MAX_USED_CELLS})]
                )
            if not self.has_formulas:
                self.has_formulas = any(isinstance(value, str) and value.startswith("=") for value in row)
            yield row


def _map_rows(meta_rows):
    """(sheet, cell, indicator, series) of every value cell: the hidden sheet's rows from 6 to the first empty one."""
    rows = meta_rows[MAP_HEADER_ROWS:]
    end = next((index for index, row in enumerate(rows) if row[0] is None), len(rows))
    return rows[:end]


def _position(coordinate):
    """(row, column) of a cell reference such as "C17"; None for anything else (read as an empty cell)."""
    match = CELL_REFERENCE.fullmatch(coordinate) if isinstance(coordinate, str) else None
    return (int(match[2]), column_index_from_string(match[1])) if match else None


def _meta_value(meta_rows, key):
    for row in meta_rows[:4]:
        if row[0] == key:
            return row[1]
    return None


def _read_cells(meta_rows, values, formulas):
    """The Upload of every cell the map names; ``values`` and ``formulas`` are their contents in the map's order."""
    problems = []
    version = _meta_value(meta_rows, "template_version")
    if version != TEMPLATE_VERSION:
        problems.append(
            Problem("", "", _("This template is of version %(found)s; download the current one (version %(current)s).")
                    % {"found": version, "current": TEMPLATE_VERSION})
        )  # fmt: skip
    country = Country.objects.filter(code=_meta_value(meta_rows, "country")).first()
    period = Period.objects.filter(code=str(_meta_value(meta_rows, "period"))).first()
    if country is None or period is None:
        problems.append(Problem("", "", _("The template names a country or period the portal does not know.")))
    if problems:
        return None, problems
    upload = Upload(country=country, period=period)
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    grids = {}
    for (sheet, coordinate, indicator_code, series_key), raw, formula in zip(
        _map_rows(meta_rows), values, formulas, strict=True
    ):
        indicator = indicators.get(indicator_code)
        if indicator is None:
            problems.append(Problem(sheet, "", _("Unknown indicator %(code)s.") % {"code": indicator_code}))
            continue
        if indicator.code not in grids:
            grids[indicator.code] = build_grid(indicator)
        series = grids[indicator.code].series_by_key.get(series_key)
        if series is None:
            problems.append(Problem(sheet, coordinate, _("This cell is not part of the indicator any more.")))
            continue
        upload.places[series.pk] = (sheet, coordinate)
        cells = upload.cells.setdefault(indicator, {})
        if isinstance(formula, str) and formula.startswith("=") and raw in (None, formula):
            problems.append(Problem(sheet, coordinate, _("A formula without a computed value: open the file in Excel, "
                                                         "let it calculate, and save it again.")))  # fmt: skip
            continue
        try:
            cells[series.pk] = cell_from_raw(raw)
        except ValueError:
            problems.append(Problem(sheet, coordinate, _("“%(text)s” is not a number or one of the codes : c z.")
                                    % {"text": raw}))  # fmt: skip
    upload.grids.update(grids)
    return upload, problems


def cell_from_raw(raw):
    if raw is None:
        return GridCell()
    if isinstance(raw, bool):
        raise ValueError(raw)
    if isinstance(raw, int):
        return GridCell(number=Decimal(raw))
    if isinstance(raw, float):
        return GridCell(number=Decimal(str(raw)))
    return parse_entry(str(raw))


def rule_problems(upload):
    """Pass 3: the rules of every channel, each problem at its sheet and cell."""
    problems = []
    for indicator, cells in upload.cells.items():
        grid = upload.grids[indicator.code]
        complete_totals(grid, cells)
        for problem in check_cells(grid, cells):
            if problem.severity == ERROR:
                sheet, coordinate = upload.places.get(problem.series_id, (indicator.code, ""))
                problems.append(Problem(sheet, coordinate, problem.message))
    return problems
