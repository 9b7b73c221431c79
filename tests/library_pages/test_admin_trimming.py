"""The Wagtail admin trimmed to the country: a country administrator never reads another
country's restricted titles there, by any page, chooser, report, bulk action or API.

ARM content is planted with marked titles; kaz-admin requests every admin URL that
names or lists pages and files, and no answer holds a marker (nor is a server error).
Editors and system administrators still see them (so the sweep could fail).
"""

import pytest
from django.conf import settings
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.models import GroupCollectionPermission, Locale, Page
from wagtail_localize.models import TranslationSource

from dsm_data.models import Role
from library_pages.models import DocumentPage, LibraryIndexPage
from library_pages.services import publish

pytestmark = pytest.mark.django_db

MARKER = "ZZ-ARM-SECRET"
# Characters and words with a meaning in full-text query syntaxes (SQLite FTS5, PostgreSQL).
SEARCH_SPECIALS = ['"', '"ZZ', "*", "(", ")", "AND", "OR NOT", "-", ":", "'", "\\"]


@pytest.fixture
def translated_country_pages(country_pages):
    """KAZ's and ARM's profile and intranet in en and ru, as in the demo: Russian copies make
    the whole tree Wagtail's explorable root for a country administrator."""
    russian = Locale.objects.get(language_code="ru")
    for profile, intranet in country_pages.values():
        publish(profile.copy_for_translation(russian))
        publish(intranet.copy_for_translation(russian))
    kaz_profile, kaz_intranet = country_pages["KAZ"]
    kaz_profile.title, kaz_intranet.title = "Kazakhstan profile", "Kazakhstan intranet"
    publish(kaz_profile)
    publish(kaz_intranet)
    return country_pages


@pytest.fixture
def planted(make_document, section, armenia, translated_country_pages):
    """ARM's national-only document (1), its file (2), a draft ARM document (3), a draft title of ARM's intranet (4)."""
    document = make_document("zz-arm-secret-1", visibility="national", country=armenia)
    document.title = f"{MARKER}-1"
    publish(document)
    document.document.title = f"{MARKER}-2"
    document.document.save()
    draft = DocumentPage(
        title=f"{MARKER}-3",
        slug="draft",
        live=False,
        document_type="law",
        country=armenia,
        visibility="national",
        external_url="https://example.org/draft",
    )
    section.add_child(instance=draft)
    draft.save_revision()
    arm_profile, arm_intranet = translated_country_pages["ARM"]
    arm_intranet.title = f"{MARKER}-4"
    arm_intranet.save_revision()
    return {
        "document": document,
        "file": document.document,
        "draft": draft,
        "arm_profile": arm_profile,
        "arm_intranet": arm_intranet,
        "section": section,
        "library": section.get_parent(),
        "home": section.get_parent().get_parent(),
    }


def listing_urls(page_id):
    """The admin URLs that list a page's children or name the page."""
    pages = f"/admin/pages/{page_id}/"
    return [
        pages,
        f"{pages}results/",
        f"{pages}?q=ZZ&search_all=1",
        f"/admin/choose-page/{page_id}/",
        f"/admin/choose-page/chosen-multiple/?id={page_id}",
        f"/admin/api/main/pages/{page_id}/",
        f"/admin/api/main/pages/?child_of={page_id}",
        *(
            f"/admin/bulk/wagtailcore/page/{action}/?id={page_id}"
            for action in ("publish", "unpublish", "move", "delete")
        ),
    ]


def page_view_urls(page_id, destination_id):
    """The admin's views of one page."""
    pages = f"/admin/pages/{page_id}/"
    views = ("edit", "view_draft", "history", "revisions", "usage", "move", "copy", "delete", "unpublish")
    return [
        *(f"{pages}{view}/" for view in (*views, "workflow_history", "add_subpage")),
        f"{pages}move/{destination_id}/confirm/",
        f"/admin/localize/submit/page/{page_id}/",
    ]


