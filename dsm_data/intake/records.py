"""A table file's rows as long-table records: found by their header, or read through a mapping.

A native long table names its columns ``indicator, country, period, <one per
dimension>, value, flag, footnote, comment, reason`` in a header row (title rows
above it are skipped). A publisher's export is read through a ``MappingSpec``:
its columns by header text, its columns of values ("wide") each made a record,
fixed values added, suppression marks made flags. Either way each ``Record`` keeps
the cell every field came from, so that a problem names it.
"""

import itertools
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from ..cells import apply_flag, cell_from_spreadsheet
from .mapping import EVERY_OTHER, FIELDS, KEY_FIELDS, MappingSpec
from .problems import Problem, Rejected
from .table_rows import HEADER_SEARCH_ROWS, headers_of, letter, text_of

REQUIRED_COLUMNS = ("indicator", "country", "period", "value")
OPTIONAL_COLUMNS = ("flag", "footnote", "comment", "reason")
KNOWN_FLAGS = {":", "c", "z", "p", "e", "pe", "ep"}
ROWS_SHOWN = 5  # the first rows a "no header row" refusal lists
HEADER_SEARCH = HEADER_SEARCH_ROWS * 10  # the non-empty rows a mapped header is looked for in


@dataclass
class Record:
    """One figure's texts by field (the value as the file holds it), and where each came from.

    ``places`` (shared by the records of a layout): {field: (column letter, row number or
    None for the record's own row)}; a field not in it (fixed) came from no cell.
    """

    number: int
    texts: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)

    def cell(self, name):
        """The cell ``name`` came from: "C7", a column of values' header "D3", or "" when fixed."""
        column, row = self.places.get(name, ("", None))
        return f"{column}{row or self.number}" if column else ""


@dataclass
class Layout:
    """Where a sheet's fields are: the header's row, {field: column index}, the columns of values, and the rest."""

    header_row: int
    columns: dict
    wide: list = field(default_factory=list)  # [(column index, header text, {field: code})]
    fixed: dict = field(default_factory=dict)
    marks: dict = field(default_factory=dict)  # {text, any case: code of absence}
    flags: dict = field(default_factory=dict)  # a mapping's recodes of the flag column: {text, any case: flag}


def native_layout(sheet_rows, dimension_codes):
    """The Layout of a long table by its own header row (the first naming the required columns); else Rejected."""
    header = next((row for row in sheet_rows.head() if _names_the_required_columns(row[1])), None)
    if header is None:
        raise Rejected([_no_header(sheet_rows, ", ".join(REQUIRED_COLUMNS), _known_columns(dimension_codes))])
    number, values = header
    columns, problems = {}, []
    for index, value in enumerate(values):
        name = text_of(value)
        if not name:
            continue
        if name.lower() in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
            columns[name.lower()] = index
        elif name.upper() in dimension_codes:
            columns[name.upper()] = index
        else:
            problems.append(
                Problem(
                    _("Unknown column “%(name)s”: not a dimension of any indicator.") % {"name": name},
                    sheet=sheet_rows.title,
                    cell=f"{letter(index)}{number}",
                    group=_("Unknown column “%(name)s”") % {"name": name},
                    hint=_known_columns(dimension_codes),
                )
            )
    if problems:
        raise Rejected(problems)
    return Layout(header_row=number, columns=columns)


def _names_the_required_columns(values):
    names = {text_of(value).lower() for value in values}
    return all(name in names for name in REQUIRED_COLUMNS)


def _known_columns(dimension_codes):
    return _("known columns: %(columns)s; a column per breakdown: %(dimensions)s") % {
        "columns": ", ".join(REQUIRED_COLUMNS + OPTIONAL_COLUMNS),
        "dimensions": ", ".join(sorted(dimension_codes)) or "—",
    }


def _no_header(sheet_rows, needed, hint):
    """The refusal of a sheet without the header row looked for, listing the first rows it does hold."""
    seen = "; ".join(
        _("row %(number)s: %(texts)s")
        % {"number": number, "texts": ", ".join(f"“{text}”" for _index, _letter, text in headers_of(values))}
        for number, values in sheet_rows.first(ROWS_SHOWN)
    )
    return Problem(
        _("No header row found: a long table needs the columns %(columns)s. The first rows hold: %(rows)s.")
        % {"columns": needed, "rows": seen or _("nothing")},
        sheet=sheet_rows.title,
        hint=hint,
    )


def mapped_layout(sheet_rows, spec):
    """The Layout of a sheet read through ``spec``: its header row given, or the first holding the mapped headers."""
    candidates = sheet_rows.head()
    if spec.header_row is not None:
        candidates = ((number, values) for number, values in candidates if number == spec.header_row)
    for number, values in itertools.islice(candidates, HEADER_SEARCH):
        layout = _header_layout(number, values, spec)
        if layout is not None:
            return layout
    headers = ", ".join(f"“{header}”" for header in [*spec.columns, *list(spec.wide)[:5]])
    if spec.header_row is not None:
        headers = _("%(headers)s in row %(number)s") % {"headers": headers, "number": spec.header_row}
    raise Rejected([_no_header(sheet_rows, headers, _("the mapping names the columns by their header text"))])


