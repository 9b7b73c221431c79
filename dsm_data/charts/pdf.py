"""A chart drawn on a PDF page with fpdf2, from the same layout as the SVG and the PNG.

Reports call ``draw``; the PDF comes from ``dsm_data.pdf.new_pdf``, whose registered
DejaVu font prints Cyrillic. The chart is laid out four units per millimetre with text
of 8 points, then fitted into the box asked, and its title, source and notes drawn in.
Text stays text, so it can be searched and copied out of the report.
"""

from ..pdf import FONT_FAMILY
from .layout import lay_out
from .shapes import PAPER, Line, Marker, Polyline, Rect, Text, rgb

UNITS_PER_MM = 4
POINT_MM = 25.4 / 72
TEXT_POINTS = 8


def draw(pdf, chart, *, x, y, width, height):
    """Draw ``chart`` in the box (millimetres) fitted to its width; returns the y (mm) below the chart.

    Lying bars take the height their rows need, up to ``height`` (beyond it the whole chart is
    scaled down). A chart that would run past the page's bottom margin goes to the top of a new
    page instead. The PDF's own position (``pdf.y``) ends below the chart, so that text written
    next with ``cell``/``multi_cell`` follows it.
    """
    font_size = TEXT_POINTS * POINT_MM * UNITS_PER_MM
    drawing = lay_out(
        chart, width=width * UNITS_PER_MM, height=height * UNITS_PER_MM, with_caption=True, font_size=font_size
    )
    scale = min(width / drawing.width, height / drawing.height)
    if y + drawing.height * scale > pdf.page_break_trigger:
        pdf.add_page()
        y = pdf.t_margin
    with pdf.local_context():
        pen = Pen(pdf, scale, x, y)
        for shape in drawing.shapes:
            pen.draw(shape)
    pdf.set_dash_pattern()
    bottom = y + drawing.height * scale
    pdf.set_y(bottom)
    return bottom


class Pen:
    """Puts the layout's shapes on the PDF page, ``scale`` millimetres per layout unit."""

    def __init__(self, pdf, scale, x, y):
        self.pdf, self.scale, self.origin = pdf, scale, (x, y)

    def at(self, x, y):
        return (self.origin[0] + x * self.scale, self.origin[1] + y * self.scale)

    def draw(self, shape):
        {Line: self.line, Polyline: self.polyline, Rect: self.rect, Marker: self.marker, Text: self.text}.get(
            type(shape), self.nothing
        )(shape)

    def nothing(self, shape):
        """A Blank keeps room in the layout and draws nothing."""

    def stroke(self, colour, weight, dash=()):
        self.pdf.set_draw_color(*rgb(colour))
        self.pdf.set_line_width(weight * self.scale)
        if dash:
            self.pdf.set_dash_pattern(dash=dash[0] * self.scale, gap=dash[1] * self.scale)
        else:
            self.pdf.set_dash_pattern()

    def line(self, shape):
        self.stroke(shape.colour, shape.weight, shape.dash)
        self.pdf.line(*self.at(shape.x1, shape.y1), *self.at(shape.x2, shape.y2))

    def polyline(self, shape):
        self.stroke(shape.colour, shape.weight, shape.dash)
        self.pdf.polyline([self.at(x, y) for x, y in shape.points], style="D")

    def rect(self, shape):
        self.pdf.set_fill_color(*rgb(shape.fill))
        if shape.stroke:
            self.stroke(shape.stroke, shape.weight)
        x, y = self.at(shape.x, shape.y)
        self.pdf.rect(x, y, shape.width * self.scale, shape.height * self.scale, style="DF" if shape.stroke else "F")

    def marker(self, shape):
        self.stroke(shape.colour, shape.radius * 0.45 if shape.hollow else 0.5)
        self.pdf.set_fill_color(*rgb(PAPER if shape.hollow else shape.colour))
        if shape.shape == "circle":
            self.pdf.circle(*self.at(shape.x, shape.y), shape.radius * self.scale, style="DF")
        else:
            self.pdf.polygon([self.at(x, y) for x, y in shape.outline()], style="DF")

    def text(self, shape):
        self.pdf.set_font(FONT_FAMILY, "B" if shape.bold else "", shape.size * self.scale / POINT_MM)
        self.pdf.set_text_color(*rgb(shape.colour))
        x, y = self.at(shape.x, shape.y)
        width = self.pdf.get_string_width(shape.text)
        x -= {"start": 0, "middle": width / 2, "end": width}[shape.anchor]
        self.pdf.text(x, y, shape.text)
