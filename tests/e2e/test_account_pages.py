"""The accounts' new pages (users, second factor, audit trail): accessible, and usable on a 360 px phone."""

import pytest

from tests.e2e.screens import PHONE, assert_fits_a_phone_and_is_accessible

# What these check is the same HTML on either database: CI runs them once (pyproject.toml, .ci/run).
pytestmark = pytest.mark.page_scan

ACCOUNT_PAGES = [
    ("kaz-admin", "/en/accounts/users/"),
    ("kaz-admin", "/ru/accounts/users/invite/"),
    ("kaz-admin", "/ru/accounts/audit/"),
    ("sysadmin", "/en/accounts/audit/"),
    ("kaz-focal", "/en/accounts/security/"),
    ("kaz-user", "/ru/accounts/security/enrol/"),
]


@pytest.mark.parametrize(("username", "path"), ACCOUNT_PAGES)
def test_account_pages_fit_a_phone_and_have_no_serious_accessibility_violation(page, log_in, username, path):
    page.set_viewport_size(PHONE)
    log_in(username)
    page.goto(path)
    assert page.url.endswith(path), f"{username} was sent elsewhere: {page.url}"
    assert_fits_a_phone_and_is_accessible(page)
