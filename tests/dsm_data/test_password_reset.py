"""Password reset: the same answer for any address, a throttle counted in the audit trail, the mail sent by a task."""

import pytest
from django.core import mail
from django_tasks.signals import task_enqueued

from dsm_data import tasks
from dsm_data.models import AuditEntry, Role

pytestmark = pytest.mark.django_db
RESET = "/en/accounts/password/reset/"
SENT = "/en/accounts/password/reset/sent/"


@pytest.fixture
def enqueued():
    """(args, kwargs) of each reset-mail task enqueued, from django-tasks' own signal."""
    calls = []

    def note(sender, task_result, **kwargs):
        if task_result.task.func is tasks.send_password_reset_mail.func:
            calls.append((tuple(task_result.args), dict(task_result.kwargs)))

    task_enqueued.connect(note, dispatch_uid="test_password_reset_enqueued")
    yield calls
    task_enqueued.disconnect(dispatch_uid="test_password_reset_enqueued")


def ask(client, email, address="127.0.0.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_known_and_unknown_addresses_get_the_same_answer(
    client, home_pages, make_user, kazakhstan, django_capture_on_commit_callbacks
):
    user = make_user(Role.DATA_USER, kazakhstan)
    with django_capture_on_commit_callbacks(execute=True):
        known = ask(client, user.email)
        unknown = ask(client, "nobody@example.org", address="10.0.0.2")
    assert (known.status_code, known["Location"]) == (302, SENT)
    assert (unknown.status_code, unknown["Location"]) == (302, SENT)
    assert client.get(SENT).status_code == 200
    assert [message.to for message in mail.outbox] == [[user.email]]
    assert AuditEntry.objects.filter(action="dsm.password_reset_requested").count() == 2


def test_the_mail_is_sent_by_the_task_after_the_view_answered(
    client, home_pages, make_user, kazakhstan, enqueued, django_capture_on_commit_callbacks
):
    user = make_user(Role.DATA_USER, kazakhstan)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = ask(client, user.email.upper())
    assert response["Location"] == SENT
    assert mail.outbox == []  # the view sent nothing itself
    assert enqueued == []  # nor queued anything before its transaction committed
    assert len(callbacks) == 1
    callbacks[0]()
    assert enqueued == [((user.email,), {"domain": "testserver", "use_https": False, "language": "en"})]
    assert [message.to for message in mail.outbox] == [[user.email]]
    assert "/en/accounts/password/reset/" in mail.outbox[0].body


def test_the_task_mails_in_the_language_of_the_request(home_pages, make_user, kazakhstan):
    user = make_user(Role.DATA_USER, kazakhstan)
    result = tasks.send_password_reset_mail.enqueue(user.email, domain="dsm.example.org", use_https=True, language="ru")
    assert result.return_value == 1
    assert "https://dsm.example.org/ru/accounts/password/reset/" in mail.outbox[0].body
    assert (
        tasks.send_password_reset_mail.enqueue(
            "nobody@example.org", domain="x", use_https=True, language="en"
        ).return_value
        == 0
    )
    assert len(mail.outbox) == 1


def test_the_fourth_request_for_one_address_in_an_hour_sends_nothing(
    client, settings, home_pages, make_user, kazakhstan, enqueued, django_capture_on_commit_callbacks
):
    settings.DSM_PASSWORD_RESET_PER_HOUR = 3
    user = make_user(Role.DATA_USER, kazakhstan)
    with django_capture_on_commit_callbacks(execute=True):
        answers = [ask(client, user.email, address=f"10.0.0.{number}")["Location"] for number in range(1, 5)]
    assert answers == [SENT] * 4
    assert len(mail.outbox) == 3
    assert len(enqueued) == 3
    assert AuditEntry.objects.filter(action="dsm.password_reset_requested").count() == 3


def test_the_fourth_request_from_one_address_in_an_hour_sends_nothing(
    client, settings, home_pages, make_user, kazakhstan, django_capture_on_commit_callbacks
):
    settings.DSM_PASSWORD_RESET_PER_HOUR = 3
    users = [make_user(Role.DATA_USER, kazakhstan, username=f"user-{number}") for number in range(4)]
    with django_capture_on_commit_callbacks(execute=True):
        for user in users:
            assert ask(client, user.email)["Location"] == SENT
    assert [message.to for message in mail.outbox] == [[user.email] for user in users[:3]]


def test_requests_older_than_an_hour_no_longer_count(
    client, settings, home_pages, make_user, kazakhstan, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    settings.DSM_PASSWORD_RESET_PER_HOUR = 3
    user = make_user(Role.DATA_USER, kazakhstan)
    for _number in range(3):
        ask(client, user.email)
    AuditEntry.objects.filter(action="dsm.password_reset_requested").update(
        timestamp=timezone.now() - timedelta(minutes=61)
    )
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, user.email)
    assert [message.to for message in mail.outbox] == [[user.email]]


def test_an_invalid_address_is_refused_with_a_message_and_nothing_is_recorded(client, home_pages):
    response = ask(client, "not an address")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not AuditEntry.objects.exists()
