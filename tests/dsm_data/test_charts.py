"""The chart engine: SVG read back with defusedxml, PNG opened with Pillow, PDF read with pypdf.

Each test builds a Chart by hand (no database): the figures a page would give, with gaps,
flags and breaks, and checks that what is drawn is exactly what the data table says.
"""

import csv
import io
from decimal import Decimal

import pytest
from defusedxml import ElementTree
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from PIL import Image
from pypdf import PdfReader

from dsm_data.cells import format_number
from dsm_data.charts import pdf as chart_pdf
from dsm_data.charts import png, svg
from dsm_data.charts.data import BARS, LINE, STACKED, Chart, Point, Series
from dsm_data.charts.layout import base_font_size
from dsm_data.charts.responses import chart_response
from dsm_data.pdf import new_pdf

SVG = "{http://www.w3.org/2000/svg}"
YEARS = [str(year) for year in range(2015, 2025)]
COUNTRIES = [
    "Armenia", "Azerbaijan", "Belarus", "Georgia", "Kazakhstan", "Kyrgyzstan",
    "Republic of Moldova", "Russian Federation", "Tajikistan", "Turkmenistan", "Ukraine", "Uzbekistan",
]  # fmt: skip


def figure(number, *, text=None, **flags):
    """A Point as the selectors make it: the number and the table's text ("1,234 p")."""
    if number is None:
        return Point(None, ":" if text is None else text, **flags)
    letters = ("p" if flags.get("is_provisional") else "") + ("e" if flags.get("is_estimated") else "")
    return Point(Decimal(number), f"{format_number(Decimal(number))} {letters}".strip(), **flags)


def trend(numbers=(1234, 1500, 1420, None, 1800, 2100, 1950, 2300, 2500, 2700), *, slug="kaz-asylum", **options):
    """Kazakhstan's ten years: a gap in 2018, a break in 2021, 2024 provisional."""
    points = [
        figure(number, is_break=year == "2021", is_provisional=year == "2024")
        for year, number in zip(YEARS, numbers, strict=True)
    ]
    return Chart(
        LINE,
        options.pop("title", "Asylum applications, Kazakhstan"),
        "Asylum applications lodged in Kazakhstan each year, 2015-2024, as the public may read them.",
        "persons",
        YEARS,
        [Series("Kazakhstan", points, "KAZ")],
        source="Ministry of Internal Affairs",
        slug=slug,
        label_heading="Period",
        label_name="period",
        **options,
    )


def across_countries(kind=BARS, *, series_count=1):
    """The countries' figures for 2024; Georgia's figure is missing (":"), Kyrgyzstan's estimated."""
    series = []
    for position in range(series_count):
        points = [
            figure(None if name == "Georgia" else 1000 * index + 37 + position * 10, is_estimated=name == "Kyrgyzstan")
            for index, name in enumerate(COUNTRIES)
        ]
        series.append(Series(["Men", "Women", "Children"][position], points))
    return Chart(kind, "Asylum applications, 2024", "Each country's applications in 2024.", "persons", COUNTRIES,
                 series, slug="latest-2024", label_heading="Country")  # fmt: skip


def parse(markup):
    return ElementTree.fromstring(str(markup))


def marks(root, **wanted):
    """Elements carrying every data attribute named (``value=None``: just present)."""
    found = []
    for element in root.iter():
        if all(
            f"data-{name}" in element.attrib and (value is None or element.get(f"data-{name}") == value)
            for name, value in wanted.items()
        ):
            found.append(element)
    return found


def drawn_points(root):
    """{(label, series): Decimal} of every mark that carries a figure."""
    found = {}
    for element in marks(root, value=None):
        key = (element.get("data-label"), element.get("data-series"))
        assert key not in found, f"{key} drawn twice"
        found[key] = Decimal(element.get("data-value"))
    return found


def table_points(chart):
    header, rows = chart.table()
    return {
        (label, name): point.number
        for label, points in rows
        for name, point in zip(header[1:], points, strict=True)
        if not point.is_gap
    }


def polyline_points(element):
    return [tuple(float(part) for part in pair.split(",")) for pair in element.get("points").split()]


