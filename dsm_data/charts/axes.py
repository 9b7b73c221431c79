"""The axes of an upright chart: round ticks with grid lines on the left, labels along the bottom."""

from .scales import Scale, label_step, nice_ticks, tick_text
from .shapes import AXIS, GRID, MUTED, Line, Text, text_width


def value_axis(drawing, chart_numbers, area, *, compact, bottom_room):
    """Grid lines and tick labels on the left; returns the scale and the plot's left edge."""
    font = drawing.font_size
    ticks = nice_ticks(chart_numbers, count=3 if compact else 5)
    labels = [tick_text(tick) for tick in ticks]
    left = area.left + max(text_width(label, font) for label in labels) + font * 0.5
    bottom = area.bottom - bottom_room
    scale = Scale.over(ticks, bottom, area.top + font * 0.5)
    for tick, label in zip(ticks, labels, strict=True):
        y = scale(tick)
        drawing.add(
            Line(left, y, area.right, y, colour=AXIS if tick == 0 else GRID, role="grid"),
            Text(left - font * 0.3, y + font * 0.35, label, font, MUTED, anchor="end", role="tick"),
        )
    return scale, left


def label_axis(drawing, labels, positions, *, slot, baseline):
    """The labels under the plot, thinned out so that none overlaps its neighbour."""
    font = drawing.font_size
    step = label_step([text_width(label, font) for label in labels], slot)
    for index in range(0, len(labels), step):
        drawing.add(
            Text(
                positions[index], baseline + font * 1.25, str(labels[index]), font, MUTED, anchor="middle", role="tick"
            )
        )


def bottom_axis(drawing, numbers, *, left, right, top, bottom, compact):
    """Ticks along the bottom of a lying chart, with grid lines up through its rows; returns the scale."""
    font = drawing.font_size
    ticks = nice_ticks(numbers, count=3 if compact else 4)
    labels = [tick_text(tick) for tick in ticks]
    scale = Scale.over(ticks, left, right)
    step = label_step([text_width(label, font) for label in labels], (right - left) / max(len(ticks) - 1, 1))
    for index, (tick, label) in enumerate(zip(ticks, labels, strict=True)):
        x = scale(tick)
        drawing.add(Line(x, top, x, bottom, colour=AXIS if tick == 0 else GRID, role="grid"))
        if index % step == 0:
            drawing.add(Text(x, bottom + font * 1.25, label, font, MUTED, anchor="middle", role="tick"))
    return scale


def widest_tick(numbers, font, *, compact):
    return max(text_width(tick_text(tick), font) for tick in nice_ticks(numbers, count=3 if compact else 4))
