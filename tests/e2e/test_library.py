"""The e-library in the browser: reading in Russian, filtering, downloading; restricted documents."""

import re

from playwright.sync_api import expect

from tests.e2e.navigation import click_and_wait_for_the_next_page

# Demo documents (demo/content): one public, one shared with participating states.
PUBLIC_SLUG = "kaz-law-refugees"
RESTRICTED_SLUG = "kaz-regulation-work-permits"


def test_a_public_reader_filters_the_library_in_russian_and_downloads_a_pdf(page):
    page.goto("/ru/library/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Электронная библиотека")
    page.locator("#id_section").select_option("participating-states")
    page.locator("#id_country").select_option("KAZ")
    click_and_wait_for_the_next_page(page, page.locator("form.filters button[type=submit]"))
    assert "section=participating-states" in page.url
    assert "country=KAZ" in page.url
    link = page.locator(f"a[href$='/{PUBLIC_SLUG}/']")
    expect(link).to_have_text("Закон Республики Казахстан о беженцах")
    expect(page.locator(f"a[href$='/{RESTRICTED_SLUG}/']")).to_have_count(0)
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Закон Республики Казахстан о беженцах")
    with page.expect_download() as download_info:
        page.locator("a.download").click()
    download = download_info.value
    assert download.suggested_filename == f"{PUBLIC_SLUG}.pdf"
    with open(download.path(), "rb") as file:
        assert file.read(5) == b"%PDF-"


def test_a_restricted_document_is_absent_for_the_public_and_present_for_a_participating_state(page, log_in):
    page.goto("/en/library/?section=participating-states&country=KAZ")
    expect(page.locator(f"a[href$='/{PUBLIC_SLUG}/']")).to_have_count(1)
    expect(page.locator(f"a[href$='/{RESTRICTED_SLUG}/']")).to_have_count(0)
    response = page.goto(f"/en/library/participating-states/{RESTRICTED_SLUG}/")
    assert "/accounts/login/" in page.url, response.status

    log_in("arm-user")
    page.goto("/en/library/?section=participating-states&country=KAZ")
    restricted = page.locator(f"a[href$='/{RESTRICTED_SLUG}/']")
    expect(restricted).to_have_count(1)
    restricted.click()
    expect(page.locator("dl.facts")).to_contain_text("Participating states")
    with page.expect_download() as download_info:
        page.locator("a.download").click()
    assert re.match(r".+\.(pdf|docx)$", download_info.value.suggested_filename)
