"""A report as an A4 PDF: the cover, each indicator's charts and tables, the notes, the documents.

Drawn with fpdf2 on ``dsm_data.pdf.new_pdf`` (the bundled DejaVu fonts, so Cyrillic
prints), from a ``ReportContent`` already read in the report's language: this module
only lays it out. Wide tables are cut into groups of columns, each repeating the
row labels, so that every figure stays legible on a portrait page.
"""

import math

from django.utils.translation import gettext as _
from fpdf.fonts import FontFace

from dsm_data.charts import pdf as chart_pdf
from dsm_data.pdf import FONT_FAMILY, new_pdf

from .selectors.common import flag_legend

PAGE_WIDTH = 190  # mm: A4 less the margins
LABEL_WIDTH = 52  # mm: a table's first column (breakdowns, countries)
MIN_FIGURE_WIDTH = 17  # mm: "9,800,000 pe¹" at 7 pt
CHART_HEIGHT = 80  # mm
HEADINGS = FontFace(emphasis="BOLD", fill_color=(225, 229, 234))
TOTAL_ROW = FontFace(emphasis="BOLD")
MAX_SUMMARY = 600  # characters of a document's summary


def report_pdf(content, *, language, built_at, progress=lambda share: None):
    """The PDF's bytes; ``progress`` is told the share of the sections drawn."""
    pdf = new_pdf(title=f"{content.title}: {content.subtitle}")
    pdf.set_lang(language)  # for screen readers
    _add_footer(pdf, content.title)
    pdf.add_page()
    _write_cover(pdf, content, built_at=built_at)
    for index, section in enumerate(content.sections):
        pdf.add_page()
        _write_section(pdf, section)
        progress((index + 1) / max(len(content.sections), 1))
    if content.completeness is not None:
        pdf.add_page()
        _write_completeness(pdf, content.completeness)
    _write_notes(pdf, content.notes)
    _write_documents(pdf, content.documents_heading, content.documents)
    return bytes(pdf.output())


def _add_footer(pdf, title):
    """A page number and the report's title under every page (fpdf2 calls ``pdf.footer`` at each break)."""

    def footer():
        pdf.set_y(-12)
        pdf.set_font(FONT_FAMILY, size=7)
        pdf.cell(0, 5, f"{title} · {_('page %(number)s of %(total)s') % {'number': pdf.page_no(), 'total': '{nb}'}}",
                 align="C")  # fmt: skip

    pdf.footer = footer


