"""CSV and XLSX files of a table: every text cell safe from formula injection, numbers kept numeric.

openpyxl (with numpy, 16 MB) is imported by the function that writes an XLSX file: this module is
imported by the URLconf (the API's renderers, the charts' CSV), so a module-level import loaded it
into every web worker at its first request.
"""

import csv
import io
import itertools
import re
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet treats text starting with one of these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# An XLSX file is built in memory (about 20 s and 100 MB per 100,000 rows); beyond this, CSV streams.
MAX_XLSX_ROWS = 100_000
# Rows of a CSV written together into one chunk of the streamed response.
CSV_BLOCK_ROWS = 1000
# The control characters an XLSX file cannot hold: openpyxl's ILLEGAL_CHARACTERS_RE, which it
# raises on (tests/dsm_data/test_data_access.py keeps the two equal).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


class ExportTooLarge(Exception):
    """More rows than an XLSX file is built for: offer CSV instead."""


def safe_text(value):
    """Text that no spreadsheet will run, without the control characters XLSX refuses."""
    text = ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _number(value):
    """Decimal("1234.000") -> 1234: counts stay whole numbers in files."""
    return int(value) if value == value.to_integral_value() else float(value)


def _csv_cell(value):
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, (int, float)):
        return value
    return safe_text(value)


def csv_response(filename, header, rows, *, lines=None):
    """Streamed, so that a large export starts at once and never sits in memory.

    Written CSV_BLOCK_ROWS rows at a time, not one: a chunk of a response costs more than a row.
    ``lines``: instead of ``rows``, the lines of the file already written as CSV, cells made safe
    (``safe_text``), each ending with CRLF as the csv module ends them.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def taken():
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    def blocks():
        buffer.write("\ufeff")  # so that Excel opens UTF-8 (Cyrillic) correctly
        writer.writerow(header)
        yield taken()
        if lines is not None:
            while block := "".join(itertools.islice(lines, CSV_BLOCK_ROWS)):
                yield block
            return
        iterator = iter(rows)
        while block := list(itertools.islice(iterator, CSV_BLOCK_ROWS)):
            writer.writerows([_csv_cell(value) for value in row] for row in block)
            yield taken()

    response = StreamingHttpResponse(blocks(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(filename, sheet_title, header, rows):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.append([_xlsx_cell(sheet, value, WriteOnlyCell) for value in header])
    for number, row in enumerate(rows, start=1):
        if number > MAX_XLSX_ROWS:
            _discard(sheet)
            raise ExportTooLarge
        sheet.append([_xlsx_cell(sheet, value, WriteOnlyCell) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _discard(sheet):
    """Finish a write-only sheet given up half-way and delete its temporary file. Left as it is, the
    file stays until the worker ends and openpyxl raises errors when the sheet is collected; openpyxl
    has no public way to do this."""
    sheet.close()
    sheet._writer.cleanup()


def _xlsx_cell(sheet, value, cell_class):
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, (int, float)):
        return value
    cell = cell_class(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(value)))
    cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell
