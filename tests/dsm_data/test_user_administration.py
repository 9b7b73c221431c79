"""The users' pages: who sees and manages which accounts, invitations, roles, deactivation, second factors, lockouts.

The access matrix: kaz-admin manages KAZ's users and gets 403 or 404 on every ARM
account by any URL; the other roles get nothing; a refused request changes nothing.
"""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core import mail
from django.utils import translation
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from dsm_data.models import AuditEntry, Country, Role, User
from dsm_data.selectors.accounts import user_rows
from dsm_data.services import users as user_services

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"
NEW_PASSWORD = "Chosen-Password-2026"


@pytest.fixture(autouse=True)
def no_required_second_factor(settings):
    """These pages' rules, not the sign-in's second factor (tested with the security pages)."""
    settings.DSM_TWO_FACTOR_ROLES = []


@pytest.fixture
def accounts(make_user, kazakhstan, armenia):
    """Two countries' users, and the secretariat."""
    return {
        "kaz_admin": make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin"),
        "kaz_focal": make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal"),
        "kaz_user": make_user(Role.DATA_USER, kazakhstan, username="kaz-user"),
        "arm_admin": make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin"),
        "arm_focal": make_user(Role.FOCAL_POINT, armenia, username="arm-focal"),
        "editor": make_user(Role.EDITOR, username="editor"),
        "system_admin": make_user(Role.SYSTEM_ADMIN, username="secretariat"),
    }


def state():
    """Everything the users' actions may change (not the sign-in time that force_login sets)."""
    return (
        sorted(
            User.objects.values_list(
                "pk", "username", "email", "role", "country_id", "is_active", "is_superuser", "password"
            )
        ),
        sorted(User.groups.through.objects.values_list("user_id", "group_id")),
        sorted(AuditEntry.objects.values_list("pk", flat=True)),
        TOTPDevice.objects.count() + StaticDevice.objects.count(),
        AccessAttempt.objects.count(),
        Session.objects.count(),
    )


def url(name, user=None):
    return f"/en/accounts/users/{name}" if user is None else f"/en/accounts/users/{user.pk}/{name}"


ACTION_PATHS = {
    "deactivate": "deactivate/",
    "reactivate": "reactivate/",
    "reset_second_factor": "second-factor/reset/",
    "resend_invitation": "invitation/resend/",
    "unlock": "unlock/",
}


def invitation_link(message):
    return re.search(r"^(http\S+/accounts/users/accept/\S+/)$", message.body, re.MULTILINE).group(1)


def invite(client, capture, **fields):
    with capture(execute=True):
        response = client.post(url("invite/"), {"language": "en", **fields})
    assert response.status_code == 302, response.content.decode()[-3000:]
    return User.objects.get(email=fields["email"])


def set_up_a_second_factor(user):
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    StaticDevice.objects.create(user=user, name="backup", confirmed=True)


# Who sees which accounts -------------------------------------------------------------


def test_a_country_administrator_lists_only_their_own_countrys_users(client, accounts):
    client.force_login(accounts["kaz_admin"])
    html = client.get(url("")).content.decode()
    for username in ("kaz-admin", "kaz-focal", "kaz-user"):
        assert f"<td>{username}</td>" in html
    for username in ("arm-admin", "arm-focal", "editor", "secretariat"):
        assert username not in html
    assert 'name="country"' not in html  # no country filter: there is only their own


def test_a_system_administrator_lists_everyone_and_filters_by_country_and_role(client, accounts, armenia):
    client.force_login(accounts["system_admin"])
    html = client.get(url("")).content.decode()
    for username in ("kaz-admin", "arm-focal", "editor", "secretariat"):
        assert f"<td>{username}</td>" in html
    html = client.get(url(""), {"country": armenia.pk}).content.decode()
    assert "<td>arm-focal</td>" in html
    assert "<td>kaz-focal</td>" not in html
    html = client.get(url(""), {"role": Role.EDITOR}).content.decode()
    assert "<td>editor</td>" in html
    assert "<td>arm-focal</td>" not in html


def test_the_list_shows_second_factor_invitation_and_lockout(client, accounts, django_capture_on_commit_callbacks):
    client.force_login(accounts["kaz_admin"])
    set_up_a_second_factor(accounts["kaz_focal"])
    invite(client, django_capture_on_commit_callbacks, email="new@example.org", role=Role.DATA_USER)
    rows = {row.user.username: row for row in user_rows(User.objects.all())}
    assert rows["kaz-focal"].has_second_factor
    assert not rows["kaz-user"].has_second_factor
    assert rows["new@example.org"].invitation_pending
    assert not rows["kaz-user"].invitation_pending
    html = client.get(url("")).content.decode()
    assert "Invitation pending" in html
    assert "Set</td>" in html


