"""Every page of the portal on a 360 px phone, as the people who may see it: none scrolls sideways
(a wide table scrolls inside its own box), and axe finds no serious violation. The Wagtail admin is
left out: it is Wagtail's own.

Two tests, each walking its pages in one browser page, so the portal is signed in to once a person:
browser tests are slow. A failure lists every page that does not fit, each with the elements that
stick out past the screen's edge (not those inside a box that scrolls), so the culprit is named.
"""

from urllib.parse import unquote

import pytest

from tests.e2e.screens import PHONE
from tests.e2e.test_accessibility import blocking_violations

# What these check is the same HTML on either database: CI runs them once (pyproject.toml, .ci/run).
pytestmark = pytest.mark.page_scan

# The outermost elements that stick out past the screen's right edge and that no scrolling box
# holds: the ones that make the page wider than the screen.
STICKING_OUT = """(width) => {
    const scrolls = element => {
        for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
            if (getComputedStyle(box).overflowX !== 'visible') return true;
        }
        return false;
    };
    const out = [...document.querySelectorAll('body *')].filter(
        element => element.getBoundingClientRect().right > width + 1 && !scrolls(element));
    const outside = new Set(out);
    const name = element => element.tagName.toLowerCase() + (element.id ? '#' + element.id : '')
        + [...element.classList].map(name => '.' + name).join('');
    return out.filter(element => !outside.has(element.parentElement)).slice(0, 5).map(element => {
        const path = [];
        for (let node = element; node && node !== document.body && path.length < 4; node = node.parentElement) {
            path.unshift(name(node));
        }
        const box = element.getBoundingClientRect();
        const text = (element.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
        const size = `${Math.round(box.width)} px wide, right edge at ${Math.round(box.right)} px`;
        return `${path.join(' > ')} (${size}) "${text}"`;
    });
}"""


def problems_of(page, label):
    """What is wrong with the page shown, at 360 px: what sticks out, and axe's serious violations."""
    problems = []
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        culprits = page.evaluate(STICKING_OUT, PHONE["width"]) or ["(no single element: look at margins)"]
        problems.append(f"{label} {page.url} is {width} px wide:\n    " + "\n    ".join(culprits))
    problems += [f"{label} {page.url}: {violation}" for violation in blocking_violations(page)]
    return problems


def visit(page, path, label):
    """Opens ``path`` and returns its problems; one sent elsewhere (refused, or signed out) is one too."""
    response = page.goto(path)
    if response is None or response.status >= 400 or not unquote(page.url).endswith(path):
        return [f"{label} {path}: answered {response and response.status}, at {page.url}"]
    return problems_of(page, label)


def follow(page, path, link, label):
    """Opens ``path``, follows its first link matching the selector ``link``, and returns that page's problems."""
    page.goto(path)
    target = page.locator(link).first
    if not target.count():
        return [f"{label}: no link {link} on {path}"]
    page.goto(target.get_attribute("href"))
    return problems_of(page, label)


