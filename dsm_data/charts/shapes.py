"""The drawing a chart becomes: plain shapes in abstract pixels, drawn alike as SVG, PNG and PDF.

One layout, three renderers (``svg``, ``png``, ``pdf``): the chart on the page, in the
downloaded image and in a report is the same picture, so the tests that read the SVG
check the geometry of all three. Text is measured with the bundled DejaVu font that
every renderer uses, so labels are placed where they really fit; a browser without
DejaVu falls back to a sans-serif font, which is narrower, so the text still fits.
"""

from dataclasses import dataclass, field
from functools import lru_cache

from PIL import ImageFont

from ..pdf import FONT_DIR

FONT_FAMILY = "DejaVu Sans, sans-serif"
INK = "#1b1f24"  # the page's text colour
MUTED = "#4a5360"  # secondary text: ticks, gaps, notes (7:1 on white)
GRID = "#dde3ea"
AXIS = "#6b7785"
PAPER = "#ffffff"
# Okabe and Ito's colour-blind-safe palette, ordered by contrast on white; its yellow
# (#F0E442, 1.4:1) is left out because a thin line of it cannot be seen.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
# With several series, a dash and a marker shape each, so that colour is never the only cue.
DASHES = ((), (7, 4), (2, 3), (9, 3, 2, 3))
MARKER_SHAPES = ("circle", "square", "triangle", "diamond")
_MEASURING_SIZE = 100


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str = AXIS
    weight: float = 1.0
    dash: tuple = ()
    role: str = ""
    data: tuple = ()  # (name, value) pairs: the SVG's data-* attributes


@dataclass(frozen=True)
class Polyline:
    points: tuple  # (x, y) pairs
    colour: str
    weight: float = 2.0
    dash: tuple = ()
    role: str = "line"
    data: tuple = ()


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str = ""
    weight: float = 0.0
    role: str = ""
    data: tuple = ()


@dataclass(frozen=True)
class Marker:
    """A data point's mark; hollow (white inside) when the figure is provisional or estimated."""

    x: float
    y: float
    radius: float
    colour: str
    shape: str = "circle"
    hollow: bool = False
    role: str = "point"
    data: tuple = ()

    def outline(self):
        """The corners of a shape other than a circle, clockwise from the top."""
        x, y, r = self.x, self.y, self.radius
        if self.shape == "square":
            r *= 0.9
            return ((x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r))
        if self.shape == "triangle":
            r *= 1.2
            return ((x, y - r), (x + r * 0.87, y + r * 0.5), (x - r * 0.87, y + r * 0.5))
        r *= 1.2
        return ((x, y - r), (x + r, y), (x, y + r), (x - r, y))


@dataclass(frozen=True)
class Text:
    """A line of text; ``y`` is its baseline, ``anchor`` start, middle or end."""

    x: float
    y: float
    text: str
    size: float
    colour: str = INK
    anchor: str = "start"
    bold: bool = False
    role: str = ""
    data: tuple = ()


@dataclass(frozen=True)
class Blank:
    """Nothing drawn: a place that only carries data (a gap in a line with several series)."""

    role: str = "gap"
    data: tuple = ()


@dataclass
class Drawing:
    width: float
    height: float
    font_size: float
    title: str = ""
    description: str = ""
    shapes: list = field(default_factory=list)

    def add(self, *shapes):
        self.shapes.extend(shapes)


@dataclass(frozen=True)
class SeriesStyle:
    colour: str
    dash: tuple
    shape: str


def series_style(index, count):
    """A single series is a plain solid line with dots; several differ in colour, dash and marker."""
    if count == 1:
        return SeriesStyle(PALETTE[0], (), "circle")
    return SeriesStyle(
        PALETTE[index % len(PALETTE)], DASHES[index % len(DASHES)], MARKER_SHAPES[index % len(MARKER_SHAPES)]
    )


def lighter(colour, share=0.55):
    """``colour`` mixed with white: the fill of a bar whose figure is provisional or estimated."""
    red, green, blue = (int(colour[position : position + 2], 16) for position in (1, 3, 5))
    mixed = (round(part + (255 - part) * share) for part in (red, green, blue))
    return "#" + "".join(f"{part:02x}" for part in mixed)


def rgb(colour):
    return tuple(int(colour[position : position + 2], 16) for position in (1, 3, 5))


@lru_cache(maxsize=2)
def _measuring_font(bold):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), _MEASURING_SIZE)


def font_path(bold=False):
    return FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")


def text_width(text, size, *, bold=False):
    """How wide ``text`` is in DejaVu Sans at ``size``: measured once at a large size, then scaled."""
    return _measuring_font(bold).getlength(str(text)) * size / _MEASURING_SIZE


def shorten(text, size, room, *, bold=False):
    """``text`` cut with an ellipsis so that it fits ``room`` (the full text stays in the data table)."""
    text = str(text)
    if text_width(text, size, bold=bold) <= room:
        return text
    while text and text_width(text + "…", size, bold=bold) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(text, size, room, *, bold=False):
    """``text`` broken into lines no wider than ``room``, at spaces (a word longer than that is cut)."""
    lines, current = [], ""
    for word in str(text).split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, size, bold=bold) > room:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return [shorten(line, size, room, bold=bold) for line in lines]