def test_the_list_is_paginated_by_fifty(client, accounts, make_user, kazakhstan):
    for number in range(51):
        make_user(Role.DATA_USER, kazakhstan, username=f"kaz-reader-{number:02}")
    client.force_login(accounts["kaz_admin"])
    first = client.get(url("")).content.decode()
    assert first.count('<th scope="row">') == 50
    assert 'rel="next"' in first
    second = client.get(url(""), {"page": "2"}).content.decode()
    assert second.count('<th scope="row">') == 4  # 54 KAZ accounts
    assert client.get(url(""), {"page": "9" * 25}).status_code == 200  # the last page, not a 500


# The access matrix -------------------------------------------------------------------


def test_kaz_admin_gets_404_on_every_arm_account_and_nothing_changes(client, accounts):
    client.force_login(accounts["kaz_admin"])
    before = state()
    for target in (accounts["arm_admin"], accounts["arm_focal"], accounts["editor"], accounts["system_admin"]):
        assert client.get(url("", target)).status_code == 404
        response = client.post(url("role/", target), {"role": Role.DATA_USER})
        assert response.status_code == 404
        for path in ACTION_PATHS.values():
            assert client.post(url(path, target)).status_code == 404, path
    assert client.post("/en/accounts/users/999999/deactivate/").status_code == 404
    assert state() == before


@pytest.mark.parametrize("role", [Role.FOCAL_POINT, Role.DATA_USER, Role.EDITOR])
def test_other_roles_get_403_on_every_page_and_action(client, accounts, make_user, kazakhstan, role):
    actor = make_user(role, None if role == Role.EDITOR else kazakhstan, username=f"actor-{role}")
    client.force_login(actor)
    before = state()
    target = accounts["kaz_user"]
    assert client.get(url("")).status_code == 403
    assert client.get(url("invite/")).status_code == 403
    assert client.post(url("invite/"), {"email": "x@example.org", "role": Role.DATA_USER}).status_code == 403
    assert client.get(url("", target)).status_code == 403
    assert client.post(url("role/", target), {"role": Role.COUNTRY_ADMIN}).status_code == 403
    for path in ACTION_PATHS.values():
        assert client.post(url(path, target)).status_code == 403, path
    assert state() == before
    assert "/accounts/users/" not in client.get("/en/accounts/").content.decode()


