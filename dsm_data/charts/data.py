"""What a chart shows: labelled points of one or more series, with their flags, and its data table.

A point without a number (not collected, not available, confidential, not published
for the reader) is a gap: drawn as nothing, never as zero, and shown in the table as
the code the tables use.
"""

from dataclasses import dataclass, field
from decimal import Decimal

LINE = "line"  # a trend: periods along, one line per series
BARS = "bars"  # side by side: one bar per label and series
STACKED = "stacked"  # one bar per label, its series stacked (parts of a whole)
KINDS = (LINE, BARS, STACKED)


@dataclass(frozen=True)
class Point:
    """One figure of a series at one label (a period or a country)."""

    number: Decimal | None  # None: a gap
    text: str = ""  # as the tables show it: "1 234 p", ":", "c"; "" when not collected
    is_provisional: bool = False
    is_estimated: bool = False
    is_break: bool = False  # the series is counted a new way from here on (SeriesBreak)
    footnote: str = ""
    value_pk: int | None = None  # the value's page, for the table's links

    @property
    def is_gap(self):
        return self.number is None

    @property
    def flags(self):
        """The flag letters of the tables: "p" provisional, "e" estimated, "b" break in series."""
        return "".join(
            letter
            for letter, is_set in (("p", self.is_provisional), ("e", self.is_estimated), ("b", self.is_break))
            if is_set
        )


@dataclass
class Series:
    name: str
    points: list  # Point, one per label of the chart, in the labels' order
    code: str = ""  # a stable key for files (a country code, a category code)


@dataclass
class Chart:
    """A chart and everything said about it: the page shows the title, a screen reader reads the
    description, and the data table beside it holds every point."""

    kind: str  # LINE, BARS or STACKED
    title: str
    description: str  # one or two sentences: what it shows, for whom it was read
    unit: str
    labels: list  # the categories along the chart: period codes, or country names
    series: list = field(default_factory=list)  # Series
    source: str = ""  # where the figures come from, said under the chart
    slug: str = "chart"  # file names and element ids: "kaz-asylum-applications"
    label_heading: str = ""  # the table's first column heading: "Period", "Country", in the reader's language
    label_name: str = "label"  # the CSV's first column: "year", "country", a machine name like the others

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Unknown chart kind {self.kind!r}")
        for series in self.series:
            if len(series.points) != len(self.labels):
                raise ValueError(
                    f"Series {series.name!r} has {len(series.points)} points for {len(self.labels)} labels"
                )

    @property
    def is_empty(self):
        return all(point.is_gap for series in self.series for point in series.points)

    def numbers(self):
        return [point.number for series in self.series for point in series.points if not point.is_gap]

    def table(self):
        """(header, rows) of the data table: one row per label, one column per series.

        Each cell is the Point (templates show ``point.text``; files take ``point.number``).
        """
        header = [self.label_heading, *(series.name for series in self.series)]
        rows = [(label, [series.points[index] for series in self.series]) for index, label in enumerate(self.labels)]
        return header, rows

    def csv_rows(self):
        """(header, rows) of the chart's CSV: long, one row per label and series, numbers and flags apart."""
        header = [self.label_name, "series", "value", "text", "flags", "footnote"]
        rows = [
            [label, series.name, point.number, point.text, point.flags, point.footnote]
            for series in self.series
            for label, point in zip(self.labels, series.points, strict=True)
        ]
        return header, rows
