from playwright.sync_api import expect

from tests.e2e.navigation import click_and_wait_for_the_next_page


def test_home_page_in_english(page):
    page.goto("/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Data Sharing Mechanism")
    expect(page.get_by_role("link", name="Log in")).to_be_visible()


def test_home_page_in_russian(page):
    page.goto("/ru/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("Механизм обмена данными")
    expect(page.get_by_role("link", name="Войти")).to_be_visible()


def test_root_follows_the_browser_language(browser, portal):
    context = browser.new_context(base_url=portal.url, locale="ru-RU")
    page = context.new_page()
    page.goto("/")
    assert page.url == f"{portal.url}/ru/"
    context.close()


def test_switching_language_keeps_the_user_on_the_same_page(page):
    page.goto("/en/")
    click_and_wait_for_the_next_page(
        page, page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский")
    )
    assert page.url.endswith("/ru/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Механизм обмена данными")

    page.goto("/ru/accounts/login/")
    click_and_wait_for_the_next_page(
        page, page.get_by_role("navigation", name="Язык").get_by_role("link", name="English")
    )
    assert page.url.endswith("/en/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
