"""English and Russian from the first page: URL prefixes, switcher, translated interface."""

import re

import pytest

pytestmark = pytest.mark.django_db


def language_links(html):
    """{language code: href} of the language switcher."""
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', switcher)}


def test_root_redirects_to_the_browser_language(client, home_pages):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")["Location"] == "/ru/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/en/"


@pytest.mark.parametrize(
    ("path", "lang", "title", "skip_link"),
    [
        ("/en/", "en", "Data Sharing Mechanism", "Skip to main content"),
        ("/ru/", "ru", "Механизм обмена данными", "Перейти к основному содержанию"),
    ],
)
def test_home_page_is_served_in_its_language(client, home_pages, path, lang, title, skip_link):
    html = client.get(path).content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{title}</h1>" in html
    assert skip_link in html


def test_switcher_links_the_same_page_in_the_other_language(client, home_pages):
    assert language_links(client.get("/en/").content.decode()) == {"ru": "/ru/"}
    assert language_links(client.get("/ru/").content.decode()) == {"en": "/en/"}


def test_switcher_on_a_non_page_view_keeps_path_and_query(client, home_pages):
    html = client.get("/en/accounts/login/?next=/en/").content.decode()
    assert language_links(html) == {"ru": "/ru/accounts/login/?next=/en/"}


def test_interface_strings_are_translated_on_the_login_page(client, home_pages):
    html = client.get("/ru/accounts/login/").content.decode()
    assert "<h1>Вход</h1>" in html
    assert "Забыли пароль?" in html
    assert "Log in" not in html
