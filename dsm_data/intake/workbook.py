"""Reading a filled-in Excel template, after ``reading`` has checked the file itself.

Each value cell is read by the template's hidden map (``template_map``) and turned
into a ``Cell``; then the rules every channel runs are checked (``figures.rule_errors``).
Every problem is reported by sheet and cell; nothing is written here.
"""

from django.utils.translation import gettext as _

from ..cells import cell_from_spreadsheet
from ..grid import build_grid
from ..models import Country, Indicator, Period
from . import figures, sheets, template_map
from .figures import Upload, counted, rule_errors
from .problems import Problem, Rejected


def read_template(data):
    """The Upload of a checked template's bytes, or Rejected with every problem."""
    found_map, entries, has_formulas = _read_workbook(data, data_only=False)
    if found_map is None:
        raise Rejected.because(_("This is not a DSM template: download the template from the portal."))
    # Formulas were read as their text: then read again, by the same map, for the values Excel computed.
    values = _read_workbook(data, data_only=True, known_map=found_map)[1] if has_formulas else entries
    upload, problems = _read_cells(found_map, values, entries)
    if not problems:
        problems = rule_errors(upload)
    if problems:
        raise Rejected(problems)
    return upload


def _read_workbook(data, *, data_only, known_map=None):
    """(the hidden map, the value of each cell it names in the map's order, whether any cell is a formula).

    openpyxl's read-only mode, values only, and only the cells the map names are
    kept: cell objects, or a dict of every cell, cost more time and memory than
    reading the file. Every filled cell counts against the cap (``_CellCounter``). Given
    ``known_map``, the hidden sheet is not read again.
    """
    workbook = sheets.open_workbook(data, data_only=data_only)
    try:
        counter = _CellCounter()
        found_map = known_map
        if found_map is None and template_map.META_SHEET in workbook.sheetnames:
            found_map = template_map.TemplateMap.from_rows(
                list(counter.rows(workbook[template_map.META_SHEET], is_map=True))
            )
        cells = found_map.cells if found_map else []
        wanted = found_map.positions_by_sheet() if found_map else {}
        values = [None] * len(cells)
        for sheet in workbook.worksheets:
            if sheet.title == template_map.META_SHEET:
                continue
            wanted_rows = wanted.get(sheet.title, {})
            for row_number, row in enumerate(counter.rows(sheet), start=1):
                for column, index in wanted_rows.get(row_number, ()):
                    if column <= len(row):
                        values[index] = row[column - 1]
        counter.check()
        return found_map, values, counter.has_formulas
    finally:
        workbook.close()


class _CellCounter:
    """Counts the filled cells of the sheets it reads, to refuse the file past the cap; notes formulas.

    The cap is on what people see and fill in (MAX_USED_CELLS): every sheet is counted
    to its end, so that a refusal tells the file's own count (``check``). The hidden map,
    written by the template, is counted apart against the room it needs to name that many
    cells, so a template of 100,000 value cells (500,000 cells with its map) is accepted;
    a map past that is refused at once.
    """

    def __init__(self):
        self.used = {"sheets": 0, "map": 0}
        self.has_formulas = False

    def rows(self, sheet, is_map=False):
        columns = len(template_map.COLUMNS)
        for row in sheets.sheet_rows(sheet):
            if is_map:
                self.used["map"] = counted(
                    self.used["map"],
                    len(row) - row.count(None),
                    columns * (figures.MAX_USED_CELLS + template_map.HEADER_ROWS),
                )
            else:
                self.used["sheets"] += len(row) - row.count(None)
            if not self.has_formulas:
                self.has_formulas = any(isinstance(value, str) and value.startswith("=") for value in row)
            yield row

    def check(self):
        """Rejected, telling the count, when the sheets people see hold more filled cells than the cap."""
        if self.used["sheets"] > figures.MAX_USED_CELLS:
            message = _("The file has %(count)s filled cells; at most %(limit)s are read.")
            raise figures.over_the_cap(message, self.used["sheets"])


def _read_cells(found_map, values, formulas):
    """The Upload of every cell the map names; ``values`` and ``formulas`` are their contents in the map's order."""
    problems = []
    if found_map.version != template_map.TEMPLATE_VERSION:
        problems.append(
            Problem(_("This template is of version %(found)s; download the current one (version %(current)s).")
                    % {"found": found_map.version, "current": template_map.TEMPLATE_VERSION})
        )  # fmt: skip
    country = Country.objects.filter(code=found_map.country_code).first()
    period = Period.objects.filter(code=found_map.period_code).first()
    if country is None or period is None:
        problems.append(Problem(_("The template names a country or period the portal does not know.")))
    if problems:
        return None, problems
    upload = Upload(country=country, period=period)
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    for mapped, raw, formula in zip(found_map.cells, values, formulas, strict=True):
        indicator = indicators.get(mapped.indicator_code)
        if indicator is None:
            problems.append(
                Problem(_("Unknown indicator %(code)s.") % {"code": mapped.indicator_code}, sheet=mapped.sheet)
            )
            continue
        if indicator.code not in upload.grids:
            upload.grids[indicator.code] = build_grid(indicator)
        series = upload.grids[indicator.code].series_by_key.get(mapped.series_key)
        if series is None:
            problems.append(_placed(mapped, _("This cell is not part of the indicator any more.")))
            continue
        upload.places[series.pk] = (mapped.sheet, mapped.cell)
        cells = upload.cells.setdefault(indicator, {})
        if isinstance(formula, str) and formula.startswith("=") and raw in (None, formula):
            problems.append(_placed(mapped, _("A formula without a computed value: open the file in Excel, let it "
                                              "calculate, and save it again.")))  # fmt: skip
            continue
        try:
            cells[series.pk] = cell_from_spreadsheet(raw)
        except ValueError:
            problems.append(_placed(mapped, _("“%(text)s” is not a number or one of the codes : c z.") % {"text": raw}))
    return upload, problems


def _placed(mapped, message):
    return Problem(message, sheet=mapped.sheet, cell=mapped.cell)
