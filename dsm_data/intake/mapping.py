"""How a publisher's export is read as a long table: the mapping of its columns, kept as JSON.

A ``MappingSpec`` names, by their header text, the columns that hold the fields of a
long table (indicator, country, period, a breakdown, value, flag, footnote, comment,
reason), the columns that each hold values ("wide" columns: years, outcomes, year x
sex), the values fixed for every row, the texts recoded to the portal's codes, and
the publisher's suppression marks. ``records`` turns a file's rows into long-table
rows through it; ``long_table`` reads them as any long table.

The mapping page asks ``file_outline`` for the sheets, header and first rows of a
file, and ``allowed_codes`` for the codes a field takes.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Country, Dimension, Indicator, Period
from ..translation import translated
from . import table_rows
from .problems import Problem, Rejected

# The fields of a long table; a breakdown's field is its dimension code (in capitals).
KEY_FIELDS = ("indicator", "country", "period")
TEXT_FIELDS = ("flag", "footnote", "comment", "reason")
FIELDS = (*KEY_FIELDS, "value", *TEXT_FIELDS)
FIELD_LABELS = {
    "indicator": gettext_lazy("indicator"),
    "country": gettext_lazy("country"),
    "period": gettext_lazy("period"),
    "value": gettext_lazy("value"),
    "flag": gettext_lazy("flag"),
    "footnote": gettext_lazy("footnote"),
    "comment": gettext_lazy("comment"),
    "reason": gettext_lazy("reason for a correction"),
}
# Publishers' suppression marks in a value cell -> Eurostat's codes of absence (c confidential, : not available).
DEFAULT_MARKS = {"*": "c", "x": "c", "..": ":", "…": ":"}
MARK_CODES = (":", "c", "z")
# A recode's key for every text of a field the portal does not know; a recode to LEAVE_OUT drops the row.
EVERY_OTHER = "*"
LEAVE_OUT = ""
SAMPLE_ROWS = 10


@dataclass
class MappingSpec:
    """The columns, fixed values, recodings and marks of one publisher's export (see the module's text)."""

    sheet: str = ""  # the sheet's title; "" = the first sheet (ignored for CSV)
    header_row: int | None = None  # 1-based; None = the first row holding the mapped headers
    columns: dict = field(default_factory=dict)  # header text in the file -> field
    wide: dict = field(default_factory=dict)  # header text -> {field: code}: columns that each hold values
    fixed: dict = field(default_factory=dict)  # field -> code for every row
    recode: dict = field(default_factory=dict)  # field -> {text in the file: code}; "*": every other unknown text
    marks: dict = field(default_factory=lambda: dict(DEFAULT_MARKS))  # text of a value cell -> : c z

    def reads_like(self, other):
        """Whether ``other`` reads the same columns the same way, wherever its sheet and header row are:
        the mapping page's check of whether a saved mapping was applied as it is."""
        placed = ("sheet", "header_row")
        mine, theirs = self.to_json(), other.to_json()
        return {key: mine[key] for key in mine if key not in placed} == {
            key: theirs[key] for key in theirs if key not in placed
        }

    def to_json(self):
        return {
            "sheet": self.sheet,
            "header_row": self.header_row,
            "columns": dict(self.columns),
            "wide": {header: dict(fields) for header, fields in self.wide.items()},
            "fixed": dict(self.fixed),
            "recode": {name: dict(texts) for name, texts in self.recode.items()},
            "marks": dict(self.marks),
        }

    @classmethod
    def from_json(cls, data):
        """The spec of ``to_json``'s output; Rejected, naming each mistake, for a bad one."""
        if not isinstance(data, dict):
            raise Rejected.because(_("The mapping cannot be read: it is not a JSON object of named settings."))
        unknown = sorted(set(data) - set(cls().to_json()))
        if unknown:
            raise Rejected.because(_("The mapping has unknown parts: %(names)s.") % {"names": ", ".join(unknown)})
        spec = cls(**{name: value for name, value in data.items() if value is not None or name == "header_row"})
        if "marks" not in data:
            spec.marks = dict(DEFAULT_MARKS)
        problems = spec.problems()
        if problems:
            raise Rejected(problems)
        return spec

    def problems(self):
        """What makes this spec unusable, as Problems (empty when it is good)."""
        problems = _shape_problems(self)
        if problems:
            return [Problem(message) for message in problems]
        return [Problem(message) for message in _meaning_problems(self, set(_dimension_codes()))]

    def field_sources(self):
        """{field: where it comes from}: "column", "fixed" or "wide" (named by every wide column)."""
        sources = dict.fromkeys(self.columns.values(), "column")
        sources.update(dict.fromkeys(self.fixed, "fixed"))
        if self.wide:
            shared = set.intersection(*(set(fields) for fields in self.wide.values()))
            sources.update({name: "wide" for name in shared if name not in sources})
        return sources


