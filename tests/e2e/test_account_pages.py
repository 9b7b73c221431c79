"""The accounts' new pages (users, second factor, audit trail): accessible, and usable on a 360 px phone."""

import pytest

from tests.e2e.test_accessibility import blocking_violations

ACCOUNT_PAGES = [
    ("kaz-admin", "/en/accounts/users/"),
    ("kaz-admin", "/ru/accounts/users/invite/"),
    ("kaz-admin", "/ru/accounts/audit/"),
    ("sysadmin", "/en/accounts/audit/"),
    ("kaz-focal", "/en/accounts/security/"),
    ("kaz-user", "/ru/accounts/security/enrol/"),
]


# What sticks out past the screen's right edge, to name the culprit when the page is too wide.
WIDEST = """[...document.querySelectorAll('body *')]
    .filter(element => element.getBoundingClientRect().right > 361)
    .slice(0, 5)
    .map(element => `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`)"""


@pytest.mark.parametrize(("username", "path"), ACCOUNT_PAGES)
def test_account_pages_fit_a_phone_and_have_no_serious_accessibility_violation(page, log_in, username, path):
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(username)
    page.goto(path)
    assert page.url.endswith(path), f"{username} was sent elsewhere: {page.url}"
    # Wide tables scroll inside their own box; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, page.evaluate(WIDEST)
    assert blocking_violations(page) == []