def _heading(pdf, text, size=14):
    pdf.set_font(FONT_FAMILY, "B", size=size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.set_font(FONT_FAMILY, size=9)


def _paragraph(pdf, text, size=9, height=4.5):
    pdf.set_font(FONT_FAMILY, size=size)
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def _labelled(pdf, label, text, size=9):
    """ "Label: text" with the label in bold."""
    pdf.set_font(FONT_FAMILY, "B", size=size)
    pdf.write(4.5, f"{label}: ")
    pdf.set_font(FONT_FAMILY, size=size)
    pdf.write(4.5, text)
    pdf.ln(5.5)


def _write_cover(pdf, content, *, built_at):
    _paragraph(pdf, _("Data Sharing Mechanism"), size=10)
    pdf.ln(20)
    _heading(pdf, content.title, size=22)
    _heading(pdf, content.subtitle, size=14)
    pdf.ln(8)
    _labelled(pdf, _("Whose reading"), content.reading, size=10)
    for label, value in content.inputs:
        _labelled(pdf, label, value, size=10)
    _labelled(pdf, _("Built"), built_at, size=10)
    pdf.ln(6)
    _heading(pdf, _("Codes and flags in the tables"), size=11)
    for code, meaning in flag_legend():
        pdf.set_font(FONT_FAMILY, "B", size=9)
        pdf.write(4.5, code)
        pdf.set_font(FONT_FAMILY, size=9)
        pdf.write(4.5, f"  {meaning}")
        pdf.ln(5.5)
    _paragraph(pdf, _("A blank cell: no published figure that this reading may see. Rows without any figure are "
                      "left out."))  # fmt: skip
    pdf.ln(6)
    _heading(pdf, _("Contents"), size=11)
    for section in content.sections:
        _paragraph(pdf, section.name)


def _write_section(pdf, section):
    _heading(pdf, section.name, size=16)
    _labelled(pdf, _("Unit"), section.unit)
    if section.definition:
        _labelled(pdf, _("Definition"), section.definition)
    pdf.ln(2)
    for chart in section.charts:
        _draw_chart(pdf, chart)
    if not section.tables:
        _paragraph(pdf, _("No published figures that this reading may see."))
    for table in section.tables:
        _write_table(pdf, table)
    if section.metadata or section.breaks:
        pdf.ln(3)
        _heading(pdf, _("National metadata"), size=12)
        for label, text in section.metadata:
            _labelled(pdf, label, text)
        for period, note in section.breaks:
            _labelled(pdf, _("Break in series from %(period)s") % {"period": period}, note)


def _draw_chart(pdf, chart):
    """A chart in the page's vector graphics, across the text width (``draw`` turns the page when it does not fit)."""
    chart_pdf.draw(pdf, chart, x=pdf.l_margin, y=pdf.get_y(), width=PAGE_WIDTH, height=CHART_HEIGHT)
    pdf.ln(4)


def _column_groups(count, label_width=LABEL_WIDTH):
    """The columns cut into groups as even as possible, each fitting the page beside the labels."""
    if count == 0:
        return []
    per_group = max(int((PAGE_WIDTH - label_width) // MIN_FIGURE_WIDTH), 1)
    groups = math.ceil(count / per_group)
    size = math.ceil(count / groups)
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _keep_room(pdf, height):
    """A new page unless ``height`` mm are left above the bottom margin: a caption never ends a page alone."""
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _write_table(pdf, table):
    _keep_room(pdf, 30)
    _heading(pdf, table.caption, size=10)
    for columns in _column_groups(len(table.columns)):
        figure_width = min((PAGE_WIDTH - LABEL_WIDTH) / len(columns), 24)
        width = LABEL_WIDTH + figure_width * len(columns)
        pdf.set_font(FONT_FAMILY, size=7)
        with pdf.table(
            width=width,
            col_widths=(LABEL_WIDTH, *([figure_width] * len(columns))),
            text_align=("LEFT", *(["RIGHT"] * len(columns))),
            align="LEFT",
            line_height=3.6,
            headings_style=HEADINGS,
            borders_layout="HORIZONTAL_LINES",
            padding=(0.6, 1),
        ) as grid:
            grid.row([table.row_heading, *(table.columns[index] for index in columns)])
            for row in table.rows:
                cells = [row.figures[index] for index in columns]
                grid.row(
                    [row.label, *(figure.text if figure else "" for figure in cells)],
                    style=TOTAL_ROW if row.is_total else None,
                )
        pdf.ln(3)


def _write_completeness(pdf, table):
    _heading(pdf, _("Completeness and timeliness of the year's submissions"), size=14)
    _paragraph(pdf, table.note)
    pdf.ln(2)
    columns = list(table.columns) + ([_("Timeliness")] if table.shows_timeliness else [])
    label_width = 34
    figure_width = (PAGE_WIDTH - label_width) / max(len(columns), 1)
    pdf.set_font(FONT_FAMILY, size=7)
    with pdf.table(
        col_widths=(label_width, *([figure_width] * len(columns))),
        text_align="LEFT",
        line_height=3.6,
        headings_style=HEADINGS,
        borders_layout="HORIZONTAL_LINES",
        padding=(0.6, 1),
    ) as grid:
        grid.row([_("Country"), *columns])
        for country, texts, timeliness in table.rows:
            grid.row([country, *texts, *([timeliness] if table.shows_timeliness else [])])


def _write_notes(pdf, notes):
    if not notes:
        return
    pdf.ln(6)
    _heading(pdf, _("Notes"), size=12)
    for number, text in notes:
        _labelled(pdf, str(number), text)


def _write_documents(pdf, heading, documents):
    pdf.add_page()
    _heading(pdf, heading, size=14)
    if not documents:
        _paragraph(pdf, _("No document of these years that this reading may see."))
    for document in documents:
        _paragraph(pdf, document.title, size=10)
        facts = " · ".join(part for part in (document.kind, document.country, document.date, document.issuing_body)
                           if part)  # fmt: skip
        _paragraph(pdf, facts, size=8)
        if document.summary:
            summary = document.summary
            _paragraph(pdf, summary if len(summary) <= MAX_SUMMARY else summary[:MAX_SUMMARY].rstrip() + "…", size=8)
        if document.url:
            pdf.set_font(FONT_FAMILY, size=8)
            pdf.cell(0, 4.5, document.url, link=document.url, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
