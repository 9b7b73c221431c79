"""The rows of a table file, CSV or xlsx, as plain values: what long tables and mappings read.

``read_rows`` takes bytes already checked by ``reading`` (size, type, archive limits)
and gives the chosen sheet's non-empty rows, numbered as the file numbers them,
each a list of values from column A, read from the file as they are asked for.
A workbook's sheet is read a row at a time from its XML (``xlsx_rows``; python-calamine,
which reads the templates through ``sheets``, holds a whole sheet). Every filled cell counts against
``figures.MAX_USED_CELLS`` (read through a mapping, only the cells of the columns it
reads, once its header is found); past it the file is refused, telling its own count.
"""

import csv
import itertools
import re

from django.utils.translation import gettext as _

from . import figures, sheets, xlsx_rows
from .problems import Problem, Rejected

CSV = "CSV"
CSV_DELIMITERS = ",;\t"
ZIP_SIGNATURE = b"PK\x03\x04"
HEADER_SEARCH_ROWS = 30


class SheetRows:
    """One sheet's non-empty rows, (row number, [value of column A, B, ...]), read from the file as they are
    asked for: a long table's 50,000 rows (19 MB as lists of texts) are never all held at once.

    ``head()`` gives the rows from the first and keeps them (to find a header, or show the first
    ones); ``taken()`` gives every row once and lets each go. Past the cap of filled cells the
    rows end in Rejected, telling the file's own count.
    """

    def __init__(self, title, rows, *, sheets=()):
        self.title = title  # the sheet's title, or "CSV"
        self.sheets = list(sheets)  # every sheet's title of the workbook ([] for CSV)
        self._unread = iter(rows)
        self._kept = []  # the rows head() has read

    def head(self):
        """The rows from the first, each read from the file at most once and kept."""
        index = 0
        while True:
            if index == len(self._kept):
                row = next(self._unread, None)
                if row is None:
                    return
                self._kept.append(row)
            yield self._kept[index]
            index += 1

    def first(self, count):
        return list(itertools.islice(self.head(), count))

    def read_to_the_end(self):
        """Read the rows not yet read, keeping none: Rejected if the file is over the cap."""
        for _row in self._unread:
            pass

    def taken(self):
        """Every row once, from the first, none kept: afterwards there are no rows."""
        self._kept.reverse()
        while self._kept:
            yield self._kept.pop()
        yield from self._unread


def read_rows(data, *, sheet="", columns=None):
    """The SheetRows of a checked CSV or xlsx file's ``sheet`` (the first when ""); Rejected if unreadable.

    ``columns``, if given, is called with each non-empty row (number, values) until it
    returns the indices of the columns to read (a mapping's, once its header is found):
    the rows under that one keep and count only those columns. Until then rows are whole.
    """
    if data.startswith(ZIP_SIGNATURE):
        return workbook_rows(data, sheet=sheet, columns=columns)
    return csv_rows(data, columns=columns)


def text_of(value):
    """A cell's value as text: "" for an empty cell, 2019 for 2019.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def letter(index):
    """The column letter of a 0-based index: 0 -> "A"."""
    return sheets.column_letters(index + 1)


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


def is_filled(value):
    """Whether a cell holds something: a number (0 too), a date, a text other than spaces."""
    return value is not None and (not isinstance(value, str) or value.strip() != "")


def _kept(rows, *, sheet, columns=None):
    """The non-empty rows of ``rows`` [(number, values)], their filled cells counted against the cap.

    Past the cap the rows are still counted (not given) to tell the file's own count, in the
    Rejected that ends them. Given ``columns`` (see ``read_rows``), the rows under the header
    it finds keep, and count, only the columns it names; the others are None.
    """
    used, kept = 0, None  # the column indices kept once the header is found; None: every column
    for number, values in rows:
        if kept is not None:
            values = _narrowed(values, kept)
        filled = sum(map(is_filled, values))
        used += filled
        if not filled or used > figures.MAX_USED_CELLS:
            continue
        yield number, values
        if columns is not None and kept is None:
            found = columns(number, values)
            if found is not None:
                kept = sorted(set(found))
    if used > figures.MAX_USED_CELLS:
        if columns is None:
            message = _("The file has %(count)s filled cells; at most %(limit)s are read.")
        else:
            message = _("The columns the mapping reads have %(count)s filled cells; at most %(limit)s are read.")
        raise figures.over_the_cap(message, used, sheet=sheet)


def _narrowed(values, kept):
    """The row with only the kept columns' values, at their places."""
    if not kept:
        return []
    length = len(values)
    narrowed = [None] * (kept[-1] + 1)
    for index in kept:
        if index < length:
            narrowed[index] = values[index]
    return narrowed


def workbook_rows(data, *, sheet="", columns=None):
    """The SheetRows of checked .xlsx bytes' ``sheet`` (the first when ""); ``columns`` as for ``read_rows``."""
    package = sheets.open_package(data)
    titles = [title for title, _part in package.sheets] if package else []
    if not titles:
        raise Rejected.because(_("The file is damaged: it cannot be opened."))
    if sheet and sheet not in titles:
        raise Rejected.because(
            _("The workbook has no sheet “%(sheet)s”; its sheets: %(sheets)s.")
            % {"sheet": sheet, "sheets": ", ".join(titles)}
        )
    title = sheet or titles[0]
    rows = _kept(xlsx_rows.sheet_rows(package, title), sheet=title, columns=columns)
    return SheetRows(title, rows, sheets=titles)


def csv_rows(data, *, columns=None):
    """The SheetRows of a UTF-8 CSV file, separated by , ; or tab; ``columns`` as for ``read_rows``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Rejected.because(_("The CSV file is not in UTF-8: save it again as “CSV UTF-8”.")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    return SheetRows(CSV, _kept(_csv_records(text, delimiter), sheet=CSV, columns=columns))


def _csv_records(text, delimiter):
    """Every row of a CSV text, numbered from 1 as Excel numbers them; Rejected at a row it cannot read."""
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter)
    start = 0
    for number in itertools.count(1):
        try:
            row = next(reader, None)
        except csv.Error as error:
            raise Rejected([_unreadable_line(text[start:], delimiter, number)]) from error
        if row is None:
            return
        if len(row) > sheets.MAX_COLUMNS:
            message = _("Row %(number)s has more than %(limit)s columns.")
            raise Rejected([Problem(message % {"number": number, "limit": sheets.MAX_COLUMNS}, sheet=CSV)])
        yield number, row
        start = lines.position  # the reader takes whole lines, one line (or quoted lines) per row


class _Lines:
    """A CSV text's lines with their endings (\\r\\n, \\r or \\n), one at a time, as a file opened with
    ``newline=""`` gives them to the csv module; ``position``: where the next one starts. Not io.StringIO,
    which held four bytes for each character of the file."""

    _ENDING = re.compile(r"\r\n?|\n")

    def __init__(self, text):
        self.text = text
        self.position = 0

    def __iter__(self):
        text, ending = self.text, self._ENDING
        while self.position < len(text):
            found = ending.search(text, self.position)
            start, self.position = self.position, found.end() if found else len(text)
            yield text[start : self.position]


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
                    cell=f"{sheets.column_letters(min(column, sheets.MAX_COLUMNS))}{number}",
                )
    return Problem(_("Row %(number)s cannot be read as CSV.") % {"number": number}, sheet=CSV)
