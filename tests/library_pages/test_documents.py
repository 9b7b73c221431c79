"""Who reads which library document, its page and its file; restricted files have no public URL."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from dsm_data.models import Role
from library_pages.models import LibraryIndexPage

from .conftest import NATIONAL_ROLES

pytestmark = pytest.mark.django_db

# (role, where) -> may read (public, participating, national of KAZ)
READERS = [
    (None, None, (True, False, False)),
    (Role.DATA_USER, "own", (True, True, True)),
    (Role.FOCAL_POINT, "own", (True, True, True)),
    (Role.COUNTRY_ADMIN, "own", (True, True, True)),
    (Role.DATA_USER, "other", (True, True, False)),
    (Role.FOCAL_POINT, "other", (True, True, False)),
    (Role.COUNTRY_ADMIN, "other", (True, True, False)),
    (Role.EDITOR, None, (True, True, True)),
    (Role.SYSTEM_ADMIN, None, (True, True, True)),
]


@pytest.fixture
def documents(make_document, kazakhstan):
    return {
        "public": make_document("public-law", "public", kazakhstan),
        "participating": make_document("shared-report", "participating", kazakhstan),
        "national": make_document("national-decree", "national", kazakhstan),
    }


@pytest.mark.parametrize(("role", "where", "expected"), READERS)
def test_document_page_file_and_wagtail_url_follow_the_visibility(client, documents, user_for, role, where, expected):
    user = user_for(role, where)
    if user:
        client.force_login(user)
    for (visibility, page), readable in zip(documents.items(), expected, strict=True):
        page_response = client.get(page.url)
        file_response = client.get(page.file_url)
        wagtail_response = client.get(page.document.url)
        for response in (page_response, file_response, wagtail_response):
            if readable:
                assert response.status_code == 200, (visibility, response)
            elif user is None:
                assert response.status_code == 302, visibility
                assert "/accounts/login/" in response["Location"], visibility
            else:
                assert response.status_code == 403, (visibility, response)
        if readable:
            body = b"".join(file_response.streaming_content)
            assert body.startswith(b"%PDF-")
            assert file_response["Cache-Control"] == "private, no-store"
            assert b"".join(wagtail_response.streaming_content) == body


@pytest.mark.parametrize(("role", "where", "expected"), READERS)
def test_library_lists_and_counts_only_what_the_reader_may_read(client, documents, user_for, role, where, expected):
    user = user_for(role, where)
    if user:
        client.force_login(user)
    library = LibraryIndexPage.objects.get(locale__language_code="en")
    response = client.get(library.url)
    listed = [page.slug for page in response.context["documents"]]
    assert sorted(listed) == sorted(
        page.slug for page, readable in zip(documents.values(), expected, strict=True) if readable
    )
    assert response.context["documents"].paginator.count == sum(expected)
    hidden = [page for page, readable in zip(documents.values(), expected, strict=True) if not readable]
    for page in hidden:
        assert page.title.encode() not in response.content


def test_no_library_file_is_under_the_public_media_root(documents):
    for page in documents.values():
        path = page.document.file.path
        assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
        assert not path.startswith(str(settings.MEDIA_ROOT))
        with pytest.raises(ValueError, match="no URL"):
            page.document.file.url  # noqa: B018


def test_a_file_no_live_document_offers_is_for_editors_only(client, make_document, make_user, kazakhstan):
    page = make_document("draft-law", "public", kazakhstan)
    page.unpublish()
    client.force_login(make_user(Role.COUNTRY_ADMIN, kazakhstan))
    assert client.get(page.document.url).status_code == 403
    assert client.get(page.file_url).status_code == 404
    client.force_login(make_user(Role.EDITOR))
    assert client.get(page.document.url).status_code == 200


def test_filters_section_country_type_year_language(client, make_document, kazakhstan, armenia):
    make_document("kaz-law", country=kazakhstan, date=datetime.date(2020, 5, 1), language="ru")
    make_document("arm-decree", country=armenia, document_type="decree", date=datetime.date(2022, 1, 1))
    library = LibraryIndexPage.objects.get(locale__language_code="en")

    def listed(**params):
        return [page.slug for page in client.get(library.url, params).context["documents"]]

    assert sorted(listed()) == ["arm-decree", "kaz-law"]
    assert listed(country="KAZ") == ["kaz-law"]
    assert listed(type="decree") == ["arm-decree"]
    assert listed(year="2020") == ["kaz-law"]
    assert listed(language="ru") == ["kaz-law"]
    assert sorted(listed(section="participating-states")) == ["arm-decree", "kaz-law"]
    assert listed(section="participating-states", country="ARM", year="2020") == []


def test_national_documents_need_a_country(make_document):
    page = make_document("regional", "public")
    page.visibility = "national"
    with pytest.raises(ValidationError):
        page.full_clean()


def test_national_roles_list_is_complete():
    assert set(NATIONAL_ROLES) | {Role.EDITOR, Role.SYSTEM_ADMIN} == set(Role)
