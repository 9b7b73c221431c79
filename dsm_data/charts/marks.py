"""What a chart's marks say about their point: the data attributes tests read, gap codes, flag notes.

Shared by lines and bars, and by the template tag that writes the notes under a chart,
so that the letters on the chart and the words explaining them never disagree.
"""

from django.utils.translation import gettext as _

from ..cells import ABSENCE_CODES, format_number
from .scales import plain_number

GAP_CODES = tuple(ABSENCE_CODES)  # ":", "c", "z"


def point_data(label, series, point):
    """data-label, data-series, data-value (and data-flags) of a drawn figure."""
    data = (("label", label), ("series", series.name), ("value", plain_number(point.number)))
    return data + ((("flags", point.flags),) if point.flags else ())


def gap_data(label, series, point):
    """A gap carries its label, its series and its code, and no value at all."""
    return (("gap", gap_code(point)), ("label", label), ("series", series.name))


def break_data(label, series):
    return (("break", ""), ("label", label), ("series", series.name))


def gap_code(point):
    """The code written where a figure is missing: the table's own (":", "c", "z"), else ":"."""
    text = point.text.strip().lower()
    return text if text in GAP_CODES else ":"


def value_text(point):
    """A figure with its flag letters, as the table shows it: "1,234 p", and " b" at a break."""
    text = point.text or format_number(point.number)
    return f"{text} b" if point.is_break and not text.endswith("b") else text


def points(chart):
    return [point for series in chart.series for point in series.points]


def flag_notes(chart):
    """The meaning of every letter and code the chart shows, in the reader's language."""
    shown = points(chart)
    meanings = [
        ("p", _("provisional"), any(point.is_provisional for point in shown)),
        ("e", _("estimated"), any(point.is_estimated for point in shown)),
        ("b", _("break in series"), any(point.is_break for point in shown)),
    ]
    codes = {gap_code(point) for point in shown if point.is_gap}
    meanings += [
        (":", _("not available"), ":" in codes),
        ("c", _("confidential"), "c" in codes),
        ("z", _("not applicable"), "z" in codes),
    ]
    return [f"{letter} {meaning}" for letter, meaning, is_shown in meanings if is_shown]
