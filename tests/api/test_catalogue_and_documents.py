"""National metadata and library documents through the API, for each role by token: the documents a page
lists for that reader and no other, with their permission-checked file links."""

import pytest
from django.test import Client

from api.services import tokens as token_services
from dsm_data.models import NationalMetadata, Role, SeriesBreak

pytestmark = pytest.mark.django_db


def reading_as(user):
    if user is None:
        return Client()
    return Client(HTTP_AUTHORIZATION=f"Token {token_services.create_token(user, name='job')[1]}")


@pytest.mark.parametrize(
    ("role", "country_code", "expected"),
    [
        (None, None, {"open-law"}),
        (Role.DATA_USER, "KAZ", {"open-law", "shared-paper", "kaz-only"}),
        (Role.COUNTRY_ADMIN, "ARM", {"open-law", "shared-paper"}),
        (Role.EDITOR, None, {"open-law", "shared-paper", "kaz-only"}),
        (Role.SYSTEM_ADMIN, None, {"open-law", "shared-paper", "kaz-only"}),
    ],
)
def test_documents_are_those_the_reader_may_read(
    make_document, make_user, kazakhstan, armenia, role, country_code, expected
):
    make_document("open-law")
    make_document("shared-paper", visibility="participating", country=kazakhstan)
    make_document("kaz-only", visibility="national", country=kazakhstan)
    country = {"KAZ": kazakhstan, "ARM": armenia}.get(country_code)
    user = make_user(role, country) if role else None
    documents = reading_as(user).get("/api/v1/documents/").json()["results"]
    assert {document["title"] for document in documents} == expected
    for document in documents:
        assert document["file_url"].startswith("http://testserver/library/files/")
        # The public opens the open file only; another's link sends it to sign in.
        assert (Client().get(document["file_url"]).status_code == 200) == (document["title"] == "open-law")


def test_an_unknown_language_is_named_with_the_allowed_ones(make_document):
    response = Client().get("/api/v1/documents/", {"language": "xx"})
    assert response.status_code == 400
    assert "en, ru" in response.json()["language"][0]


def test_national_metadata_with_breaks_narrowed_by_country(report_figures):
    metadata = NationalMetadata.objects.get(country__code="KAZ")
    rows = Client().get("/api/v1/metadata/", {"country": "KAZ"}).json()["results"]
    assert [(row["indicator"], row["country"]) for row in rows] == [(metadata.indicator.code, "KAZ")]
    assert rows[0]["data_source"]["en"] == "Register of the Migration Service"
    assert rows[0]["breaks"] == [{"period": "2023", "note": SeriesBreak.objects.get().note}]
    assert Client().get("/api/v1/metadata/", {"country": "ARM"}).json()["results"] == []
