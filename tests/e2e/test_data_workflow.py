"""Acceptance 1 of the indicator-data issue, in a real browser: enter, save, submit, return,
correct, validate, publish, then correct the published value and read its history."""

import re

from playwright.sync_api import expect

from tests.e2e.navigation import click_and_wait_for_the_next_page

COMMENT = "Checked against the register: the new border system counts every crossing."


def switch_user(page, log_in, username):
    if page.get_by_role("button", name="Log out").count():
        page.get_by_role("button", name="Log out").click()
    log_in(username)


def fill_indicator(page):
    """Type 7 in every cell that is not a total, save, then explain each warning and save again."""
    save = page.get_by_role("button", name="Save draft")
    for cell in page.locator("table.grid td:not(.total) input[type=text]").all():
        cell.fill("7")
    click_and_wait_for_the_next_page(page, save)
    comments = page.locator("table.grid textarea")
    if comments.count():
        for comment in comments.all():
            comment.fill(COMMENT)
        click_and_wait_for_the_next_page(page, save)
    expect(page.locator(".messages")).to_contain_text("Saved.")


def test_a_figure_goes_from_entry_to_publication_and_correction(page, log_in):
    log_in("aze-focal")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Submissions").click()
    click_and_wait_for_the_next_page(page, page.get_by_role("button", name="Start the submission for 2025"))
    submission_url = page.url
    indicators = [link.inner_text() for link in page.locator("table.data tbody th a").all()]
    assert len(indicators) == 6
    for name in indicators:
        page.goto(submission_url)
        click_and_wait_for_the_next_page(page, page.get_by_role("link", name=name))
        fill_indicator(page)
    page.goto(submission_url)
    page.get_by_role("button", name="Submit for validation").click()
    expect(page.locator(".messages")).to_contain_text("Submitted")
    expect(page.locator(".status").first).to_have_text("Submitted")

    switch_user(page, log_in, "aze-admin")
    page.goto(submission_url)
    page.get_by_label("What needs correcting").fill("Refugee status granted looks too high.")
    page.get_by_role("button", name="Return to the focal point").click()
    expect(page.locator(".status").first).to_have_text("Returned")

    switch_user(page, log_in, "aze-focal")
    page.goto(submission_url)
    expect(page.locator(".history")).to_contain_text("Refugee status granted looks too high.")
    page.get_by_role("link", name="Refugee status determinations").click()
    page.get_by_label("Refugee status determinations: Refugee status granted").fill("5")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_label("Refugee status determinations: Total")).to_have_value("26")  # 5 + 7 + 7 + 7
    page.goto(submission_url)
    page.get_by_role("button", name="Submit for validation").click()
    expect(page.locator(".messages")).to_contain_text("Submitted")

    switch_user(page, log_in, "aze-admin")
    page.goto(submission_url)
    page.get_by_role("button", name="Validate").click()
    expect(page.locator(".status").first).to_have_text("Validated")

    switch_user(page, log_in, "sysadmin")
    page.goto(submission_url)
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".status").first).to_have_text("Published")

    # Published: a data user of another participating state finds it in the data browser.
    switch_user(page, log_in, "kaz-user")
    page.goto("/en/data/?indicator=REFUGEE_DECISIONS&country=AZE&period=2025")
    row = page.locator("table.data tbody tr", has_text="Refugee status granted")
    expect(row.locator("td.number")).to_have_text("5")

    switch_user(page, log_in, "aze-admin")
    page.goto("/en/data/?indicator=REFUGEE_DECISIONS&country=AZE&period=2025")
    page.locator("table.data tbody tr", has_text="Refugee status granted").locator("td.number a").click()
    page.get_by_label("Corrected value").fill("6")
    page.get_by_label("Reason for the correction").fill("Two decisions of December were registered late.")
    page.get_by_role("button", name="Publish the correction").click()
    expect(page.locator(".messages")).to_contain_text("Corrected")
    history = page.locator("table.data tbody")
    expect(history.locator("tr").first).to_contain_text("Two decisions of December were registered late.")
    newest = history.locator("tr").first.locator("td")
    assert [newest.nth(0).inner_text(), newest.nth(1).inner_text()] == ["5", "6"]
    assert re.search(r"\b7\b", history.inner_text())  # the first figure typed is still in the history
