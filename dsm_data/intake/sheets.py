"""Opening a workbook and reading its sheets within Excel's own grid: columns A to XFD, rows 1 to 1,048,576.

A file can claim a sheet size (its ``dimension``) or hold a cell beyond that grid,
which Excel never writes. openpyxl then fails, or pads every row it reads to the
claimed width. ``open_workbook`` and ``sheet_rows`` refuse such a file naming the
sheet, and read only the cells the file really holds.
"""

import io
import re
import zipfile

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import column_index_from_string, range_boundaries
from openpyxl.worksheet._read_only import read_dimension

from .problems import Problem, Rejected

MAX_COLUMNS = 16_384  # column XFD
MAX_ROWS = 1_048_576
# The size a sheet's XML claims, before its cells; and a cell reference that may be past the grid (three
# letters or more, or a row of seven digits), checked further when found.
_CLAIMED_SIZE = re.compile(rb'<(?:\w+:)?dimension\s+ref="([^"]*)"')
_FAR_REFERENCE = re.compile(rb'\sr="([A-Z]{3,})([0-9]+)"|\sr="([A-Z]{1,2})([0-9]{7,})"')


def open_workbook(data, *, data_only):
    """The workbook of checked .xlsx bytes, read-only; Rejected, naming the sheet, if a sheet is past the grid."""
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except ValueError as error:
        sheet = _sheet_past_the_grid(data)
        if sheet is None:
            raise Rejected.because(_("The file is damaged: it cannot be opened.")) from error
        raise Rejected([past_the_grid(sheet)]) from error


def sheet_rows(sheet):
    """The rows of a read-only sheet as tuples of values, each as long as its last filled cell."""
    if (sheet.max_column or 0) > MAX_COLUMNS or (sheet.max_row or 0) > MAX_ROWS:
        raise Rejected([past_the_grid(sheet.title)])
    sheet.reset_dimensions()  # the cells the file holds, not rows padded to the size it claims
    try:
        for row in sheet.iter_rows(values_only=True):
            if len(row) > MAX_COLUMNS:
                raise Rejected([past_the_grid(sheet.title)])
            yield row
    except ValueError as error:  # a cell named beyond column ZZZ, which openpyxl cannot place
        raise Rejected([past_the_grid(sheet.title)]) from error


def past_the_grid(sheet_title):
    return Problem(
        _("The sheet reaches beyond column XFD or row 1,048,576, where Excel ends: copy its table into a new sheet."),
        sheet=sheet_title,
    )


def _sheet_parts(data):
    """(the zip archive, [(sheet title, path of its XML part)]) of .xlsx bytes, from the workbook's part alone;
    None if unreadable."""
    try:
        reader = ExcelReader(io.BytesIO(data), read_only=True)
        reader.read_manifest()
        reader.read_workbook()
        return reader.archive, [(sheet.name, relation.target) for sheet, relation in reader.parser.find_sheets()]
    except (KeyError, ValueError, zipfile.BadZipFile):
        return None


def sheet_titles(data):
    """The sheets' titles of checked .xlsx bytes, from the workbook's part alone; [] if unreadable."""
    parts = _sheet_parts(data)
    return [title for title, _target in parts[1]] if parts else []


def check_sheet_within_the_grid(data, title):
    """Refuse, naming it, the sheet ``title`` of checked .xlsx bytes if it claims or holds a cell past the grid.

    For readers other than openpyxl (python-calamine), which skip such cells silently:
    the sheet's claimed size and its cell references are read from its XML, nothing else.
    """
    parts = _sheet_parts(data)
    if parts is None:
        return  # unreadable: the reader will say what is wrong
    archive, targets = parts
    try:
        xml = archive.read(dict(targets)[title])
    except (KeyError, ValueError, zipfile.BadZipFile):
        return
    head = xml[: xml.find(b"<sheetData")] if b"<sheetData" in xml else xml
    claimed = _CLAIMED_SIZE.search(head)
    try:
        size = range_boundaries(claimed[1].decode()) if claimed else None
        if _beyond(size) or _holds_a_far_cell(xml):
            raise Rejected([past_the_grid(title)])
    except ValueError as error:  # a size openpyxl cannot read: a column past ZZZ
        raise Rejected([past_the_grid(title)]) from error


def _sheet_past_the_grid(data):
    """The name of the first sheet whose claimed size openpyxl cannot read, or None."""
    parts = _sheet_parts(data)
    if parts is None:
        return None
    archive, targets = parts
    for title, target in targets:
        try:
            with archive.open(target) as source:
                read_dimension(source)
        except (KeyError, ValueError):
            return title
    return None


def _beyond(size):
    """True when a sheet's claimed size (openpyxl's read_dimension) ends past the grid."""
    if not size:
        return False
    _min_column, _min_row, max_column, max_row = size
    return (max_column or 0) > MAX_COLUMNS or (max_row or 0) > MAX_ROWS


def _holds_a_far_cell(xml):
    for match in _FAR_REFERENCE.finditer(xml):
        letters, row = (match[1], match[2]) if match[1] else (match[3], match[4])
        if len(letters) > 3 or column_index_from_string(letters.decode()) > MAX_COLUMNS or int(row) > MAX_ROWS:
            return True
    return False
