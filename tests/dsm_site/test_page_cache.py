"""The cache of public pages (dsm_site.page_cache): anonymous readers only, never a signed-in reader's page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from wagtail.models import PageViewRestriction

from dsm_data.grid import build_grid
from dsm_data.models import Confidentiality, Role, Value
from dsm_data.services import submissions as services
from dsm_site.page_cache import KEY_PREFIX, STATUS_HEADER, PageCacheMiddleware
from tests.conftest import cells_from

pytestmark = pytest.mark.django_db

BROWSER = "/en/data/?indicator=REFUGEE_DECISIONS"
VALUE_LINK = 'href="/en/data/values/'  # one per figure shown in the data browser
ENTRIES = {
    "RSD_OUTCOME=RECOGNISED": "11",
    "RSD_OUTCOME=COMPLEMENTARY": "2",
    "RSD_OUTCOME=REJECTED": "30",
    "RSD_OUTCOME=CLOSED": "4",
}


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.DSM_PAGE_CACHE_SECONDS = 60


@pytest.fixture
def published(catalogue, kazakhstan, armenia, make_user, make_period, home_pages):
    """Kazakhstan's 2025 refugee decisions (five figures with the total), published, shared with the states."""
    decisions = catalogue["REFUGEE_DECISIONS"]
    focal = make_user(Role.FOCAL_POINT, kazakhstan, username="publishing-focal")
    submission = services.open_submission(kazakhstan, make_period(2025), user=focal)
    submission.submission_indicators.exclude(indicator=decisions).delete()
    services.save_cells(submission, decisions, cells=cells_from(build_grid(decisions), ENTRIES), user=focal)
    services.submit(submission, user=focal)
    services.validate(submission, user=make_user(Role.COUNTRY_ADMIN, kazakhstan, username="validating-admin"))
    services.publish(submission, user=make_user(Role.SYSTEM_ADMIN, username="publishing-secretariat"))
    Value.objects.update(confidentiality=Confidentiality.SHARED)
    return submission


