"""History loading's pages (bulk steps, uploads, saved mappings, completeness): accessible, and usable at 360 px."""

import pytest

from tests.e2e.test_accessibility import blocking_violations
from tests.e2e.test_account_pages import WIDEST

HISTORY_PAGES = [
    ("sysadmin", "/en/data/submissions/"),  # the bulk form, every country's submissions
    ("kaz-admin", "/ru/data/submissions/"),
    ("kaz-focal", "/ru/data/uploads/"),
    ("kaz-focal", "/en/data/uploads/mappings/"),
    ("sysadmin", "/ru/data/completeness/"),
]


@pytest.mark.parametrize(("username", "path"), HISTORY_PAGES)
def test_history_pages_fit_a_phone_and_have_no_serious_accessibility_violation(page, log_in, username, path):
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(username)
    page.goto(path)
    assert page.url.endswith(path), f"{username} was sent elsewhere: {page.url}"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.evaluate(WIDEST)
    assert blocking_violations(page) == []
