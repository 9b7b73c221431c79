"""A worksheet's rows read from its XML one at a time, for long tables: memory does not grow with the sheet.

python-calamine, which reads the templates, reads a whole sheet before it gives the first row:
its Python binding cannot hand out rows lazily (python-calamine issue 42). A long table of
50,000 rows held 20 MB that way, beside the figures made from it. openpyxl's read-only mode
streams, but read that sheet 20 times slower than calamine. The standard library's iterparse
(through defusedxml, which refuses entities) reads it about 4 times slower than calamine, in
constant memory: the sheet's part is inflated as it is parsed, and each row is let go once read.

The values are the ones calamine gives, so a sheet reads alike either way
(tests/dsm_data/test_xlsx_rows.py reads one workbook both ways): "" for an empty cell or an
error, every number a float, and a number in a date format a date, datetime or time (a
duration, as "[h]:mm", a timedelta).
"""

import datetime
import re
import zipfile

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse
from django.utils.translation import gettext as _

from . import sheets
from .problems import Rejected

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_CELL, _VALUE, _ROW, _SHEET_DATA = f"{_MAIN}c", f"{_MAIN}v", f"{_MAIN}row", f"{_MAIN}sheetData"
_DIMENSION, _INLINE, _TEXT, _RUN = f"{_MAIN}dimension", f"{_MAIN}is", f"{_MAIN}t", f"{_MAIN}r"
_STRING_ITEM, _NUMBER_FORMAT, _CELL_FORMATS = f"{_MAIN}si", f"{_MAIN}numFmt", f"{_MAIN}cellXfs"

# Excel's built-in number formats that are dates or times (ECMA-376 part 1, 18.8.30), as calamine has them;
# 46 ("[h]:mm:ss") is a duration.
_BUILT_IN_DATES = {*range(14, 23), *range(27, 37), 45, 47, *range(50, 59), *range(71, 82)}
_BUILT_IN_DURATIONS = {46}
# What a format code shows as is, not as a part of a date: "quoted text", an \escaped character, [a colour].
_LITERAL = re.compile(r'"[^"]*"|\\.|\[(?![hms]+\])[^\]]*\]', re.IGNORECASE)
_DATE_PART = re.compile(r"[dmyhs]", re.IGNORECASE)
_ELAPSED = re.compile(r"\[[hms]+\]", re.IGNORECASE)
# Excel's escape of a character XML cannot hold: "_x000D_" for a carriage return.
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def sheet_rows(package, title):
    """Every row that has a cell of the sheet ``title`` of a ``sheets.Package``: (number, [values from column A]).

    Rejected if the file cannot be read (at the row where it breaks), or if the sheet claims or
    holds a cell past Excel's grid.
    """
    part = dict(package.sheets).get(title)
    if part is None:
        raise _damaged()
    try:
        strings = _shared_strings(package)
        kinds = _cell_kinds(package)
        source = package.archive.open(part)
    except (KeyError, zipfile.BadZipFile, ParseError, DefusedXmlException, ValueError) as error:
        raise _damaged() from error
    with source:
        try:
            yield from _rows(source, title, _Values(strings, kinds, package.date1904))
        except (zipfile.BadZipFile, ParseError, DefusedXmlException, ValueError, IndexError, EOFError) as error:
            raise _damaged() from error


def _damaged():
    return Rejected.because(_("The file is damaged: it cannot be opened."))


