"""The e-library's listing: cached choices and counts follow every change at once; order; links; menus."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from wagtail.models import Locale, Page

from dsm_data.models import Role
from library_pages.models import DocumentPage, EventDocument, EventIndexPage, EventPage, LibraryIndexPage
from library_pages.selectors import readable_links, site_sections
from library_pages.services import pages_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def library_url(section):
    return LibraryIndexPage.objects.get(locale__language_code="en").url


def choices(response, name):
    return [value for value, _label in response.context["filter_form"].fields[name].choices if value != ""]


def test_a_published_document_is_in_the_choices_and_the_count_at_once(client, library_url, make_document):
    make_document("old-law", date=datetime.date(2010, 1, 1))
    response = client.get(library_url)
    assert (choices(response, "year"), choices(response, "language")) == ([2010], ["en"])
    assert response.context["documents"].paginator.count == 1

    make_document("new-decree", date=datetime.date(2012, 6, 1), language="kk")
    response = client.get(library_url)
    assert choices(response, "year") == [2012, 2011, 2010]
    assert choices(response, "language") == ["en", "kk"]
    assert response.context["documents"].paginator.count == 2
    assert client.get(library_url, {"language": "kk"}).context["documents"].paginator.count == 1


def test_an_unpublished_or_deleted_document_leaves_the_choices_and_the_count_at_once(
    client, library_url, make_document
):
    make_document("old-law", date=datetime.date(2010, 1, 1))
    newer = make_document("new-law", date=datetime.date(2015, 1, 1), language="ru")
    assert client.get(library_url).context["documents"].paginator.count == 2
    assert client.get(library_url, {"year": "2015"}).context["documents"].paginator.count == 1

    newer.unpublish()
    response = client.get(library_url)
    assert (choices(response, "year"), choices(response, "language")) == ([2010], ["en"])
    assert response.context["documents"].paginator.count == 1
    assert [page.slug for page in response.context["documents"]] == ["old-law"]

    newer.save_revision().publish()
    assert client.get(library_url).context["documents"].paginator.count == 2
    newer.delete()
    assert client.get(library_url).context["documents"].paginator.count == 1


def test_a_change_of_visibility_changes_the_count_at_once(client, library_url, make_document, kazakhstan):
    page = make_document("a-law", country=kazakhstan)
    assert client.get(library_url).context["documents"].paginator.count == 1
    page.visibility = "national"
    page.save_revision().publish()
    assert client.get(library_url).context["documents"].paginator.count == 0


def test_each_kind_of_reader_has_its_own_cached_count(client, library_url, make_document, make_user, kazakhstan):
    make_document("public-law", country=kazakhstan)
    make_document("national-decree", "national", kazakhstan)
    readers = [None, make_user(Role.DATA_USER, kazakhstan), None, make_user(Role.EDITOR), None]
    counts = []
    for user in readers:
        client.logout()
        if user:
            client.force_login(user)
        counts.append(client.get(library_url).context["documents"].paginator.count)
    assert counts == [1, 2, 1, 2, 1]


def test_writes_that_bypass_save_are_seen_after_pages_changed(client, library_url, make_document):
    make_document("a-law", date=datetime.date(2010, 1, 1))
    assert choices(client.get(library_url), "year") == [2010]
    DocumentPage.objects.update(date=datetime.date(2011, 1, 1))
    pages_changed()
    assert choices(client.get(library_url), "year") == [2011]


def test_documents_are_listed_newest_first_then_by_title_even_after_a_new_title(client, library_url, make_document):
    same_day = datetime.date(2020, 1, 1)
    make_document("b", date=same_day)
    make_document("c", date=datetime.date(2021, 1, 1))
    first = make_document("a", date=same_day)
    make_document("undated", date=None)

    def listed():
        return [page.title for page in client.get(library_url).context["documents"]]

    assert listed() == ["c", "a", "b", "undated"]
    first.title = "z"
    first.save_revision().publish()
    assert listed() == ["c", "b", "z", "undated"]


@pytest.fixture
def event(roots):
    def make(documents):
        page = roots[EventIndexPage].add_child(
            instance=EventPage(
                title="Meeting",
                slug="meeting",
                start_date=datetime.date(2024, 5, 1),
                linked_documents=[EventDocument(document_page=document) for document in documents],
            )
        )
        page.save_revision().publish()
        return page

    return make


def test_an_event_links_the_documents_the_reader_may_read_in_a_constant_number_of_queries(
    event, make_document, make_user, kazakhstan, django_assert_num_queries
):
    public = make_document("public-law", country=kazakhstan)
    national = make_document("national-decree", "national", kazakhstan)
    both = make_document("translated-law", translate=True)
    page = event([national, both, public])
    links = list(page.linked_documents.all())
    with translation.override("en"), django_assert_num_queries(2):
        assert [document.slug for document in readable_links(AnonymousUser(), links)] == [
            "translated-law",
            "public-law",
        ]
    with translation.override("en"):
        readable = readable_links(make_user(Role.DATA_USER, kazakhstan), links)
        assert [document.slug for document in readable] == ["national-decree", "translated-law", "public-law"]
    with translation.override("ru"):
        readable = readable_links(AnonymousUser(), links)
        assert [(document.slug, document.locale.language_code) for document in readable] == [
            ("translated-law", "ru"),
            ("public-law", "en"),
        ]


def test_the_menu_shows_a_section_not_yet_translated_in_the_default_language_at_its_place(client, roots):
    russian_locale = Locale.objects.get(language_code="ru")
    events = roots[EventIndexPage]
    russian_events = events.get_translation(russian_locale)
    with translation.override("en"):
        english = [page.pk for page in site_sections()]
    assert events.pk in english
    russian_events.unpublish()
    with translation.override("ru"):
        shown = [page.pk for page in site_sections()]
    # The same sections in the same order: the Russian ones, and the English events.
    assert shown == [
        pk if pk == events.pk else Page.objects.get(pk=pk).get_translation(russian_locale).pk for pk in english
    ]
    body = client.get("/ru/").content.decode()
    menu = body[body.index('<ul class="main-navigation">') :].split("</ul>")[0]
    assert events.title in menu
    assert russian_events.title not in menu
