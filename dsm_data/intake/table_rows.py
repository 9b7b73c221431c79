"""The rows of a table file, CSV or xlsx, as plain values: what long tables and mappings read.

``read_rows`` takes bytes already checked by ``reading`` (size, type, archive limits)
and returns the chosen sheet's non-empty rows, numbered as the file numbers them,
each a list of values from column A. Workbooks are read with python-calamine (many
times faster than openpyxl on a long sheet); templates are still read with openpyxl.
Every filled cell counts against ``figures.MAX_USED_CELLS``; past it the file is
refused, telling its own count.
"""

import csv
import io
import itertools
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter
from python_calamine import CalamineError, CalamineWorkbook

from . import figures, sheets
from .problems import Problem, Rejected

CSV = "CSV"
CSV_DELIMITERS = ",;\t"
ZIP_SIGNATURE = b"PK\x03\x04"
HEADER_SEARCH_ROWS = 30


@dataclass
class SheetRows:
    """One sheet's rows: [(row number, [value of column A, B, ...])], empty rows left out."""

    title: str  # the sheet's title, or "CSV"
    sheets: list = field(default_factory=list)  # every sheet's title of the workbook ([] for CSV)
    rows: list = field(default_factory=list)


def read_rows(data, *, sheet=""):
    """The SheetRows of a checked CSV or xlsx file's ``sheet`` (the first when ""); Rejected if unreadable."""
    if data.startswith(ZIP_SIGNATURE):
        return workbook_rows(data, sheet=sheet)
    return csv_rows(data)


def text_of(value):
    """A cell's value as text: "" for an empty cell, 2019 for 2019.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def letter(index):
    """The column letter of a 0-based index: 0 -> "A"."""
    return get_column_letter(index + 1)


def header_text(value):
    """A header as the mappings name it: its text with every run of spaces and line breaks made one space."""
    return " ".join(text_of(value).split())


def headers_of(values):
    """[(index, letter, text)] of a header row's non-empty cells; a repeated text numbered: "2019", "2019 (2)"."""
    seen, headers = {}, []
    for index, value in enumerate(values):
        text = header_text(value)
        if not text:
            continue
        seen[text.casefold()] = seen.get(text.casefold(), 0) + 1
        count = seen[text.casefold()]
        headers.append((index, letter(index), text if count == 1 else f"{text} ({count})"))
    return headers


def likely_header_row(rows):
    """The number of the first row, among the first ones, about as wide as the widest: titles above are narrower."""
    first = rows[:HEADER_SEARCH_ROWS]
    widths = [sum(bool(text_of(value)) for value in values) for _number, values in first]
    widest = max(widths, default=0)
    for (number, _values), width in zip(first, widths, strict=True):
        if width >= max(2, widest * 0.6):
            return number
    return first[0][0] if first else 1


class _Counter:
    """Filled cells so far; past the cap the rows are still counted (not kept) to tell the file's own count."""

    def __init__(self):
        self.used = 0

    def add(self, values):
        self.used += sum(bool(value) and (not isinstance(value, str) or bool(value.strip())) for value in values)
        return self.used <= figures.MAX_USED_CELLS

    def refusal(self, sheet):
        return Rejected(
            [
                Problem(
                    _("The file has %(count)s filled cells; at most %(limit)s are read.")
                    % {
                        "count": number_format(self.used, force_grouping=True),
                        "limit": number_format(figures.MAX_USED_CELLS, force_grouping=True),
                    },
                    sheet=sheet,
                )
            ]
        )


def workbook_rows(data, *, sheet=""):
    """The SheetRows of checked .xlsx bytes' ``sheet`` (the first when "")."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except CalamineError as error:
        raise Rejected.because(_("The file is damaged: it cannot be opened.")) from error
    try:
        titles = list(workbook.sheet_names)
        if not titles or (sheet and sheet not in titles):
            raise Rejected.because(
                _("The workbook has no sheet “%(sheet)s”; its sheets: %(sheets)s.")
                % {"sheet": sheet, "sheets": ", ".join(titles)}
            )
        title = sheet or titles[0]
        sheets.check_sheet_within_the_grid(data, title)
        values = workbook.get_sheet_by_name(title).to_python(skip_empty_area=False)
    except CalamineError as error:
        raise Rejected.because(_("The file is damaged: it cannot be opened.")) from error
    finally:
        workbook.close()
    result, counter = SheetRows(title=title, sheets=titles), _Counter()
    for number, row in enumerate(values, start=1):
        if len(row) > sheets.MAX_COLUMNS or number > sheets.MAX_ROWS:
            raise Rejected([sheets.past_the_grid(title)])
        if counter.add(row) and any(text_of(value) for value in row):
            result.rows.append((number, row))
    if counter.used > figures.MAX_USED_CELLS:
        raise counter.refusal(title)
    return result


def csv_rows(data):
    """The SheetRows of a UTF-8 CSV file, separated by , ; or tab."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Rejected.because(_("The CSV file is not in UTF-8: save it again as “CSV UTF-8”.")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    stream = io.StringIO(text, newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    result, counter, start = SheetRows(title=CSV), _Counter(), 0
    for number in itertools.count(1):
        try:
            row = next(reader, None)
        except csv.Error as error:
            raise Rejected([_unreadable_line(text[start:], delimiter, number)]) from error
        if row is None:
            break
        if len(row) > sheets.MAX_COLUMNS:
            message = _("Row %(number)s has more than %(limit)s columns.")
            raise Rejected([Problem(message % {"number": number, "limit": sheets.MAX_COLUMNS}, sheet=CSV)])
        if counter.add(row) and any(value.strip() for value in row):
            result.rows.append((number, row))
        start = stream.tell()  # the reader takes whole lines, one line (or quoted lines) per row
    if counter.used > figures.MAX_USED_CELLS:
        raise counter.refusal(CSV)
    return result


def _unreadable_line(rest, delimiter, number):
    """The Problem of a CSV row the reader refused (``rest``: the text from that row on): a field too long?"""
    limit = csv.field_size_limit()
    column, length, quoted = 1, 0, False
    for character in rest:
        if character == '"':
            quoted = not quoted
        elif character == delimiter and not quoted:
            column, length = column + 1, 0
        elif character in "\r\n" and not quoted:
            break
        else:
            length += 1
            if length > limit:
                return Problem(
                    _("The field is longer than %(limit)s characters: is this a table of figures?") % {"limit": limit},
                    sheet=CSV,
                    cell=f"{get_column_letter(min(column, sheets.MAX_COLUMNS))}{number}",
                )
    return Problem(_("Row %(number)s cannot be read as CSV.") % {"number": number}, sheet=CSV)
