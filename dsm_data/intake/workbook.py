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
    special = sheets.scan_sheets(data)
    workbook = sheets.open_workbook(data)
    try:
        counter = _CellCounter()
        titles = sheets.worksheet_titles(workbook)
        found_map = _read_map(workbook, counter) if template_map.META_SHEET in titles else None
        if found_map is None:
            raise Rejected.because(_("This is not a DSM template: download the template from the portal."))
        upload, problems = _read_cells(found_map, _mapped_values(workbook, titles, found_map, special, counter))
        counter.check()
    finally:
        workbook.close()
    if not problems:
        problems = rule_errors(upload)
    if problems:
        raise Rejected(problems)
    return upload


def _read_map(workbook, counter):
    """The hidden map, read by python-calamine as openpyxl gave it (``sheets.plain_value``)."""
    offset, rows = sheets.sheet_rows(workbook, template_map.META_SHEET)
    return template_map.TemplateMap.from_rows(
        [sheets.plain_value(value) for value in ([""] * offset + row)[: len(template_map.COLUMNS)]]
        for row in counter.rows(rows, is_map=True)
    )


# A formula whose value Excel never computed (the file was not saved by a program that calculates).
FORMULA_WITHOUT_VALUE = object()


def _mapped_values(workbook, titles, found_map, special, counter):
    """(sheet, cell, indicator code, series key, value) of every value cell the map names, sheet by sheet.

    python-calamine reads each sheet once, row by row, and only the cells the map names
    are kept (as openpyxl gave them: ``sheets.plain_value``); formulas are read by the value
    Excel computed, found apart with errors (``sheets.scan_sheets``). Every filled cell of
    every sheet counts against the cap (``_CellCounter``), mapped or not.
    """
    for title in titles:
        if title == template_map.META_SHEET:
            continue
        places = found_map.sheets.get(title, template_map.SheetPlaces())
        values = _sheet_values(workbook, title, counter, places, special.get(title, {}))
        for row_number, column, indicator_code, key in places.cells():
            cell = f"{sheets.column_letters(column)}{row_number}"
            yield title, cell, indicator_code, key, values.get((row_number, column))


def _sheet_values(workbook, title, counter, places, special):
    """{(row, column): value} of sheet ``title``'s cells at the map's rows and columns; ``special``: the sheet's
    formulas and errors (``sheets.scan_sheets``)."""
    offset, rows = sheets.sheet_rows(workbook, title)
    columns = [(column, column - 1 - offset) for column in places.columns if column - 1 - offset >= 0]
    values = {}
    for row_number, row in enumerate(counter.rows(rows), start=1):
        if row_number in places.rows:
            width = len(row)
            for column, index in columns:
                if index < width:
                    values[(row_number, column)] = sheets.plain_value(row[index])
    # calamine reads an error as "", and leaves out a formula never computed, even its row when nothing else is.
    counter.add_unseen(special)
    for place, (kind, detail) in special.items():
        if kind == "error":
            values[place] = detail
        elif not detail:
            values[place] = FORMULA_WITHOUT_VALUE
    return values


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


def _read_cells(found_map, mapped_values):
    """(the Upload of every cell the map names, problems); ``mapped_values`` as ``_mapped_values`` yields them."""
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
    # Per indicator code: [indicator, its series by key, its cells]; 100,000 cells come sheet by sheet,
    # and need not look their indicator up again.
    known = {}
    for sheet, cell, indicator_code, key, raw in mapped_values:
        target = known.get(indicator_code)
        if target is None:
            indicator = indicators.get(indicator_code)
            if indicator is None:
                problems.append(Problem(_("Unknown indicator %(code)s.") % {"code": indicator_code}, sheet=sheet))
                known[indicator_code] = target = [None, {}, None]
            else:
                grid = upload.grids[indicator.code] = build_grid(indicator)
                target = known[indicator_code] = [indicator, grid.series_by_key, upload.cells.setdefault(indicator, {})]
        if target[0] is None:
            continue
        series = target[1].get(key)
        if series is None:
            problems.append(Problem(_("This cell is not part of the indicator any more."), sheet=sheet, cell=cell))
            continue
        upload.places[series.pk] = (sheet, cell)
        if raw is FORMULA_WITHOUT_VALUE:
            problems.append(Problem(_("A formula without a computed value: open the file in Excel, let it "
                                      "calculate, and save it again."), sheet=sheet, cell=cell))  # fmt: skip
            continue
        try:
            target[2][series.pk] = cell_from_spreadsheet(raw)
        except ValueError:
            problems.append(
                Problem(
                    _("“%(text)s” is not a number or one of the codes : c z.") % {"text": raw}, sheet=sheet, cell=cell
                )
            )
    return upload, problems
