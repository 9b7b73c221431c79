"""Opening a workbook and reading its sheets within Excel's own grid: columns A to XFD, rows 1 to 1,048,576.

Workbooks are read with python-calamine (``open_workbook``, ``sheet_rows``), many times
faster than openpyxl. A file can claim a sheet size (its ``dimension``) or hold a cell
beyond that grid, which Excel never writes and calamine skips silently: ``scan_sheets``
refuses such a file naming the sheet, from the sheet's XML (as ``xlsx_rows`` does for
long tables). ``scan_sheets`` also finds what calamine does not tell: formulas Excel
never computed, and error values.
"""

import datetime
import html
import io
import posixpath
import re
import zipfile
from typing import NamedTuple

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as parse_xml
from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

from .problems import Problem, Rejected

MAX_COLUMNS = 16_384  # column XFD
MAX_ROWS = 1_048_576
_EXACT_INTEGERS = 2**53  # floats past it are not whole numbers as typed
# The size a sheet's XML claims, before its cells; and a cell reference that may be past the grid (three
# letters or more, or a row of seven digits), checked further when found.
_CLAIMED_SIZE = re.compile(rb'<(?:\w+:)?dimension\s+ref="([^"]*)"')
_FAR_REFERENCE = re.compile(rb'\sr="([A-Z]{3,})([0-9]+)"|\sr="([A-Z]{1,2})([0-9]{7,})"')
# A cell with content (not self-closing), its attributes and content; in it, a formula, a value.
_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*?)(?<!/)>(.*?)</(?:\w+:)?c>", re.DOTALL)
_REFERENCE = re.compile(rb'(?:^|\s)r="([A-Z]{1,3})([0-9]+)"')
_TYPE = re.compile(rb'(?:^|\s)t="([a-zA-Z]+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
# The end of a claimed size: "C5" of "A1:C5", "C" of "A:C", "5" of "1:5" ($ signs allowed).
_SIZE_END = re.compile(r"\$?([A-Z]*)\$?([0-9]*)")


def column_number(letters):
    """The 1-based number of a column's letters: "A" -> 1, "AA" -> 27."""
    number = 0
    for character in letters:
        number = number * 26 + ord(character) - ord("A") + 1
    return number


def column_letters(number):
    """The letters of a 1-based column number: 1 -> "A", 27 -> "AA"."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# A cell's row and column packed in one number (row << COLUMN_BITS | column), as the upload's places keep them.
COLUMN_BITS = 15  # past XFD, column 16,384


def packed_cell(row, column):
    return row << COLUMN_BITS | column


def cell_name(packed):
    """The name of a packed cell: "C17"; "" for column 0 (a value that came from no cell)."""
    column = packed & ((1 << COLUMN_BITS) - 1)
    return f"{column_letters(column)}{packed >> COLUMN_BITS}" if column else ""


def open_workbook(data):
    """The python-calamine workbook of checked .xlsx bytes; Rejected if it cannot be opened.

    Sheets are read one at a time (``sheet_rows``); a sheet's cells are held by calamine
    only while it is read. Hidden sheets (the template's map) are read like the others.
    """
    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except CalamineError as error:
        raise Rejected.because(_("The file is damaged: it cannot be opened.")) from error


def worksheet_titles(workbook):
    """The titles of a calamine workbook's worksheets, hidden ones too, in the workbook's order; not chart sheets."""
    return [sheet.name for sheet in workbook.sheets_metadata if sheet.typ == SheetTypeEnum.WorkSheet]


def plain_value(value):
    """A calamine value as openpyxl gives it, which the readers were written for: None for an empty cell,
    12 for 12.0 (calamine reads every number as a float), a date as a datetime at midnight."""
    if value == "":
        return None
    kind = type(value)
    if kind is float:
        return int(value) if value.is_integer() and abs(value) < _EXACT_INTEGERS else value
    if kind is datetime.date:
        return datetime.datetime(value.year, value.month, value.day)
    return value


def sheet_rows(workbook, title):
    """(the column index of each row's first value, 0 for A; the rows as lists of values) of a sheet.

    calamine yields every row from row 1, but each from the sheet's first used column,
    and an empty cell as "": the callers place values by that offset. A sheet past the
    grid was refused before (``scan_sheets``); its end is checked again here.
    """
    try:
        sheet = workbook.get_sheet_by_name(title)
    except CalamineError as error:
        raise Rejected.because(_("The file is damaged: it cannot be opened.")) from error
    end = sheet.end
    if end and (end[0] >= MAX_ROWS or end[1] >= MAX_COLUMNS):
        raise Rejected([past_the_grid(title)])
    return (sheet.start[1] if sheet.start else 0), _rows_with_their_durations(sheet.iter_rows(), title)


def _rows_with_their_durations(rows, title):
    """calamine's rows; Rejected, naming the sheet, where calamine fails on a number in a format of hours
    ("[h]:mm") too large for a duration: it raises OverflowError, and does not say which cell."""
    try:
        yield from rows
    except OverflowError as error:
        message = _("A cell in a format of hours holds a number too large for a duration: format it as a number.")
        raise Rejected([Problem(message, sheet=title)]) from error


def past_the_grid(sheet_title):
    return Problem(
        _("The sheet reaches beyond column XFD or row 1,048,576, where Excel ends: copy its table into a new sheet."),
        sheet=sheet_title,
    )


class Package(NamedTuple):
    """The parts of an .xlsx file that its sheets are read through."""

    archive: zipfile.ZipFile
    sheets: list  # [(title, path of its XML part)], in the workbook's order
    parts: dict  # the workbook's other parts by kind: {"sharedStrings": path, "styles": path, ...}
    date1904: bool  # whether its dates count from 1904 (old Excel for Mac), not from 1900


def open_package(data):
    """The Package of .xlsx bytes, from the workbook's part alone; None if unreadable.

    The package's relationships name the workbook's part, and the workbook's own name each
    sheet's part (ECMA-376 part 2). Read here with the standard library, so that reading a
    file loads no openpyxl (17 MB with numpy in every process that imports).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        workbook_part = next(path for _id, kind, path in _relationships(archive, "") if kind == "officeDocument")
        targets, parts = {}, {}
        for relationship_id, kind, path in _relationships(archive, workbook_part):
            targets[relationship_id] = path
            parts.setdefault(kind, path)
        sheets, date1904 = [], False
        for element in parse_xml(archive.read(workbook_part)).iter():
            name = _local_name(element.tag)
            if name == "sheet":
                sheets.append((element.get("name"), targets[_relationship_id(element)]))
            elif name == "workbookPr":
                date1904 = element.get("date1904", "").lower() in ("1", "true")
    except (KeyError, ValueError, StopIteration, zipfile.BadZipFile, ParseError, DefusedXmlException):
        return None
    return Package(archive, sheets, parts, date1904)


def _relationships(archive, part):
    """[(id, the type's last word, path of the part named)] of ``part``'s relationships ("" for the package's)."""
    folder, name = posixpath.split(part)
    found = []
    for relationship in parse_xml(archive.read(posixpath.join(folder, "_rels", f"{name}.rels"))):
        target = relationship.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.append((relationship.get("Id"), relationship.get("Type", "").rsplit("/", 1)[-1], path))
    return found


def _relationship_id(element):
    """A sheet's r:id, whichever namespace prefix the file gives the relationships."""
    return next(value for attribute, value in element.attrib.items() if attribute.endswith("}id"))


def _local_name(tag):
    return tag.rsplit("}", 1)[-1]


def sheet_titles(data):
    """The sheets' titles of checked .xlsx bytes, from the workbook's part alone; [] if unreadable."""
    package = open_package(data)
    return [title for title, _target in package.sheets] if package else []


def scan_sheets(data):
    """{sheet title: {(row, column), 1-based: (kind, text)}} of the cells calamine does not tell apart.

    calamine gives a formula's computed value, and "" both for an empty cell and for a
    formula Excel never computed; it gives "" for an error too ("#DIV/0!"). Those cells
    are found in the sheets' XML: ("formula", whether Excel computed it: a value, or a text
    result, which may be "") and ("error", the error's text). Every sheet is also refused, naming it, if it claims
    or holds a cell past the grid. Unreadable parts are left to the reader to refuse.
    """
    package = open_package(data)
    if package is None:
        return {}
    found = {}
    for title, target in package.sheets:
        try:
            xml = package.archive.read(target)
        except (KeyError, ValueError, zipfile.BadZipFile):
            continue
        _check_within_the_grid(title, xml)
        found[title] = _formulas_and_errors(xml) if (b't="e"' in xml or _FORMULA.search(xml)) else {}
        del xml  # one sheet's XML at a time
    return found


def _check_within_the_grid(title, xml):
    head = xml[: xml.find(b"<sheetData")] if b"<sheetData" in xml else xml
    claimed = _CLAIMED_SIZE.search(head)
    if (claimed and beyond_the_grid(claimed[1].decode())) or _holds_a_far_cell(xml):
        raise Rejected([past_the_grid(title)])


def _formulas_and_errors(xml):
    """{(row, column): ("formula", whether computed) or ("error", text)} of a sheet's XML (see ``scan_sheets``)."""
    found = {}
    for match in _CELL.finditer(xml):
        attributes, body = match[1], match[2]
        reference = _REFERENCE.search(attributes)
        if reference is None:
            continue
        kind = _TYPE.search(attributes)
        kind = kind[1].decode() if kind else ""
        place = (int(reference[2]), column_number(reference[1].decode()))
        if kind == "e":
            value = _VALUE.search(body)
            found[place] = ("error", html.unescape(value[1].decode()) if value else "")
        elif _FORMULA.search(body):
            value = _VALUE.search(body)
            found[place] = ("formula", kind == "str" or bool(value and value[1]))
    return found


def beyond_the_grid(size):
    """True when a sheet's claimed size ("A1:C5") ends past the grid, or cannot be read as a size."""
    end = _SIZE_END.fullmatch(size.rsplit(":", 1)[-1].strip().upper())
    if end is None or not any(end.groups()):
        return True
    letters, row = end.groups()
    return (column_number(letters) if letters else 0) > MAX_COLUMNS or int(row or 0) > MAX_ROWS


def _holds_a_far_cell(xml):
    for match in _FAR_REFERENCE.finditer(xml):
        letters, row = (match[1], match[2]) if match[1] else (match[3], match[4])
        if len(letters) > 3 or column_number(letters.decode()) > MAX_COLUMNS or int(row) > MAX_ROWS:
            return True
    return False
