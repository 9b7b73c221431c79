"""The data browser's table as the rows of its files, at the pace of the database's cursor.

A CSV export may hold hundreds of thousands of rows, so each line costs as little Python as it
can: the database writes the figure as text and the flags as 0 and 1, and the cells that come
from the catalogue (names, units, sources, breakdowns, periods) are written as CSV once per
export, each time they are first met, not once per row.
"""

import csv
import io

from django.db.models import Case, Func, TextField, Value, When
from django.db.models.functions import Concat

from .exports import safe_text
from .selectors import ordered_pages
from .tables import breakdown_label

EXPORT_HEADER = [
    "indicator_code", "indicator", "country_code", "country", "period", "breakdown_code", "breakdown",
    "value", "missing_because", "provisional", "estimated", "footnote", "unit", "source",
]  # fmt: skip
# Rows fetched from the database's cursor at a time (a server-side cursor on PostgreSQL).
CHUNK_ROWS = 5000
ROW_FIELDS = ("indicator__code", "country__code", "period__code", "series__key")
# Between the codes of a CSV line's indicator, country and period, read as one key: no code holds it.
KEY_SEPARATOR = "\x1f"


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


def csv_lines(values, labels, combinations=None):
    """The lines of ``values`` (ordered as the page) as CSV text in EXPORT_HEADER's columns.

    ``labels``: selectors.catalogue.CatalogueLabels. Every text cell is made safe from formula
    injection (``exports.safe_text``), as ``exports.csv_response`` does for other tables.
    ``combinations``: as for the page (``ordered_pages.ordered_rows``), read in the same order.

    Four cells a row from the database, each a dictionary's key or text as written: the codes of the
    indicator, country and period as one key; the breakdown's code; the figure, absence and flags as
    their CSV already (digits, a code, 0 and 1 never need quoting); the footnote, which may.
    """
    annotated = values.annotate(
        head=Concat("indicator__code", Value(KEY_SEPARATOR), "country__code", Value(KEY_SEPARATOR), "period__code"),
        figures=Concat(
            *(FigureText("number"), Value(","), "absence", Value(",")),
            *(flag_text("is_provisional"), Value(","), flag_text("is_estimated")),
            output_field=TextField(),
        ),
    )
    rows = ordered_pages.ordered_rows(
        annotated, ("head", "series__key", "figures", "footnote"), combinations, CHUNK_ROWS
    )
    heads, breakdowns = {}, {}  # fields written once for each catalogue entry met

    def head_of(key):
        """(the line's cells before the breakdown, those after the footnote), written as CSV."""
        indicator, country, period = key.split(KEY_SEPARATOR)
        first = [indicator, labels.indicators[indicator], country, labels.countries[country], period]
        last = [labels.units.get(indicator, ""), labels.sources.get((indicator, country), "")]
        return csv_fields(first), csv_fields(last)

    for key, series_key, figures, footnote in rows:
        head = heads.get(key)
        if head is None:
            head = heads[key] = head_of(key)
        breakdown = breakdowns.get(series_key)
        if breakdown is None:
            label = breakdown_label(series_key, labels.categories)
            breakdown = breakdowns[series_key] = csv_fields([series_key, label])
        note = csv_fields([footnote]) if footnote else ""
        yield f"{head[0]},{breakdown},{figures},{note},{head[1]}\r\n"


def export_rows(values, labels, combinations=None):
    """The rows of ``values`` (ordered as the page) in EXPORT_HEADER's columns, as the XLSX writer takes them."""
    fields = (*ROW_FIELDS, "number", "absence", "is_provisional", "is_estimated", "footnote")
    for indicator, country, period, series_key, *figures, footnote in ordered_pages.ordered_rows(
        values, fields, combinations, CHUNK_ROWS
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
