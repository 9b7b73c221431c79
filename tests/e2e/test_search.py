"""Search in Russian, narrow by a facet, open the hit (acceptance 4 of the search issue)."""

import re

from playwright.sync_api import expect


def test_search_in_russian_narrow_by_a_facet_and_open_the_hit(page):
    page.goto("/ru/")
    page.locator("#site-search-query").fill("беженцев")
    page.locator(".site-search button").click()

    expect(page).to_have_url(re.compile(r"/ru/search/\?q="))
    results = page.locator(".hits > li")
    expect(results.first.locator("mark").first).to_be_visible()
    heading = page.locator("#results-heading")
    total = int(re.search(r"\d+", heading.inner_text()).group())
    assert total > 1

    country = page.locator(".facet").first.locator("a").nth(1)
    count = int(re.search(r"\((\d+)\)", country.inner_text()).group(1))
    country.click()
    expect(page).to_have_url(re.compile(r"country=[A-Z]{3}"))
    expect(heading).to_contain_text(str(count))
    expect(results).to_have_count(min(count, 10))

    hit = results.first.locator("h3 a")
    title = hit.inner_text()
    hit.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
