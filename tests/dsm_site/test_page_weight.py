"""The home page stays light, self-hosted and readable without JavaScript."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

LIMIT_BYTES = 100 * 1024


def linked_resources(html):
    return re.findall(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"', html)


@pytest.mark.parametrize("path", ["/en/", "/ru/"])
def test_home_page_with_its_css_and_js_weighs_under_100_kb(client, home_pages, path):
    html = client.get(path).content
    total = len(html)
    for url in linked_resources(html.decode()):
        if url.startswith("data:"):
            continue
        assert url.startswith("/static/"), f"{url} is not one of our static files"
        path_on_disk = finders.find(url.removeprefix("/static/"))
        assert path_on_disk, url
        with open(path_on_disk, "rb") as file:
            total += len(file.read())
    assert total < LIMIT_BYTES, f"{total} bytes"


def test_nothing_is_loaded_from_other_hosts(client, home_pages):
    html = client.get("/en/").content.decode()
    resources = linked_resources(html)
    assert resources, "expected at least the stylesheet"
    assert all(url.startswith(("/", "data:")) and not url.startswith("//") for url in resources), resources


def test_content_and_navigation_need_no_javascript(client, home_pages):
    html = client.get("/en/").content.decode()
    assert "<script" not in html
    assert "Migration statistics, the methodology behind them" in html
    assert 'href="/en/accounts/login/' in html
