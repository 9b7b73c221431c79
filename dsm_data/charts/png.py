"""A chart as a PNG image, drawn with Pillow from the same layout as the SVG.

Drawn at twice the size and scaled down, since Pillow's lines have no anti-aliasing of
their own. Text uses the bundled DejaVu fonts, so Cyrillic prints whatever fonts the
server has. The image is exactly the size asked; the drawing is fitted and centred in it.
"""

import io
import math
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from .layout import lay_out
from .shapes import PAPER, Blank, Line, Marker, Polyline, Rect, Text, font_path, rgb

BASE_WIDTH = 480  # the page's chart: the PNG is the same picture, scaled
SUPERSAMPLING = 2
_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}  # Pillow's anchors on the baseline


def render(chart, *, width=960, height=540):
    """PNG bytes of ``chart``, ``width`` x ``height`` pixels, with its title and source drawn in."""
    drawing = lay_out(chart, width=BASE_WIDTH, height=BASE_WIDTH * height / width, with_caption=True)
    scale = min(width / drawing.width, height / drawing.height) * SUPERSAMPLING
    offset_x = (width * SUPERSAMPLING - drawing.width * scale) / 2
    offset_y = (height * SUPERSAMPLING - drawing.height * scale) / 2
    image = Image.new("RGB", (width * SUPERSAMPLING, height * SUPERSAMPLING), rgb(PAPER))
    painter = Painter(ImageDraw.Draw(image), scale, offset_x, offset_y)
    for shape in drawing.shapes:
        painter.paint(shape)
    # A chart has few colours: a 256-colour palette keeps the smoothed edges and takes a third of the bytes.
    image = image.resize((width, height), Image.Resampling.LANCZOS).quantize(colors=256)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@lru_cache(maxsize=32)
def font(size, bold):
    return ImageFont.truetype(str(font_path(bold)), size)


def dashed(points, dash):
    """The pieces of a path that a dash pattern draws: [[(x, y), (x, y)], ...]."""
    pattern, pieces = list(dash), []
    index, left, drawing_on = 0, pattern[0], True
    current = [points[0]]
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        length, done = math.dist((x1, y1), (x2, y2)), 0.0
        while length - done > left:
            done += left
            spot = (x1 + (x2 - x1) * done / length, y1 + (y2 - y1) * done / length)
            if drawing_on:
                pieces.append([*current, spot])
            current = [spot]
            drawing_on = not drawing_on
            index = (index + 1) % len(pattern)
            left = pattern[index]
        left -= length - done
        current.append((x2, y2))
    if drawing_on and len(current) > 1:
        pieces.append(current)
    return pieces


class Painter:
    """Puts the layout's shapes on a Pillow image, ``scale`` image pixels per layout unit."""

    def __init__(self, draw, scale, offset_x, offset_y):
        self.draw, self.scale, self.offset = draw, scale, (offset_x, offset_y)

    def point(self, x, y):
        return (self.offset[0] + x * self.scale, self.offset[1] + y * self.scale)

    def width(self, weight):
        return max(1, round(weight * self.scale))

    def paint(self, shape):
        {Line: self.line, Polyline: self.polyline, Rect: self.rect, Marker: self.marker, Text: self.text}.get(
            type(shape), self.nothing
        )(shape)

    def nothing(self, shape):
        assert isinstance(shape, Blank)

    def path(self, points, colour, weight, dash):
        points = [self.point(x, y) for x, y in points]
        pieces = dashed(points, [length * self.scale for length in dash]) if dash else [points]
        for piece in pieces:
            self.draw.line(piece, fill=colour, width=self.width(weight), joint="curve")

    def line(self, shape):
        self.path([(shape.x1, shape.y1), (shape.x2, shape.y2)], shape.colour, shape.weight, shape.dash)

    def polyline(self, shape):
        self.path(shape.points, shape.colour, shape.weight, shape.dash)

    def rect(self, shape):
        corner, far = self.point(shape.x, shape.y), self.point(shape.x + shape.width, shape.y + shape.height)
        outline = shape.stroke or None
        self.draw.rectangle([corner, far], fill=shape.fill, outline=outline, width=self.width(shape.weight))

    def marker(self, shape):
        fill = PAPER if shape.hollow else shape.colour
        width = self.width(shape.radius * 0.45) if shape.hollow else 1
        if shape.shape == "circle":
            x, y = self.point(shape.x, shape.y)
            radius = shape.radius * self.scale
            self.draw.ellipse(
                [x - radius, y - radius, x + radius, y + radius], fill=fill, outline=shape.colour, width=width
            )
            return
        corners = [self.point(x, y) for x, y in shape.outline()]
        self.draw.polygon(corners, fill=fill, outline=shape.colour, width=width)

    def text(self, shape):
        size = max(1, round(shape.size * self.scale))
        self.draw.text(
            self.point(shape.x, shape.y),
            shape.text,
            fill=shape.colour,
            font=font(size, shape.bold),
            anchor=_ANCHORS[shape.anchor],
        )
