"""{% draw_chart chart downloads=url compact=False %}: a chart with its caption, notes, data table and downloads.

The SVG is drawn here, on the server, so the chart shows without JavaScript; the data
table beside it (behind a disclosure) holds every figure the chart draws, with its
flags, footnotes and a link to its value's page.
"""

from django import template

from ..charts import svg
from ..charts.marks import flag_notes, value_text
from ..figure_notes import Notes
from ..value_links import value_urls

register = template.Library()

# viewBox sizes: a full chart, and a small multiple (its text is bigger relative to its width).
SIZES = {False: (480, 270), True: (300, 200)}


def table_cell(point, footnotes, urls):
    """``urls``: {value pk: its page's address} (``value_links.value_urls``)."""
    text = point.text if point.is_gap else value_text(point)
    if point.is_gap and point.is_break:
        text = f"{text} b".strip()
    return {"text": text, "note": footnotes.number(point.footnote), "url": urls.get(point.value_pk, "")}


@register.inclusion_tag("dsm_data/includes/chart.html")
def draw_chart(chart, downloads="", compact=False):
    """``downloads``: the chart's download URL with its query string; "&format=svg|png|csv" is added to it."""
    width, height = SIZES[bool(compact)]
    footnotes = Notes()
    header, rows = chart.table()
    urls = value_urls(point.value_pk for _label, points in rows for point in points if point.value_pk)
    table_rows = [(label, [table_cell(point, footnotes, urls) for point in points]) for label, points in rows]
    return {
        "chart": chart,
        "svg": "" if chart.is_empty else svg.render(chart, width=width, height=height, compact=bool(compact)),
        "header": header,
        "rows": table_rows,
        "flag_notes": flag_notes(chart),
        "footnotes": [text for _number, text in footnotes.listed()],
        "downloads": downloads,
    }