@pytest.mark.parametrize(
    "chart",
    [trend(), across_countries(), across_countries(series_count=3), across_countries(STACKED, series_count=2)],
    ids=["line", "lying-bars", "grouped-bars", "stacked"],
)
def test_every_figure_of_the_table_is_drawn_once_with_its_value_and_no_gap_is(chart):
    root = parse(svg.render(chart))
    assert drawn_points(root) == table_points(chart)
    gaps = {(element.get("data-label"), element.get("data-series")) for element in marks(root, gap=None)}
    expected_gaps = {
        (label, series.name)
        for series in chart.series
        for label, point in zip(chart.labels, series.points, strict=False)
        if point.is_gap
    }
    assert gaps == expected_gaps
    for element in marks(root, gap=None):
        assert "data-value" not in element.attrib


def test_a_gap_splits_the_line_and_is_not_drawn_at_zero():
    chart = trend()
    root = parse(svg.render(chart))
    lines = root.findall(f"{SVG}polyline")
    assert [len(polyline_points(line)) for line in lines] == [3, 6]  # 2015-2017, then 2019-2024
    point_xs = {float(element.get("cx")) for element in root.findall(f"{SVG}circle") if element.get("data-value")}
    line_xs = {x for line in lines for x, _ in polyline_points(line)}
    assert line_xs == point_xs  # every vertex is a figure: none was added for the gap
    (gap,) = marks(root, gap=":")
    assert gap.get("data-label") == "2018"
    assert float(gap.get("x")) not in line_xs
    assert gap.text == ":"
    zero_line = next(line for line in root.findall(f"{SVG}line") if line.get("stroke") == "#6b7785")
    zero_y = float(zero_line.get("y1"))
    assert all(y < zero_y for line in lines for _, y in polyline_points(line))


def test_a_figure_between_two_gaps_is_a_lone_dot():
    numbers = (1234, None, 1420, None, 1800, 2100, 1950, 2300, 2500, 2700)
    root = parse(svg.render(trend(numbers)))
    (dot,) = marks(root, label="2017", value="1420")
    assert dot.tag == f"{SVG}circle"
    lone_x = float(dot.get("cx"))
    assert all(lone_x != x for line in root.findall(f"{SVG}polyline") for x, _ in polyline_points(line))
    assert len(root.findall(f"{SVG}polyline")) == 1  # 2019-2024; 2015 and 2017 stand alone


def test_a_real_zero_is_drawn_and_a_gap_beside_it_is_not():
    chart = Chart(
        BARS, "Zeros", "", "persons", ["2023", "2024"], [Series("Total", [figure(0), figure(None, text="c")])]
    )
    root = parse(svg.render(chart))
    (zero,) = marks(root, label="2023")
    assert zero.tag == f"{SVG}rect"
    assert zero.get("data-value") == "0"
    (gap,) = marks(root, label="2024")
    assert gap.tag == f"{SVG}text"
    assert gap.text == "c"
    assert gap.get("data-gap") == "c"
    assert not [rect for rect in root.findall(f"{SVG}rect") if rect.get("data-label") == "2024"]


def test_provisional_and_estimated_figures_are_hollow_and_flagged():
    root = parse(svg.render(trend()))
    (provisional,) = marks(root, label="2024")
    assert provisional.get("data-flags") == "p"
    assert provisional.get("fill") == "#ffffff"
    assert provisional.get("stroke") != "#ffffff"
    (plain,) = marks(root, label="2023")
    assert "data-flags" not in plain.attrib
    assert plain.get("fill") != "#ffffff"
    bars = parse(svg.render(across_countries()))
    (estimated,) = marks(bars, label="Kyrgyzstan", value=None)
    (other,) = marks(bars, label="Kazakhstan", value=None)
    assert estimated.get("data-flags") == "e"
    assert estimated.get("stroke")
    assert estimated.get("fill") != other.get("fill")
    assert [text.text for text in marks(bars, label="Kyrgyzstan") if text.tag == f"{SVG}text"] == []
    assert any(text.text.endswith(" e") for text in bars.iter(f"{SVG}text"))


def test_a_break_in_series_is_a_dashed_line_with_a_b():
    root = parse(svg.render(trend()))
    (mark,) = marks(root, **{"break": None})
    assert mark.get("data-label") == "2021"
    assert mark.get("data-series") == "Kazakhstan"
    assert mark.tag == f"{SVG}line"
    assert mark.get("stroke-dasharray")
    assert mark.get("x1") == mark.get("x2")
    before, after = marks(root, label="2020", value=None)[0], marks(root, label="2021", value=None)[0]
    assert float(before.get("cx")) < float(mark.get("x1")) < float(after.get("cx"))
    assert "b" in [text.text for text in root.iter(f"{SVG}text")]


