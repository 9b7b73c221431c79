"""{% draw_chart chart downloads=url compact=False %}: a chart with its caption, notes, data table and downloads.

The SVG is drawn here, on the server, so the chart shows without JavaScript; the data
table beside it (behind a disclosure) holds every figure the chart draws, with its
flags, footnotes and a link to its value's page. The table's rows are written here
(``table_body``), the rest by ``dsm_data/includes/chart.html``: an indicator page has
fourteen charts, and the template's loop over their cells took as long as drawing them.
"""

from django import template
from django.utils.safestring import mark_safe

from ..charts import svg
from ..charts.marks import flag_notes, value_text
from ..figure_notes import Notes
from ..markup import escaped
from ..value_links import value_urls

register = template.Library()

# viewBox sizes: a full chart, and a small multiple (its text is bigger relative to its width).
SIZES = {False: (480, 270), True: (300, 200)}

# A row of the data table and its parts, as the template's loop had written them; each text escaped before.
ROW = '\n<tr><th scope="row">{label}</th>{cells}</tr>'
CELL = '<td class="number">{text}{note}</td>'
LINKED_TEXT = '<a href="{url}">{text}</a>'
NOTE_MARK = '<sup><a href="#{slug}-note-{number}">{number}</a></sup>'


def table_body(chart, rows):
    """The data table's rows as HTML, and its footnotes' texts in the order their marks are numbered.

    ``rows``: [(label, [Point])] (``Chart.table``). A figure links to its value's page; the same
    footnote on several figures is one note with one number.
    """
    footnotes, slug = Notes(), escaped(chart.slug)
    urls = value_urls(point.value_pk for _label, points in rows for point in points if point.value_pk)
    written = []
    for label, points in rows:
        cells = []
        for point in points:
            text, url = escaped(value_text(point).strip()), urls.get(point.value_pk)  # a gap at a break: "b"
            number = footnotes.number(point.footnote)
            cells.append(
                CELL.format(
                    text=LINKED_TEXT.format(url=escaped(url), text=text) if url else text,
                    note=NOTE_MARK.format(slug=slug, number=number) if number else "",
                )
            )
        written.append(ROW.format(label=escaped(label), cells="".join(cells)))
    return mark_safe("".join(written)), [text for _number, text in footnotes.listed()]  # escaped above


@register.inclusion_tag("dsm_data/includes/chart.html")
def draw_chart(chart, downloads="", compact=False):
    """``downloads``: the chart's download URL with its query string; "&format=svg|png|csv" is added to it."""
    width, height = SIZES[bool(compact)]
    header, rows = chart.table()
    body, footnotes = table_body(chart, rows)
    return {
        "chart": chart,
        "svg": "" if chart.is_empty else svg.render(chart, width=width, height=height, compact=bool(compact)),
        "header": header,
        "body": body,
        "flag_notes": flag_notes(chart),
        "footnotes": footnotes,
        "downloads": downloads,
    }