def read(client, url, **extra):
    """The response, and how many database queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        BROWSER,
        "/en/data/indicators/REFUGEE_DECISIONS/",
        "/en/data/compare/?indicator=REFUGEE_DECISIONS",
        "/en/search/?q=refugees",
        "/ru/",
    ],
)
def test_the_second_anonymous_read_is_the_first_page_from_the_cache(client, published, url):
    first, first_queries = read(client, url)
    second, second_queries = read(client, url)
    assert first.status_code == second.status_code == 200
    assert (first[STATUS_HEADER], second[STATUS_HEADER]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second_queries == 1 < first_queries  # the token of the pages' version, nothing else
    assert not second.cookies


def test_the_order_of_parameters_and_the_method_head_share_one_entry(client, published):
    client.get("/en/data/?indicator=REFUGEE_DECISIONS&country=KAZ")
    assert client.get("/en/data/?country=KAZ&indicator=REFUGEE_DECISIONS")[STATUS_HEADER] == "hit"
    assert client.head("/en/data/?indicator=REFUGEE_DECISIONS&country=KAZ")[STATUS_HEADER] == "hit"
    assert client.get("/en/data/?indicator=REFUGEE_DECISIONS&country=ARM")[STATUS_HEADER] == "miss"


def test_russian_and_english_pages_and_each_host_are_separate_entries(client, published):
    english, russian = client.get("/en/"), client.get("/ru/")
    assert (english[STATUS_HEADER], russian[STATUS_HEADER]) == ("miss", "miss")
    assert '<html lang="en"' in english.content.decode()
    assert '<html lang="ru"' in russian.content.decode()
    assert client.get("/ru/").content == russian.content
    assert client.get("/ru/", HTTP_HOST="localhost")[STATUS_HEADER] == "miss"


# Every role, in the figures' country (Kazakhstan) and in another (Armenia); the figures are shared
# with participating states, so their officials read them, an editor of no country does not.
SIGNED_IN_READERS = [
    (Role.DATA_USER, "kazakhstan", True),
    (Role.DATA_USER, "armenia", True),
    (Role.FOCAL_POINT, "kazakhstan", True),
    (Role.FOCAL_POINT, "armenia", True),
    (Role.COUNTRY_ADMIN, "kazakhstan", True),
    (Role.COUNTRY_ADMIN, "armenia", True),
    (Role.EDITOR, None, False),
    (Role.SYSTEM_ADMIN, None, True),
]


@pytest.mark.parametrize(("role", "country", "reads_them"), SIGNED_IN_READERS)
def test_signed_in_readers_neither_read_nor_fill_the_cache(
    client, published, make_user, request, role, country, reads_them
):
    reader = make_user(role, country and request.getfixturevalue(country), username="reader")
    client.force_login(reader)
    own = client.get(BROWSER)  # first: if it were kept, the public would get it next
    assert STATUS_HEADER not in own
    assert own.content.decode().count(VALUE_LINK) == (5 if reads_them else 0)

    client.logout()
    client.cookies.clear()
    public = client.get(BROWSER)
    assert public[STATUS_HEADER] == "miss"
    assert public.content.decode().count(VALUE_LINK) == 0
    assert client.get(BROWSER)[STATUS_HEADER] == "hit"

    client.force_login(reader)  # and now that the public page is kept, the reader still gets their own
    again = client.get(BROWSER)
    assert STATUS_HEADER not in again
    assert again.content.decode().count(VALUE_LINK) == (5 if reads_them else 0)


def test_a_reader_with_a_session_is_not_served_from_the_cache(client, published):
    client.get("/en/")
    client.cookies["sessionid"] = "a-session-the-reader-still-has"  # signed out, or a message waiting in it
    assert STATUS_HEADER not in client.get("/en/")


def test_an_edited_page_shows_at_once(client, published, home_pages):
    client.get("/en/")
    assert client.get("/en/")[STATUS_HEADER] == "hit"
    home_pages.intro = "Edited a moment ago."
    home_pages.save_revision().publish()
    edited = client.get("/en/")
    assert edited[STATUS_HEADER] == "miss"
    assert "Edited a moment ago." in edited.content.decode()


def test_nothing_is_kept_with_zero_seconds(client, published, settings):
    settings.DSM_PAGE_CACHE_SECONDS = 0
    first, first_queries = read(client, BROWSER)
    second, second_queries = read(client, BROWSER)
    assert STATUS_HEADER not in first
    assert STATUS_HEADER not in second
    assert second_queries > 1
    assert first_queries > 1


def test_figures_changed_show_once_the_time_to_live_is_over(client, published, settings):
    """Figures have no version token: a kept page shows the old ones until it expires (here: at once)."""
    Value.objects.update(confidentiality=Confidentiality.PUBLIC)
    assert client.get(BROWSER).content.decode().count(VALUE_LINK) == 5
    Value.objects.update(confidentiality=Confidentiality.NATIONAL)
    assert client.get(BROWSER).content.decode().count(VALUE_LINK) == 5  # kept
    caches["pages"].clear()  # what the time-to-live does
    assert client.get(BROWSER).content.decode().count(VALUE_LINK) == 0


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("post", "/en/search/?q=refugees"),  # a POST
        ("get", "/en/data/?indicator=REFUGEE_DECISIONS&export=csv"),  # a file, streamed
        ("get", "/en/data/?indicator=REFUGEE_DECISIONS&export=xlsx"),  # a file, whole
        ("get", "/api/v1/indicators/"),  # the API: its own tokens and rate limits
        ("get", "/en/accounts/login/"),  # not a public reading page (and it sets the CSRF cookie)
        ("get", "/healthz"),
    ],
)
def test_posts_files_the_api_and_other_pages_are_never_kept(client, published, method, url):
    first = getattr(client, method)(url)
    second = getattr(client, method)(url)
    assert first.status_code == second.status_code == 200
    assert STATUS_HEADER not in first
    assert STATUS_HEADER not in second


def test_a_page_behind_a_password_is_not_kept(client, published, home_pages):
    """Its form sets the CSRF cookie (and Wagtail marks it private): built each time."""
    PageViewRestriction.objects.create(page=home_pages, restriction_type="password", password="shared-secret")
    first = client.get("/en/")
    assert first.status_code == 200
    assert "csrftoken" in first.cookies
    assert STATUS_HEADER not in first
    assert STATUS_HEADER not in client.get("/en/")


def test_a_page_that_sets_a_cookie_is_not_kept(rf, published):
    """Any cookie set on the reader, even on a public page that is not private: never kept."""

    def view_setting_a_cookie(request):
        response = HttpResponse("<p>Welcome back</p>")
        response.set_cookie("seen", "1")
        return response

    middleware = PageCacheMiddleware(view_setting_a_cookie)
    for _ in range(2):
        request = rf.get("/en/search/?q=refugees")
        request.resolver_match, request.user = resolve("/en/search/"), AnonymousUser()
        assert middleware.process_view(request, view_setting_a_cookie, (), {}) is None  # nothing kept to serve
        response = middleware(request)
        assert "seen" in response.cookies
        assert STATUS_HEADER not in response


def test_a_page_too_large_is_not_kept(client, published, monkeypatch):
    monkeypatch.setattr("dsm_site.page_cache.MAX_KEPT_BYTES", 1000)
    first = client.get("/en/")
    assert len(first.content) > 1000
    assert STATUS_HEADER not in first
    assert STATUS_HEADER not in client.get("/en/")


def test_kept_pages_are_in_their_own_cache(client, published):
    """A flood of addresses evicts kept pages only, never what the default cache holds (rate counts)."""
    client.get("/en/")

    def kept_pages(name):
        return [key for key in caches[name]._cache if KEY_PREFIX in key]  # LocMemCache's own store

    assert len(kept_pages("pages")) == 1
    assert kept_pages("default") == []
