"""History loading's pages (bulk steps, uploads, saved mappings, completeness): accessible, and usable at 360 px."""

import pytest

from tests.e2e.screens import PHONE, assert_fits_a_phone_and_is_accessible

# What these check is the same HTML on either database: CI runs them once (pyproject.toml, .ci/run).
pytestmark = pytest.mark.page_scan

HISTORY_PAGES = [
    ("sysadmin", "/en/data/submissions/"),  # the bulk form, every country's submissions
    ("kaz-admin", "/ru/data/submissions/"),
    ("kaz-focal", "/ru/data/uploads/"),
    ("kaz-focal", "/en/data/uploads/mappings/"),
    ("sysadmin", "/ru/data/completeness/"),
]


@pytest.mark.parametrize(("username", "path"), HISTORY_PAGES)
def test_history_pages_fit_a_phone_and_have_no_serious_accessibility_violation(page, log_in, username, path):
    page.set_viewport_size(PHONE)
    log_in(username)
    page.goto(path)
    assert page.url.endswith(path), f"{username} was sent elsewhere: {page.url}"
    assert_fits_a_phone_and_is_accessible(page)
