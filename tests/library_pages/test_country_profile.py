"""A country profile: its documents as the reader may read them, and the ways on to the library and the data."""

import pytest
from django.utils.translation import override

from dsm_data.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def kazakhstan_documents(make_document, kazakhstan, armenia):
    make_document("kaz-public-law", country=kazakhstan)
    make_document("kaz-shared-decree", visibility="participating", country=kazakhstan)
    make_document("arm-public-law", country=armenia)


def profile_of(client, code, language="en"):
    with override(language):
        return client.get(f"/{language}/countries/{code.lower()}/")


def test_the_profile_lists_the_country_s_documents_the_reader_may_read(
    client, country_pages, kazakhstan_documents, make_user, armenia
):
    public = profile_of(client, "KAZ").content.decode()
    assert "kaz-public-law" in public
    assert "kaz-shared-decree" not in public
    assert "arm-public-law" not in public

    client.force_login(make_user(Role.DATA_USER, armenia))
    shared = profile_of(client, "KAZ").content.decode()
    assert "kaz-public-law" in shared
    assert "kaz-shared-decree" in shared


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_profile_links_to_the_country_s_whole_library_listing_and_its_figures(
    client, country_pages, kazakhstan_documents, language
):
    page = profile_of(client, "KAZ", language).content.decode()
    library_link = f'href="/{language}/library/?country=KAZ"'
    assert library_link in page
    assert f'href="/{language}/data/countries/KAZ/"' in page

    listing = client.get(f"/{language}/library/", {"country": "KAZ"}).content.decode()
    assert "kaz-public-law" in listing
    assert "arm-public-law" not in listing


def test_a_country_without_documents_offers_no_empty_library_listing(client, country_pages):
    page = profile_of(client, "ARM").content.decode()
    assert "/library/?country=ARM" not in page
    assert 'href="/en/data/countries/ARM/"' in page