def mapped_columns(spec):
    """For ``table_rows.read_rows``: a function of each non-empty row that, once the row is ``spec``'s header,
    names the columns the mapping reads; the rows under it keep (and count) only those.

    Where the header cannot be any more (past the given row, or the rows searched), it names
    none: nothing more is kept, and ``mapped_layout`` tells that no header was found.
    """
    searched = 0

    def columns(number, values):
        nonlocal searched
        searched += 1
        if spec.header_row is not None and number < spec.header_row:
            return None
        layout = _header_layout(number, values, spec) if spec.header_row in (None, number) else None
        if layout is not None:
            return [*layout.columns.values(), *(index for index, _header, _fields in layout.wide)]
        if spec.header_row is not None or searched >= HEADER_SEARCH:
            return []
        return None

    return columns


def _header_layout(number, values, spec):
    """The Layout when the row ``values`` holds ``spec``'s headers (every mapped one, a column of values), else None."""
    found = {text.casefold(): index for index, _letter, text in headers_of(values)}
    wanted = {header.casefold() for header in spec.columns}
    wide_wanted = {header.casefold() for header in spec.wide}
    if wanted <= set(found) and (not wide_wanted or wide_wanted & set(found)):
        return _layout(number, found, spec)
    return None


def _layout(number, found, spec):
    columns = {}
    for header, name in spec.columns.items():
        columns[name if name in FIELDS else name.upper()] = found[header.casefold()]
    wide = [
        (found[header.casefold()], header, {name if name in KEY_FIELDS else name.upper(): code
                                            for name, code in fields.items()})
        for header, fields in spec.wide.items()
        if header.casefold() in found
    ]  # fmt: skip
    fixed = {name if name in FIELDS else name.upper(): code for name, code in spec.fixed.items()}
    marks = {mark.strip().casefold(): code for mark, code in spec.marks.items()}
    flags = {text.strip().casefold(): code for text, code in spec.recode.get("flag", {}).items()}
    return Layout(header_row=number, columns=columns, wide=sorted(wide), fixed=fixed, marks=marks, flags=flags)


def records(rows, layout):
    """Every Record of the rows [(number, values)] under the header: one a row, or one a filled cell of each
    column of values."""
    columns = list(layout.columns.items())
    places = {name: (letter(index), None) for name, index in columns}
    wide = [
        (index, fields, {**places, **dict.fromkeys(fields, (letter(index), layout.header_row)),
                         "value": (letter(index), None)})
        for index, _header, fields in layout.wide
    ]  # fmt: skip
    marks, flags = layout.marks, layout.flags
    for number, values in rows:
        if number <= layout.header_row:
            continue
        width = len(values)
        texts = dict(layout.fixed)
        for name, index in columns:
            texts[name] = values[index] if index < width else None
        if flags and "flag" in texts:
            texts["flag"] = _recoded_flag(text_of(texts["flag"]), flags)
        if not wide:
            yield _marked(Record(number, texts, places), marks)
            continue
        for index, fields, wide_places in wide:
            value = values[index] if index < width else None
            if text_of(value) != "":  # else not given: not collected
                yield _marked(Record(number, {**texts, **fields, "value": value}, wide_places), marks)


def _recoded_flag(flag, flags):
    """A flag column's text recoded: by its own entry, else by "*" when it is none of the codes."""
    key = flag.casefold()
    if key in flags:
        return flags[key]
    if key and EVERY_OTHER in flags and key.replace(" ", "") not in KNOWN_FLAGS:
        return flags[EVERY_OTHER]
    return flag


def _marked(record, marks):
    """The record with a suppression mark in its value made its flag (a code of absence)."""
    value = record.texts.get("value")
    if marks and isinstance(value, str) and value.strip().casefold() in marks:
        record.texts["value"] = None
        record.texts["flag"] = marks[value.strip().casefold()]
        if "flag" not in record.places:
            record.places = {**record.places, "flag": record.places.get("value", ("", None))}
    return record


def entry_of(record, report):
    """The Cell of a record's value, flag, footnote, comment and reason; None (reported) if it is not one.

    ``report(record, field, message, **details)`` notes a problem at the cell ``field`` came from.
    """
    raw = record.texts.get("value")
    flag = text_of(record.texts.get("flag"))
    try:
        entry = cell_from_spreadsheet(raw)
    except ValueError:
        report(
            record, "value", _("“%(text)s” is not a number.") % {"text": text_of(raw)},
            group=_("Not a number"), hint=_("give a number, or one of the codes : c z (in the value or the flag)"),
        )  # fmt: skip
        return None
    if not apply_flag(entry, flag):
        flag = flag.lower().replace(" ", "")
        report(
            record, "flag", _("Unknown flag “%(flag)s”: use : c z without a number, or p e after one.")
            % {"flag": flag}, group=_("Unknown flag “%(flag)s”") % {"flag": flag},
            hint=_("use : c z without a number, or p e after one"), field="flag", value=flag,
        )  # fmt: skip
        return None
    if entry.is_blank:
        report(record, "value", _("No value and no flag: give a number or one of the codes : c z."))
        return None
    entry.footnote = text_of(record.texts.get("footnote"))
    entry.comment = text_of(record.texts.get("comment"))
    entry.reason = text_of(record.texts.get("reason"))
    return entry


def spec_of(mapping):
    """The MappingSpec of ``mapping`` (a spec, its JSON, or None), checked; Rejected if it is bad."""
    if mapping is None or isinstance(mapping, MappingSpec):
        problems = mapping.problems() if mapping is not None else []
        if problems:
            raise Rejected(problems)
        return mapping
    return MappingSpec.from_json(mapping)
