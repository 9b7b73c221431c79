"""A write's body as the long table it means, so that one reader checks every channel (``dsm_data.intake``).

JSON and SDMX-CSV are written out as a native long table (``indicator, country, period,
<dimensions>, value, flag, footnote, comment, reason``); a posted CSV or xlsx long table is
read as it is. The table remembers where each of its rows came from, so that a problem the
reader finds in row 5, column E is told as the client wrote it: ``values[3].value`` in JSON,
``line 5, OBS_VALUE`` in SDMX-CSV.

The JSON a client posts::

    {"values": [{"indicator": "FOREIGN_RESIDENTS", "breakdown": {"SEX": "F"}, "value": 1234,
                 "flag": "p", "footnote": "", "comment": "why a warning is fine", "reason": ""}],
     "reason": "why published figures change (for the items that give none)"}

``value`` is a number, a text as typed in the grid (":", "c", "z", "1234 p") or null: not collected.
"""

import csv
import io
import json
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.utils.translation import gettext as _

from dsm_data.intake.problems import Problem, Rejected
from dsm_data.intake.table_rows import letter

from ..sdmx.csv_input import long_table_rows

JSON = "application/json"
SDMX_CSV = "application/vnd.sdmx.data+csv"
FIRST_COLUMNS = ["indicator", "country", "period"]
LAST_COLUMNS = ["value", "flag", "footnote", "comment", "reason"]
TEXT_FIELDS = ("indicator", "flag", "footnote", "comment", "reason")
# The SDMX-CSV columns the native ones were read from, to name a problem's place as the client wrote it.
SDMX_COLUMNS = {
    "indicator": "STRUCTURE_ID",
    "country": "REF_AREA",
    "period": "TIME_PERIOD",
    "value": "OBS_VALUE",
    "flag": "OBS_STATUS",
    "footnote": "COMMENT",
}


@dataclass
class LongTable:
    """The bytes the intake reads, and how to name one of its places in the client's own terms."""

    data: bytes
    source: str = ""  # "JSON" or "SDMX-CSV"; empty: the client's own long table
    header: list = field(default_factory=list)
    origins: dict = field(default_factory=dict)  # row of the table -> the client's item index or line number
    reason: str = ""
    first_with: dict = field(default_factory=dict)  # column -> origin of the first row that gives it

    def where(self, cell):
        """ "values[3].value" (JSON) or "line 7, OBS_VALUE" (SDMX-CSV) for a cell "E5" of the table."""
        column_letters = cell.rstrip("0123456789")
        row = int(cell[len(column_letters) :] or 0)
        column = self._columns_by_letter.get(column_letters, "")
        origin = self.first_with.get(column) if row == 1 else self.origins.get(row)
        if self.source == "JSON":
            path = f"values[{origin}]" if origin is not None else "values"
            if column in ("country", "period"):
                return path
            if column and column not in FIRST_COLUMNS + LAST_COLUMNS:
                return f"{path}.breakdown.{column}"
            return f"{path}.{column}" if column else path
        line = origin if origin is not None else row
        return _("line %(line)s, %(column)s") % {"line": line, "column": SDMX_COLUMNS.get(column, column)}

    @cached_property
    def _columns_by_letter(self):
        return {letter(index): name for index, name in enumerate(self.header)}

    def placed(self, problem):
        """The problem at its place in the client's body (unchanged for a long table posted as is)."""
        if not self.source or not problem.cell:
            return problem
        return replace(problem, sheet=self.source, cell=self.where(problem.cell))

    def warning_of(self, upload, warning):
        """A warning of the stored figures, as JSON: where, what, and whether its figure's comment answers it
        (one not answered stops the submission from being submitted)."""
        placed = self.placed(upload.place_of(warning))
        cell = next((cells[warning.series_id] for cells in upload.cells.values() if warning.series_id in cells), None)
        return {
            "message": str(placed.message),
            "where": placed.cell or placed.sheet,
            "answered": bool(cell is not None and cell.comment.strip()),
        }


