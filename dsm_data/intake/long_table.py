"""A long table of figures, CSV or Excel: one figure per row, as a secretariat loads past years.

The columns are ``indicator, country, period, <one per dimension>, value, flag, footnote``.
Title rows above the header (merged cells included) and empty rows are skipped; every
other problem is reported with its row and column, and nothing is returned unless all
is good. This module reads and checks only: services store.
"""

import csv
import io
import itertools

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from ..cells import apply_flag, cell_from_spreadsheet
from ..grid import build_grid, series_key
from ..models import TOTAL_CODE, Country, Dimension, Indicator, Period
from . import sheets
from .figures import Upload, counted, rule_errors
from .problems import Problem, Rejected

REQUIRED_COLUMNS = ("indicator", "country", "period", "value")
OPTIONAL_COLUMNS = ("flag", "footnote")
CSV_DELIMITERS = ",;\t"


def workbook_rows(data):
    """(sheet title, row number, [(column letter, value)]) of the first sheet, every cell counted."""
    workbook = sheets.open_workbook(data, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        rows = []
        used = 0
        for number, row in enumerate(sheets.sheet_rows(sheet), start=1):
            used = counted(used, sum(value is not None for value in row))
            rows.append(
                (sheet.title, number, [(get_column_letter(index), value) for index, value in enumerate(row, 1)])
            )
        return rows
    finally:
        workbook.close()


def csv_rows(data):
    """The same shape as ``workbook_rows`` for a UTF-8 CSV file, separated by , ; or tab."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Rejected.because(_("The CSV file is not in UTF-8: save it again as “CSV UTF-8”.")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    stream = io.StringIO(text, newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    rows, used, start = [], 0, 0
    for number in itertools.count(1):
        try:
            row = next(reader, None)
        except csv.Error as error:
            raise Rejected([_unreadable_line(text[start:], delimiter, number)]) from error
        if row is None:
            return rows
        if len(row) > sheets.MAX_COLUMNS:
            message = _("Row %(number)s has more than %(limit)s columns.")
            raise Rejected([Problem(message % {"number": number, "limit": sheets.MAX_COLUMNS}, sheet="CSV")])
        used = counted(used, sum(bool(value.strip()) for value in row))
        rows.append(("CSV", number, [(get_column_letter(index), value) for index, value in enumerate(row, 1)]))
        start = stream.tell()  # the reader takes whole lines, one line (or quoted lines) per row


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
                    sheet="CSV",
                    cell=f"{get_column_letter(min(column, sheets.MAX_COLUMNS))}{number}",
                )
    return Problem(_("Row %(number)s cannot be read as CSV.") % {"number": number}, sheet="CSV")


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_table(rows):
    """Every figure of a long table, grouped into one Upload per country and period."""
    header_at = next(
        (index for index, (_sheet, _number, cells) in enumerate(rows) if _is_header(cells)),
        None,
    )
    if header_at is None:
        raise Rejected.because(
            _("No header row found: a long table needs the columns %(columns)s.")
            % {"columns": ", ".join(REQUIRED_COLUMNS)}
        )
    sheet, header_number, header_cells = rows[header_at]
    columns, dimension_columns, problems = _columns(sheet, header_number, header_cells)
    if problems:
        raise Rejected(problems)
    reader = _TableReader(columns, dimension_columns)
    for sheet, number, cells in rows[header_at + 1 :]:
        values = dict(cells)
        if all(_text(value) == "" for value in values.values()):
            continue  # an empty row, or a merged cell's shadow
        reader.read_row(sheet, number, values)
    if reader.problems:
        raise Rejected(reader.problems)
    uploads = list(reader.uploads.values())
    if not uploads:
        raise Rejected([Problem(_("The table holds no figures."), sheet=sheet)])
    for upload in uploads:
        reader.problems += rule_errors(upload)
    if reader.problems:
        raise Rejected(reader.problems)
    return uploads


def _is_header(cells):
    names = {_text(value).lower() for _letter, value in cells}
    return all(name in names for name in REQUIRED_COLUMNS)


def _columns(sheet, number, cells):
    """{column name: letter} of the known columns, {dimension code: letter}, and problems."""
    columns, dimensions, problems = {}, {}, []
    known_dimensions = {code.upper() for code in Dimension.objects.values_list("code", flat=True)}
    for letter, value in cells:
        name = _text(value)
        if not name:
            continue
        if name.lower() in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
            columns[name.lower()] = letter
        elif name.upper() in known_dimensions:
            dimensions[name.upper()] = letter
        else:
            problems.append(
                Problem(
                    _("Unknown column “%(name)s”: not a dimension of any indicator.") % {"name": name},
                    sheet=sheet,
                    cell=f"{letter}{number}",
                )
            )
    return columns, dimensions, problems


class _TableReader:
    """Reads rows one by one, collecting figures per country and period and every problem on the way."""

    def __init__(self, columns, dimension_columns):
        self.columns = columns
        self.dimension_columns = dimension_columns
        self.indicators = {indicator.code.upper(): indicator for indicator in Indicator.objects.all()}
        self.countries = {country.code.upper(): country for country in Country.objects.all()}
        self.periods = {period.code.upper(): period for period in Period.objects.all()}
        self.grids = {}
        self.uploads = {}
        self.seen = {}
        self.problems = []

    def _problem(self, sheet, column, number, message):
        letter = self.columns.get(column) or self.dimension_columns.get(column, "")
        self.problems.append(Problem(message, sheet=sheet, cell=f"{letter}{number}"))

    def read_row(self, sheet, number, values):
        def cell(column):
            return _text(values.get(self.columns.get(column, "")))

        indicator = self.indicators.get(cell("indicator").upper())
        country = self.countries.get(cell("country").upper())
        period = self.periods.get(cell("period").upper())
        for column, found, message in (
            ("indicator", indicator, _("Unknown indicator “%(code)s”.")),
            ("country", country, _("Unknown country “%(code)s”.")),
            ("period", period, _("Unknown period “%(code)s”.")),
        ):
            if found is None:
                self._problem(sheet, column, number, message % {"code": cell(column)})
        if None in (indicator, country, period):
            return
        series = self._series(sheet, number, values, indicator)
        entry = self._entry(sheet, number, values)
        if series is None or entry is None:
            return
        place = (country.pk, period.pk, series.pk)
        if place in self.seen:
            self._problem(
                sheet, "value", number, _("The same figure is given twice, in rows %(first)s and %(second)s.")
                % {"first": self.seen[place], "second": number}
            )  # fmt: skip
            return
        self.seen[place] = number
        upload = self.uploads.get((country.pk, period.pk))
        if upload is None:
            upload = self.uploads[(country.pk, period.pk)] = Upload(country=country, period=period)
        upload.grids[indicator.code] = self.grids[indicator.code]
        upload.cells.setdefault(indicator, {})[series.pk] = entry
        upload.places[series.pk] = (sheet, f"{self.columns['value']}{number}")

    def _series(self, sheet, number, values, indicator):
        grid = self.grids.get(indicator.code)
        if grid is None:
            grid = self.grids[indicator.code] = build_grid(indicator)
        own = {dimension.code.upper() for dimension in grid.dimensions}
        for code, letter in self.dimension_columns.items():
            if code not in own and _text(values.get(letter)) not in ("", TOTAL_CODE):
                self._problem(
                    sheet, code, number, _("%(indicator)s has no breakdown by %(dimension)s.")
                    % {"indicator": indicator.code, "dimension": code}
                )  # fmt: skip
                return None
        categories = []
        for dimension in grid.dimensions:
            code = _text(values.get(self.dimension_columns.get(dimension.code.upper(), ""))) or TOTAL_CODE
            category = next((item for item in dimension.ordered_categories if item.code.upper() == code.upper()), None)
            if category is None:
                self._problem(
                    sheet, dimension.code.upper(), number, _("Unknown category “%(code)s” of %(dimension)s.")
                    % {"code": code, "dimension": dimension.code}
                )  # fmt: skip
                return None
            categories.append(category)
        return grid.series_by_key.get(series_key(categories))

    def _entry(self, sheet, number, values):
        raw = values.get(self.columns["value"])
        flag = _text(values.get(self.columns.get("flag", "")))
        try:
            entry = cell_from_spreadsheet(raw)
        except ValueError:
            self._problem(sheet, "value", number, _("“%(text)s” is not a number.") % {"text": _text(raw)})
            return None
        if not apply_flag(entry, flag):
            flag = flag.lower().replace(" ", "")
            self._problem(
                sheet, "flag", number, _("Unknown flag “%(flag)s”: use : c z without a number, or p e after one.")
                % {"flag": flag}
            )  # fmt: skip
            return None
        if entry.is_blank:
            self._problem(sheet, "value", number, _("No value and no flag: give a number or one of the codes : c z."))
            return None
        entry.footnote = _text(values.get(self.columns.get("footnote", "")))
        return entry
