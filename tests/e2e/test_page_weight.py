"""What a reader on a slow connection downloads, measured in the browser."""

import pytest
from playwright.sync_api import expect

from tests.e2e.navigation import click_and_wait_for_the_next_page

LIMIT_BYTES = 100 * 1024


@pytest.mark.parametrize("path", ["/en/", "/ru/"])
def test_home_page_transfers_under_100_kb_all_from_our_own_host(page, portal, path):
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(path)
    page.wait_for_load_state("networkidle")
    foreign = [response.url for response in responses if not response.url.startswith(portal.url)]
    assert foreign == []
    transferred = sum(len(response.body()) for response in responses if response.status < 300)
    assert transferred < LIMIT_BYTES, f"{transferred} bytes"
    assert any(response.url.endswith(".css") for response in responses)


def test_reading_and_logging_in_work_without_javascript(browser, portal):
    context = browser.new_context(base_url=portal.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Data Sharing Mechanism")
    page.get_by_role("link", name="Log in").click()
    page.locator("#id_username").fill("kaz-user")
    page.locator("#id_password").fill("e2e-demo-password")
    click_and_wait_for_the_next_page(page, page.locator("main form button[type=submit]"))
    # Back on the page the reader came from, now signed in.
    assert page.url == f"{portal.url}/en/"
    expect(page.get_by_role("navigation", name="Account")).to_contain_text("KAZ Data user")
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    context.close()