@pytest.mark.parametrize(
    "chart",
    [trend(), across_countries(), across_countries(series_count=2), across_countries(STACKED, series_count=3)],
    ids=["line", "lying-bars", "grouped-bars", "stacked"],
)
def test_no_style_or_script_anywhere_so_the_content_security_policy_lets_it_show(chart):
    for markup in (str(svg.render(chart)), svg.standalone(chart).decode()):
        root = parse(markup)
        for element in root.iter():
            assert "style" not in element.attrib, element.tag
            assert element.tag not in (f"{SVG}style", f"{SVG}script", f"{SVG}foreignObject")
            assert not any(name.startswith("on") for name in element.attrib)


def test_title_and_description_name_the_image_for_screen_readers():
    chart = trend(title="Asylum <applications> & decisions")
    root = parse(svg.render(chart))
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    assert root.get("viewBox") == "0 0 480 270"
    referenced = root.get("aria-labelledby").split()
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    assert [by_id[name].tag for name in referenced] == [f"{SVG}title", f"{SVG}desc"]
    assert by_id[referenced[0]].text == "Asylum <applications> & decisions"
    assert by_id[referenced[1]].text == chart.description
    other = parse(svg.render(trend(slug="arm-asylum")))
    assert not set(by_id) & {element.get("id") for element in other.iter() if element.get("id")}


def test_ticks_are_grouped_in_the_readers_language():
    chart = trend()
    english = [text.text for text in parse(svg.render(chart)).iter(f"{SVG}text")]
    with translation.override("ru"):
        russian = [text.text for text in parse(svg.render(chart)).iter(f"{SVG}text")]
    assert "2,000" in english
    assert "2\xa0000" in russian
    assert "2,000" not in russian


def test_a_ten_year_line_is_a_small_file():
    assert len(str(svg.render(trend())).encode()) < 6000


@pytest.mark.parametrize(("compact", "shown_width"), [(False, 330), (True, 256)])
def test_text_stays_legible_once_the_chart_is_scaled_to_a_phone_or_a_small_multiple(compact, shown_width):
    width = 300 if compact else 480
    root = parse(svg.render(trend(), width=width, height=200, compact=compact))
    view_width = float(root.get("viewBox").split()[2])
    smallest = min(float(text.get("font-size", root.get("font-size"))) for text in root.iter(f"{SVG}text"))
    assert smallest * shown_width / view_width >= 8.5
    assert float(root.get("font-size")) * shown_width / view_width >= 10
    assert base_font_size(width, compact=compact) == float(root.get("font-size"))


def test_many_countries_lie_flat_with_their_names_on_the_left():
    root = parse(svg.render(across_countries()))
    rects = list(marks(root, value=None))
    assert len({element.get("height") for element in rects}) == 1  # same thickness: the figure is the length
    widths = {element.get("data-label"): float(element.get("width")) for element in rects}
    assert widths["Uzbekistan"] / widths["Kazakhstan"] == pytest.approx(11037 / 4037, rel=0.01)
    names = [text for text in root.iter(f"{SVG}text") if text.text in COUNTRIES]
    assert len(names) == len(COUNTRIES) - 1 or len(names) == len(COUNTRIES)  # a long one may be shortened
    assert all(text.get("text-anchor") == "end" for text in names)
    assert all(float(text.get("x")) <= min(float(rect.get("x")) for rect in rects) for text in names)


def test_a_few_short_labels_stand_upright_and_grouped_bars_sit_side_by_side():
    chart = Chart(
        BARS, "By sex", "", "persons", ["2023", "2024"],
        [Series("Men", [figure(100), figure(200)]), Series("Women", [figure(50), figure(None)])],
    )  # fmt: skip
    root = parse(svg.render(chart))
    men, women = marks(root, label="2023", series="Men")[0], marks(root, label="2023", series="Women")[0]
    assert men.get("width") == women.get("width")
    assert float(men.get("height")) == pytest.approx(2 * float(women.get("height")), rel=0.01)
    assert float(women.get("x")) == pytest.approx(float(men.get("x")) + float(men.get("width")), abs=0.2)
    assert float(men.get("y")) + float(men.get("height")) == pytest.approx(
        float(women.get("y")) + float(women.get("height")), abs=0.2
    )  # both stand on zero


