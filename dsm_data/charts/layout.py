"""A chart laid out as a ``Drawing``: the plot, its unit, its legend and, for files, its title and source.

Sizes are in abstract pixels. The page's SVG is scaled to the width of its box, down to
a phone's 360 px, so the text size follows the drawing's width: ``base_font_size``
keeps tick labels about 10 px high or more when a chart is shown 256 px wide (a small
multiple) or 330 px wide (a phone). A downloaded file (``with_caption``) carries its
title, source and the meaning of its letters, since it leaves the page that said them.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import bars, lines
from .data import LINE
from .marks import flag_notes
from .shapes import INK, MUTED, Drawing, Line, Marker, Rect, Text, series_style, shorten, text_width, wrap


@dataclass(frozen=True)
class Area:
    left: float
    top: float
    right: float
    bottom: float


def base_font_size(width, *, compact=False):
    """17 on a 480-wide chart, 12 on a 300-wide small multiple: legible once scaled to a phone."""
    return max(12.0, round(width / (25 if compact else 28), 1))


def lay_out(chart, *, width, height, compact=False, with_caption=False, font_size=None):
    """The ``Drawing`` of ``chart``, ``width`` wide; its height is ``height``, except for lying bars,
    which take the height their rows need."""
    font = font_size or base_font_size(width, compact=compact)
    drawing = Drawing(width, height, font, title=chart.title, description=chart.description or chart.title)
    margin = font * 0.6
    room = width - 2 * margin
    top = draw_caption(drawing, chart.title, margin, room) if with_caption else margin
    if chart.unit and not compact:
        drawing.add(Text(margin, top + font * 0.9, shorten(chart.unit, font, room), font, MUTED, role="unit"))
        top += font * 1.35
    legend = legend_rows(chart, room, font) if len(chart.series) > 1 else []
    footer = footer_lines(chart, room, font) if with_caption else []
    reserved = len(legend) * font * 1.4 + len(footer) * font + (font * 0.6 if legend or footer else 0)
    bottom = max(height - margin - reserved, top + font * 6)
    plot = lines.plot if chart.kind == LINE else bars.plot
    y = plot(chart, drawing, Area(margin, top, width - margin, bottom), compact=compact)
    if legend or footer:
        y += font * 0.6
    y = draw_legend(drawing, chart, legend, y, margin)
    y = draw_footer(drawing, footer, y, margin)
    drawing.height = round(y + margin, 1)
    return drawing


def draw_caption(drawing, title, margin, room):
    """The title in bold, wrapped; returns the y below it."""
    size = drawing.font_size * 1.15
    y = margin
    for line in wrap(title, size, room, bold=True):
        y += size * 1.25
        drawing.add(Text(margin, y, line, size, INK, bold=True, role="title"))
    return y + drawing.font_size * 0.6


def footer_lines(chart, room, font):
    """Source and the meaning of the chart's letters, wrapped to the width (smaller text)."""
    size = font * 0.8
    texts = []
    if chart.source:
        texts.append(_("Source: %(source)s") % {"source": chart.source})
    notes = flag_notes(chart)
    if notes:
        texts.append("; ".join(notes))
    return [line for text in texts for line in wrap(text, size, room)]


def draw_footer(drawing, footer, y, margin):
    size = drawing.font_size * 0.8
    for line in footer:
        y += drawing.font_size
        drawing.add(Text(margin, y, line, size, MUTED, role="note"))
    return y


def legend_rows(chart, room, font):
    """The series' names in rows no wider than ``room``: [[(series index, x offset), ...], ...]."""
    rows, row, x = [], [], 0.0
    swatch, gap = font * 2.0, font * 1.0
    for index, series in enumerate(chart.series):
        width = swatch + min(text_width(series.name, font * 0.9), room - swatch)
        if row and x + width > room:
            rows.append(row)
            row, x = [], 0.0
        row.append((index, x))
        x += width + gap
    if row:
        rows.append(row)
    return rows


def draw_legend(drawing, chart, rows, y, margin):
    """Each series' line, dash and marker (or bar colour), then its name; returns the y below."""
    font = drawing.font_size
    count = len(chart.series)
    room = drawing.width - 2 * margin
    for row in rows:
        middle = y + font * 0.7
        for index, offset in row:
            style = series_style(index, count)
            x = margin + offset
            if chart.kind == LINE:
                drawing.add(
                    Line(x, middle, x + font * 1.6, middle, colour=style.colour, weight=font * 0.15, dash=style.dash),
                    Marker(x + font * 0.8, middle, font * 0.28, style.colour, shape=style.shape, role="legend"),
                )
            else:
                drawing.add(Rect(x, middle - font * 0.45, font * 1.6, font * 0.9, fill=style.colour, role="legend"))
            name = shorten(chart.series[index].name, font * 0.9, room - offset - font * 2.0)
            drawing.add(Text(x + font * 2.0, middle + font * 0.32, name, font * 0.9, INK, role="legend"))
        y += font * 1.4
    return y
