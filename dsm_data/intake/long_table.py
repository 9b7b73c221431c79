"""A long table of figures, CSV or Excel: one figure per row, as a secretariat loads past years.

The columns are ``indicator, country, period, <one per dimension>, value, flag,
footnote, comment, reason`` (``records``), or whatever a mapping makes of a
publisher's export. Every problem is reported with its row and column, grouped by
kind with the allowed values (``codes``), and nothing is returned unless all is
good. Rows a mapping's recode puts on one cell (every origin outside the list ->
OTHER) are summed, the sum marked estimated with a footnote naming them; a figure
given twice otherwise is an error. This module reads and checks only: services store.
"""

from collections.abc import Mapping
from dataclasses import replace

from django.utils.translation import gettext as _

from ..grid import build_grid, series_key
from ..models import TOTAL_CODE
from . import records as table_records
from .codes import Codes
from .figures import Upload, rule_errors, summed
from .problems import Problem, Rejected
from .sheets import COLUMN_BITS, cell_name, column_number, packed_cell
from .table_rows import read_rows, text_of


def read_long_table(data, *, mapping=None):
    """Every figure of a checked CSV or xlsx long table, read through ``mapping`` if given: [Upload]."""
    spec = table_records.spec_of(mapping)
    if spec is None:
        sheet_rows = read_rows(data)
    else:  # only the columns the mapping reads are kept and counted against the cap
        sheet_rows = read_rows(data, sheet=spec.sheet, columns=table_records.mapped_columns(spec))
    codes = Codes(recode=spec.recode if spec else None)
    try:
        if spec is None:
            layout = table_records.native_layout(sheet_rows, set(codes.dimensions))
        else:
            layout = table_records.mapped_layout(sheet_rows, spec)
    except Rejected:
        sheet_rows.read_to_the_end()  # a file over the cap is told so first, whatever else is wrong
        raise
    return read_records(table_records.records(sheet_rows.taken(), layout), codes=codes, sheet=sheet_rows.title)


def read_records(rows, *, codes, sheet):
    """One Upload per country and period of the records ``rows``; Rejected with every problem."""
    reader = _TableReader(codes, sheet)
    for record in rows:
        reader.read(record)
    if reader.problems:
        raise Rejected(reader.problems)
    uploads = reader.uploaded()
    if not uploads:
        raise Rejected([Problem(_("The table holds no figures."), sheet=sheet)])
    problems = []
    for upload in uploads:
        where = _("%(country)s, %(period)s") % {"country": upload.country, "period": upload.period.code}
        problems += [replace(problem, message=f"{where}: {problem.message}") for problem in rule_errors(upload)]
    if problems:
        raise Rejected(problems)
    return uploads


