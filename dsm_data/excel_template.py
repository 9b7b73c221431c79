"""The Excel template a country fills in offline: one sheet per indicator, laid out as the entry grid.

Labels are locked, value cells take a whole number >= 0 or a code (: c z), and a
very hidden sheet (``intake.template_map``) names the country, the period, the
template's version and the series of every value cell.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .cells import format_entry
from .grid import build_grid, series_key
from .intake.template_map import add_map_sheet, add_places
from .translation import translated

FIRST_GRID_ROW = 4
TOTAL_FILL = PatternFill("solid", fgColor="EEF2F6")
INPUT_FILL = PatternFill("solid", fgColor="FFFFFF")


def build_template(country, period, *, indicators, language, stored_cells=None):
    """A Workbook for ``country`` and ``period``; ``stored_cells`` maps indicator pk to its {series pk: Cell}."""
    stored_cells = stored_cells or {}
    workbook = Workbook()
    with translation.override(language):
        instructions = workbook.active
        instructions.title = _("Instructions")[:31]
        _write_instructions(instructions, country, period, indicators)
        template_map = add_map_sheet(workbook, country_code=country.code, period_code=period.code, language=language)
        for indicator in indicators:
            sheet = workbook.create_sheet(indicator.code[:31])
            columns, rows = _write_grid(
                sheet, country, period, build_grid(indicator), stored_cells.get(indicator.pk, {})
            )
            add_places(template_map, sheet_title=sheet.title, indicator_code=indicator.code, columns=columns, rows=rows)
    return workbook


def _write_instructions(sheet, country, period, indicators):
    lines = [
        _("Data Sharing Mechanism: %(country)s, %(period)s")
        % {"country": translated(country.name), "period": period.code},
        "",
        _("Fill in one sheet per indicator. Type a whole number in each white cell, or a code:"),
        _(":  not available"),
        _("c  confidential"),
        _("z  not applicable"),
        _("Leave a total empty to have it computed from its breakdown."),
        _("Do not add, remove or move rows, columns or sheets: the upload reads each cell by its place."),
        _("Upload the file on the portal, or send it to your country administrator."),
        "",
        _("Indicators in this file:"),
        *(f"{indicator.code}: {translated(indicator.name)}" for indicator in indicators),
    ]
    for line in lines:
        sheet.append([line])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 100


def _write_grid(sheet, country, period, grid, cells):
    """Write the grid; returns the places of its value cells for the map: ([(column letters, key part)],
    [(row number, key part)])."""
    indicator = grid.indicator
    label_columns = len(grid.dimensions[1:])
    sheet.append([translated(indicator.name)])
    sheet.append([f"{translated(country.name)}, {period.code} ({translated(indicator.unit)})"])
    sheet.append([])
    sheet["A1"].font = Font(bold=True, size=13)
    header = [translated(dimension.name) for dimension in grid.dimensions[1:]]
    header += [translated(column.name) if column else _("Value") for column in grid.columns]
    sheet.append(header)
    for cell in sheet[FIRST_GRID_ROW]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    value_cells, rows = [], []
    for row in grid.rows:
        labels = [translated(category.name) for category in row.categories]
        entries = [_stored_value(cells.get(series.pk)) for series in row.cells]
        sheet.append(labels + entries)
        rows.append((sheet.max_row, series_key(row.categories)))
        for offset, series in enumerate(row.cells):
            cell = sheet.cell(row=sheet.max_row, column=label_columns + offset + 1)
            cell.protection = Protection(locked=False)
            cell.number_format = "#,##0"
            is_total = bool(grid.dimensions) and series.is_total  # a flat indicator has no total to mark
            cell.fill = TOTAL_FILL if is_total else INPUT_FILL
            if is_total:
                cell.font = Font(bold=True)
            value_cells.append((cell.coordinate, series))
    _add_validation(sheet, value_cells)
    for column in range(1, label_columns + len(grid.columns) + 1):
        sheet.column_dimensions[sheet.cell(row=FIRST_GRID_ROW, column=column).column_letter].width = 18
    sheet.freeze_panes = sheet.cell(row=FIRST_GRID_ROW + 1, column=label_columns + 1)
    sheet.protection.sheet = True  # labels locked; value cells are not
    columns = [
        (get_column_letter(label_columns + offset + 1), series_key([column]) if column else "")
        for offset, column in enumerate(grid.columns)
    ]
    return columns, rows


def _stored_value(cell):
    """What the template shows of a stored cell: its number, or its code."""
    if cell is None:
        return None
    if cell.number is not None and not cell.absence:
        return int(cell.number) if cell.number == cell.number.to_integral_value() else float(cell.number)
    return format_entry(cell) or None


def _add_validation(sheet, value_cells):
    if not value_cells:
        return
    first = value_cells[0][0]
    rule = DataValidation(
        type="custom",
        # Relative to the first cell of the range, as Excel applies it to each cell.
        formula1=f'OR(AND(ISNUMBER({first}),{first}>=0,{first}=INT({first})),{first}=":",{first}="c",{first}="z")',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("Not a count"),
        error=_("Type a whole number of 0 or more, or one of the codes : c z."),
    )
    rule.add(f"{first}:{value_cells[-1][0]}")
    sheet.add_data_validation(rule)
