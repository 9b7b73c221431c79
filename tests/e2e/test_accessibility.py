"""axe-core scans: no serious or critical violation on the portal's kinds of page, public and signed in."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.navigation import click_and_wait_for_the_next_page

# What these check is the same HTML on either database: CI runs them once (pyproject.toml, .ci/run).
pytestmark = pytest.mark.page_scan

BLOCKING_IMPACTS = {"serious", "critical"}


def blocking_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
        + ", ".join(str(node["target"]) for node in violation["nodes"])
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


@pytest.mark.parametrize("path", ["/en/", "/ru/", "/en/accounts/login/", "/ru/accounts/login/"])
def test_page_has_no_serious_accessibility_violation(page, path):
    page.goto(path)
    assert blocking_violations(page) == []


CONTENT_INDEXES = ["library", "methodology", "training", "events", "countries"]


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("index", CONTENT_INDEXES)
def test_content_pages_have_no_serious_accessibility_violation(page, language, index):
    """Each content index, then the first page it lists (a document, a module, an event, a profile)."""
    page.goto(f"/{language}/{index}/")
    assert blocking_violations(page) == []
    click_and_wait_for_the_next_page(page, page.locator(f"main a[href^='/{language}/{index}/']").first)
    assert blocking_violations(page) == []


@pytest.mark.parametrize(
    ("username", "path"),
    [
        ("kaz-focal", "/en/data/uploads/"),
        ("kaz-focal", "/ru/data/submissions/"),
        ("kaz-admin", "/en/countries/kaz/intranet/"),
        ("kaz-user", "/ru/search/?q=беженцев"),
    ],
)
def test_signed_in_pages_have_no_serious_accessibility_violation(page, log_in, username, path):
    log_in(username)
    page.goto(path)
    assert blocking_violations(page) == []


def test_a_submission_and_its_paper_form_have_no_serious_accessibility_violation(page, log_in):
    log_in("kaz-admin")
    page.goto("/en/data/submissions/")
    click_and_wait_for_the_next_page(page, page.get_by_role("link", name="2025", exact=True))
    assert blocking_violations(page) == []
    click_and_wait_for_the_next_page(page, page.get_by_role("link", name="Printable paper form"))
    assert blocking_violations(page) == []


def test_login_form_errors_have_no_serious_accessibility_violation(page):
    page.goto("/en/accounts/login/")
    page.locator("#id_username").fill("kaz-user")
    page.locator("#id_password").fill("wrong")
    click_and_wait_for_the_next_page(page, page.locator("main form button[type=submit]"))
    assert blocking_violations(page) == []


def test_the_scan_would_catch_a_violation(page):
    """Guards the guard: a page with an unlabelled field fails the scan.

    (An inline style, the other classic violation, is refused by the CSP before axe sees it.)
    """
    page.goto("/en/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text>')")
    assert blocking_violations(page)