class _RowPlaces(Mapping):
    """{series pk: (sheet, cell)} of one upload's figures, all on one sheet. Each is held as one number, its
    row and column packed (``sheets.packed_cell``), and spelled only when a message names the cell: a tuple
    and a string for each of 40,000 figures took 5 MB."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.packed = {}  # series pk -> packed cell (column 0: the value came from no cell)

    def add(self, pk, *, row, column):
        self.packed[pk] = packed_cell(row, column)

    def row(self, pk):
        return self.packed[pk] >> COLUMN_BITS

    def __getitem__(self, pk):
        return self.sheet, cell_name(self.packed[pk])

    def __contains__(self, pk):
        return pk in self.packed

    def __iter__(self):
        return iter(self.packed)

    def __len__(self):
        return len(self.packed)


class _TableReader:
    """Reads records one by one into one Upload per country and period, noting every problem on the way.

    A figure is kept as its Cell in its upload. Only the rows a recode put on one cell are kept
    besides (``parts``), to be summed at the end: a long table's 50,000 figures held as rows took
    7 MB more than their Cells.
    """

    def __init__(self, codes, sheet):
        self.codes = codes
        self.sheet = sheet
        self.grids = {}
        self.uploads = {}  # (country pk, period pk) -> Upload, in the order first seen
        # (country pk, period pk, indicator, series pk) -> [(row number, Cell, {field: text before recoding})]
        self.parts = {}
        self.problems = []
        self._reported = set()
        self._known_series = {}  # (indicator code, ((dimension, text), ...)) -> (series, recoded texts)

    def _problem(self, record, name, message, **details):
        cell = record.cell(name)
        if (name, message, cell) in self._reported:
            return  # a fixed value or a column of values' header: said once
        self._reported.add((name, message, cell))
        self.problems.append(Problem(message, sheet=self.sheet, cell=cell, **details))

    def read(self, record):
        found = {name: self._key(record, name) for name in ("indicator", "country", "period")}
        if any(item is None for item in found.values()):
            return
        if any(item.left_out for item in found.values()):
            return
        indicator, country, period = (found[name].item for name in ("indicator", "country", "period"))
        series, recoded = self._series(record, indicator)
        if series is None:
            return
        entry = table_records.entry_of(record, self._problem)
        if entry is None:
            return
        recoded_keys = {name: text_of(record.texts.get(name)) for name in found if found[name].recoded}
        if recoded_keys:  # most rows are not recoded: they share the series' empty dict
            recoded = {**recoded, **recoded_keys}
        self._keep(record, country, period, indicator, series.pk, (record.number, entry, recoded))

    def _keep(self, record, country, period, indicator, pk, part):
        """Put a row's Cell in its upload; a second row for the same cell summed with it if a recode allows."""
        upload = self.uploads.get((country.pk, period.pk))
        if upload is None:
            upload = Upload(country=country, period=period, places=_RowPlaces(self.sheet))
            self.uploads[(country.pk, period.pk)] = upload
        cells = upload.cells.get(indicator)
        if cells is None:
            cells = upload.cells[indicator] = {}
            upload.grids[indicator.code] = self.grids[indicator.code]
        number, entry, recoded = part
        given = cells.get(pk)
        if given is None:
            cells[pk] = entry
            upload.places.add(pk, row=number, column=self._column(record))
            if recoded:
                self.parts[(country.pk, period.pk, indicator, pk)] = [part]
            return
        parts = self.parts.get((country.pk, period.pk, indicator, pk)) or [(upload.places.row(pk), given, {})]
        if not self._may_sum(parts, recoded):
            self._problem(
                record, "value", _("The same figure is given twice, in rows %(first)s and %(second)s.")
                % {"first": parts[0][0], "second": number}, group=_("The same figure is given twice"),
            )  # fmt: skip
            return
        self.parts[(country.pk, period.pk, indicator, pk)] = [*parts, part]

    @staticmethod
    def _column(record):
        """The number of the column the record's value came from (0: none)."""
        letters = record.places.get("value", ("", None))[0]
        return column_number(letters) if letters else 0

    @staticmethod
    def _may_sum(parts, recoded):
        """Rows are summed when a recode put them together: at most one of them not recoded, no two the same."""
        unrecoded = sum(not texts for _number, _cell, texts in parts) + (not recoded)
        return unrecoded <= 1 and all(texts != recoded for _number, _cell, texts in parts)

    def _key(self, record, name):
        """The Found of a key field, or None (the problem noted)."""
        text = text_of(record.texts.get(name))
        found = self.codes.look_up(name, text)
        if found.left_out or found.item is not None:
            return found
        self._unknown(record, name, text, found)
        return None

    def _unknown(self, record, name, text, found):
        recoded = _(" (recoded from “%(text)s”)") % {"text": text} if found.recoded else ""
        outside = self.codes.country_outside_the_portal(found.code) if name == "country" else ""
        if outside and found.code.upper() == outside:
            heading = _("“%(code)s” is not one of the portal's countries") % {"code": outside}
        elif outside:
            heading = _("“%(text)s” (%(code)s) is not one of the portal's countries") % {
                "text": found.code,
                "code": outside,
            }
        elif name in ("indicator", "country", "period"):
            heading = {
                "indicator": _("Unknown indicator “%(code)s”"),
                "country": _("Unknown country “%(code)s”"),
                "period": _("Unknown period “%(code)s”"),
            }[name] % {"code": found.code}
        else:
            heading = _("Unknown category “%(code)s” of %(dimension)s") % {"code": found.code, "dimension": name}
        self._problem(
            record, name, f"{heading}{recoded}.", group=heading, hint=self.codes.hint(name), field=name, value=text
        )

    def _series(self, record, indicator):
        """(the series the record's categories name, {dimension: text before recoding}), or (None, None)."""
        texts = tuple((name, text_of(text)) for name, text in record.texts.items() if name in self.codes.dimensions)
        known = self._known_series.get((indicator.code, texts))
        if known is not None:
            return known
        grid = self.grids.get(indicator.code)
        if grid is None:
            grid = self.grids[indicator.code] = build_grid(indicator)
        own = {dimension.code.upper() for dimension in grid.dimensions}
        for name, text in texts:
            if name not in own and text not in ("", TOTAL_CODE):
                self._problem(
                    record, name, _("%(indicator)s has no breakdown by %(dimension)s.")
                    % {"indicator": indicator.code, "dimension": name},
                    group=_("%(indicator)s has no breakdown by %(dimension)s")
                    % {"indicator": indicator.code, "dimension": name},
                    hint=_("breakdowns of %(indicator)s: %(codes)s")
                    % {"indicator": indicator.code, "codes": ", ".join(sorted(own)) or "—"},
                )  # fmt: skip
                return None, None
        categories, recoded, given = [], {}, dict(texts)
        for dimension in grid.dimensions:
            name = dimension.code.upper()
            text = given.get(name, "")
            found = self.codes.look_up(name, text)
            if found.left_out:
                return None, None
            if found.item is None:
                self._unknown(record, name, text, found)
                return None, None
            categories.append(found.item)
            if found.recoded:
                recoded[name] = text
        known = self._known_series[(indicator.code, texts)] = (grid.series_by_key.get(series_key(categories)), recoded)
        return known

    def uploaded(self):
        """One Upload per country and period, in the order first seen; rows put together summed."""
        for (country_pk, period_pk, indicator, pk), parts in self.parts.items():
            if len(parts) > 1:
                self.uploads[(country_pk, period_pk)].cells[indicator][pk] = summed(parts)
        self.parts = {}
        return list(self.uploads.values())
