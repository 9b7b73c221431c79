"""Opening a workbook and reading its sheets within Excel's own grid: columns A to XFD, rows 1 to 1,048,576.

A file can claim a sheet size (its ``dimension``) or hold a cell beyond that grid,
which Excel never writes. openpyxl then fails, or pads every row it reads to the
claimed width. ``open_workbook`` and ``sheet_rows`` refuse such a file naming the
sheet, and read only the cells the file really holds.
"""

import io
import zipfile

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet._read_only import read_dimension

from .problems import Problem, Rejected

MAX_COLUMNS = 16_384  # column XFD
MAX_ROWS = 1_048_576


def open_workbook(data, *, data_only):
    """The workbook of checked .xlsx bytes, read-only; Rejected, naming the sheet, if a sheet is past the grid."""
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except ValueError as error:
        sheet = _sheet_past_the_grid(data)
        if sheet is None:
            raise Rejected.because(_("The file is damaged: it cannot be opened.")) from error
        raise Rejected([_past_the_grid(sheet)]) from error


def sheet_rows(sheet):
    """The rows of a read-only sheet as tuples of values, each as long as its last filled cell."""
    if (sheet.max_column or 0) > MAX_COLUMNS or (sheet.max_row or 0) > MAX_ROWS:
        raise Rejected([_past_the_grid(sheet.title)])
    sheet.reset_dimensions()  # the cells the file holds, not rows padded to the size it claims
    try:
        for row in sheet.iter_rows(values_only=True):
            if len(row) > MAX_COLUMNS:
                raise Rejected([_past_the_grid(sheet.title)])
            yield row
    except ValueError as error:  # a cell named beyond column ZZZ, which openpyxl cannot place
        raise Rejected([_past_the_grid(sheet.title)]) from error


def _past_the_grid(sheet_title):
    return Problem(
        _("The sheet reaches beyond column XFD or row 1,048,576, where Excel ends: copy its table into a new sheet."),
        sheet=sheet_title,
    )


def _sheet_past_the_grid(data):
    """The name of the first sheet whose claimed size openpyxl cannot read, or None."""
    try:
        reader = ExcelReader(io.BytesIO(data), read_only=True)
        reader.read_manifest()
        reader.read_workbook()
        sheets = list(reader.parser.find_sheets())
    except (KeyError, ValueError, zipfile.BadZipFile):
        return None
    for sheet, relation in sheets:
        try:
            with reader.archive.open(relation.target) as source:
                read_dimension(source)
        except (KeyError, ValueError):
            return sheet.name
    return None
