import pytest
from playwright.sync_api import expect

ACCOUNTS = [
    ("sysadmin", "System administrator", None),
    ("editor", "Editor", None),
    ("kaz-admin", "Country administrator", "Kazakhstan"),
    ("kaz-focal", "Focal point", "Kazakhstan"),
    ("kaz-user", "Data user", "Kazakhstan"),
]


@pytest.mark.parametrize(("username", "role", "country"), ACCOUNTS)
def test_each_demo_role_logs_in_and_out(page, log_in, username, role, country):
    log_in(username)
    assert page.url.endswith("/en/accounts/tasks/")  # the task list, then the account
    page.goto("/en/accounts/")
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text(username)
    expect(facts).to_contain_text(role)
    if country:
        expect(facts).to_contain_text(country)

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()
    page.goto("/en/accounts/")
    assert "/en/accounts/login/" in page.url


def test_logging_in_in_russian_shows_role_and_country_in_russian(page, log_in):
    log_in("arm-focal", language="ru")
    page.goto("/ru/accounts/")  # signing in lands on the task list; the account page tells the role
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("Координатор")
    expect(facts).to_contain_text("Армения")


def test_a_wrong_password_is_refused_with_a_message(page):
    page.goto("/en/accounts/login/")
    page.locator("#id_username").fill("kaz-user")
    page.locator("#id_password").fill("not-the-password")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("alert")).to_contain_text("Please enter a correct username and password")
    assert page.url.endswith("/en/accounts/login/")
