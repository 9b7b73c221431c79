"""A report as an Excel workbook, a sheet per part: the cover, the figures, the metadata, the notes, the documents.

The figures are one long table (one row per figure, numbers as numbers, the code of
a missing figure and the flags in columns of their own), so that the sheet sorts,
filters and pivots. Every text cell is written as text (``data_type = "s"``), so
that nothing a country or a document typed can become a formula.
"""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .selectors.common import flag_legend

BOLD = Font(bold=True)


def report_xlsx(content, *, built_at, progress=lambda share: None):
    """The workbook's bytes."""
    workbook = Workbook(write_only=True)
    _cover_sheet(workbook, content, built_at=built_at)
    _figures_sheet(workbook, content)
    progress(0.5)
    if content.kind == "country":
        _metadata_sheet(workbook, content)
    if content.completeness is not None:
        _completeness_sheet(workbook, content.completeness)
    _sheet(workbook, _("Notes"), [_("Note"), _("Text")], content.notes, widths=[8, 100])
    documents = [
        [document.title, document.kind, document.country, document.date, document.issuing_body, document.summary,
         document.url]
        for document in content.documents
    ]  # fmt: skip
    _sheet(
        workbook,
        _("Documents"),
        [_("Title"), _("Type"), _("Country"), _("Date"), _("Issuing body"), _("Summary"), _("Link")],
        documents,
        widths=[50, 16, 18, 14, 30, 60, 50],
    )
    progress(1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(sheet, value, bold=False):
    """A cell that is never a formula: text as text, numbers as numbers, nothing as nothing."""
    if value is None or isinstance(value, (int, float)):
        return value
    if not isinstance(value, str) and hasattr(value, "to_integral_value"):  # Decimal
        return int(value) if value == value.to_integral_value() else float(value)
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(value)))
    cell.data_type = "s"
    if bold:
        cell.font = BOLD
    return cell


def _sheet(workbook, title, header, rows, widths=()):
    sheet = workbook.create_sheet(title=title[:31])
    for index, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    if header:
        sheet.append([_cell(sheet, text, bold=True) for text in header])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    return sheet


def _cover_sheet(workbook, content, *, built_at):
    rows = [
        [content.title],
        [content.subtitle],
        [],
        [_("Whose reading"), content.reading],
        *([label, value] for label, value in content.inputs),
        [_("Built"), built_at],
        [],
        [_("Codes and flags in the tables")],
        *([code, meaning] for code, meaning in flag_legend()),
    ]
    _sheet(workbook, _("Report"), None, rows, widths=[28, 110])


def _figures_sheet(workbook, content):
    names = {section.code: (section.name, section.unit) for section in content.sections}
    header = [
        _("Indicator code"), _("Indicator"), _("Unit"), _("Country code"), _("Country"), _("Period"),
        _("Breakdown code"), _("Breakdown"), _("Value"), _("Missing because"), _("Flags"), _("Note"), _("Footnote"),
    ]  # fmt: skip
    rows = (
        [
            figure.indicator_code,
            *names.get(figure.indicator_code, ("", "")),
            figure.country_code,
            content.country_names.get(figure.country_code, ""),
            figure.period_code,
            figure.series_key,
            figure.series_label,
            figure.number,
            figure.absence,
            figure.flags,
            figure.note,
            figure.footnote,
        ]
        for figure in content.figures()
    )
    _sheet(workbook, _("Figures"), header, rows, widths=[22, 36, 14, 10, 18, 9, 30, 30, 14, 10, 7, 6, 40])


def _metadata_sheet(workbook, content):
    rows = []
    for section in content.sections:
        rows += [[section.code, section.name, label, text] for label, text in section.metadata]
        rows += [
            [section.code, section.name, _("Break in series from %(period)s") % {"period": period}, note]
            for period, note in section.breaks
        ]
    _sheet(workbook, _("Metadata"), [_("Indicator code"), _("Indicator"), _("Field"), _("Text")], rows,
           widths=[22, 36, 30, 100])  # fmt: skip


def _completeness_sheet(workbook, table):
    header = [_("Country"), *table.columns, *([_("Timeliness")] if table.shows_timeliness else [])]
    rows = [
        [country, *texts, *([timeliness] if table.shows_timeliness else [])]
        for country, texts, timeliness in table.rows
    ]
    rows += [[], [table.note]]
    _sheet(workbook, _("Completeness"), header, rows, widths=[20, *([22] * len(header))])