def test_stacked_parts_follow_each_other():
    chart = across_countries(STACKED, series_count=2)
    root = parse(svg.render(chart))
    men, women = marks(root, label="Armenia", series="Men")[0], marks(root, label="Armenia", series="Women")[0]
    assert float(women.get("x")) == pytest.approx(float(men.get("x")) + float(men.get("width")), abs=0.2)
    assert men.get("y") == women.get("y")
    georgia = marks(root, label="Georgia", gap=None)
    assert {element.get("data-series") for element in georgia} == {"Men", "Women"}


def test_several_series_differ_in_dash_and_marker_not_only_in_colour():
    numbers = [1234, 1500, 1420, 1600, 1800, 2100, 1950, 2300, 2500, 2700]
    series = [Series(name, [figure(number + shift) for number in numbers]) for shift, name in enumerate("ABC")]
    root = parse(svg.render(Chart(LINE, "Three", "", "persons", YEARS, series)))
    lines = root.findall(f"{SVG}polyline")
    assert len({line.get("stroke-dasharray") for line in lines}) == 3
    assert len({line.get("stroke") for line in lines}) == 3
    shapes = {(element.tag, len(element.get("points", "").split())) for element in marks(root, label="2015")}
    assert len(shapes) == 3  # a circle, a square, a triangle
    legend_names = [text.text for text in root.iter(f"{SVG}text")]
    assert {"A", "B", "C"} <= set(legend_names)


def test_standalone_svg_file_carries_its_title_and_source():
    data = svg.standalone(trend())
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = parse(data.decode().split("\n", 1)[1])
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert "Asylum applications, Kazakhstan" in texts
    assert "Source: Ministry of Internal Affairs" in texts
    assert any("p provisional" in text and "b break in series" in text for text in texts)
    assert root.get("width") == "480"


@pytest.mark.parametrize(
    ("size", "chart"), [((960, 540), trend()), ((480, 300), across_countries(STACKED, series_count=2))]
)
def test_png_opens_at_the_size_asked(size, chart):
    data = png.render(chart, width=size[0], height=size[1])
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    assert image.size == size
    colours = {colour for _, colour in image.convert("RGB").getcolors(maxcolors=1 << 16)}
    assert (0, 114, 178) in colours  # the first series' blue is drawn
    assert len(data) < 80_000


def test_a_pdf_page_holds_the_chart_and_its_title_in_cyrillic_too():
    document = new_pdf("Charts")
    document.add_page()
    bottom = chart_pdf.draw(document, trend(), x=20, y=20, width=170, height=90)
    assert 20 < bottom <= 110
    assert document.y == pytest.approx(bottom)
    assert (document.font_family, document.font_size_pt) == ("dejavu", 10)  # the report's own text is as it was
    with translation.override("ru"):
        russian = trend(title="Заявления о предоставлении убежища, Казахстан", slug="ru")
        chart_pdf.draw(document, russian, x=20, y=bottom + 5, width=170, height=90)
        chart_pdf.draw(document, across_countries(), x=20, y=document.y + 5, width=170, height=120)
    reader = PdfReader(io.BytesIO(bytes(document.output())))
    assert len(reader.pages) == 2  # the third chart did not fit under the others: a new page
    first, second = (page.extract_text() for page in reader.pages)
    assert "Asylum applications, Kazakhstan" in first
    assert "Заявления о предоставлении убежища, Казахстан" in first
    assert "2\xa0000" in first or "2 000" in first
    assert "Source: Ministry of Internal Affairs" in first
    assert "Russian Federation" in second
    assert "11,037" in second.replace("\xa0", ",").replace(" ", ",")


