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
    found_map, values = _read_workbook(data)
    if found_map is None:
        raise Rejected.because(_("This is not a DSM template: download the template from the portal."))
    upload, problems = _read_cells(found_map, values)
    del found_map, values  # the map's 100,000 cells and their values, not held while the rules run
    if not problems:
        problems = rule_errors(upload)
    if problems:
        raise Rejected(problems)
    return upload


def _read_workbook(data):
    """(the hidden map, the value of each cell it names, in the map's order).

    python-calamine reads each sheet once, row by row, and only the cells the map names
    are kept (as openpyxl gave them: ``sheets.plain_value``); formulas are read by the value
    Excel computed, found apart with errors (``sheets.scan_sheets``). Every filled cell
    counts against the cap (``_CellCounter``).
    """
    special = sheets.scan_sheets(data)
    workbook = sheets.open_workbook(data)
    try:
        counter = _CellCounter()
        titles = sheets.worksheet_titles(workbook)
        found_map = None
        if template_map.META_SHEET in titles:
            offset, rows = sheets.sheet_rows(workbook, template_map.META_SHEET)
            map_rows = (
                [sheets.plain_value(value) for value in ([""] * offset + row)[: len(template_map.COLUMNS)]]
                for row in counter.rows(rows, is_map=True)
            )
            found_map = template_map.TemplateMap.from_rows(map_rows)
        wanted = found_map.positions_by_sheet() if found_map else {}
        values = [None] * (len(found_map.cells) if found_map else 0)
        for title in titles:
            if title != template_map.META_SHEET:
                _read_sheet(workbook, title, counter, wanted.get(title, {}), special.get(title, {}), values)
        counter.check()
        return found_map, values
    finally:
        workbook.close()


# A formula whose value Excel never computed (the file was not saved by a program that calculates).
FORMULA_WITHOUT_VALUE = object()


def _read_sheet(workbook, title, counter, wanted_rows, special, values):
    """Put into ``values`` the cells of sheet ``title`` the map names (``wanted_rows``: {row: [(column, index)]});
    ``special``: the sheet's formulas and errors (``sheets.scan_sheets``)."""
    offset, rows = sheets.sheet_rows(workbook, title)
    for row_number, row in enumerate(counter.rows(rows), start=1):
        wanted = wanted_rows.get(row_number)
        if not wanted:
            continue
        width = len(row)
        for column, index in wanted:
            place = column - 1 - offset
            if 0 <= place < width:
                values[index] = sheets.plain_value(row[place])
    # calamine reads an error as "", and leaves out a formula never computed, even its row when nothing else is.
    counter.add_unseen(special)
    for (row_number, column), (kind, detail) in special.items():
        for wanted_column, index in wanted_rows.get(row_number, ()):
            if wanted_column == column:
                values[index] = detail if kind == "error" else (values[index] if detail else FORMULA_WITHOUT_VALUE)


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


def _read_cells(found_map, values):
    """The Upload of every cell the map names; ``values`` are their contents in the map's order."""
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
    # Per indicator code: [indicator, its series by key, its cells once one is read]; 100,000 cells come
    # in the map's order, indicator by indicator, and need not look their indicator up again.
    known = {}
    for mapped, raw in zip(found_map.cells, values, strict=True):
        target = known.get(mapped.indicator_code)
        if target is None:
            indicator = indicators.get(mapped.indicator_code)
            if indicator is None:
                problems.append(
                    Problem(_("Unknown indicator %(code)s.") % {"code": mapped.indicator_code}, sheet=mapped.sheet)
                )
                continue
            if indicator.code not in upload.grids:
                upload.grids[indicator.code] = build_grid(indicator)
            target = known[mapped.indicator_code] = [indicator, upload.grids[indicator.code].series_by_key, None]
        series = target[1].get(mapped.series_key)
        if series is None:
            problems.append(_placed(mapped, _("This cell is not part of the indicator any more.")))
            continue
        series_pk = series.pk
        upload.places[series_pk] = (mapped.sheet, mapped.cell)
        if target[2] is None:
            target[2] = upload.cells.setdefault(target[0], {})
        if raw is FORMULA_WITHOUT_VALUE:
            problems.append(_placed(mapped, _("A formula without a computed value: open the file in Excel, let it "
                                              "calculate, and save it again.")))  # fmt: skip
            continue
        try:
            target[2][series_pk] = cell_from_spreadsheet(raw)
        except ValueError:
            problems.append(_placed(mapped, _("“%(text)s” is not a number or one of the codes : c z.") % {"text": raw}))
    return upload, problems


def _placed(mapped, message):
    return Problem(message, sheet=mapped.sheet, cell=mapped.cell)
