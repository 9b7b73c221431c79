"""The paper form of a submission: its entry grids on paper, filled in by hand and keyed in later.

The printable page and the PDF show the same content, built here once from the
same grid as the web form and the Excel template (``grid.build_grid``), so that
the country administrator keys a paper form in box by box, in the same order.
"""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .cells import format_entry
from .grid import build_grid
from .pdf import FONT_FAMILY, new_pdf
from .selectors.submissions import cells_of
from .translation import translated

LABEL_WIDTH = 42  # mm, a column of category names
BOX_WIDTH = 24  # mm, the narrowest box to write a figure in
MAX_BOX_WIDTH = 40  # mm
BOX_HEIGHT = 9  # mm, tall enough for handwriting
PORTRAIT_WIDTH = 190  # mm, A4 less the margins
TOTAL_SHADE = (225, 229, 234)


@dataclass
class PaperCell:
    text: str
    is_total: bool


@dataclass
class PaperRow:
    labels: list  # category names, one per dimension after the first
    cells: list  # PaperCell per column
    is_total: bool


@dataclass
class PaperGrid:
    code: str
    name: str
    unit: str
    caption: str
    label_headers: list  # dimension names, one per dimension after the first
    column_headers: list  # PaperCell per column of the first dimension
    rows: list = field(default_factory=list)

    @property
    def is_wide(self):
        """Too wide for a portrait page at full size: printed landscape."""
        return len(self.label_headers) * LABEL_WIDTH + len(self.column_headers) * BOX_WIDTH > PORTRAIT_WIDTH


@dataclass
class PaperForm:
    portal: str
    title: str
    deadline: str
    instructions: list
    grids: list
    signature_labels: list


def instructions():
    """The codes of the grid, worded as in the Excel template, for a form filled in by hand."""
    return [
        _("Write a number in each white box, or a code:"),
        _(":  not available"),
        _("c  confidential"),
        _("z  not applicable"),
        _("p  after a number: provisional"),
        _("e  after a number: estimated"),
        _("Leave a total empty to have it computed from its breakdown."),
        _("Shaded boxes are totals."),
        _("Sign the form and give it to your country administrator, who keys it in on the portal."),
    ]


def paper_form(submission, prefilled=False):
    """The form's texts in the active language; ``prefilled`` writes the stored figures in the boxes."""
    country, period = translated(submission.country.name), submission.period.code
    grids = []
    for link in submission.submission_indicators.select_related("indicator"):
        indicator = link.indicator
        stored = cells_of(submission, indicator) if prefilled else {}
        grids.append(_paper_grid(build_grid(indicator), stored, country, period))
    return PaperForm(
        portal=_("Data Sharing Mechanism"),
        title=_("Data Sharing Mechanism: %(country)s, %(period)s") % {"country": country, "period": period},
        deadline=date_format(submission.period.deadline, "DATE_FORMAT"),
        instructions=instructions(),
        grids=grids,
        signature_labels=[_("Institution"), _("Name"), _("Signature"), _("Date")],
    )


def _paper_grid(grid, stored, country, period):
    has_totals = bool(grid.dimensions)  # a flat indicator has no total to mark
    name, unit = translated(grid.indicator.name), translated(grid.indicator.unit)
    paper_grid = PaperGrid(
        code=grid.indicator.code,
        name=name,
        unit=unit,
        caption=f"{name}, {country}, {period} ({unit})",
        label_headers=[translated(dimension.name) for dimension in grid.dimensions[1:]],
        column_headers=[
            PaperCell(translated(column.name) if column else _("Value"), bool(column and column.is_total))
            for column in grid.columns
        ],
    )
    for row in grid.rows:
        paper_grid.rows.append(
            PaperRow(
                labels=[translated(category.name) for category in row.categories],
                cells=[
                    PaperCell(format_entry(stored.get(series.pk)), has_totals and series.is_total)
                    for series in row.cells
                ],
                is_total=has_totals and row.is_total,
            )
        )
    return paper_grid


def paper_form_pdf(submission, language, prefilled=False):
    """The paper form as an A4 PDF in ``language``: one page per grid, landscape for the wide ones."""
    with translation.override(language):
        form = paper_form(submission, prefilled)
        pdf = new_pdf(title=form.title)
        pdf.add_page(orientation="P")
        _write_header(pdf, form)
        for grid in form.grids:
            pdf.add_page(orientation=_orientation(grid))
            _write_grid(pdf, grid)
        _write_signature(pdf, form)
    return bytes(pdf.output())


def _orientation(grid):
    return "L" if grid.is_wide else "P"


def _write_header(pdf, form):
    pdf.set_font(FONT_FAMILY, size=9)
    pdf.multi_cell(0, 5, form.portal, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT_FAMILY, "B", size=15)
    pdf.multi_cell(0, 8, form.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT_FAMILY, size=11)
    pdf.multi_cell(0, 6, f"{_('Paper form')} · {_('Deadline')}: {form.deadline}", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FONT_FAMILY, size=10)
    for line in form.instructions:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FONT_FAMILY, "B", size=10)
    for grid in form.grids:
        pdf.multi_cell(0, 6, f"{grid.code}: {grid.name}", new_x="LMARGIN", new_y="NEXT")


def _write_grid(pdf, grid):
    """The grid as a table whose header row is repeated on every page it runs over."""
    from fpdf.fonts import FontFace  # fpdf loads with the first PDF (dsm_data/pdf.py)

    pdf.set_font(FONT_FAMILY, "B", size=12)
    pdf.multi_cell(0, 7, grid.name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT_FAMILY, size=9)
    pdf.multi_cell(0, 5, grid.caption, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(FONT_FAMILY, size=8.5)
    labels_width = len(grid.label_headers) * LABEL_WIDTH
    # Boxes share the width the labels leave, within limits: wide enough for a name, not a banner.
    box_width = min(max(BOX_WIDTH, (pdf.epw - labels_width) / len(grid.column_headers)), MAX_BOX_WIDTH)
    widths = [LABEL_WIDTH] * len(grid.label_headers) + [box_width] * len(grid.column_headers)
    shaded = FontFace(emphasis="BOLD", fill_color=TOTAL_SHADE)
    with pdf.table(
        col_widths=widths,
        width=min(sum(widths), pdf.epw),
        align="LEFT",
        text_align="LEFT",
        line_height=4.5,
        repeat_headings=1,
        padding=1.5,
    ) as table:
        heading = table.row()
        for text in grid.label_headers:
            heading.cell(text)
        for column in grid.column_headers:
            heading.cell(column.text, align="CENTER", style=shaded if column.is_total else None)
        for paper_row in grid.rows:
            row = table.row(min_height=BOX_HEIGHT)
            for label in paper_row.labels:
                row.cell(label, style=shaded if paper_row.is_total else None)
            for cell in paper_row.cells:
                row.cell(cell.text, align="RIGHT", style=shaded if cell.is_total else None)


def _write_signature(pdf, form):
    """Who filled the form in: the institution, the person, their signature and the date."""
    pdf.ln(8)
    if pdf.will_page_break(len(form.signature_labels) * 12):
        pdf.add_page(same=True)
    pdf.set_font(FONT_FAMILY, size=10)
    for label in form.signature_labels:
        pdf.cell(40, 12, label, new_x="RIGHT", new_y="TOP")
        pdf.cell(120, 12, "", border="B", new_x="LMARGIN", new_y="NEXT")