def test_csv_download_has_a_row_per_label_and_series_and_leaves_gaps_empty():
    response = chart_response(trend(), "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="kaz-asylum.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["period", "series", "value", "text", "flags", "footnote"]
    by_year = {row[0]: row for row in rows[1:]}
    assert len(by_year) == 10
    assert by_year["2015"][1:4] == ["Kazakhstan", "1234", "1,234"]
    assert by_year["2018"][2:4] == ["", ":"]
    assert by_year["2021"][4] == "b"
    assert by_year["2024"][4] == "p"


@pytest.mark.parametrize(
    ("file_format", "content_type"), [("svg", "image/svg+xml; charset=utf-8"), ("png", "image/png")]
)
def test_image_downloads_are_attachments_of_their_type(file_format, content_type):
    response = chart_response(trend(), file_format)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="kaz-asylum.{file_format}"'
    if file_format == "svg":
        assert parse(response.content.decode().split("\n", 1)[1]).get("role") == "img"
    else:
        assert Image.open(io.BytesIO(response.content)).size == (960, 540)


def test_a_file_name_stays_ascii_and_an_unknown_format_is_refused():
    response = chart_response(trend(slug="казахстан"), "png")
    assert response["Content-Disposition"] == 'attachment; filename="chart.png"'
    with pytest.raises(ValueError, match="svg, png, csv"):
        chart_response(trend(), "gif")


def render_tag(chart, **options):
    arguments = " ".join(f"{name}={name}" for name in options)
    template = Template("{% load dsm_charts %}{% draw_chart chart " + arguments + " %}")
    return template.render(Context({"chart": chart, **options}))


def test_the_figure_shows_the_chart_its_notes_its_data_table_and_downloads():
    points = list(trend().series[0].points)
    points[0] = Point(Decimal(1234), "1,234", footnote="Includes appeals.", value_pk=7)
    chart = trend()
    chart.series[0].points = points
    root = parse(render_tag(chart, downloads="/en/data/charts/country-trend/?country=KAZ&indicator=ASY"))
    assert root.tag == "figure"
    assert root.get("id") == "kaz-asylum"
    assert root.find("figcaption").text == chart.title
    assert root.find(f"{SVG}svg").get("role") == "img"
    meta = "".join(root.find("p").itertext())
    assert "Unit: persons." in meta
    assert "Source: Ministry of Internal Affairs." in meta
    assert "p provisional" in meta
    assert "b break in series" in meta
    assert ": not available" in meta
    table = root.find("details/div/table")
    assert table.find("caption").text == "Asylum applications, Kazakhstan (persons)"
    rows = table.findall("tbody/tr")
    assert [row.find("th").text for row in rows] == YEARS
    cells = ["".join(row.find("td").itertext()) for row in rows]
    assert cells[0] == "1,2341"
    assert cells[3] == ":"
    assert cells[6] == "1,950 b"
    assert cells[9] == "2,700 p"
    assert rows[0].find("td/a").get("href") == reverse("dsm_data:value", args=[7])
    assert rows[0].find("td/sup/a").get("href") == "#kaz-asylum-note-1"
    assert root.find("details/ol/li").get("id") == "kaz-asylum-note-1"
    links = [link.get("href") for link in root.findall("p[@class='chart-downloads']/a")]
    assert links == [
        f"/en/data/charts/country-trend/?country=KAZ&indicator=ASY&format={file_format}"
        for file_format in ("svg", "png", "csv")
    ]


def test_the_data_table_escapes_its_labels_marks_breaks_in_gaps_and_numbers_a_shared_footnote_once():
    chart = trend()
    chart.labels = ['<script>alert("x")</script>', "A & B", *chart.labels[2:]]
    points = list(chart.series[0].points)
    points[0] = Point(Decimal(5), "5 <p>", footnote="Revised & rebased.", value_pk=7)
    points[1] = Point(Decimal(6), "6", footnote="Revised & rebased.")
    points[2:4] = [Point(None, "", is_break=True), Point(None, ":", is_break=True)]  # gaps where a series breaks
    chart.series[0].points = points
    html = render_tag(chart)
    assert "<script>" not in html
    assert "5 <p>" not in html
    root = parse(html)
    rows = root.findall("details/div/table/tbody/tr")
    assert [row.find("th").text for row in rows[:2]] == ['<script>alert("x")</script>', "A & B"]
    assert "".join(rows[0].find("td").itertext()) == "5 <p>1"
    assert [row.find("td/sup/a").get("href") for row in rows[:2]] == ["#kaz-asylum-note-1"] * 2
    assert [note.text for note in root.findall("details/ol/li")] == ["Revised & rebased."]
    assert ["".join(row.find("td").itertext()) for row in rows[2:4]] == ["b", ": b"]


def test_a_small_multiple_has_no_downloads_when_none_are_given_and_a_smaller_view_box():
    root = parse(render_tag(trend(), compact=True))
    assert root.find(f"{SVG}svg").get("viewBox") == "0 0 300 200"
    assert root.find("p[@class='chart-downloads']") is None


def test_a_chart_without_a_figure_says_so_instead_of_an_empty_frame():
    empty = trend(numbers=(None,) * 10)
    root = parse(render_tag(empty, downloads="/en/data/charts/latest/?indicator=ASY"))
    assert root.find(f"{SVG}svg") is None
    assert root.find("details") is None
    assert root.find("p").text == "No published figures you may see."
    assert root.find("p[@class='chart-downloads']") is None
