"""Acceptance 3 of the Excel issue, in a real browser: a focal point downloads the template, fills it
in offline, uploads it, sees what it changes, confirms, and gets a receipt."""

import re

import openpyxl
from playwright.sync_api import expect

from tests.e2e.navigation import click_and_wait_for_the_next_page


def test_a_focal_point_round_trips_the_excel_template(page, log_in, tmp_path):
    log_in("kgz-focal")
    page.goto("/en/data/submissions/")
    click_and_wait_for_the_next_page(page, page.get_by_role("link", name="2025", exact=True))
    submission_url = page.url
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the Excel template with these figures").click()
    template = tmp_path / "template.xlsx"
    download_info.value.save_as(template)

    workbook = openpyxl.load_workbook(template)
    sheet = workbook["REFUGEE_DECISIONS"]
    for coordinate, number in {"A5": 11, "B5": "2", "C5": 3, "D5": 4}.items():
        sheet[coordinate] = number
    workbook.save(template)

    page.goto("/en/data/uploads/")
    page.get_by_label("File").set_input_files(template)
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Check the changes")).to_be_visible()
    changes = page.locator("table.changes")
    expect(changes).to_contain_text("Refugee status determinations: Refugee status granted")
    expect(changes.locator("tr", has_text="Refugee status granted").locator("td").last).to_have_text("11")
    expect(changes.locator("tr", has_text="Refugee status determinations: Total")).to_contain_text("20")

    page.get_by_role("button", name="Confirm and store").click()
    expect(page.get_by_role("heading", name="Receipt DSM-")).to_be_visible()
    expect(page.locator(".messages")).to_contain_text("Stored.")
    expect(page.locator(".count-added")).to_have_text("5")
    expect(page.locator(".checksum")).to_have_text(re.compile(r"^[0-9a-f]{64}$"))

    page.goto(submission_url)
    page.get_by_role("link", name="Refugee status determinations").click()
    expect(page.get_by_label("Refugee status determinations: Refugee status granted")).to_have_value("11")
    expect(page.get_by_label("Refugee status determinations: Total")).to_have_value("20")