def as_long_table(data, *, media_type, country, period):
    """The LongTable of a write's body; Rejected when JSON or SDMX-CSV cannot be read as figures."""
    if media_type == JSON:
        items, reason = _json_items(data)
        rows = [{**_json_row(item), "country": country.code, "period": period.code} for item in items]
        return _written(rows, source="JSON", origins=list(range(len(rows))), reason=reason)
    if media_type == SDMX_CSV:
        rows = long_table_rows(data)
        return _written(rows, source="SDMX-CSV", origins=[row.get("row") for row in rows])
    return LongTable(data)


def _written(rows, *, source, origins, reason=""):
    """The rows as a native long table (CSV, UTF-8), remembering each row's origin (table row 2 is the first)."""
    dimensions = []
    for row in rows:
        dimensions += [name for name in row if name not in _NOT_DIMENSIONS and name not in dimensions]
    header = FIRST_COLUMNS + dimensions + LAST_COLUMNS
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_text(row.get(name)) for name in header])
    table_origins = dict(enumerate(origins, start=2))
    first_with = {}  # a column's first row: where a problem of the header (an unknown column) is told
    for origin, row in zip(origins, rows, strict=True):
        for name in row:
            first_with.setdefault(name, origin)
    return LongTable(output.getvalue().encode(), source, header, table_origins, reason, first_with)


_NOT_DIMENSIONS = set(FIRST_COLUMNS + LAST_COLUMNS) | {"row"}


def _text(value):
    return "" if value is None else str(value)


def _json_items(data):
    """The ``values`` of a JSON body and its ``reason``, or Rejected naming what is missing or misshapen."""
    try:
        body = json.loads(data)
    except json.JSONDecodeError as error:
        where = {"line": error.lineno, "column": error.colno}
        raise Rejected.because(_("The body is not valid JSON (line %(line)s, column %(column)s).") % where) from None
    except UnicodeDecodeError:
        raise Rejected.because(_("The body is not valid JSON.")) from None
    if not isinstance(body, dict) or not isinstance(body.get("values"), list):
        raise Rejected.because(
            _("The body must be a JSON object with a list “values”."),
            hint=_('e.g. {"values": [{"indicator": "FOREIGN_RESIDENTS", "breakdown": {"SEX": "F"}, "value": 1234}]}'),
        )
    reason = body.get("reason") or ""
    problems = [] if isinstance(reason, str) else [Problem(_("“reason” must be a text."), sheet="JSON", cell="reason")]
    for index, item in enumerate(body["values"]):
        problems += _item_problems(item, f"values[{index}]")
    if problems:
        raise Rejected(problems)
    return body["values"], reason


def _item_problems(item, path):
    if not isinstance(item, dict):
        return [Problem(_("Each item of “values” must be an object."), sheet="JSON", cell=path)]
    problems = []
    unknown = sorted(set(item) - {"breakdown", *TEXT_FIELDS, "value"})
    for name in unknown:
        problems.append(
            Problem(
                _("Unknown field “%(name)s”.") % {"name": name},
                sheet="JSON",
                cell=f"{path}.{name}",
                group=_("Unknown field “%(name)s”") % {"name": name},
                hint=_("known fields: %(fields)s") % {"fields": ", ".join(["breakdown", *TEXT_FIELDS, "value"])},
            )
        )
    for name in TEXT_FIELDS:
        if not isinstance(item.get(name, ""), str):
            problems.append(
                Problem(_("“%(name)s” must be a text.") % {"name": name}, sheet="JSON", cell=f"{path}.{name}")
            )
    breakdown = item.get("breakdown", {})
    if not isinstance(breakdown, dict) or not all(isinstance(code, str) for code in breakdown.values()):
        problems.append(
            Problem(_("“breakdown” must map dimensions to category codes, e.g. {\"SEX\": \"F\"}."),
                    sheet="JSON", cell=f"{path}.breakdown")
        )  # fmt: skip
    value = item.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float | str | None):
        problems.append(
            Problem(_("“value” must be a number, a text such as “:” or “1234 p”, or null (not collected)."),
                    sheet="JSON", cell=f"{path}.value")
        )  # fmt: skip
    return problems


def _json_row(item):
    row = {name.upper(): code for name, code in item.get("breakdown", {}).items()}
    row.update({name: item.get(name, "") for name in TEXT_FIELDS})
    row["value"] = item.get("value")
    return row