def sweep_urls(planted):
    root = Page.get_first_root_node()
    file_id = planted["file"].pk
    pages = [root, planted["home"], *planted["home"].get_children()]  # the root and its children
    arm_pages = [planted[name] for name in ("document", "draft", "arm_profile", "arm_intranet")]
    pages += [planted["library"], planted["section"], *arm_pages]
    urls = [url for page in pages for url in listing_urls(page.pk)]
    urls += [url for page in arm_pages for url in page_view_urls(page.pk, planted["section"].pk)]
    urls += [
        "/admin/",
        "/admin/pages/",
        "/admin/pages/search/?q=ZZ",
        "/admin/choose-page/",
        "/admin/choose-page/?page_type=library_pages.documentpage",
        "/admin/choose-page/search/?q=ZZ",
        "/admin/choose-page/search/?q=ZZ&page_type=library_pages.documentpage",
        "/admin/choose-page/chosen-multiple/?" + "&".join(f"id={page.pk}" for page in pages),
        "/admin/documents/",
        "/admin/documents/?q=ZZ",
        "/admin/documents/chooser/",
        "/admin/documents/chooser/results/",
        "/admin/documents/chooser/results/?q=ZZ",
        f"/admin/documents/chooser/{file_id}/",
        f"/admin/documents/chooser/chosen-multiple/?id={file_id}",
        f"/admin/documents/edit/{file_id}/",
        f"/admin/documents/usage/{file_id}/",
        f"/admin/documents/delete/{file_id}/",
        "/admin/collections/",
        "/admin/api/main/pages/",
        "/admin/api/main/pages/?search=ZZ",
        "/admin/api/main/documents/",
        f"/admin/api/main/documents/{file_id}/",
        f"/admin/bulk/wagtailcore/page/publish/?id=all&childOf={planted['section'].pk}",
        "/admin/localize/reports/translations/",
    ]
    for report in ("page-types-usage", "site-history", "locked", "aging-pages", "workflow", "workflow_tasks"):
        urls += [f"/admin/reports/{report}/", f"/admin/reports/{report}/results/"]
    return urls


def get(client, url):
    response = client.get(url)
    assert response.status_code < 500, url
    return response.content.decode(errors="replace")


def test_the_admin_trimming_is_installed():
    assert "library_pages.admin_trimming.AdminTrimmingMiddleware" in settings.MIDDLEWARE


def test_a_country_administrator_reads_no_other_country_title_anywhere_in_the_admin(
    client, make_user, kazakhstan, planted
):
    client.force_login(make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin"))
    leaks = [url for url in sweep_urls(planted) if MARKER.lower() in get(client, url).lower()]
    assert leaks == []


@pytest.mark.parametrize("role", [Role.EDITOR, Role.SYSTEM_ADMIN])
def test_editors_and_system_administrators_see_every_title(client, make_user, role, planted):
    client.force_login(make_user(role))
    file_id = planted["file"].pk
    for url, marker in [
        (f"/admin/pages/{planted['document'].pk}/", f"{MARKER}-1"),
        ("/admin/choose-page/search/?q=ZZ", f"{MARKER}-1"),
        (f"/admin/choose-page/chosen-multiple/?id={planted['draft'].pk}", f"{MARKER}-3"),
        ("/admin/documents/chooser/results/", f"{MARKER}-2"),
        (f"/admin/api/main/documents/{file_id}/", f"{MARKER}-2"),
        (f"/admin/bulk/wagtailcore/page/publish/?id={planted['draft'].pk}", f"{MARKER}-3"),
        ("/admin/reports/page-types-usage/", f"{MARKER}-3"),
    ]:
        assert marker in get(client, url), url


def test_a_country_administrator_still_works_on_their_own_pages(client, make_user, kazakhstan, planted, country_pages):
    client.force_login(make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin"))
    profile, intranet = country_pages["KAZ"]
    assert "Kazakhstan intranet" in get(client, f"/admin/pages/{profile.pk}/")
    assert "Kazakhstan profile" in get(client, "/admin/choose-page/search/?q=Kazakhstan")  # intranets are not indexed
    assert "Kazakhstan intranet" in get(client, f"/admin/choose-page/{profile.pk}/")
    assert client.get(f"/admin/pages/{intranet.pk}/edit/").status_code == 200
    response = client.get(f"/admin/bulk/wagtailcore/page/publish/?id={intranet.pk}")
    assert response.status_code == 200
    assert "Kazakhstan intranet" in response.content.decode()
    assert client.get(f"/admin/pages/{planted['arm_intranet'].pk}/").status_code == 403
    assert client.get(f"/admin/pages/{planted['arm_intranet'].pk}/edit/").status_code in (302, 403)


# (role, where: "own" = KAZ, "other" = ARM) -> the answer to the explorer of ARM's intranet (title marked).
EXPLORER_MATRIX = [
    (None, None, 302),
    (Role.DATA_USER, "own", 403),
    (Role.FOCAL_POINT, "own", 403),
    (Role.COUNTRY_ADMIN, "own", 403),
    (Role.DATA_USER, "other", 403),
    (Role.FOCAL_POINT, "other", 403),
    (Role.COUNTRY_ADMIN, "other", 200),
    (Role.EDITOR, None, 200),
    (Role.SYSTEM_ADMIN, None, 200),
]


@pytest.mark.parametrize(("role", "where", "status"), EXPLORER_MATRIX)
def test_the_explorer_of_a_country_page_by_role(client, user_for, planted, role, where, status):
    """Only ARM's administrators (and the secretariat) explore ARM's intranet; refused requests change nothing."""
    user = user_for(role, where)
    if user:
        client.force_login(user)
    intranet = planted["arm_intranet"]
    response = client.get(f"/admin/pages/{intranet.pk}/")
    assert response.status_code == status
    assert (MARKER in response.content.decode()) is (status == 200)
    response = client.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={intranet.pk}", {"include_descendants": ""})
    assert Page.objects.get(pk=intranet.pk).live is not (status == 200 and role != Role.EDITOR)


def test_country_administrators_hold_no_document_rights(make_user, kazakhstan, planted):
    admin = make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin")
    assert not document_permission_policy.user_has_any_permission(admin, ["choose", "add", "change", "delete"])
    rights = GroupCollectionPermission.objects.filter(group__in=admin.groups.all())
    assert not rights.filter(permission__content_type__app_label="wagtaildocs").exists()
    editor = make_user(Role.EDITOR)
    assert document_permission_policy.user_has_permission_for_instance(editor, "choose", planted["file"])


@pytest.mark.parametrize("role", [Role.COUNTRY_ADMIN, Role.SYSTEM_ADMIN])
def test_admin_searches_answer_any_query(client, make_user, kazakhstan, planted, role):
    client.force_login(make_user(role, kazakhstan if role == Role.COUNTRY_ADMIN else None))
    home = planted["home"].pk
    for query in SEARCH_SPECIALS:
        for path in ("/admin/choose-page/search/", "/admin/pages/search/", f"/admin/pages/{home}/"):
            response = client.get(path, {"q": query})
            assert response.status_code == 200, (path, query)
        for path in ("/admin/documents/", "/admin/documents/chooser/results/"):  # none for country administrators
            response = client.get(path, {"q": query})
            assert response.status_code in ((200,) if role == Role.SYSTEM_ADMIN else (200, 302, 403)), (path, query)


def test_a_quoted_chooser_search_finds_the_words_inside(client, make_user, planted):
    client.force_login(make_user(Role.SYSTEM_ADMIN))
    assert f"{MARKER}-1" in get(client, '/admin/choose-page/search/?q="ZZ-ARM"')


@pytest.mark.parametrize("ids", ["abc", "1;2", ""])
def test_chosen_pages_take_page_numbers_only(client, make_user, kazakhstan, ids, planted):
    client.force_login(make_user(Role.SYSTEM_ADMIN))
    assert client.get("/admin/choose-page/chosen-multiple/", {"id": ids}).status_code in (200, 400)


def submit_translation(client, page):
    russian = Locale.objects.get(language_code="ru")
    return client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [russian.pk]})