def test_the_anonymous_are_sent_to_sign_in(client, accounts):
    before = state()
    target = accounts["kaz_user"]
    for response in (
        client.get(url("")),
        client.post(url("invite/"), {"email": "x@example.org", "role": Role.DATA_USER}),
        client.get(url("", target)),
        client.post(url("role/", target), {"role": Role.COUNTRY_ADMIN}),
        *(client.post(url(path, target)) for path in ACTION_PATHS.values()),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")
    assert state() == before


def test_the_account_page_links_to_the_users_for_administrators(client, accounts):
    client.force_login(accounts["kaz_admin"])
    assert 'href="/en/accounts/users/"' in client.get("/en/accounts/").content.decode()
    client.force_login(accounts["system_admin"])
    assert 'href="/en/accounts/users/"' in client.get("/en/accounts/").content.decode()


# A country administrator's limits ----------------------------------------------------


@pytest.mark.parametrize("role", [Role.SYSTEM_ADMIN, Role.EDITOR])
def test_a_country_administrator_raises_nobody_above_country_administrator(client, accounts, role):
    client.force_login(accounts["kaz_admin"])
    before = state()
    for target in (accounts["kaz_focal"], accounts["kaz_admin"]):
        assert client.post(url("role/", target), {"role": role}).status_code == 403
    assert client.post(url("invite/"), {"email": "boss@example.org", "role": role, "language": "en"}).status_code == 403
    assert state() == before
    html = client.get(url("", accounts["kaz_focal"])).content.decode()
    assert f'value="{role}"' not in html  # not offered either


def test_a_country_administrator_invites_into_their_own_country_only(
    client, accounts, armenia, django_capture_on_commit_callbacks
):
    client.force_login(accounts["kaz_admin"])
    invited = invite(
        client, django_capture_on_commit_callbacks, email="a@example.org", role=Role.DATA_USER, country=armenia.pk
    )
    assert invited.country.code == "KAZ"  # the country field is not theirs to give


def test_the_last_country_administrator_stays(client, accounts):
    kaz_admin = accounts["kaz_admin"]
    client.force_login(kaz_admin)
    before = state()
    response = client.post(url("role/", kaz_admin), {"role": Role.FOCAL_POINT})
    assert response.status_code == 400
    assert "kaz-admin is the last country administrator of Kazakhstan" in response.content.decode()
    response = client.post(url("deactivate/", kaz_admin))
    assert response.status_code == 400
    assert "You cannot deactivate your own account." in response.content.decode()
    assert "deactivate/" not in client.get(url("", kaz_admin)).content.decode()  # the page says why instead
    assert state() == before
    client.force_login(accounts["system_admin"])
    before = state()
    response = client.post(url("deactivate/", kaz_admin))
    assert response.status_code == 400
    assert "last country administrator" in response.content.decode()
    assert state() == before


def test_a_second_administrator_lets_the_first_step_down(client, accounts):
    kaz_admin = accounts["kaz_admin"]
    client.force_login(kaz_admin)
    assert client.post(url("role/", accounts["kaz_focal"]), {"role": Role.COUNTRY_ADMIN}).status_code == 302
    assert client.post(url("role/", kaz_admin), {"role": Role.FOCAL_POINT}).status_code == 302
    kaz_admin.refresh_from_db()
    assert kaz_admin.role == Role.FOCAL_POINT
    assert not kaz_admin.groups.filter(name="KAZ country administrators").exists()
    assert client.get(url("")).status_code == 403  # no longer an administrator


def test_kaz_admin_manages_a_kaz_user_from_start_to_end(client, accounts):
    client.force_login(accounts["kaz_admin"])
    target = accounts["kaz_user"]
    html = client.get(url("", target)).content.decode()
    assert f'action="/en/accounts/users/{target.pk}/deactivate/"' in html
    assert client.post(url("role/", target), {"role": Role.FOCAL_POINT}).status_code == 302
    assert client.post(url("deactivate/", target)).status_code == 302
    target.refresh_from_db()
    assert (target.role, target.is_active) == (Role.FOCAL_POINT, False)
    assert client.post(url("reactivate/", target)).status_code == 302
    target.refresh_from_db()
    assert target.is_active


# The system administrator ------------------------------------------------------------


def test_a_system_administrator_manages_every_country_and_the_secretariat(
    client, accounts, armenia, django_capture_on_commit_callbacks
):
    client.force_login(accounts["system_admin"])
    editor = invite(client, django_capture_on_commit_callbacks, email="ed@example.org", role=Role.EDITOR)
    assert (editor.role, editor.country) == (Role.EDITOR, None)
    focal = accounts["kaz_focal"]
    response = client.post(url("role/", focal), {"role": Role.COUNTRY_ADMIN, "country": armenia.pk})
    assert response.status_code == 302
    focal.refresh_from_db()
    assert (focal.role, focal.country) == (Role.COUNTRY_ADMIN, armenia)
    assert client.post(url("role/", accounts["editor"]), {"role": Role.SYSTEM_ADMIN}).status_code == 302
    accounts["editor"].refresh_from_db()
    assert accounts["editor"].is_superuser
    assert client.post(url("deactivate/", accounts["arm_admin"])).status_code == 302  # focal is ARM's admin now
    response = client.post(url("role/", focal), {"role": Role.DATA_USER})  # a national role needs its country
    assert response.status_code == 400
    assert "needs a country" in response.content.decode()


def test_a_country_added_in_the_admin_gets_its_group_and_its_first_administrator(
    client, accounts, django_capture_on_commit_callbacks
):
    client.force_login(accounts["system_admin"])
    response = client.post(
        "/admin/snippets/dsm_data/country/add/",
        {"code": "UZB", "name_en": "Uzbekistan", "name_ru": "Узбекистан", "is_participating": "on"},
    )
    assert response.status_code == 302
    uzbekistan = Country.objects.get(code="UZB")
    assert Group.objects.filter(name="UZB country administrators").exists()
    entry = AuditEntry.objects.get(action="dsm.country_added")
    assert (entry.user, entry.country) == (accounts["system_admin"], uzbekistan)
    assert f'value="{uzbekistan.pk}"' in client.get(url("invite/")).content.decode()
    first = invite(
        client,
        django_capture_on_commit_callbacks,
        email="uz-admin@example.org",
        role=Role.COUNTRY_ADMIN,
        country=uzbekistan.pk,
    )
    assert sorted(first.groups.values_list("name", flat=True)) == [
        "Country administrators",
        "UZB country administrators",
    ]


# Invitations -------------------------------------------------------------------------


def test_an_invitation_sets_the_password_once(client, accounts, django_capture_on_commit_callbacks):
    client.force_login(accounts["kaz_admin"])
    invited = invite(
        client,
        django_capture_on_commit_callbacks,
        email="aigerim@example.org",
        first_name="Aigerim",
        role=Role.FOCAL_POINT,
        language="ru",
    )
    assert not invited.has_usable_password()
    assert (invited.role, invited.country.code, invited.language) == (Role.FOCAL_POINT, "KAZ", "ru")
    assert [message.to for message in mail.outbox] == [["aigerim@example.org"]]
    link = invitation_link(mail.outbox[0])
    assert link.startswith("http://127.0.0.1:8000/ru/accounts/users/accept/")  # the invitee's language
    with translation.override("ru"):
        assert mail.outbox[0].subject == translation.gettext("Your invitation to the Data Sharing Mechanism")
    invitee = client.__class__()
    response = invitee.get(link)
    assert response.status_code == 302  # the token leaves the address (Django's set-password step)
    form_url = response["Location"]
    response = invitee.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/login/"
    invited.refresh_from_db()
    assert invited.check_password(NEW_PASSWORD)
    entry = AuditEntry.objects.get(action="dsm.invitation_accepted")
    assert (entry.user, entry.country.code) == (invited, "KAZ")
    response = invitee.get(link)  # a second use
    assert response.status_code == 200
    assert 'name="new_password1"' not in response.content.decode()
    response = invitee.post("/en/accounts/login/", {"username": "aigerim@example.org", "password": NEW_PASSWORD})
    assert response["Location"] == "/en/accounts/tasks/"


def test_the_invitation_page_applies_the_password_rules(client, accounts, django_capture_on_commit_callbacks):
    client.force_login(accounts["kaz_admin"])
    invite(client, django_capture_on_commit_callbacks, email="weak@example.org", role=Role.DATA_USER)
    invitee = client.__class__()
    form_url = invitee.get(invitation_link(mail.outbox[0]))["Location"]
    response = invitee.post(form_url, {"new_password1": "123", "new_password2": "123"})
    assert response.status_code == 200
    assert "This password is too short" in response.content.decode()
    assert not User.objects.get(email="weak@example.org").has_usable_password()


def test_an_expired_invitation_link_fails(client, accounts, settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.DSM_INVITATION_DAYS = 2
    three_days_ago = datetime.datetime.now() - datetime.timedelta(days=3)
    monkeypatch.setattr(user_services.invitation_tokens, "_now", lambda: three_days_ago)
    client.force_login(accounts["kaz_admin"])
    invite(client, django_capture_on_commit_callbacks, email="late@example.org", role=Role.DATA_USER)
    monkeypatch.undo()
    link = invitation_link(mail.outbox[0])
    invitee = client.__class__()
    response = invitee.get(link)
    assert response.status_code == 200
    assert "Ask your administrator to send the invitation again" in response.content.decode()
    settings.DSM_INVITATION_DAYS = 7  # the same link, within a longer limit
    assert invitee.get(link).status_code == 302


def test_resending_an_invitation_ends_the_older_link(client, accounts, django_capture_on_commit_callbacks):
    client.force_login(accounts["kaz_admin"])
    invited = invite(client, django_capture_on_commit_callbacks, email="again@example.org", role=Role.DATA_USER)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url("invitation/resend/", invited)).status_code == 302
    old_link, new_link = (invitation_link(message) for message in mail.outbox)
    assert old_link != new_link
    invitee = client.__class__()
    assert invitee.get(old_link).status_code == 200  # the page that says the link does not work
    assert invitee.get(new_link).status_code == 302
    invited.set_password(NEW_PASSWORD)
    invited.save()
    before = state()
    response = client.post(url("invitation/resend/", invited))
    assert response.status_code == 400
    assert "has already accepted the invitation" in response.content.decode()
    assert state() == before


def test_a_deactivated_invitees_link_fails_and_is_not_resent(client, accounts, django_capture_on_commit_callbacks):
    client.force_login(accounts["kaz_admin"])
    invited = invite(client, django_capture_on_commit_callbacks, email="gone@example.org", role=Role.DATA_USER)
    assert client.post(url("deactivate/", invited)).status_code == 302
    invitee = client.__class__()
    assert invitee.get(invitation_link(mail.outbox[0])).status_code == 200  # the link does not work
    before = state()
    response = client.post(url("invitation/resend/", invited))
    assert response.status_code == 400
    assert "reactivate the account first" in response.content.decode()
    assert state() == before


def test_an_invitation_to_a_taken_address_is_refused_with_a_message(client, accounts):
    client.force_login(accounts["kaz_admin"])
    before = state()
    response = client.post(url("invite/"), {"email": "KAZ-FOCAL@example.org", "role": Role.DATA_USER, "language": "en"})
    assert response.status_code == 400
    assert "An account with this e-mail address exists already." in response.content.decode()
    assert state() == before


# Deactivation, second factors, lockouts ----------------------------------------------


def test_deactivation_ends_the_open_session(client, accounts):
    target = accounts["kaz_focal"]
    target_client = client.__class__()
    target_client.force_login(target)
    assert target_client.get("/en/accounts/").status_code == 200
    client.force_login(accounts["kaz_admin"])
    assert client.post(url("deactivate/", target)).status_code == 302
    response = target_client.get("/en/accounts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert all(session.get_decoded().get("_auth_user_id") != str(target.pk) for session in Session.objects.all())
    assert client.get("/en/accounts/").status_code == 200  # the administrator's own session stays


def test_resetting_a_second_factor_deletes_every_device(client, accounts):
    target = accounts["kaz_focal"]
    set_up_a_second_factor(accounts["arm_focal"])
    set_up_a_second_factor(target)
    client.force_login(accounts["kaz_admin"])
    assert "Reset the second factor" in client.get(url("", target)).content.decode()
    assert client.post(url("second-factor/reset/", target)).status_code == 302
    assert not TOTPDevice.objects.filter(user=target).exists()
    assert not StaticDevice.objects.filter(user=target).exists()
    assert TOTPDevice.objects.filter(user=accounts["arm_focal"]).exists()


def test_an_administrator_unlocks_a_locked_out_account(client, accounts, settings):
    target = accounts["kaz_focal"]
    visitor = client.__class__()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        visitor.post("/en/accounts/login/", {"username": "kaz-focal", "password": "wrong"})
    response = visitor.post("/en/accounts/login/", {"username": "kaz-focal", "password": PASSWORD})
    assert "_auth_user_id" not in visitor.session  # locked out: the right password is refused
    client.force_login(accounts["kaz_admin"])
    html = client.get(url("")).content.decode()
    assert "locked out" in html
    assert client.post(url("unlock/", target)).status_code == 302
    assert not AccessAttempt.objects.filter(username="kaz-focal").exists()
    response = visitor.post("/en/accounts/login/", {"username": "kaz-focal", "password": PASSWORD})
    assert response["Location"] == "/en/accounts/tasks/"


# The audit trail ---------------------------------------------------------------------


def test_each_event_leaves_one_audit_entry(client, accounts, kazakhstan, django_capture_on_commit_callbacks):
    kaz_admin, target = accounts["kaz_admin"], accounts["kaz_user"]
    set_up_a_second_factor(target)
    AccessAttempt.objects.create(username=target.username, failures_since_start=1, get_data="", post_data="")
    client.force_login(kaz_admin)
    invited = invite(client, django_capture_on_commit_callbacks, email="audit@example.org", role=Role.DATA_USER)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("invitation/resend/", invited))
    client.post(url("role/", target), {"role": Role.FOCAL_POINT})
    client.post(url("deactivate/", target))
    client.post(url("reactivate/", target))
    client.post(url("second-factor/reset/", target))
    client.post(url("unlock/", target))
    expected = {
        "dsm.invited": invited,
        "dsm.invitation_resent": invited,
        "dsm.role_changed": target,
        "dsm.deactivated": target,
        "dsm.reactivated": target,
        "dsm.second_factor_reset": target,
        "dsm.unlocked": target,
    }
    for action, subject in expected.items():
        entry = AuditEntry.objects.get(action=action)  # exactly one
        assert (entry.user, entry.country, entry.object_id) == (kaz_admin, kazakhstan, str(subject.pk)), action
    assert AuditEntry.objects.get(action="dsm.role_changed").data == {"from": "data_user", "to": "focal_point"}
