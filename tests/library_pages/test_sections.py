"""The site's section indexes (methodology, training, events, countries): every page once, in the reader's
language when it exists; events split into upcoming and past."""

import datetime

import pytest
from django.utils import translation

from demo import pages as demo_pages
from library_pages.models import EventIndexPage, EventPage, MethodologyIndexPage, MethodologyPage
from library_pages.selectors import upcoming_and_recent_events

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 30)


def chapter(roots, slug, translate):
    index = roots[MethodologyIndexPage]
    if translate:
        return demo_pages.ensure_page(index, MethodologyPage, slug, lambda language: {"title": f"{slug} ({language})"})
    page = index.add_child(instance=MethodologyPage(title=f"{slug} (en)", slug=slug))
    page.save_revision().publish()
    return page


def test_an_index_lists_a_page_not_yet_translated_in_the_default_language_at_its_place(client, roots):
    chapter(roots, "first", translate=True)
    chapter(roots, "second", translate=False)
    chapter(roots, "third", translate=True)
    russian = [page.title for page in client.get("/ru/methodology/").context["children"]]
    assert russian == ["first (ru)", "second (en)", "third (ru)"]
    english = [page.title for page in client.get("/en/methodology/").context["children"]]
    assert english == ["first (en)", "second (en)", "third (en)"]
    assert "second (en)" in client.get("/ru/methodology/").content.decode()


def test_an_index_keeps_the_original_order_when_several_pages_in_a_row_are_not_translated(client, roots):
    for slug, translate in (("a", True), ("b", False), ("c", False), ("d", True)):
        chapter(roots, slug, translate)
    russian = [page.title for page in client.get("/ru/methodology/").context["children"]]
    assert russian == ["a (ru)", "b (en)", "c (en)", "d (ru)"]


@pytest.fixture
def make_event(roots):
    def make(slug, start, end=None, translate=True):
        def fields(language):
            return {"title": f"{slug} ({language})", "start_date": start, "end_date": end}

        if translate:
            return demo_pages.ensure_page(roots[EventIndexPage], EventPage, slug, fields)
        page = roots[EventIndexPage].add_child(instance=EventPage(slug=slug, **fields("en")))
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def events(make_event):
    make_event("long-ago", datetime.date(2020, 3, 1))
    make_event("last-month", datetime.date(2026, 10, 5))
    make_event("running-now", datetime.date(2026, 11, 29), datetime.date(2026, 12, 1))
    make_event("next-year", datetime.date(2027, 2, 1))
    make_event("next-week", datetime.date(2026, 12, 7), translate=False)


def test_the_events_page_lists_upcoming_events_soonest_first_then_past_ones_latest_first(client, events, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: TODAY)
    context = client.get("/ru/events/").context
    assert [page.slug for page in context["upcoming"]] == ["running-now", "next-week", "next-year"]
    assert [page.slug for page in context["past"]] == ["last-month", "long-ago"]
    assert [page.locale.language_code for page in context["upcoming"]] == ["ru", "en", "ru"]
    body = client.get("/ru/events/").content.decode()
    assert body.index("running-now (ru)") < body.index("next-week (en)") < body.index("Прошедшие мероприятия")
    assert body.index("Прошедшие мероприятия") < body.index("last-month (ru)")


def test_the_home_page_shows_the_next_events_then_the_latest_past_ones(events, django_assert_num_queries):
    with translation.override("en"), django_assert_num_queries(1):
        shown = [page.slug for page in upcoming_and_recent_events(limit=4, today=TODAY)]
    assert shown == ["running-now", "next-week", "next-year", "last-month"]
    with translation.override("en"):
        assert [page.slug for page in upcoming_and_recent_events(limit=2, today=datetime.date(2028, 1, 1))] == [
            "next-year",
            "next-week",
        ]
