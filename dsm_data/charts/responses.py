"""A chart as a downloaded file: SVG, PNG, or its data as CSV; and the address of those files.

The view decides who may read the chart and builds it; this only writes the file.
Files carry their title and source drawn in, since they leave the page that said them.
"""

from django.http import HttpResponse
from django.utils.text import slugify

from ..exports import csv_response
from . import png, svg

FORMATS = ("svg", "png", "csv")


def file_name(chart):
    """The chart's slug, reduced to ASCII so that every browser keeps it as the file's name."""
    return slugify(chart.slug) or "chart"


def chart_response(chart, file_format):
    """An attachment: "svg" (image/svg+xml), "png" (image/png) or "csv" (one row per label and series).

    Raises ValueError for any other format; the view answers it with a clear 400 or 404.
    """
    name = file_name(chart)
    if file_format == "csv":
        header, rows = chart.csv_rows()
        return csv_response(name, header, rows)
    if file_format == "svg":
        response = HttpResponse(svg.standalone(chart), content_type="image/svg+xml; charset=utf-8")
    elif file_format == "png":
        response = HttpResponse(png.render(chart), content_type="image/png")
    else:
        allowed = ", ".join(FORMATS)
        raise ValueError(f"Unknown chart format {file_format!r}: the formats are {allowed}.")
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response
