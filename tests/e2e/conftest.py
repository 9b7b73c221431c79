"""Browser tests: Debian's Chromium, driven by Playwright, against a real server.

The portal runs as its own process (`manage.py runserver`) on a database of its
own: a copy of the suite's demo database (``demo_database`` in tests/conftest.py:
migrated and loaded with `dsm_demo` once per session, as `make run` does); the
tests see it only through the browser. Outside CI a missing browser
skips these tests with a message; in CI (CI=true) it fails them. The pages run
under the portal's Content-Security-Policy: a violation, or a JavaScript error, on
any page of a test's browser context fails that test.
"""

import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.databases import DEMO_PASSWORD
from tests.helpers import PROJECT_DIR, free_port, subprocess_env

# Playwright's sync API keeps an event loop in the main thread; Django would then
# refuse database access from later tests of the same session.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

BROWSER_PATH = os.environ.get("DSM_BROWSER", "/usr/bin/chromium")
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def browser_unavailable(reason):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Browser tests must run in CI: {reason}")
    pytest.skip(f"Browser tests skipped: {reason} (install Debian's chromium to run them)")


@dataclass
class Portal:
    url: str
    env: dict
    log: Path


@pytest.fixture(scope="session")
def portal(demo_database, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("portal")
    database = demo_database.copy(tmp_path)
    env = {
        **database.env,
        "DSM_DEBUG": "1",
        "DSM_DEMO_PASSWORD": DEMO_PASSWORD,
        "DSM_EMAIL_URL": "console:",
        # The journeys publish figures and read them as the public at once; the page cache
        # (tests/dsm_site/test_page_cache.py) would show the page of an earlier test for a minute.
        "DSM_PAGE_CACHE_SECONDS": "0",
    }
    try:
        port = free_port()
        log = tmp_path / "server.log"
        with open(log, "w") as log_file:
            server = subprocess.Popen(
                [sys.executable, str(PROJECT_DIR / "manage.py"), "runserver", "--noreload", f"127.0.0.1:{port}"],
                cwd=PROJECT_DIR,
                env=subprocess_env(env),
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_for(f"{url}/healthz", server, log)
            yield Portal(url=url, env=env, log=log)
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        database.remove()


def wait_for(url, server, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"The server stopped:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"The server did not answer {url} within {seconds} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def browser():
    if not Path(BROWSER_PATH).exists():
        browser_unavailable(f"no browser at {BROWSER_PATH}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        browser_unavailable(f"Playwright is not installed ({error})")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=BROWSER_PATH, args=BROWSER_ARGS)
        yield browser
        browser.close()


# Console messages that fail a test: the browser refusing something under the site's
# Content-Security-Policy, or a header it could not read.
BROWSER_COMPLAINTS = ("Content Security Policy", "Permissions-Policy")


@pytest.fixture
def context(browser, portal):
    """A browser context on the portal; a test fails if any of its pages breaks the CSP or throws."""
    context = browser.new_context(base_url=portal.url, locale="en-GB")
    context.set_default_timeout(15_000)
    problems = []
    context.on("console", lambda message: problems.extend(console_problems(message)))
    context.on("weberror", lambda error: problems.append(f"JavaScript error on {page_url(error.page)}: {error.error}"))
    yield context
    context.close()
    if problems:
        pytest.fail("The browser reported:\n" + "\n".join(problems), pytrace=False)


def console_problems(message):
    if any(complaint in message.text for complaint in BROWSER_COMPLAINTS):
        return [f"{message.type} on {page_url(message.page)}: {message.text}"]
    return []


def page_url(page):
    return page.url if page is not None else "(no page)"


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def log_in(page):
    """log_in(username, language="en"): sign in through the login form."""

    def log_in(username, language="en"):
        page.goto(f"/{language}/accounts/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(DEMO_PASSWORD)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()

    return log_in
