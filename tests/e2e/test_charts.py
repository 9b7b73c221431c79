"""Charts in the browser: drawn on the server, so they show with JavaScript turned off.

On each page that draws charts (an indicator, a country's data, the comparison, a public
country profile) every chart's SVG takes room on the screen and scales to a 360 px phone,
screen readers get its title, and the data table behind its disclosure opens and holds the
very figures the chart's marks carry. Its SVG and PNG files answer as images of the same
figures. axe finds no serious violation on those pages, with their tables open, in English
and in Russian (axe itself needs JavaScript, so it runs in a second pass with it on).

Two tests, each walking the pages in one browser page: browser tests are slow.
"""

from decimal import Decimal
from io import BytesIO

import pytest
from defusedxml import ElementTree
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.screens import PHONE, assert_fits_a_phone_and_is_accessible

CHART_PAGES = [
    ("/data/indicators/FOREIGN_RESIDENTS/", "the indicator page"),
    ("/data/countries/KAZ/", "the country data page"),
    ("/data/compare/?indicator=ENTRIES&by=CITIZENSHIP&bars=stacked", "the comparison page"),
    ("/countries/kaz/", "a public country profile"),
]
GAP_CODES = {"", ":", "c", "z"}
FLAG_LETTERS = set("peb")

# Each mark of a chart's SVG: its label, its series and its number.
MARKS = "marks => marks.map(mark => [mark.dataset.label, mark.dataset.series, mark.dataset.value])"
# Each cell of a data table, by its row's label and its column's series; a cell's note mark left out.
CELLS = """table => {
    const series = [...table.querySelectorAll('thead th')].slice(1).map(cell => cell.innerText.trim());
    return [...table.querySelectorAll('tbody tr')].flatMap(row => {
        const label = row.querySelector('th').innerText.trim();
        return [...row.querySelectorAll('td')].map((cell, index) => {
            const text = cell.cloneNode(true);
            text.querySelectorAll('sup').forEach(note => note.remove());
            return [label, series[index], text.textContent.trim()];
        });
    });
}"""


def table_number(text):
    """A table's figure as English pages write it ("1,234", "1,234 p b") as a Decimal; None for a gap."""
    number, *flags = text.split()
    if number in GAP_CODES:
        return None
    assert set("".join(flags)) <= FLAG_LETTERS, f"unknown flags in {text!r}"
    return Decimal(number.replace(",", ""))


def check_chart(figure, label):
    """The chart is drawn and named, and its opened table holds the same figures as its marks: {(label,
    series): number} of those marks."""
    svg = figure.locator("svg").first
    expect(svg).to_be_visible()
    box = svg.bounding_box()
    assert box["width"] > 0, f"{label}: an SVG without width"
    assert box["height"] > 0, f"{label}: an SVG without height"
    assert box["width"] <= PHONE["width"], f"{label}: a chart {box['width']} px wide on a {PHONE['width']} px phone"
    title = svg.locator("title").text_content().strip()
    assert title == figure.locator("figcaption").inner_text().strip(), f"{label}: the SVG's title is not the caption"
    title_id = svg.locator("title").get_attribute("id")
    assert title_id in svg.get_attribute("aria-labelledby").split(), f"{label}: the SVG is not named by its title"
    marks = {
        (mark_label, series): Decimal(value)
        for mark_label, series, value in svg.locator("[data-value]").evaluate_all(MARKS)
    }
    assert marks, f"{label}: chart “{title}” draws no figure"

    table = figure.locator("details table")
    expect(table).to_be_hidden()
    figure.locator("details > summary").click()  # a native disclosure: no script needed
    expect(table).to_be_visible()
    cells = {(row, series): table_number(text) for row, series, text in table.evaluate(CELLS)}
    in_table = {key: number for key, number in cells.items() if number is not None}
    assert in_table == marks, f"{label}: chart “{title}” and its table disagree"
    return marks


def check_downloads(page, figure, marks, label):
    """The chart's SVG and PNG links answer with images of that chart, and its CSV link with CSV."""
    links = {link.inner_text(): link.get_attribute("href") for link in figure.locator(".chart-downloads a").all()}
    answers = {name: page.request.get(href) for name, href in links.items()}
    kinds = {name: answer.headers["content-type"].split(";")[0] for name, answer in answers.items()}
    assert kinds == {"image (SVG)": "image/svg+xml", "image (PNG)": "image/png", "data (CSV)": "text/csv"}, label
    assert all(answer.status == 200 for answer in answers.values()), label

    drawing = ElementTree.fromstring(answers["image (SVG)"].body())
    namespace = "{http://www.w3.org/2000/svg}"
    assert drawing.find(f"{namespace}title").text, f"{label}: an SVG file without a title"
    in_file = {
        (mark.get("data-label"), mark.get("data-series")): Decimal(mark.get("data-value"))
        for mark in drawing.iter()
        if mark.get("data-value") is not None
    }
    assert in_file == marks, f"{label}: the SVG file does not hold the page's figures"
    image = Image.open(BytesIO(answers["image (PNG)"].body()))
    assert image.format == "PNG", label
    assert image.width > image.height > 0, label


def test_charts_show_without_javascript_with_their_tables_and_files(browser, portal):
    context = browser.new_context(base_url=portal.url, java_script_enabled=False, viewport=PHONE, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        for path, label in CHART_PAGES:
            response = page.goto(f"/en{path}")
            assert response.status == 200, f"{label}: {response.status}"
            figures = page.locator("figure.chart:has(svg)").all()
            assert figures, f"{label} draws no chart"
            drawn = [check_chart(figure, f"{label}, chart {number}") for number, figure in enumerate(figures, 1)]
            check_downloads(page, figures[0], drawn[0], label)
            width = page.evaluate("document.documentElement.scrollWidth")  # with every data table open
            assert width <= PHONE["width"], f"{label} is {width} px wide on a {PHONE['width']} px phone"
    finally:
        context.close()


@pytest.mark.page_scan
def test_chart_pages_fit_a_phone_and_have_no_serious_accessibility_violation(page):
    """axe runs scripts, so with JavaScript on: each page in English and Russian, its data tables open."""
    page.set_viewport_size(PHONE)
    for language in ("en", "ru"):
        for path, label in CHART_PAGES:
            page.goto(f"/{language}{path}")
            figures = page.locator("figure.chart:has(svg)")
            expect(figures.first).to_be_visible()
            if language == "ru":
                title = figures.first.locator("svg title").text_content()
                assert any("\u0400" <= letter <= "\u04ff" for letter in title), f"{label}: {title!r} is not Russian"
            for summary in page.locator("figure.chart details > summary").all():
                summary.click()
            assert_fits_a_phone_and_is_accessible(page)
