"""The data browser's table as the rows of its files, at the pace of the database's cursor.

A CSV export may hold hundreds of thousands of rows, so each line costs as little Python as it
can: the database writes the figure as text and the flags as 0 and 1, and the cells that come
from the catalogue (names, units, sources, breakdowns, periods) are written as CSV once per
export, each time they are first met, not once per row.
"""

import csv
import io

from django.db.models import Case, Func, TextField, Value, When

from .exports import safe_text
from .tables import breakdown_label

EXPORT_HEADER = [
    "indicator_code", "indicator", "country_code", "country", "period", "breakdown_code", "breakdown",
    "value", "missing_because", "provisional", "estimated", "footnote", "unit", "source",
]  # fmt: skip
# Rows fetched from the database's cursor at a time (a server-side cursor on PostgreSQL).
CHUNK_ROWS = 5000
ROW_FIELDS = ("indicator__code", "country__code", "period__code", "series__key")


class FigureText(Func):
    """A stored figure as text, without trailing zeros: 1234.000 -> "1234", 12.500 -> "12.5".

    SQLite keeps a decimal as an integer or a real already; PostgreSQL's numeric keeps its
    scale, which ``trim_scale`` drops.
    """

    output_field = TextField()
    template = "CAST(%(expressions)s AS TEXT)"

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="trim_scale(%(expressions)s)::text", **extra_context)


def flag_text(field):
    """A flag as the text "1" or "0", as the CSV holds it."""
    return Case(When(**{field: True}, then=Value("1")), default=Value("0"), output_field=TextField())


def csv_fields(cells):
    """``cells`` made safe and written as one CSV line's fields, without the line's end."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow([safe_text(cell) for cell in cells])
    return buffer.getvalue().removesuffix("\r\n")


def csv_lines(values, labels):
    """The lines of ``values`` (ordered as the page) as CSV text in EXPORT_HEADER's columns.

    ``labels``: selectors.catalogue.CatalogueLabels. Every text cell is made safe from formula
    injection (``exports.safe_text``), as ``exports.csv_response`` does for other tables.
    """
    rows = values.annotate(
        figure=FigureText("number"), provisional=flag_text("is_provisional"), estimated=flag_text("is_estimated")
    ).values_list(*ROW_FIELDS, "figure", "absence", "provisional", "estimated", "footnote")
    names, breakdowns, periods = {}, {}, {}  # fields written once for each catalogue entry met

    def names_of(indicator, country):
        first = [indicator, labels.indicators[indicator], country, labels.countries[country]]
        last = [labels.units.get(indicator, ""), labels.sources.get((indicator, country), "")]
        return csv_fields(first), csv_fields(last)

    for indicator, country, period, series_key, figure, absence, provisional, estimated, footnote in rows.iterator(
        chunk_size=CHUNK_ROWS
    ):
        pair = names.get((indicator, country))
        if pair is None:
            pair = names[indicator, country] = names_of(indicator, country)
        breakdown = breakdowns.get(series_key)
        if breakdown is None:
            label = breakdown_label(series_key, labels.categories)
            breakdown = breakdowns[series_key] = csv_fields([series_key, label])
        period_field = periods.get(period)
        if period_field is None:
            period_field = periods[period] = csv_fields([period])
        # The figure (digits, sign, point) and the absence (a code) never need quoting; a footnote may.
        note = csv_fields([footnote]) if footnote else ""
        yield (
            f"{pair[0]},{period_field},{breakdown},{figure or ''},{absence},"
            f"{provisional},{estimated},{note},{pair[1]}\r\n"
        )


def export_rows(values, labels):
    """The rows of ``values`` (ordered as the page) in EXPORT_HEADER's columns, as the XLSX writer takes them."""
    fields = ("number", "absence", "is_provisional", "is_estimated", "footnote")
    for indicator, country, period, series_key, *figures, footnote in values.values_list(*ROW_FIELDS, *fields).iterator(
        chunk_size=CHUNK_ROWS
    ):
        yield [
            indicator,
            labels.indicators[indicator],
            country,
            labels.countries[country],
            period,
            series_key,
            breakdown_label(series_key, labels.categories),
            *figures,
            footnote,
            labels.units.get(indicator, ""),
            labels.sources.get((indicator, country), ""),
        ]
