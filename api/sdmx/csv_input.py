"""SDMX-CSV in: a message read into the rows of the portal's native long table, for the write API.

``long_table_rows`` reads SDMX-CSV 2.0 (``STRUCTURE``, ``STRUCTURE_ID`` …) and 1.0 (``DATAFLOW`` …) and
gives one dict per observation, keyed by the long table's columns (``dsm_data.intake.records``):

- ``indicator``: the flow's id (``DSM:WORK_PERMITS(1.0)`` -> ``WORK_PERMITS``);
- ``country``: REF_AREA; ``period``: TIME_PERIOD as the portal codes it (2024, 2024-Q1, 2024-03;
  2024-A1 and 2024-M03 are read too; anything else is passed on for the intake to refuse);
- one key per breakdown column, by its upper-case code (``SEX``), its text as given ("" if empty);
- ``value``: OBS_VALUE, or for a missing one the code of why (``:`` ``z`` ``c``, from OBS_STATUS and
  CONF_STATUS as ``vocabulary`` maps them); ``flag``: OBS_STATUS's flag after a number (``p``, ``e``), else "";
- ``footnote``: COMMENT; ``comment``: the optional DSM_COMMENT column (what answers a warning);
- ``row``: the line the observation starts on, the header being line 1.

Columns: FREQ, STRUCTURE_NAME and ACTION are read or skipped; a column that is neither SDMX's,
ours nor a breakdown of the catalogue is refused, as is a missing required one. An observation
"not collected" (OBS_STATUS L, no value) is no figure and gives no row. Nothing is written here:
the intake checks the rows as it checks a long table's.
"""

import csv
import re

from django.utils.translation import gettext as _

from dsm_data.intake.problems import Problem, Rejected
from dsm_data.intake.table_rows import letter
from dsm_data.selectors import catalogue

from . import vocabulary as words

SHEET = "SDMX-CSV"
FLOW_COLUMNS = ("STRUCTURE_ID", "DATAFLOW")  # 2.0, 1.0
REQUIRED = (words.AREA, words.TIME, words.MEASURE)
OPTIONAL = (words.FREQUENCY, words.STATUS, words.CONFIDENTIALITY, words.COMMENT, "DSM_COMMENT")
SKIPPED = ("STRUCTURE", "STRUCTURE_NAME", "ACTION")
DELETE = "D"
# AGENCY:ID(VERSION), each part but the id optional; a URN's tail "=AGENCY:ID(VERSION)" too.
_FLOW_REFERENCE = re.compile(r"(?:.*=)?(?:[^:]+:)?(?P<id>[^:(]+)(?:\([^)]*\))?")
_MISSING_NUMBERS = ("", "NAN")


def long_table_rows(data, *, dimension_codes=None):
    """The observations of an SDMX-CSV message as long-table rows (see above); Rejected with every problem.

    ``dimension_codes``: the breakdowns a column may name (default: every dimension of the catalogue).
    """
    lines = _text(data).splitlines(keepends=True)
    if not lines:
        raise Rejected([Problem(_("The SDMX-CSV message is empty."), sheet=SHEET)])
    reader = csv.reader(lines, delimiter=_delimiter(lines[0]))
    header = [_code(name) for name in next(reader)]
    if dimension_codes is None:
        dimension_codes = catalogue.dimension_codes()
    columns = _columns(header, {code.upper() for code in dimension_codes})
    rows, problems, line = [], [], reader.line_num
    for values in reader:
        first_line, line = line + 1, reader.line_num
        if not any(value.strip() for value in values):
            continue
        texts = {name: values[index].strip() if index < len(values) else "" for name, index in columns.items()}
        row = _row(texts, first_line, columns, problems)
        if row is not None:
            rows.append(row)
    if problems:
        raise Rejected(problems)
    return rows