@pytest.mark.parametrize("role", [Role.EDITOR, Role.COUNTRY_ADMIN])
def test_only_those_who_edit_a_country_page_submit_it_for_translation(client, make_user, kazakhstan, role, planted):
    """ARM's profile has no Russian copy here; an editor (no rights on it) or KAZ's administrator cannot make one."""
    arm_profile = planted["arm_profile"]
    arm_profile.get_translations().delete()
    client.force_login(make_user(role, kazakhstan if role == Role.COUNTRY_ADMIN else None))
    assert client.get(f"/admin/localize/submit/page/{arm_profile.pk}/").status_code == 403
    assert submit_translation(client, arm_profile).status_code == 403
    assert not arm_profile.get_translations().exists()


def test_a_system_administrator_submits_a_country_page_for_translation(client, make_user, planted):
    arm_profile = planted["arm_profile"]
    arm_profile.get_translations().delete()
    client.force_login(make_user(Role.SYSTEM_ADMIN))
    assert submit_translation(client, arm_profile).status_code == 302
    assert arm_profile.get_translations().filter(locale__language_code="ru").exists()


@pytest.mark.parametrize(("role", "status"), [(Role.EDITOR, 403), (Role.SYSTEM_ADMIN, 200)])
def test_updating_a_country_page_translations_needs_its_edit_rights(client, make_user, country_pages, role, status):
    intranet = country_pages["KAZ"][1]
    source, _created = TranslationSource.get_or_create_from_instance(intranet)
    client.force_login(make_user(role))
    assert client.get(f"/admin/localize/update/{source.pk}/").status_code == status


def test_the_library_stays_the_editors(client, make_user, roots):
    library = roots[LibraryIndexPage]
    client.force_login(make_user(Role.EDITOR))
    assert client.get(f"/admin/pages/{library.pk}/").status_code == 200
    assert client.get(f"/admin/localize/submit/page/{library.pk}/").status_code == 200
