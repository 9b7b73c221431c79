"""The second factor: enrolment with an authenticator app, the sign-in code, backup codes, one door for the admin."""

import re
import time
from base64 import b32encode
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from dsm_data.models import AuditEntry, Role
from dsm_data.services import second_factor
from dsm_data.services.accounts import assign_role

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"
RESTRICTED = ["system_admin", "country_admin", "focal_point"]


@pytest.fixture
def required_roles(settings):
    settings.DSM_TWO_FACTOR_ROLES = RESTRICTED


def app_code(device, seconds_later=0):
    """The code the user's app shows (``seconds_later``: one step on, as a later sign-in would see it)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + seconds_later
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device):
    return f"{(int(app_code(device)) + 500_000) % 1_000_000:06d}"


def sign_in(client, username, path="/en/accounts/login/", **extra):
    """Through the real login page (django-axes needs the request), as a browser would."""
    response = client.post(path, {"username": username, "password": PASSWORD, **extra})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def enrolled(user):
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return device


def forget_failures(device):
    """django-otp waits 1, 2, 4... seconds after a wrong code; the test moves that wait into the past."""
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=timezone.now() - timedelta(hours=1))
    StaticDevice.objects.filter(user=device.user).update(
        throttling_failure_timestamp=timezone.now() - timedelta(hours=1)
    )


def entries(action):
    return AuditEntry.objects.filter(action=action)


def test_a_focal_point_is_sent_to_enrolment_and_enrols_with_the_apps_first_code(
    client, required_roles, home_pages, make_user, kazakhstan
):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    assert sign_in(client, user.username, next="/en/data/")["Location"] == "/en/data/"
    response = client.get("/en/data/")
    assert response["Location"] == "/en/accounts/security/enrol/?next=" + quote("/en/data/", safe="")

    page = client.get(response["Location"])
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = b32encode(device.bin_key).decode()
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]  # drawn here: no outside address in it
    assert "<path" in svg
    assert "http" not in svg
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in html
    assert page["Cache-Control"].startswith("max-age=0")

    refused = client.post("/en/accounts/security/enrol/", {"code": wrong_code(device), "next": "/en/data/"})
    assert "This code does not match" in refused.content.decode()
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/en/data/").status_code == 302
    assert entries("dsm.second_factor_failed").get().user == user

    forget_failures(device)
    done = client.post("/en/accounts/security/enrol/", {"code": app_code(device), "next": "/en/data/"})
    html = done.content.decode()
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    codes = re.findall(r"<li><code>([a-z2-7]{4} [a-z2-7]{4})</code></li>", html)
    assert len(codes) == 10
    assert 'href="/en/data/"' in html
    assert client.get("/en/data/").status_code == 200
    assert entries("dsm.second_factor_enrolled").count() == 1
    assert entries("dsm.backup_codes_made").count() == 1
    assert entries("dsm.second_factor_enrolled").get().country == kazakhstan


def test_a_fresh_sign_in_asks_for_the_code_and_a_wrong_code_is_refused_and_recorded(
    client, required_roles, home_pages, make_user, kazakhstan
):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    device = enrolled(user)
    sign_in(client, user.username)
    response = client.get("/en/accounts/")
    assert response["Location"] == "/en/accounts/security/verify/?next=%2Fen%2Faccounts%2F"

    refused = client.post("/en/accounts/security/verify/", {"code": wrong_code(device), "next": "/en/accounts/"})
    assert refused.status_code == 200
    assert "This code is not valid" in refused.content.decode()
    assert client.get("/en/accounts/").status_code == 302
    assert entries("dsm.second_factor_failed").count() == 1
    assert entries("dsm.second_factor_verified").count() == 0

    forget_failures(device)
    accepted = client.post("/en/accounts/security/verify/", {"code": app_code(device), "next": "/en/accounts/"})
    assert accepted["Location"] == "/en/accounts/"
    assert client.get("/en/accounts/").status_code == 200
    assert entries("dsm.second_factor_verified").get().data == {"method": "app"}

    client.post("/en/accounts/logout/")
    sign_in(client, user.username)
    assert client.get("/en/accounts/").status_code == 302  # every sign-in asks again
    same_code_again = client.post("/en/accounts/security/verify/", {"code": app_code(device)})
    assert same_code_again.status_code == 200  # a code is never taken twice
    forget_failures(device)
    later = client.post("/en/accounts/security/verify/", {"code": app_code(device, seconds_later=30)})
    assert later["Location"] == "/en/accounts/tasks/"


def test_wrong_codes_in_a_row_make_the_next_try_wait(client, required_roles, home_pages, make_user, kazakhstan):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    device = enrolled(user)
    sign_in(client, user.username)
    client.post("/en/accounts/security/verify/", {"code": wrong_code(device)})
    throttled = client.post("/en/accounts/security/verify/", {"code": app_code(device)})
    assert "Too many wrong codes in a row" in throttled.content.decode()
    assert client.get("/en/accounts/").status_code == 302


def test_a_backup_code_works_once(client, required_roles, home_pages, make_user, kazakhstan):
    user = make_user(Role.COUNTRY_ADMIN, kazakhstan)
    enrolled(user)
    codes = second_factor.make_backup_codes(user)
    assert len(codes) == 10
    sign_in(client, user.username)
    assert client.post("/en/accounts/security/verify/", {"code": codes[0].upper()})["Location"] == "/en/accounts/tasks/"
    assert entries("dsm.second_factor_verified").get().data == {"method": "backup_code"}
    assert StaticToken.objects.filter(device__user=user).count() == 9

    client.post("/en/accounts/logout/")
    sign_in(client, user.username)
    again = client.post("/en/accounts/security/verify/", {"code": codes[0]})
    assert again.status_code == 200
    assert client.get("/en/accounts/").status_code == 302
    assert entries("dsm.second_factor_failed").count() == 1


def test_new_backup_codes_replace_the_old_ones_and_need_the_second_factor_first(
    client, required_roles, home_pages, make_user, kazakhstan
):
    user = make_user(Role.COUNTRY_ADMIN, kazakhstan)
    device = enrolled(user)
    old_codes = second_factor.make_backup_codes(user)
    sign_in(client, user.username)
    assert client.post("/en/accounts/security/backup-codes/").status_code == 302  # not verified: nothing made
    assert entries("dsm.backup_codes_made").count() == 1
    client.post("/en/accounts/security/verify/", {"code": app_code(device)})

    assert "You have 10 unused backup codes." in client.get("/en/accounts/security/backup-codes/").content.decode()
    html = client.post("/en/accounts/security/backup-codes/").content.decode()
    new_codes = re.findall(r"<li><code>([a-z2-7 ]{9})</code></li>", html)
    assert len(new_codes) == 10
    assert not set(new_codes) & set(old_codes)
    stored = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert stored == {code.replace(" ", "") for code in new_codes}
    assert entries("dsm.backup_codes_made").count() == 2


def test_the_wagtail_admin_is_one_door_with_the_portal(client, required_roles, home_pages, make_user, kazakhstan):
    user = make_user(Role.COUNTRY_ADMIN, kazakhstan)
    device = enrolled(user)
    response = sign_in(client, user.username, path="/admin/login/")
    assert response["Location"] == "/admin/"
    for path in ["/admin/", "/admin/pages/", "/admin/documents/", "/admin/login/"]:
        assert client.get(path)["Location"].startswith("/en/accounts/security/verify/?next="), path
    client.post("/en/accounts/security/verify/", {"code": app_code(device), "next": "/admin/"})
    assert client.get("/admin/").status_code == 200


def test_an_administrator_without_a_second_factor_must_enrol_before_the_admin(
    client, required_roles, home_pages, make_user, kazakhstan
):
    user = make_user(Role.SYSTEM_ADMIN)
    sign_in(client, user.username, path="/admin/login/")
    assert client.get("/admin/")["Location"] == "/en/accounts/security/enrol/?next=%2Fadmin%2F"
    assert client.get("/en/accounts/security/verify/")["Location"].startswith("/en/accounts/security/enrol/")


def test_a_half_signed_in_user_may_switch_language_and_log_out(
    client, required_roles, home_pages, make_user, kazakhstan
):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    enrolled(user)
    sign_in(client, user.username)
    html = client.get("/ru/accounts/security/verify/").content.decode()
    assert '<html lang="ru">' in html
    assert 'action="/ru/accounts/security/verify/"' in html
    assert client.get("/healthz").status_code == 200
    assert client.post("/en/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_enrolling_again_needs_the_current_second_factor(client, required_roles, home_pages, make_user, kazakhstan):
    """A stolen password alone cannot put the attacker's app in place of the owner's."""
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    device = enrolled(user)
    sign_in(client, user.username)
    assert client.get("/en/accounts/security/enrol/")["Location"].startswith("/en/accounts/security/verify/")
    response = client.post("/en/accounts/security/enrol/", {"code": "123456"})
    assert response["Location"].startswith("/en/accounts/security/verify/")
    assert list(TOTPDevice.objects.filter(user=user)) == [device]


def test_verification_ignores_a_next_on_another_host(client, required_roles, home_pages, make_user, kazakhstan):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    device = enrolled(user)
    sign_in(client, user.username)
    response = client.post("/en/accounts/security/verify/", {"code": app_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/en/accounts/tasks/"


@pytest.mark.parametrize("role", [Role.DATA_USER, Role.EDITOR])
def test_roles_outside_the_setting_are_not_asked(client, required_roles, home_pages, make_user, kazakhstan, role):
    user = make_user(role, kazakhstan if role == Role.DATA_USER else None)
    sign_in(client, user.username)
    assert client.get("/en/accounts/").status_code == 200


def test_with_the_demo_setting_nobody_is_asked(client, settings, home_pages, make_user, kazakhstan):
    settings.DSM_TWO_FACTOR_ROLES = []
    user = make_user(Role.SYSTEM_ADMIN)
    sign_in(client, user.username)
    assert client.get("/en/accounts/").status_code == 200
    assert client.get("/admin/").status_code == 200


def test_whoever_set_a_second_factor_uses_it_even_when_not_required(
    client, settings, home_pages, make_user, kazakhstan
):
    settings.DSM_TWO_FACTOR_ROLES = []
    user = make_user(Role.DATA_USER, kazakhstan)
    enrolled(user)
    sign_in(client, user.username)
    assert client.get("/en/accounts/")["Location"].startswith("/en/accounts/security/verify/")


@pytest.mark.parametrize("role", [Role.SYSTEM_ADMIN, Role.EDITOR, Role.COUNTRY_ADMIN, Role.FOCAL_POINT, Role.DATA_USER])
def test_the_overview_shows_the_own_account_only(client, home_pages, make_user, kazakhstan, armenia, role):
    country = kazakhstan if role in (Role.COUNTRY_ADMIN, Role.FOCAL_POINT, Role.DATA_USER) else None
    user = make_user(role, country)
    other = make_user(Role.COUNTRY_ADMIN, armenia)
    enrolled(other)
    client.force_login(user)
    html = client.get("/en/accounts/security/").content.decode()
    assert "Not set" in html
    assert "Set up a second factor" in html
    account_page = client.get("/en/accounts/").content.decode()
    assert 'href="/en/accounts/security/"' in account_page


def test_the_security_pages_need_a_signed_in_user(client, home_pages):
    for path in ["", "enrol/", "verify/", "backup-codes/"]:
        response = client.post(f"/en/accounts/security/{path}", {"code": "123456"})
        assert response["Location"].startswith("/en/accounts/login/?next="), path
    assert not TOTPDevice.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_user_who_needs_no_second_factor_costs_no_device_query_after_the_first_request(
    client, make_user, kazakhstan, settings
):
    """The middleware reads the devices once a session, not on every request; a role that
    comes to require a second factor is still caught at once."""
    settings.DSM_TWO_FACTOR_ROLES = ["focal_point"]
    user = make_user(Role.DATA_USER, kazakhstan)
    client.force_login(user)
    page = "/en/data/indicators/"  # a page that shows nothing of second factors itself
    assert client.get(page).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page).status_code == 200
    assert not [query for query in queries if "otp_" in query["sql"]]
    assign_role(user, Role.FOCAL_POINT, kazakhstan)
    response = client.get(page)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/security/enrol/")