def _rows(source, title, values):
    """(number, values) of each row of a sheet's XML, read as it is parsed; each row let go once given."""
    number, sheet_data = 0, None
    for event, element in iterparse(source, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _SHEET_DATA:
                sheet_data = element  # emptied after each row, so that the rows read are not kept
            continue
        if tag == _ROW:
            number = int(element.get("r") or number + 1)
            if number > sheets.MAX_ROWS:
                raise Rejected([sheets.past_the_grid(title)])
            row = _row_values(element, title, values)
            (sheet_data if sheet_data is not None else element).clear()
            if row:
                yield number, row
        elif tag == _DIMENSION and sheets.beyond_the_grid(element.get("ref", "A1")):
            raise Rejected([sheets.past_the_grid(title)])


def _row_values(row, title, values):
    """[value of column A, B, ...] of a row's cells, "" where it has none, up to its last cell."""
    found = []
    for cell in row:
        if cell.tag != _CELL:
            continue
        reference = cell.get("r")
        column = sheets.column_number(reference.rstrip("0123456789")) if reference else len(found) + 1
        if column > sheets.MAX_COLUMNS:
            raise Rejected([sheets.past_the_grid(title)])
        if column > len(found) + 1:
            found.extend([""] * (column - len(found) - 1))
        value = values.of(cell)
        if column == len(found) + 1:
            found.append(value)
        else:  # a cell named twice, or out of order: the last one read, as calamine keeps it
            found[column - 1] = value
    return found


class _Values:
    """A cell's value as calamine gives it, from the workbook's shared strings, cell formats and date system."""

    def __init__(self, strings, kinds, date1904):
        self.strings, self.kinds = strings, kinds
        self.epoch = datetime.datetime(1904, 1, 1) if date1904 else datetime.datetime(1899, 12, 30)
        self.date1904 = date1904

    def of(self, cell):
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(_INLINE)
            return _text(inline) if inline is not None else ""
        value = cell.find(_VALUE)
        text = value.text if value is not None else None
        if not text:
            return ""
        if kind == "s":
            return self.strings[int(text)]
        if kind == "str":
            return _unescaped(text)
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "e":
            return ""
        if kind == "d":
            return _iso_date(text)
        number = float(text)
        style = cell.get("s")
        shown_as = self.kinds.get(int(style)) if style else None
        if shown_as is None:
            return number
        if shown_as == "duration":
            return _duration(number)
        return self.moment(number)

    def moment(self, serial):
        """A date serial as calamine reads it: a time under a day, a date when whole, else a datetime; the number
        itself if no date can hold it (before the year 1 or after 9999)."""
        try:
            if serial < 1 and not self.date1904:
                return (datetime.datetime.min + datetime.timedelta(milliseconds=round(serial * 86_400_000))).time()
            # Excel counts a 29 February 1900 that never was (60): the serials before it are a day off; calamine
            # reads 60 as the 28th.
            epoch = self.epoch if self.date1904 or serial >= 60 else self.epoch + datetime.timedelta(days=1)
            moment = epoch + datetime.timedelta(milliseconds=round(serial * 86_400_000))
        except OverflowError:
            return serial
        return moment.date() if serial == int(serial) else moment


def _duration(days):
    """A number of days in a duration's format ("[h]:mm") as a timedelta; the number itself if too long for one."""
    try:
        return datetime.timedelta(milliseconds=round(days * 86_400_000))
    except OverflowError:
        return days


def _iso_date(text):
    """An ISO 8601 date cell ("d"), which Excel writes only in strict files: a date, or a datetime."""
    moment = datetime.datetime.fromisoformat(text.strip().rstrip("Z"))
    return moment.date() if "T" not in text else moment


def _text(element):
    """The text of a shared or inline string: its text and its runs' texts, not the phonetic guides."""
    parts = []
    for child in element:
        if child.tag == _TEXT:
            parts.append(child.text or "")
        elif child.tag == _RUN:
            parts.extend(grandchild.text or "" for grandchild in child if grandchild.tag == _TEXT)
    return _unescaped("".join(parts))


def _unescaped(text):
    return _ESCAPED.sub(lambda match: chr(int(match[1], 16)), text) if "_x" in text else text


def _shared_strings(package):
    """The workbook's shared strings, in order ([] if it has none)."""
    path = package.parts.get("sharedStrings")
    if path is None:
        return []
    strings = []
    with package.archive.open(path) as source:
        for _event, element in iterparse(source):
            if element.tag == _STRING_ITEM:
                strings.append(_text(element))
                element.clear()
    return strings


def _cell_kinds(package):
    """{cell format's index: "date" or "duration"} of the cell formats whose numbers are dates or durations."""
    path = package.parts.get("styles")
    if path is None:
        return {}
    codes, formats = {}, []
    with package.archive.open(path) as source:
        for _event, element in iterparse(source):
            if element.tag == _NUMBER_FORMAT:
                codes[int(element.get("numFmtId"))] = element.get("formatCode", "")
            elif element.tag == _CELL_FORMATS:
                formats = [int(format_element.get("numFmtId", 0)) for format_element in element]
    kinds = {}
    for index, format_id in enumerate(formats):
        kind = _kind_of(format_id, codes.get(format_id))
        if kind:
            kinds[index] = kind
    return kinds


def _kind_of(format_id, code):
    """What a number format shows a number as: "date", "duration" or None (a custom code over a built-in id)."""
    if code is None:
        if format_id in _BUILT_IN_DURATIONS:
            return "duration"
        return "date" if format_id in _BUILT_IN_DATES else None
    if _ELAPSED.search(code):
        return "duration"
    shown = _LITERAL.sub("", code.split(";", 1)[0])
    return "date" if _DATE_PART.search(shown) else None