def report_pages(page, label):
    """The reports' form, then the page of a country report asked for on it (once the reports exist)."""
    if page.request.get("/en/reports/", max_redirects=0).status == 404:
        return []  # built in parallel with this test: checked once they answer
    problems = visit(page, "/en/reports/", label)
    page.locator("main form select[name=country]").select_option("KAZ")
    page.locator("main form input[name=file_format][value=xlsx]").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/reports/*/")
    return problems + problems_of(page, f"{label}: a report")


PUBLIC_PAGES = [
    ("/en/", "home"),
    ("/ru/", "home in Russian"),
    ("/en/library/", "library"),
    ("/en/methodology/", "methodology"),
    ("/en/training/", "training"),
    ("/en/events/", "events"),
    ("/en/countries/", "country profiles"),
    ("/en/countries/kaz/", "a country profile"),
    ("/ru/countries/kaz/", "a country profile in Russian"),
    ("/en/search/?q=migration", "search results"),
    ("/ru/search/?q=беженцев", "search results in Russian"),
    ("/en/data/", "data browser"),
    ("/ru/data/?empty_rows=on&totals_only=", "data browser, every row, in Russian"),
    ("/en/data/indicators/", "indicators"),
    ("/ru/data/indicators/FOREIGN_RESIDENTS/", "an indicator page in Russian"),
    ("/en/data/compare/", "comparison"),
    ("/ru/data/compare/", "comparison in Russian"),
    ("/en/data/countries/KAZ/", "a country's series"),
    ("/ru/data/countries/KAZ/", "a country's series in Russian"),
    ("/en/accounts/login/", "login"),
    ("/en/accounts/password/reset/", "password reset"),
]
DOCUMENT_SLUG = "kaz-law-refugees"  # a public document of the demo (demo/content)
FOLLOWED_PUBLIC_LINKS = [
    ("/en/library/", "main a[href^='/en/library/']", "a library section or document"),
    ("/en/training/", "main a[href^='/en/training/']", "a training module"),
    ("/en/events/", "main a[href^='/en/events/']", "an event"),
    ("/en/data/", "table.value-rows a[href^='/en/data/values/']", "a value's history"),
]


def test_public_pages_fit_a_phone(page):
    page.set_viewport_size(PHONE)
    problems = []
    for path, label in PUBLIC_PAGES:
        problems += visit(page, path, label)
    for path, link, label in FOLLOWED_PUBLIC_LINKS:
        problems += follow(page, path, link, label)
    problems += follow(page, "/en/library/?country=KAZ", f"main a[href$='/{DOCUMENT_SLUG}/']", "a document")
    page.goto("/en/data/indicators/")
    for href in [link.get_attribute("href") for link in page.locator("main a[href^='/en/data/indicators/']").all()]:
        problems += visit(page, href, "an indicator page")
    problems += report_pages(page, "reports")
    assert not problems, "Pages that do not fit a 360 px phone, or fail axe:\n" + "\n".join(problems)


# (who, path, what it is); a path ending in a selector is a link followed from that page.
SIGNED_IN_PAGES = [
    ("kaz-admin", "/en/countries/kaz/intranet/", "the country's intranet"),
    ("kaz-admin", "/en/data/", "data browser, signed in"),
    ("kaz-admin", "/en/data/completeness/", "completeness"),
    ("kaz-admin", "/en/data/submissions/", "submissions"),
    ("kaz-admin", "/ru/data/submissions/", "submissions in Russian"),
    ("kaz-admin", "/en/data/uploads/", "uploads"),
    ("kaz-admin", "/en/accounts/", "account"),
    ("kaz-admin", "/en/accounts/tasks/", "the task list"),
    ("kaz-admin", "/en/requests/", "requests between the states"),
    ("kaz-admin", "/en/requests/new/", "a new request"),
    ("kaz-admin", "/en/proposals/", "indicator proposals"),
    ("kaz-admin", "/en/proposals/new/", "a new indicator proposal"),
    ("kaz-admin", "/en/data/indicators/ENTRIES/metadata/KAZ/edit/", "editing national metadata"),
    ("kaz-admin", "/en/data/indicators/ENTRIES/metadata/KAZ/versions/", "national metadata versions"),
    ("kaz-admin", "/en/accounts/security/", "security"),
    ("kaz-admin", "/en/accounts/password/", "password change"),
    ("kaz-admin", "/en/accounts/users/", "the country's users"),
    ("kaz-admin", "/en/accounts/users/invite/", "an invitation"),
    ("kaz-admin", "/ru/accounts/users/invite/", "an invitation in Russian"),
    ("kaz-admin", "/en/accounts/audit/", "the country's audit trail"),
    ("kaz-admin", "/ru/accounts/audit/", "the country's audit trail in Russian"),
    ("kaz-focal", "/en/data/uploads/mappings/", "saved mappings"),
    ("kaz-focal", "/ru/data/uploads/", "uploads in Russian"),
    ("kaz-focal", "/en/accounts/security/", "security, without a second factor"),
    ("kaz-user", "/ru/accounts/security/enrol/", "enrolling a second factor, in Russian"),
    ("sysadmin", "/en/data/submissions/", "every country's submissions and the bulk form"),
    ("sysadmin", "/ru/data/completeness/", "completeness in Russian"),
    ("sysadmin", "/en/accounts/users/", "every user"),
    ("sysadmin", "/en/accounts/audit/", "the whole audit trail"),
    ("sysadmin", "/ru/accounts/tasks/", "the secretariat's task list in Russian"),
]
# (who, page, link followed, what it is): pages that need an object of the demo.
FOLLOWED_SIGNED_IN_LINKS = [
    ("kaz-admin", "/en/requests/", "main table a[href^='/en/requests/']", "a request's thread"),
    ("kaz-admin", "/en/proposals/", "main table a[href^='/en/proposals/']", "a proposal"),
    ("kaz-focal", "/ru/requests/", "main table a[href^='/ru/requests/']", "a request's thread in Russian"),
]


def signed_in_as(page, log_in, username, current):
    """Signs ``username`` in (out of ``current`` first) in the same browser page."""
    if username != current:
        page.context.clear_cookies()
        log_in(username)
    return username


def submission_pages(page, label):
    """A submission, an indicator's entry grid and the paper form, from the first submission listed."""
    problems = follow(page, "/en/data/submissions/", "main table a[href*='/en/data/submissions/']", label)
    submission = page.url
    problems += follow(page, submission, "main a[href*='/indicators/']", f"{label}: an entry grid")
    problems += follow(page, submission, "main a[href$='/paper/']", f"{label}: its paper form")
    return problems


def test_signed_in_pages_fit_a_phone(page, log_in):
    page.set_viewport_size(PHONE)
    problems, current = [], None
    for username, path, label in SIGNED_IN_PAGES:
        current = signed_in_as(page, log_in, username, current)
        problems += visit(page, path, f"{label} ({username})")
    for username, path, link, label in FOLLOWED_SIGNED_IN_LINKS:
        current = signed_in_as(page, log_in, username, current)
        problems += follow(page, path, link, f"{label} ({username})")
    for username in ("kaz-admin", "kaz-focal"):
        current = signed_in_as(page, log_in, username, current)
        problems += submission_pages(page, f"a submission ({username})")
        problems += follow(page, "/en/data/", "table.value-rows a[href^='/en/data/values/']", f"a value ({username})")
    problems += report_pages(page, f"reports ({current})")
    assert not problems, "Pages that do not fit a 360 px phone, or fail axe:\n" + "\n".join(problems)
