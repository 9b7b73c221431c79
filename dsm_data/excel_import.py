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
MAX_USED_CELLS = 200_000
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
    formulas = _read_sheets(data, data_only=False)
    values = _read_sheets(data, data_only=True) if _has_formulas(formulas) else formulas
    meta = values.get(META_SHEET)
    if meta is None:
        raise UploadRejected([Problem("", "", _("This is not a DSM template: download the template from the portal."))])
    upload, problems = _read_cells(meta, values, formulas)
    if not problems:
        problems = rule_problems(upload)
    if problems:
        raise UploadRejected(problems)
    return upload


def _read_sheets(data, data_only):
    """{sheet title: {(row, column): value}} of every non-empty cell, with a cap on the cells read.

    Values only, by position: openpyxl's cell objects and their coordinates cost
    more than reading the file itself.
    """
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    sheets, used = {}, 0
    try:
        for sheet in workbook.worksheets:
            cells = {}
            for row_number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                for column_number, value in enumerate(row, start=1):
                    if value is not None:
                        cells[row_number, column_number] = value
                if len(cells) + used > MAX_USED_CELLS:
                    raise UploadRejected(
                        [
                            Problem(
                                "",
                                "",
                                _("The file has more than %(limit)s filled cells.") % {"limit": MAX_USED_CELLS},
                            )
                        ]
                    )
            used += len(cells)
            sheets[sheet.title] = cells
    finally:
        workbook.close()
    return sheets


def _has_formulas(sheets):
    return any(
        isinstance(value, str) and value.startswith("=") for cells in sheets.values() for value in cells.values()
    )


def _position(coordinate):
    """(row, column) of a cell reference such as "C17"; None for anything else (read as an empty cell)."""
    match = CELL_REFERENCE.fullmatch(coordinate) if isinstance(coordinate, str) else None
    return (int(match[2]), column_index_from_string(match[1])) if match else None


def _meta_value(meta, key):
    for row in range(1, 5):
        if meta.get((row, 1)) == key:
            return meta.get((row, 2))
    return None


def _read_cells(meta, values, formulas):
    problems = []
    version = _meta_value(meta, "template_version")
    if version != TEMPLATE_VERSION:
        problems.append(
            Problem("", "", _("This template is of version %(found)s; download the current one (version %(current)s).")
                    % {"found": version, "current": TEMPLATE_VERSION})
        )  # fmt: skip
    country = Country.objects.filter(code=_meta_value(meta, "country")).first()
    period = Period.objects.filter(code=str(_meta_value(meta, "period"))).first()
    if country is None or period is None:
        problems.append(Problem("", "", _("The template names a country or period the portal does not know.")))
    if problems:
        return None, problems
    upload = Upload(country=country, period=period)
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    grids = {}
    row = 6
    while meta.get((row, 1)) is not None:
        sheet, coordinate, indicator_code, series_key = (meta.get((row, column)) for column in range(1, 5))
        row += 1
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
        position = _position(coordinate)
        raw = values.get(sheet, {}).get(position)
        formula = formulas.get(sheet, {}).get(position)
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