def field_label(name):
    """A field's name for people: "country", or a dimension's code as it is."""
    return str(FIELD_LABELS.get(name, name))


def _is_text_map(value):
    if not isinstance(value, dict):
        return False
    return all(isinstance(key, str) and isinstance(text, str) for key, text in value.items())


def _shape_problems(spec):
    """Parts of the wrong type (a hand-edited or damaged JSON)."""
    problems = []
    if not isinstance(spec.sheet, str):
        problems.append(_("The sheet of the mapping must be a sheet's name."))
    if spec.header_row is not None and (
        not isinstance(spec.header_row, int) or isinstance(spec.header_row, bool) or spec.header_row < 1
    ):
        problems.append(_("The header row must be a row number (1 or more)."))
    for name in ("columns", "fixed", "marks"):
        if not _is_text_map(getattr(spec, name)):
            problems.append(_("“%(part)s” must map texts to texts.") % {"part": name})
    if not isinstance(spec.wide, dict) or not all(_is_text_map(fields) for fields in spec.wide.values()):
        problems.append(_("“wide” must map each header to the codes its column stands for."))
    if not isinstance(spec.recode, dict) or not all(_is_text_map(texts) for texts in spec.recode.values()):
        problems.append(_("“recode” must map each field to its texts and their codes."))
    return problems


def _meaning_problems(spec, dimensions):
    problems = []

    def check_field(name, where, allowed):
        if name not in allowed and name.upper() not in dimensions:
            problems.append(
                _("%(where)s: “%(field)s” is not a field of a long table or a dimension "
                  "(use %(fields)s or one of %(dimensions)s).")
                % {"where": where, "field": name, "fields": ", ".join(allowed),
                   "dimensions": ", ".join(sorted(dimensions)) or "—"}
            )  # fmt: skip

    for header, name in spec.columns.items():
        check_field(name, _("Column “%(header)s”") % {"header": header}, FIELDS)
    for header, fields in spec.wide.items():
        where = _("Column of values “%(header)s”") % {"header": header}
        if not fields:
            problems.append(_("%(where)s: name the period or category its values are of.") % {"where": where})
        for name, code in fields.items():
            check_field(name, where, KEY_FIELDS)
            if not code.strip():
                problems.append(_("%(where)s: the code of “%(field)s” is empty.") % {"where": where, "field": name})
        if header in spec.columns:
            twice = _("%(where)s is mapped twice: as a field and as a column of values. Choose one.")
            problems.append(twice % {"where": where})
    for name, code in spec.fixed.items():
        check_field(name, _("Fixed values"), KEY_FIELDS + TEXT_FIELDS)
        if not code.strip():
            problems.append(_("The fixed value of “%(field)s” is empty.") % {"field": field_label(name)})
    for name in spec.recode:
        check_field(name, _("Recoding"), (*KEY_FIELDS, "flag"))
    for mark, code in spec.marks.items():
        if code not in MARK_CODES or not mark.strip():
            problems.append(
                _("The mark “%(mark)s” must stand for one of the codes %(codes)s.")
                % {"mark": mark, "codes": " ".join(MARK_CODES)}
            )
    return problems + _coverage_problems(spec)


