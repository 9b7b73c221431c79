"""A chart as SVG: inline in the page (as wide as its box) or as a file of its own.

The page's Content-Security-Policy allows no inline style, so the SVG holds no ``style``
attribute and no ``<style>`` element: only presentation attributes (fill, stroke,
font-size...). It is an image to screen readers (``role="img"``), named by its
``<title>`` and ``<desc>``; the data table beside it holds every figure. Each figure's
mark carries ``data-label``, ``data-series`` and ``data-value``; each gap ``data-gap``.
"""

from django.utils.safestring import mark_safe

from ..markup import escaped
from .layout import lay_out
from .scales import coordinate
from .shapes import FONT_FAMILY, INK, PAPER, Blank, Line, Marker, Polyline, Rect, Text

NAMESPACE = "http://www.w3.org/2000/svg"
_ANCHORS = {"start": "", "middle": "middle", "end": "end"}


def render(chart, *, width=480, height=270, compact=False):
    """The SVG element for the page; ids from ``chart.slug``, so a page's charts need distinct slugs."""
    drawing = lay_out(chart, width=width, height=height, compact=compact)
    return mark_safe(markup(drawing, chart.slug, size=("100%", None)))


def standalone(chart, *, width=480, height=270):
    """An SVG file: with its XML declaration, its pixel size, and its title and source drawn in."""
    drawing = lay_out(chart, width=width, height=height, with_caption=True)
    size = (coordinate(drawing.width), coordinate(drawing.height))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + markup(drawing, chart.slug, size=size) + "\n").encode()


def markup(drawing, slug, *, size):
    slug = escaped(slug)
    width, height = size
    dimensions = f' width="{width}"' + (f' height="{height}"' if height else "")
    parts = [
        f'<svg xmlns="{NAMESPACE}" viewBox="0 0 {coordinate(drawing.width)} {coordinate(drawing.height)}"'
        f'{dimensions} role="img" aria-labelledby="{slug}-chart-title {slug}-chart-desc"'
        f' font-family="{FONT_FAMILY}" font-size="{coordinate(drawing.font_size)}" fill="{INK}">',
        f'<title id="{slug}-chart-title">{escaped(drawing.title)}</title>',
        f'<desc id="{slug}-chart-desc">{escaped(drawing.description)}</desc>',
        f'<rect width="100%" height="100%" fill="{PAPER}"/>',
    ]
    parts.extend(element(shape, drawing.font_size) for shape in drawing.shapes)
    parts.append("</svg>")
    return "\n".join(parts)


def attributes(**values):
    """` name="value"` for each value given (underscores become hyphens); empty ones left out."""
    return "".join(
        f' {name.replace("_", "-")}="{escaped(value)}"' for name, value in values.items() if value not in ("", None)
    )


def data_attributes(data):
    return "".join(f' data-{name}="{escaped(value)}"' for name, value in data)


def stroke(shape, weight):
    dash = " ".join(coordinate(length) for length in shape.dash)
    return attributes(
        stroke=shape.colour, stroke_width=coordinate(weight) if weight != 1 else "", stroke_dasharray=dash
    )


def line(shape, font_size):
    points = attributes(
        x1=coordinate(shape.x1), y1=coordinate(shape.y1), x2=coordinate(shape.x2), y2=coordinate(shape.y2)
    )
    return f"<line{points}{stroke(shape, shape.weight)}{data_attributes(shape.data)}/>"


def polyline(shape, font_size):
    points = " ".join(f"{coordinate(x)},{coordinate(y)}" for x, y in shape.points)
    return (
        f'<polyline points="{points}" fill="none"{stroke(shape, shape.weight)} stroke-linejoin="round"'
        f"{data_attributes(shape.data)}/>"
    )


def rect(shape, font_size):
    box = attributes(x=coordinate(shape.x), y=coordinate(shape.y), width=coordinate(shape.width))
    box += attributes(height=coordinate(shape.height), fill=shape.fill, stroke=shape.stroke)
    if shape.stroke:
        box += attributes(stroke_width=coordinate(shape.weight))
    return f"<rect{box}{data_attributes(shape.data)}/>"


def marker(shape, font_size):
    paint = attributes(fill=PAPER if shape.hollow else shape.colour, stroke=shape.colour)
    paint += attributes(stroke_width=coordinate(shape.radius * 0.45)) if shape.hollow else ""
    data = data_attributes(shape.data)
    if shape.shape == "circle":
        centre = attributes(cx=coordinate(shape.x), cy=coordinate(shape.y), r=coordinate(shape.radius))
        return f"<circle{centre}{paint}{data}/>"
    points = " ".join(f"{coordinate(x)},{coordinate(y)}" for x, y in shape.outline())
    return f'<polygon points="{points}"{paint}{data}/>'


def text(shape, font_size):
    options = attributes(
        x=coordinate(shape.x),
        y=coordinate(shape.y),
        font_size=coordinate(shape.size) if abs(shape.size - font_size) > 0.05 else "",
        font_weight="bold" if shape.bold else "",
        text_anchor=_ANCHORS[shape.anchor],
        fill=shape.colour if shape.colour != INK else "",
    )
    return f"<text{options}{data_attributes(shape.data)}>{escaped(shape.text)}</text>"


def blank(shape, font_size):
    return f"<g{data_attributes(shape.data)}/>"


_ELEMENTS = {Line: line, Polyline: polyline, Rect: rect, Marker: marker, Text: text, Blank: blank}


def element(shape, font_size):
    return _ELEMENTS[type(shape)](shape, font_size)
