"""Country intranets: read by the country's users, edited in the admin by its administrators only."""

import pytest
from django.contrib.auth.models import Group

from dsm_data.models import Role
from dsm_data.services.accounts import assign_role
from library_pages.models import LibraryIndexPage, NetworkContact

pytestmark = pytest.mark.django_db

# (role, where: "own" = KAZ, "other" = ARM) -> (reads KAZ's intranet, edits it in the admin)
MATRIX = [
    (None, None, False, False),
    (Role.DATA_USER, "own", True, False),
    (Role.FOCAL_POINT, "own", True, False),
    (Role.COUNTRY_ADMIN, "own", True, True),
    (Role.DATA_USER, "other", False, False),
    (Role.FOCAL_POINT, "other", False, False),
    (Role.COUNTRY_ADMIN, "other", False, False),
    (Role.EDITOR, None, False, False),
    (Role.SYSTEM_ADMIN, None, True, True),
]


@pytest.fixture
def kaz_intranet(country_pages):
    profile, intranet = country_pages["KAZ"]
    NetworkContact.objects.create(page=intranet, institution="Migration Service", name="Aigul Nurlanova")
    intranet.save_revision().publish()
    return intranet


@pytest.mark.parametrize(("role", "where", "reads", "edits"), MATRIX)
def test_intranet_page_is_read_only_by_its_country(client, kaz_intranet, user_for, role, where, reads, edits):
    user = user_for(role, where)
    if user:
        client.force_login(user)
    response = client.get(kaz_intranet.url)
    if reads:
        assert response.status_code == 200
        assert b"Aigul Nurlanova" in response.content
        assert response["Cache-Control"] == "private, no-store"
    else:
        assert response.status_code == (302 if user is None else 403)
        assert b"Aigul Nurlanova" not in response.content


@pytest.mark.parametrize(("role", "where", "reads", "edits"), MATRIX)
def test_intranet_is_edited_in_the_admin_only_by_its_administrators(
    client, kaz_intranet, user_for, role, where, reads, edits
):
    user = user_for(role, where)
    if user is None:
        return
    client.force_login(user)
    permissions = kaz_intranet.permissions_for_user(user)
    assert permissions.can_edit() is edits
    assert permissions.can_publish() is edits
    for path in ("edit/", "", "view_draft/", "history/", "revisions/"):
        response = client.get(f"/admin/pages/{kaz_intranet.pk}/{path}")
        if edits and path in ("edit/", "view_draft/"):
            assert response.status_code == 200, path
        elif not edits:
            # The explorer may list the page's title (not its content) to those who edit pages elsewhere.
            assert response.status_code in ((200, 302, 403) if path == "" else (302, 403)), path
            assert b"Aigul Nurlanova" not in response.content, path


def test_arm_admin_cannot_edit_or_read_kaz_intranet(client, kaz_intranet, make_user, armenia):
    arm_admin = make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin")
    client.force_login(arm_admin)
    assert client.get(kaz_intranet.url).status_code == 403
    assert client.get(f"/admin/pages/{kaz_intranet.pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{kaz_intranet.pk}/view_draft/").status_code in (302, 403)
    response = client.post(f"/admin/pages/{kaz_intranet.pk}/edit/", {"title": "Taken over"})
    assert response.status_code in (302, 403)
    kaz_intranet.refresh_from_db()
    assert kaz_intranet.title != "Taken over"


def test_a_country_administrator_edits_their_profile_but_cannot_move_it_to_another_country(
    client, country_pages, make_user, kazakhstan
):
    profile, intranet = country_pages["KAZ"]
    client.force_login(make_user(Role.COUNTRY_ADMIN, kazakhstan))
    response = client.get(f"/admin/pages/{profile.pk}/edit/")
    assert response.status_code == 200
    assert b'name="country"' not in response.content
    assert b'name="title"' in response.content


def test_editors_publish_the_library_but_country_administrators_do_not(roots, make_user, kazakhstan):
    library = roots[LibraryIndexPage]
    editor, country_admin = make_user(Role.EDITOR), make_user(Role.COUNTRY_ADMIN, kazakhstan)
    for page in library.get_translations(inclusive=True):
        assert page.permissions_for_user(editor).can_publish()
        assert page.permissions_for_user(editor).can_add_subpage()
        assert not page.permissions_for_user(country_admin).can_edit()


def test_assign_role_keeps_the_country_administrators_group_in_step(make_user, kazakhstan, armenia):
    user = make_user(Role.COUNTRY_ADMIN, kazakhstan)
    groups = lambda: sorted(user.groups.values_list("name", flat=True))  # noqa: E731
    assert groups() == ["Country administrators", "KAZ country administrators"]
    assign_role(user, Role.COUNTRY_ADMIN, armenia)
    assert groups() == ["ARM country administrators", "Country administrators"]
    assign_role(user, Role.DATA_USER, armenia)
    assert groups() == ["Data users"]
    assert Group.objects.filter(name="KAZ country administrators").exists()