def _coverage_problems(spec):
    """Fields given twice or not at all."""
    problems = []
    mapped = list(spec.columns.values())
    for name in sorted({name for name in mapped if mapped.count(name) > 1}):
        problems.append(_("Several columns are mapped to “%(field)s”: keep one.") % {"field": field_label(name)})
    for name in sorted(set(mapped) & set(spec.fixed)):
        problems.append(_("“%(field)s” is both in a column and fixed: keep one.") % {"field": field_label(name)})
    if spec.wide and "value" in mapped:
        problems.append(_("A column is mapped to the value, and other columns hold values too: keep one way."))
    if not spec.wide and "value" not in mapped:
        problems.append(_("No column holds the values: map one to “value”, or mark the columns that hold values."))
    sources = spec.field_sources()
    for name in KEY_FIELDS:
        if name not in sources:
            problems.append(
                _("Nothing gives the %(field)s: map a column to it, set one value for every row, "
                  "or name it for every column of values.")
                % {"field": field_label(name)}
            )  # fmt: skip
    return problems


def _dimension_codes():
    return [code.upper() for code in Dimension.objects.values_list("code", flat=True)]


@dataclass(frozen=True)
class Outline:
    """What the mapping page shows of a file: its sheets, the chosen one, its header and first rows."""

    sheets: list
    sheet: str
    header_row: int
    headers: list  # [(column letter, header text)]: the non-empty headers (a repeated one numbered, "2019 (2)")
    sample: list  # the first rows under the header, [[text of each header's column]]


def file_outline(data, *, sheet="", header_row=None):
    """The Outline of a CSV or xlsx file's ``sheet`` (the first if ""), its header at ``header_row`` or found.

    Rejected if the file cannot be read, or has no such sheet or row.
    """
    sheet_rows = table_rows.read_rows(data, sheet=sheet, columns=_first_rows_only(header_row))
    rows = list(sheet_rows.head())  # only the first ones keep any cell
    if not rows:
        raise Rejected([Problem(_("The sheet is empty."), sheet=sheet_rows.title)])
    numbers = [number for number, _values in rows]
    if header_row is None:
        header_row = table_rows.likely_header_row(rows)
    elif header_row not in numbers:
        raise Rejected([Problem(_("Row %(number)s is empty.") % {"number": header_row}, sheet=sheet_rows.title)])
    at = numbers.index(header_row)
    headers = table_rows.headers_of(rows[at][1])
    sample = [
        [table_rows.text_of(values[index]) if index < len(values) else "" for index, _letter, _text in headers]
        for _number, values in rows[at + 1 : at + 1 + SAMPLE_ROWS]
    ]
    return Outline(
        sheets=sheet_rows.sheets,
        sheet=sheet_rows.title,
        header_row=header_row,
        headers=[(letter, text) for _index, letter, text in headers],
        sample=sample,
    )


def _first_rows_only(header_row):
    """A ``read_rows`` callback that keeps the rows the outline shows and no cell past them.

    The page needs the rows where a header may be and a sample under it: a big export is
    outlined without its cells being counted against the cap (the mapping's read counts its own).
    """
    seen = 0

    def columns(number, _values):
        nonlocal seen
        seen += 1
        past_the_search = seen > table_rows.HEADER_SEARCH_ROWS + SAMPLE_ROWS
        past_the_header = header_row is None or number > header_row + SAMPLE_ROWS
        return [] if past_the_search and past_the_header else None

    return columns


def allowed_codes(field_name):
    """[(code, label)] a field takes: indicators, countries, periods, a dimension's categories, flags."""
    if field_name == "indicator":
        return [(item.code, f"{item.code}: {translated(item.name)}") for item in Indicator.objects.all()]
    if field_name == "country":
        return [(item.code, f"{item.code}: {translated(item.name)}") for item in Country.objects.all()]
    if field_name == "period":
        return [(code, code) for code in Period.objects.order_by("frequency", "start").values_list("code", flat=True)]
    if field_name == "flag":
        return [
            (":", _("not available")),
            ("c", _("confidential")),
            ("z", _("not applicable")),
            ("p", _("provisional")),
            ("e", _("estimated")),
        ]
    dimension = Dimension.objects.filter(code__iexact=field_name).first()
    if dimension is None:
        return []
    return [(category.code, f"{category.code}: {translated(category.name)}") for category in dimension.categories.all()]