def _text(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Rejected([Problem(_("The SDMX-CSV message is not UTF-8 text."), sheet=SHEET)]) from None


def _delimiter(header_line):
    """SDMX-CSV's comma, or the semicolon or tab some tools write instead."""
    return max((",", ";", "\t"), key=header_line.count)


def _code(text):
    """A header or a coded value without its label: "SEX: Sex" -> "SEX" (SDMX-CSV's ``labels=both``)."""
    return text.split(": ", 1)[0].strip()


def _columns(header, dimension_codes):
    """{column name: index}: the flow, the required columns, the optional ones and the breakdowns; Rejected
    naming the columns seen and the ones needed when one is missing or unknown."""
    columns, unknown = {}, []
    for index, name in enumerate(header):
        upper = re.sub(r"\[.*\]$", "", name).upper()  # STRUCTURE[;] names a sub-delimiter
        if upper in (*FLOW_COLUMNS, *REQUIRED, *OPTIONAL, *SKIPPED) or upper in dimension_codes:
            columns[upper] = index
        elif upper:
            unknown.append(name)
    missing = [name for name in REQUIRED if name not in columns]
    if not any(name in columns for name in FLOW_COLUMNS):
        missing.insert(0, " / ".join(FLOW_COLUMNS))
    if not unknown and not missing:
        return columns
    hint = _("an SDMX-CSV message needs %(needed)s; it may have %(optional)s and a column per breakdown: %(dims)s") % {
        "needed": ", ".join([" / ".join(FLOW_COLUMNS), *REQUIRED]),
        "optional": ", ".join(OPTIONAL),
        "dims": ", ".join(sorted(dimension_codes)) or "—",
    }
    seen = ", ".join(f"“{name}”" for name in header)
    problems = [
        Problem(_("Unknown column “%(name)s”; the columns are %(seen)s.") % {"name": name, "seen": seen}, sheet=SHEET,
                cell=f"{letter(header.index(name))}1", hint=hint)
        for name in unknown
    ]  # fmt: skip
    if missing:
        message = _("Missing column %(missing)s; the columns are %(seen)s.")
        problems.append(Problem(message % {"missing": ", ".join(missing), "seen": seen}, sheet=SHEET, hint=hint))
    raise Rejected(problems)


def _row(texts, line, columns, problems):
    """The long-table row of one observation, or None: not collected, or a problem noted in ``problems``."""

    def problem(name, message, group):
        problems.append(Problem(message, sheet=SHEET, cell=f"{letter(columns[name])}{line}", group=group))

    if texts.get("ACTION", "").upper() == DELETE:
        problem("ACTION", _("Figures cannot be deleted through SDMX: send “:” (not available) instead."), _("ACTION D"))
        return None
    status = _code(texts.get(words.STATUS, "")).upper()
    confidentiality = _code(texts.get(words.CONFIDENTIALITY, "")).upper()
    number = texts[words.MEASURE] if texts[words.MEASURE].upper() not in _MISSING_NUMBERS else ""
    flag = words.flag(status, confidentiality)
    if flag is None:
        message = _("Unknown OBS_STATUS “%(code)s”: give one of %(known)s.")
        known = ", ".join(words.FLAG_OF_STATUS)
        problem(
            words.STATUS,
            message % {"code": status, "known": known},
            _("Unknown OBS_STATUS “%(code)s”") % {"code": status},
        )
        return None
    if number and flag == "c":
        message = _("A confidential figure (CONF_STATUS C) comes with its number: leave OBS_VALUE empty, "
                    "every number the portal stores is published.")  # fmt: skip
        problem(words.MEASURE, message, _("A confidential figure with its number"))
        return None
    if not number and status == words.NOT_COLLECTED:
        return None
    flow_column = next(name for name in FLOW_COLUMNS if name in columns)
    reference = _FLOW_REFERENCE.fullmatch(texts[flow_column])
    breakdowns = {name: _code(text).upper() for name, text in texts.items() if name not in _NOT_BREAKDOWNS}
    if number:  # a flag of absence on a number ("5" with OBS_STATUS O) is left for the intake to refuse
        value = number
    else:  # why there is no number: ":" unless the status says "z" or "c"
        value, flag = flag if flag in ("z", "c") else ":", ""
    return {
        "indicator": reference["id"] if reference else texts[flow_column],
        "country": _code(texts[words.AREA]).upper(),
        "period": words.period_code(texts[words.TIME]) or texts[words.TIME],
        **breakdowns,
        "value": value,
        "flag": flag,
        "footnote": texts.get(words.COMMENT, ""),
        "comment": texts.get("DSM_COMMENT", ""),
        "row": line,
    }


_NOT_BREAKDOWNS = {*FLOW_COLUMNS, *REQUIRED, *OPTIONAL, *SKIPPED}
