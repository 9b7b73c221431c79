"""Lockout (django-axes): a username and address pair is locked for the cool-off, the page says until when;
sign-in events in the audit trail."""

import json
import re
from datetime import datetime, timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.utils import formats, timezone, translation

from dsm_data.models import AuditEntry, Role

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"
LOGIN_PAGES = ["/en/accounts/login/", "/admin/login/"]


def attempt(client, username, password, path="/en/accounts/login/", address="127.0.0.1"):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def lock(client, username, settings, path="/en/accounts/login/"):
    """AXES_FAILURE_LIMIT wrong passwords; the last one starts the lock."""
    answers = [
        attempt(client, username, "wrong-password", path).status_code for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert answers == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]


def end_named_on(html):
    return datetime.fromisoformat(re.search(r'<time datetime="([^"]+)">', html).group(1))


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("path", LOGIN_PAGES)
def test_the_right_password_is_refused_during_the_cool_off_and_accepted_after_it(
    client, settings, home_pages, make_user, kazakhstan, path
):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    lock(client, user.username, settings, path)

    refused = attempt(client, user.username, PASSWORD, path)
    html = refused.content.decode()
    assert refused.status_code == 429
    assert not signed_in(client)
    started = AccessAttempt.objects.get(username=user.username).attempt_time
    until = started + settings.AXES_COOLOFF_TIME
    assert end_named_on(html) == until.replace(microsecond=0)
    assert formats.date_format(timezone.localtime(until), "DATETIME_FORMAT") in html
    assert "Signing in is locked for about 15 minutes" in html

    # The clock moves past the cool-off: axes counts only failures newer than it.
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    accepted = attempt(client, user.username, PASSWORD, path)
    assert accepted.status_code == 302
    assert signed_in(client)
    assert not AccessAttempt.objects.exists()  # a success resets the count


def test_a_lock_holds_for_that_username_from_that_address_only(client, settings, home_pages, make_user, kazakhstan):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    other = make_user(Role.DATA_USER, kazakhstan)
    lock(client, user.username, settings)
    assert attempt(client, user.username, PASSWORD).status_code == 429
    assert attempt(client, user.username, PASSWORD, address="10.0.0.9").status_code == 302
    client.post("/en/accounts/logout/")
    assert attempt(client, other.username, PASSWORD).status_code == 302


def test_tries_during_the_lock_do_not_extend_it(client, settings, home_pages, make_user, kazakhstan):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    lock(client, user.username, settings)
    first = end_named_on(attempt(client, user.username, "wrong-again").content.decode())
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=5))
    later = end_named_on(attempt(client, user.username, PASSWORD).content.decode())
    assert later == first - timedelta(minutes=5)


def test_the_lockout_page_follows_the_language(client, settings, home_pages, make_user, kazakhstan):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    lock(client, user.username, settings, "/ru/accounts/login/")
    response = attempt(client, user.username, PASSWORD, "/ru/accounts/login/")
    html = response.content.decode()
    until = timezone.localtime(end_named_on(html))
    assert response.status_code == 429
    assert '<html lang="ru">' in html
    with translation.override("ru"):
        in_russian = formats.date_format(until, "DATETIME_FORMAT")
    assert "г." in in_russian
    assert in_russian in html


def test_a_lockout_is_recorded_once_with_the_accounts_country(client, settings, home_pages, make_user, kazakhstan):
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    lock(client, user.username, settings)
    attempt(client, user.username, PASSWORD)
    attempt(client, user.username, "wrong-again")
    lockout = AuditEntry.objects.get(action="dsm.locked_out")
    assert lockout.country == kazakhstan
    assert lockout.data == {"username": user.username}
    assert lockout.ip_address == "127.0.0.1"
    failures = AuditEntry.objects.filter(action="dsm.sign_in_failed")
    assert failures.count() == settings.AXES_FAILURE_LIMIT + 2
    assert not AuditEntry.objects.filter(action="dsm.sign_in").exists()


def test_sign_in_events_name_the_account_and_never_the_password(client, home_pages, make_user, kazakhstan):
    user = make_user(Role.DATA_USER, kazakhstan)
    attempt(client, user.username, "my-wrong-secret")
    attempt(client, "nobody-here", "another-secret", address="10.1.2.3")
    attempt(client, user.username, PASSWORD)
    client.post("/en/accounts/logout/")

    known, unknown = AuditEntry.objects.filter(action="dsm.sign_in_failed").order_by("pk")
    assert (known.country, known.label, known.data, known.user) == (
        kazakhstan,
        user.username,
        {"username": user.username},
        None,
    )
    assert (unknown.country, unknown.label, unknown.ip_address) == (None, "nobody-here", "10.1.2.3")
    sign_in = AuditEntry.objects.get(action="dsm.sign_in")
    assert (sign_in.user, sign_in.country, sign_in.ip_address) == (user, kazakhstan, "127.0.0.1")
    assert AuditEntry.objects.get(action="dsm.sign_out").user == user
    everything = json.dumps(list(AuditEntry.objects.values("label", "data")))
    assert "secret" not in everything
    assert PASSWORD not in everything
