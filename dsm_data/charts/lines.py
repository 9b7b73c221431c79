"""A trend: one line per series along the chart's labels (periods).

A missing figure breaks the line: the points on either side are not joined, and a
point with no neighbour is a lone dot. Nothing is ever drawn at zero for a gap.
"""

from .axes import label_axis, value_axis
from .marks import break_data, gap_code, gap_data, point_data
from .shapes import MUTED, Blank, Line, Marker, Polyline, Text, series_style


def plot(chart, drawing, area, *, compact=False):
    """Draw the lines into ``area``; returns the plot's bottom edge."""
    font = drawing.font_size
    scale, left = value_axis(drawing, chart.numbers(), area, compact=compact, bottom_room=font * 1.6)
    slot = (area.right - left) / max(len(chart.labels), 1)
    positions = [left + slot * (index + 0.5) for index in range(len(chart.labels))]
    baseline = scale.start
    label_axis(drawing, chart.labels, positions, slot=slot, baseline=baseline)
    mark_breaks(drawing, chart, positions, slot=slot, top=area.top, bottom=baseline)
    radius = min(font * 0.28, slot * 0.3)
    for index, series in enumerate(chart.series):
        style = series_style(index, len(chart.series))
        draw_series(drawing, chart, series, style, positions, scale, radius=radius)
    return area.bottom


def draw_series(drawing, chart, series, style, positions, scale, *, radius):
    alone = len(chart.series) == 1
    for run in runs(series.points):
        if len(run) > 1:
            drawing.add(
                Polyline(
                    tuple((positions[index], scale(series.points[index].number)) for index in run),
                    style.colour,
                    weight=drawing.font_size * 0.15,
                    dash=style.dash,
                    data=(("series", series.name),),
                )
            )
    for index, (label, point) in enumerate(zip(chart.labels, series.points, strict=True)):
        if point.is_gap:
            drawing.add(gap_mark(drawing, label, series, point, x=positions[index], baseline=scale.start, alone=alone))
            continue
        drawing.add(
            Marker(
                positions[index],
                scale(point.number),
                radius,
                style.colour,
                shape=style.shape,
                hollow=point.is_provisional or point.is_estimated,
                data=point_data(label, series, point),
            )
        )


def gap_mark(drawing, label, series, point, *, x, baseline, alone):
    """A lone series shows the gap's code just above the axis; with several, the code would collide."""
    if not alone:
        return Blank(data=gap_data(label, series, point))
    size = drawing.font_size * 0.85
    return Text(
        x,
        baseline - size * 0.4,
        gap_code(point),
        size,
        MUTED,
        anchor="middle",
        role="gap",
        data=gap_data(label, series, point),
    )


def runs(points):
    """Indexes of consecutive figures, split at every gap: [[0, 1, 2], [4, 5]]."""
    found, current = [], []
    for index, point in enumerate(points):
        if point.is_gap:
            if current:
                found.append(current)
            current = []
        else:
            current.append(index)
    if current:
        found.append(current)
    return found


def mark_breaks(drawing, chart, positions, *, slot, top, bottom):
    """A dashed vertical line between the last period counted the old way and the first counted the new
    way, and a "b" over it (once per period, however many series break there)."""
    font = drawing.font_size
    lettered = set()
    for series in chart.series:
        for index, (label, point) in enumerate(zip(chart.labels, series.points, strict=True)):
            if not point.is_break:
                continue
            x = positions[index] - slot / 2 if index else positions[index]
            drawing.add(
                Line(
                    x,
                    top + font * 0.95,
                    x,
                    bottom,
                    colour=MUTED,
                    dash=(4, 3),
                    role="break",
                    data=break_data(label, series),
                )
            )
            if index not in lettered:
                lettered.add(index)
                drawing.add(Text(x + font * 0.25, top + font * 0.9, "b", font * 0.85, MUTED, role="break"))
