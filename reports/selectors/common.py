"""What both reports are made of: figures as a report prints them, their notes, tables, documents, the cover.

Everything here is read in the report's language (the builder activates it), and
every figure comes through ``browsable_values`` (``permissions.visible_values``) for
the report's reader: the public (AnonymousUser) or the account that asked.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dsm_data.cells import ABSENCE_CODES, format_number
from dsm_data.models import TOTAL_CODE, Frequency
from dsm_data.translation import translated

ABSENCE_LETTERS = {absence: code for code, absence in ABSENCE_CODES.items()}
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# The kinds of library documents a policy report lists as laws and policy papers.
LAWS_AND_POLICIES = ("law", "decree", "regulation", "policy")


def reader_of(requester):
    """The user a report reads as: its requester, or the public's reading (an anonymous reader)."""
    return requester if requester is not None else AnonymousUser()


def report_frequency(indicator):
    """The periods a report reads an indicator by: years where it is collected yearly, else its first frequency."""
    if Frequency.ANNUAL in indicator.frequencies or not indicator.frequencies:
        return Frequency.ANNUAL
    return indicator.frequencies[0]


@dataclass(frozen=True)
class Figure:
    """One published figure as a report prints it, and where it stands (the Excel sheet lists them long)."""

    indicator_code: str
    country_code: str
    period_code: str
    series_key: str
    series_label: str
    number: Decimal | None
    absence: str  # ":", "c" or "z" when there is no number
    flags: str  # "p" provisional, "e" estimated, "b" break in series
    note: int | None  # the footnote's number in the report's list of notes
    footnote: str

    @property
    def text(self):
        """ "1,234 p¹" as the tables print it: the number or its code, the flags, the footnote's mark."""
        # Grouped by a narrow no-break space where the language groups by a no-break one: fpdf2 prints U+00A0
        # as a plain space, which would run a row's figures together for a reader (and pypdf).
        shown = format_number(self.number).replace("\xa0", "\u202f") if self.number is not None else self.absence
        if self.flags:
            shown = f"{shown} {self.flags}"
        return shown + (str(self.note).translate(SUPERSCRIPT_DIGITS) if self.note else "")


def figure_of(value, *, notes, label, is_break=False):
    """The Figure of a visible Value (loaded by ``browsable_values``)."""
    flags = "".join(
        letter for letter, is_set in (("p", value.is_provisional), ("e", value.is_estimated), ("b", is_break)) if is_set
    )
    return Figure(
        indicator_code=value.indicator.code,
        country_code=value.country.code,
        period_code=value.period.code,
        series_key=value.series.key,
        series_label=label,
        number=value.number,
        absence=ABSENCE_LETTERS.get(value.absence, ""),
        flags=flags,
        note=notes.number(value.footnote),
        footnote=value.footnote,
    )


def breakdown_name(categories):
    """ "Female × Afghanistan": the categories that are not totals; "Total" for the grand total."""
    parts = [translated(category.name) for category in categories if category.code != TOTAL_CODE]
    return " × ".join(parts) if parts else _("Total")


@dataclass
class FigureRow:
    label: str
    code: str  # a series key, or a country code
    is_total: bool  # the grand total: printed in bold
    figures: list  # a Figure, or None where the reader sees none, per column of the table

    @property
    def has_number(self):
        return any(figure is not None and figure.number is not None for figure in self.figures)


@dataclass
class FigureTable:
    caption: str
    row_heading: str
    columns: list  # period codes, or category names
    rows: list = field(default_factory=list)  # FigureRow


@dataclass
class IndicatorSection:
    """One indicator in a report: its tables, its charts and what explains them."""

    code: str
    name: str
    unit: str
    definition: str
    tables: list = field(default_factory=list)  # FigureTable
    charts: list = field(default_factory=list)  # dsm_data.charts.data.Chart
    metadata: list = field(default_factory=list)  # (label, text): the national metadata
    breaks: list = field(default_factory=list)  # (period code, what changed)


@dataclass
class DocumentEntry:
    title: str
    kind: str
    country: str
    date: str
    issuing_body: str
    summary: str
    url: str


def document_entry(page):
    """A library document (DocumentPage) as a report lists it."""
    return DocumentEntry(
        title=page.title,
        kind=page.get_document_type_display(),
        country=translated(page.country.name) if page.country_id else "",
        date=date_format(page.date, "DATE_FORMAT") if page.date else "",
        issuing_body=page.issuing_body,
        summary=page.summary,
        url=page.get_full_url() or "",
    )


@dataclass
class CompletenessTable:
    """Who delivered what for the year: a text per country and indicator, and (for the participating
    states' users) whether the country was late."""

    columns: list  # indicator names
    rows: list  # (country name, [text per indicator], timeliness text or "")
    shows_timeliness: bool
    note: str


@dataclass
class ReportContent:
    """Everything one report holds, in its language; pdf.py and xlsx.py only lay it out."""

    kind: str
    title: str
    subtitle: str
    reading: str  # whose reading the report holds, and on which day: the cover says it
    inputs: list  # (label, value): what was asked
    sections: list  # IndicatorSection
    notes: list  # (number, footnote text)
    documents_heading: str
    documents: list  # DocumentEntry
    completeness: CompletenessTable | None = None
    country_names: dict = field(default_factory=dict)  # code -> name, for the Excel sheet's long rows
    holds_restricted: bool = False

    def figures(self):
        """Every figure of the tables once, in the order printed (a regional table repeats the totals)."""
        seen = set()
        for section in self.sections:
            for table in section.tables:
                for row in table.rows:
                    for figure in row.figures:
                        if figure is None:
                            continue
                        key = (figure.indicator_code, figure.country_code, figure.period_code, figure.series_key)
                        if key not in seen:
                            seen.add(key)
                            yield figure


def flag_legend():
    """The codes and letters the tables print, explained."""
    return [
        (":", _("not available")),
        ("c", _("confidential")),
        ("z", _("not applicable")),
        ("p", _("provisional")),
        ("e", _("estimated")),
        ("b", _("break in series: from this period on, counted a new way")),
        ("¹", _("footnote: see the notes")),
    ]


def reading_sentence(requester, *, read_at, holds_restricted):
    """The cover's statement of whose reading the report holds."""
    day = date_format(timezone.localtime(read_at), "DATE_FORMAT")
    if requester is None:
        return _("What the public may read on %(date)s: published figures and documents open to everyone.") % {
            "date": day
        }
    who = requester.get_full_name() or requester.get_username()
    country = translated(requester.country.name) if requester.country_id else ""
    standing = ", ".join(part for part in (requester.get_role_display(), country) if part)
    sentence = _("What %(name)s (%(standing)s) may read on %(date)s.") % {
        "name": who,
        "standing": standing or _("no role"),
        "date": day,
    }
    if holds_restricted:
        return sentence + " " + _("It holds figures not for publication: do not pass it on outside the portal.")
    return sentence + " " + _("Every figure it holds is public.")
