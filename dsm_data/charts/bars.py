"""Bars, side by side (BARS) or stacked (STACKED): upright for a few short labels, lying for many
or long ones (country names on a phone), always from zero.

A missing figure has no bar: its code (":", "c", "z") stands where the bar would start,
never a bar of height zero.
"""

from dataclasses import dataclass
from decimal import Decimal

from .axes import bottom_axis, label_axis, value_axis, widest_tick
from .data import STACKED
from .marks import break_data, gap_code, gap_data, point_data, value_text
from .scales import Scale
from .shapes import INK, MUTED, Blank, Rect, Text, lighter, series_style, shorten, text_width


@dataclass(frozen=True)
class Piece:
    """One bar, or one part of a stacked bar, from ``start`` to ``end`` (figures, not positions)."""

    series_index: int
    series: object
    point: object
    start: Decimal
    end: Decimal


@dataclass(frozen=True)
class Frame:
    """Where figures go: along x for lying bars, along y for upright ones."""

    scale: Scale
    lying: bool

    def rect(self, start, end, lane_from, lane_to, **options):
        low, high = sorted((self.scale(start), self.scale(end)))
        if self.lying:
            return Rect(low, lane_from, high - low, lane_to - lane_from, **options)
        return Rect(lane_from, low, lane_to - lane_from, high - low, **options)

    def text_after(self, value, lane_middle, text, size, **options):
        """``text`` just past a bar's end: right of a lying bar, above an upright one."""
        position, ahead = self.scale(value), value >= 0
        if self.lying:
            x = position + size * 0.3 if ahead else position - size * 0.3
            return Text(x, lane_middle + size * 0.35, text, size, MUTED, anchor="start" if ahead else "end", **options)
        y = position - size * 0.3 if ahead else position + size * 1.05
        return Text(lane_middle, y, text, size, MUTED, anchor="middle", **options)


def plot(chart, drawing, area, *, compact=False):
    """Draw the bars into ``area``; returns the plot's bottom edge (lying bars take the height they need)."""
    if lies_flat(chart, drawing.font_size, area):
        return lying(chart, drawing, area, compact=compact)
    return upright(chart, drawing, area, compact=compact)


def lies_flat(chart, font, area):
    """Lay the bars down when a label would not fit under its bar."""
    if not chart.labels:
        return False
    slot = (area.right - area.left) * 0.85 / len(chart.labels)
    return max(text_width(label, font) for label in chart.labels) > slot * 0.95


def pieces(chart, index):
    """The bars drawn at label ``index``, gaps left out; stacked parts pile up from zero, each sign its way."""
    found, above, below = [], Decimal(0), Decimal(0)
    for series_index, series in enumerate(chart.series):
        point = series.points[index]
        if point.is_gap:
            continue
        if chart.kind != STACKED:
            found.append(Piece(series_index, series, point, Decimal(0), point.number))
        elif point.number >= 0:
            found.append(Piece(series_index, series, point, above, above + point.number))
            above += point.number
        else:
            found.append(Piece(series_index, series, point, below, below + point.number))
            below += point.number
    return found


def extents(chart):
    """Every figure the axis must reach: the ends of the bars."""
    return [piece.end for index in range(len(chart.labels)) for piece in pieces(chart, index)]


def stack_letters(chart, index):
    """What a stacked bar says at its end: its parts' flags and the codes of its missing parts."""
    points = [series.points[index] for series in chart.series]
    letters = dict.fromkeys(letter for point in points if not point.is_gap for letter in point.flags)
    codes = dict.fromkeys(gap_code(point) for point in points if point.is_gap)
    return " ".join([*codes, *letters])


def end_text(chart, point, *, value_labels):
    return value_text(point) if value_labels else point.flags


