"""axe-core scans: no serious or critical violation on the home and login pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

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


def test_login_form_errors_have_no_serious_accessibility_violation(page):
    page.goto("/en/accounts/login/")
    page.locator("#id_username").fill("kaz-user")
    page.locator("#id_password").fill("wrong")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert blocking_violations(page) == []


def test_the_scan_would_catch_a_violation(page):
    """Guards the guard: a page with an unlabelled field and no contrast fails the scan."""
    page.goto("/en/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<input type=text><p style=\"color:#eee;background:#fff\">faint</p>')"
    )
    assert blocking_violations(page)
