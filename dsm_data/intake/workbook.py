"""Reading a filled-in Excel template, after ``reading`` has checked the file itself.

Each value cell is read by the template's hidden map (``template_map``) and turned into a
``Cell``; then the rules every channel runs are checked (``figures.indicator_rule_errors``).
Every problem is reported by sheet and cell; nothing is written here. The file is checked one
indicator at a time, and the Upload keeps the file rather than its cells: the services read
each indicator again when they store it (``template_cells``), so that memory does not grow
with the file.
"""

from django.utils.translation import gettext as _

from ..grid import build_grid
from ..models import Country, Indicator, Period
from . import figures, sheets, template_map
from .figures import Upload, counted, indicator_rule_errors
from .problems import Problem, Rejected
from .template_cells import TemplateCells, cells_of, mapped_values, sheet_values


def read_template(data):
    """The Upload of a checked template's bytes, or Rejected with every problem."""
    special = sheets.scan_sheets(data)
    workbook = sheets.open_workbook(data)
    try:
        counter = _CellCounter()
        titles = sheets.worksheet_titles(workbook)
        found_map = _read_map(workbook, counter) if template_map.META_SHEET in titles else None
        if found_map is None:
            raise Rejected.because(_("This is not a DSM template: download the template from the portal."))
        country = Country.objects.filter(code=found_map.country_code).first()
        period = Period.objects.filter(code=found_map.period_code).first()
        problems = _header_problems(found_map, country, period)
        if problems:
            raise Rejected(problems)
        indicators, places, problems = _checked_indicators(workbook, titles, found_map, special, counter)
        counter.check()
    finally:
        workbook.close()
    if problems:
        raise Rejected(problems)
    cells = TemplateCells(data, titles=titles, found_map=found_map, special=special, indicators=indicators)
    return Upload(country=country, period=period, cells=cells, places=places, grids=cells.grids)


def _read_map(workbook, counter):
    """The hidden map, read by python-calamine as openpyxl gave it (``sheets.plain_value``)."""
    offset, rows = sheets.sheet_rows(workbook, template_map.META_SHEET)
    return template_map.TemplateMap.from_rows(
        [sheets.plain_value(value) for value in ([""] * offset + row)[: len(template_map.COLUMNS)]]
        for row in counter.rows(rows, is_map=True)
    )


class _CellCounter:
    """Counts the filled cells of the sheets it reads, to refuse the file past the cap.

    The cap is on what people see and fill in (MAX_USED_CELLS): every sheet is counted
    to its end, so that a refusal tells the file's own count (``check``). The hidden map,
    written by the template, is counted apart against the room it needs to name that many
    cells, so a template of 100,000 value cells (500,000 cells with its map) is accepted;
    a map past that is refused at once.
    """

    def __init__(self):
        self.used = {"sheets": 0, "map": 0}

    def rows(self, rows, is_map=False):
        """The rows of a sheet (calamine's: an empty cell is ""), counted as they pass."""
        columns = len(template_map.COLUMNS)
        for row in rows:
            filled = len(row) - row.count("")
            if is_map:
                self.used["map"] = counted(
                    self.used["map"], filled, columns * (figures.MAX_USED_CELLS + template_map.HEADER_ROWS)
                )
            else:
                self.used["sheets"] += filled
            yield row

    def add_unseen(self, special):
        """Count the cells calamine reads as "" but which hold something: errors, formulas never computed."""
        self.used["sheets"] += sum(kind[0] == "error" or not kind[1] for kind in special.values())

    def check(self):
        """Rejected, telling the count, when the sheets people see hold more filled cells than the cap."""
        if self.used["sheets"] > figures.MAX_USED_CELLS:
            message = _("The file has %(count)s filled cells; at most %(limit)s are read.")
            raise figures.over_the_cap(message, self.used["sheets"])


def _header_problems(found_map, country, period):
    """Problems of the map's header: an older template, a country or period the portal does not know."""
    problems = []
    if found_map.version != template_map.TEMPLATE_VERSION:
        problems.append(
            Problem(_("This template is of version %(found)s; download the current one (version %(current)s).")
                    % {"found": found_map.version, "current": template_map.TEMPLATE_VERSION})
        )  # fmt: skip
    if country is None or period is None:
        problems.append(Problem(_("The template names a country or period the portal does not know.")))
    return problems


def _checked_indicators(workbook, titles, found_map, special, counter):
    """(the indicators the file holds cells of, where each cell is, problems): every sheet read once, in order.

    An indicator is checked once its last sheet is read (a template gives each its own sheet),
    and only the problems and the cells' places are kept. The rules are checked only while
    every cell so far reads as a figure: those problems come first.
    """
    indicators = {indicator.code: indicator for indicator in Indicator.objects.all()}
    last_sheet = {}  # indicator code -> title of the last sheet holding its cells
    for title in titles:
        for indicator_code in found_map.sheets.get(title, template_map.SheetPlaces()).indicator_codes():
            last_sheet[indicator_code] = title
    checked, places, problems, rule_problems = [], template_map.CellPlaces(), [], []
    pending = {}  # indicator code -> its cells read so far [(sheet, row, column, series key, value)]
    for title in titles:
        if title == template_map.META_SHEET:
            continue
        sheet_places = found_map.sheets.get(title, template_map.SheetPlaces())
        values = sheet_values(workbook, title, sheet_places, special.get(title, {}), counter=counter)
        for indicator_code, found in mapped_values(values, sheet_places, title).items():
            pending.setdefault(indicator_code, []).extend(found)
        del values  # one sheet's values at a time
        for indicator_code in [code for code, last in last_sheet.items() if last == title]:
            found = pending.pop(indicator_code, [])
            indicator = indicators.get(indicator_code)
            if not found:
                continue
            if indicator is None:
                problems.append(Problem(_("Unknown indicator %(code)s.") % {"code": indicator_code}, sheet=found[0][0]))
                continue
            grid, found_places = build_grid(indicator), []
            cells = cells_of(grid, found, problems=problems, places=found_places)
            places.add_indicator(found_places)
            checked.append(indicator)
            if not problems:
                rule_problems += indicator_rule_errors(grid, cells, places)
    return checked, places, problems or rule_problems
