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

# The fields of a long table; a breakdown's field is its dimension code (in capitals).
KEY_FIELDS = ("indicator", "country", "period")
TEXT_FIELDS = ("flag", "footnote", "comment", "reason")
FIELDS = (*KEY_FIELDS, "value", *TEXT_FIELDS)
# Publishers' suppression marks in a value cell -> Eurostat's codes of absence (c confidential, : not available).
DEFAULT_MARKS = {"*": "c", "x": "c", "..": ":", "…": ":"}
MARK_CODES = (":", "c", "z")
# A recode's key for every text of a field the portal does not know; a recode to LEAVE_OUT drops the row.
EVERY_OTHER = "*"
LEAVE_OUT = ""


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
        raise NotImplementedError

    def problems(self):
        """What makes this spec unusable, as Problems (empty when it is good)."""
        raise NotImplementedError


@dataclass(frozen=True)
class Outline:
    """What the mapping page shows of a file: its sheets, the chosen one, its header and first rows."""

    sheets: list
    sheet: str
    header_row: int
    headers: list  # [(column letter, header text)]
    sample: list  # the first rows under the header, [[text of each column]]


def file_outline(data, *, sheet="", header_row=None):
    """The Outline of a CSV or xlsx file's ``sheet`` (the first if ""), its header at ``header_row`` or found."""
    raise NotImplementedError


def allowed_codes(field_name):
    """[(code, label)] a field takes: indicators, countries, periods, a dimension's categories, flags."""
    raise NotImplementedError
