"""A restricted document is neither shown nor counted for a reader who may not read it."""

import pytest

from dsm_data.models import Role

from .conftest import facet, search, titles

pytestmark = pytest.mark.django_db

# (role, where) -> finds (public, participating, national of KAZ)
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
    make_document("public-law", "Deportation procedure.", country=kazakhstan, visibility="public")
    make_document("shared-report", "Deportation statistics.", country=kazakhstan, visibility="participating")
    make_document(
        "national-decree", "Deportation instruction.", country=kazakhstan, visibility="national", document_type="decree"
    )


@pytest.mark.parametrize(("role", "where", "expected"), READERS)
def test_results_and_facets_hold_only_what_the_reader_may_read(client, documents, user_for, role, where, expected):
    user = user_for(role, where)
    if user:
        client.force_login(user)
    wanted = [
        slug for slug, found in zip(("public-law", "shared-report", "national-decree"), expected, strict=True) if found
    ]

    context = search(client, "deportation")

    assert sorted(titles(context)) == sorted(wanted)
    assert context["results"].total == len(wanted)
    assert facet(context, "country")["Kazakhstan"][0] == len(wanted)
    assert sum(count for count, _url in facet(context, "type").values()) == len(wanted)
    assert ("Decree" in facet(context, "type")) == expected[2]
    # Narrowing by hand to the hidden document's facet value shows nothing either.
    assert search(client, "deportation", type="decree")["results"].total == int(expected[2])
    # Nor does the word only the hidden file contains.
    assert search(client, "instruction")["results"].total == int(expected[2])