def draw_at(chart, drawing, frame, index, *, lane_start, lane_size, value_labels):
    """The bars, codes and letters of one label."""
    label, stacked, count = chart.labels[index], chart.kind == STACKED, len(chart.series)
    small = drawing.font_size * 0.85
    found = pieces(chart, index)
    for piece in found:
        lane_from = lane_start + (0 if stacked else piece.series_index) * lane_size
        colour = series_style(piece.series_index, count).colour
        flagged = piece.point.is_provisional or piece.point.is_estimated
        drawing.add(
            frame.rect(
                piece.start,
                piece.end,
                lane_from,
                lane_from + lane_size,
                fill=lighter(colour) if flagged else colour,
                stroke=colour if flagged else "",
                weight=1.5 if flagged else 0,
                role="point",
                data=point_data(label, piece.series, piece.point),
            )
        )
        text = "" if stacked else end_text(chart, piece.point, value_labels=value_labels)
        if text:
            marks = break_data(label, piece.series) if piece.point.is_break else ()
            drawing.add(frame.text_after(piece.end, lane_from + lane_size / 2, text, small, role="flag", data=marks))
    if stacked:
        draw_stack_end(chart, drawing, frame, index, found, lane_start=lane_start, lane_size=lane_size)
        return
    for series_index, series in enumerate(chart.series):
        point = series.points[index]
        if point.is_gap:
            middle = lane_start + (series_index + 0.5) * lane_size
            drawing.add(
                frame.text_after(0, middle, gap_code(point), small, role="gap", data=gap_data(label, series, point))
            )


def draw_stack_end(chart, drawing, frame, index, found, *, lane_start, lane_size):
    """After a stacked bar: its letters and codes; every gap and break also as a data-only mark."""
    label = chart.labels[index]
    for series in chart.series:
        point = series.points[index]
        if point.is_gap:
            drawing.add(Blank(role="gap", data=gap_data(label, series, point)))
        elif point.is_break:
            drawing.add(Blank(role="break", data=break_data(label, series)))
    letters = stack_letters(chart, index)
    if letters:
        end = max((piece.end for piece in found if piece.end >= 0), default=Decimal(0))  # above the zero line
        drawing.add(frame.text_after(end, lane_start + lane_size / 2, letters, drawing.font_size * 0.85, role="flag"))


def upright(chart, drawing, area, *, compact):
    font = drawing.font_size
    scale, left = value_axis(drawing, extents(chart), area, compact=compact, bottom_room=font * 1.6)
    slot = (area.right - left) / max(len(chart.labels), 1)
    positions = [left + slot * (index + 0.5) for index in range(len(chart.labels))]
    label_axis(drawing, chart.labels, positions, slot=slot, baseline=scale.start)
    lanes = 1 if chart.kind == STACKED else max(len(chart.series), 1)
    group = slot * (0.6 if lanes == 1 else 0.8)
    frame = Frame(scale, lying=False)
    for index, position in enumerate(positions):
        draw_at(
            chart, drawing, frame, index, lane_start=position - group / 2, lane_size=group / lanes, value_labels=False
        )
    return area.bottom


def lying(chart, drawing, area, *, compact):
    """One row per label, its name on the left (shortened to at most 38% of the width), figures at the bars' ends."""
    font = drawing.font_size
    small = font * 0.85
    lanes = 1 if chart.kind == STACKED else max(len(chart.series), 1)
    lane_size = font * (0.95 if lanes == 1 else 0.75)
    row = lanes * lane_size + font * 0.7
    label_room = min(max(text_width(label, font) for label in chart.labels), (area.right - area.left) * 0.38)
    numbers = extents(chart)
    ends = [
        stack_letters(chart, index) if chart.kind == STACKED else end_text(chart, point, value_labels=True)
        for index in range(len(chart.labels))
        for point in [series.points[index] for series in chart.series]
    ]
    value_room = max((text_width(text, small) for text in ends), default=0) + font * 0.5
    left = area.left + label_room + font * 0.5
    right = area.right - max(value_room, widest_tick(numbers, font, compact=compact) / 2)
    bottom = area.top + row * len(chart.labels)
    scale = bottom_axis(drawing, numbers, left=left, right=right, top=area.top, bottom=bottom, compact=compact)
    frame = Frame(scale, lying=True)
    for index, label in enumerate(chart.labels):
        row_top = area.top + index * row
        name = shorten(label, font, label_room)
        drawing.add(
            Text(area.left + label_room, row_top + row / 2 + font * 0.35, name, font, INK, anchor="end", role="label")
        )
        draw_at(chart, drawing, frame, index, lane_start=row_top + font * 0.35, lane_size=lane_size, value_labels=True)
    return bottom + font * 1.6
