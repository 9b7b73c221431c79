"""Sessions: the idle timeout of restricted roles, and a password change ending the account's other sessions."""

import re
import time

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from dsm_data.middleware import LAST_ACTIVITY
from dsm_data.models import AuditEntry, Role

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"
NEW_PASSWORD = "Another-Secret-2026"


@pytest.fixture
def idle_limit(settings):
    settings.DSM_IDLE_TIMEOUT_MINUTES = 30
    settings.DSM_IDLE_TIMEOUT_ROLES = ["system_admin", "country_admin"]


def sign_in(client, user):
    assert client.post("/en/accounts/login/", {"username": user.username, "password": PASSWORD}).status_code == 302


def last_active_ago(client, seconds):
    """Move the stored time of the latest request ``seconds`` into the past."""
    session = client.session
    session[LAST_ACTIVITY] = int(time.time()) - seconds
    session.save()


def test_an_idle_administrator_is_signed_out_and_told_why(client, idle_limit, home_pages, make_user, kazakhstan):
    user = make_user(Role.COUNTRY_ADMIN, kazakhstan)
    sign_in(client, user)
    assert client.get("/en/accounts/").status_code == 200
    last_active_ago(client, 31 * 60)

    response = client.get("/en/accounts/")
    assert response["Location"] == "/en/accounts/login/?next=/en/accounts/"
    assert "_auth_user_id" not in client.session
    login_page = client.get(response["Location"]).content.decode()
    assert "Signed out after 30 minutes without activity." in login_page
    assert AuditEntry.objects.get(action="dsm.sign_out").data == {"reason": "idle"}


def test_a_public_page_after_the_limit_also_signs_out(client, idle_limit, home_pages, make_user):
    user = make_user(Role.SYSTEM_ADMIN)
    sign_in(client, user)
    last_active_ago(client, 31 * 60)
    assert client.get("/en/")["Location"] == "/en/accounts/login/?next=/en/"
    assert "_auth_user_id" not in client.session


def test_activity_within_the_limit_keeps_the_session(client, idle_limit, home_pages, make_user, kazakhstan):
    user = make_user(Role.COUNTRY_ADMIN, kazakhstan)
    sign_in(client, user)
    last_active_ago(client, 29 * 60)
    assert client.get("/en/accounts/").status_code == 200
    assert client.session[LAST_ACTIVITY] >= int(time.time()) - 5


def test_the_time_is_written_at_most_once_a_minute(client, idle_limit, home_pages, make_user, kazakhstan):
    user = make_user(Role.COUNTRY_ADMIN, kazakhstan)
    sign_in(client, user)
    last_active_ago(client, 30)
    stored = client.session[LAST_ACTIVITY]
    client.get("/en/accounts/")
    assert client.session[LAST_ACTIVITY] == stored
    last_active_ago(client, 61)
    client.get("/en/accounts/")
    assert client.session[LAST_ACTIVITY] >= int(time.time()) - 5


@pytest.mark.parametrize("role", [Role.DATA_USER, Role.FOCAL_POINT, Role.EDITOR, None])
def test_roles_outside_the_setting_are_not_timed_out(client, idle_limit, home_pages, make_user, kazakhstan, role):
    user = make_user(role, kazakhstan if role in (Role.DATA_USER, Role.FOCAL_POINT) else None, username="someone")
    sign_in(client, user)
    last_active_ago(client, 5 * 3600)
    assert client.get("/en/accounts/").status_code == 200
    assert not AuditEntry.objects.filter(action="dsm.sign_out").exists()


def test_a_password_change_ends_the_accounts_other_sessions(client, home_pages, make_user, kazakhstan):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    other_browser = Client()
    sign_in(client, user)
    sign_in(other_browser, user)
    response = client.post(
        "/en/accounts/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == "/en/accounts/password/done/"
    assert client.get("/en/accounts/").status_code == 200  # the changer's own session stays
    assert other_browser.get("/en/accounts/")["Location"] == "/en/accounts/login/?next=/en/accounts/"
    change = AuditEntry.objects.get(action="dsm.password_changed")
    assert (change.user, change.data, change.country) == (user, {"how": "change"}, kazakhstan)


def test_a_refused_password_change_changes_nothing(client, home_pages, make_user, kazakhstan):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    sign_in(client, user)
    response = client.post(
        "/en/accounts/password/",
        {"old_password": "not-it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    assert not AuditEntry.objects.filter(action="dsm.password_changed").exists()


def test_a_new_password_from_a_reset_link_ends_open_sessions(client, home_pages, make_user, kazakhstan):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    open_session = Client()
    sign_in(open_session, user)
    user.refresh_from_db()  # the token depends on the last sign-in
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = f"/en/accounts/password/reset/{uid}/{default_token_generator.make_token(user)}/"
    form_url = client.get(link)["Location"]
    assert re.search(r"/set-password/$", form_url)
    done = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done["Location"] == "/en/accounts/password/reset/done/"
    assert open_session.get("/en/accounts/").status_code == 302
    assert AuditEntry.objects.get(action="dsm.password_changed").data == {"how": "reset"}
