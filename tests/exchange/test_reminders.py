"""``manage.py dsm_send_reminders`` with the clock set by ``--today``: focal points before a deadline, country
administrators of a submission waiting for validation, the secretariat's weekly digest; each reminder once, in
its recipient's language, with a link under that language's prefix; a dry run sends and records nothing."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from dsm_data.models import Role, Status, Submission, Transition
from dsm_data.services.accounts import save_country
from exchange.models import ReminderKind, ReminderSent
from exchange.selectors import reminders_due
from exchange.services import reminders as services

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2026, 3, 31)  # a Tuesday
BASE_URL = "https://dsm.example.org"


def day(days_from_deadline):
    return DEADLINE + datetime.timedelta(days=days_from_deadline)


@pytest.fixture(autouse=True)
def reminder_settings(settings):
    settings.DSM_REMINDER_DAYS_BEFORE_DEADLINE = [14, 3]
    settings.DSM_VALIDATION_REMINDER_DAYS = 7
    settings.DSM_REMINDER_DIGEST_WEEKDAY = 1  # Monday
    settings.DSM_BASE_URL = BASE_URL


@pytest.fixture
def georgia(db):
    return save_country("GEO", {"en": "Georgia", "ru": "Грузия"})


@pytest.fixture
def period(make_period):
    return make_period(2025, deadline=DEADLINE)


@pytest.fixture
def people(kazakhstan, armenia, georgia, period, make_user):
    """Kazakhstan's focal point reads Russian; Georgia (the third state) submitted its figures in time, and
    its submission was validated."""
    people = {
        "kaz_focal": make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal"),
        "kaz_admin": make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin"),
        "kaz_user": make_user(Role.DATA_USER, kazakhstan, username="kaz-user"),
        "arm_focal": make_user(Role.FOCAL_POINT, armenia, username="arm-focal"),
        "arm_admin": make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin"),
        "geo_focal": make_user(Role.FOCAL_POINT, georgia, username="geo-focal"),
        "secretariat": make_user(Role.SYSTEM_ADMIN, username="secretariat"),
    }
    people["kaz_focal"].language = "ru"
    people["kaz_focal"].save()
    submission_of(georgia, period, Status.VALIDATED, submitted_on=day(-20), actor=people["geo_focal"])
    return people


def submission_of(country, period, status, *, submitted_on=None, actor):
    """A submission in ``status``; ``submitted_on``: the day its transition to "submitted" is recorded."""
    submission = Submission.objects.create(country=country, period=period, status=status)
    if submitted_on:
        transition = Transition.objects.create(
            submission=submission, from_status=Status.DRAFT, to_status=Status.SUBMITTED, actor=actor
        )
        at = timezone.make_aware(datetime.datetime.combine(submitted_on, datetime.time(12)))
        Transition.objects.filter(pk=transition.pk).update(at=at)
    return submission


def run(django_capture_on_commit_callbacks, today, *options):
    """Run the command as on ``today``; the e-mails go out as the transactions commit. Returns its output."""
    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("dsm_send_reminders", "--today", today.isoformat(), *options, stdout=output)
    return output.getvalue()


def sent_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_running_twice_sends_each_reminder_once_in_its_recipients_language(
    people, period, django_capture_on_commit_callbacks
):
    first = run(django_capture_on_commit_callbacks, day(-14))
    second = run(django_capture_on_commit_callbacks, day(-14))

    assert sorted(message.to[0] for message in mail.outbox) == [people["arm_focal"].email, people["kaz_focal"].email]
    [russian] = sent_to(people["kaz_focal"])
    assert russian.subject == "Напоминание: данные за 2025 (Казахстан) нужно представить не позднее 31 марта 2026 г."
    assert "Осталось 14 дней." in russian.body
    assert f"{BASE_URL}/ru/data/submissions/" in russian.body  # not started: where it is started, in Russian
    [english] = sent_to(people["arm_focal"])
    assert english.subject == "Reminder: the figures of Armenia for 2025 are due by March 31, 2026"
    assert "That is in 14 days." in english.body
    assert f"{BASE_URL}/en/data/submissions/" in english.body
    assert "Sent deadline to kaz-focal <kaz-focal@example.org>: KAZ 2025 (missing)" in first
    assert "Sent 2 reminders on 2026-03-17 (deadline 2, validation 0, digest 0)." in first
    assert "Sent 0 reminders" in second
    assert ReminderSent.objects.count() == 2
    assert set(ReminderSent.objects.values_list("key", flat=True)) == {
        f"deadline:{people['kaz_focal'].pk}:{period.pk}:{people['kaz_focal'].country_id}:14",
        f"deadline:{people['arm_focal'].pk}:{period.pk}:{people['arm_focal'].country_id}:14",
    }


def test_two_runs_at_once_send_once_the_unique_key_decides(people, period, django_capture_on_commit_callbacks):
    """Both runs read the same due list; the second finds the key taken, and its e-mail is never queued."""
    first_list, second_list = reminders_due(day(-3)), reminders_due(day(-3))
    assert len(first_list) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert all(services._send_once(reminder, today=day(-3)) for reminder in first_list)
        assert not any(services._send_once(reminder, today=day(-3)) for reminder in second_list)
    assert len(mail.outbox) == 2
    assert ReminderSent.objects.count() == 2


def test_no_deadline_reminder_before_the_window_or_after_the_deadline(
    people, period, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks, day(-15))
    run(django_capture_on_commit_callbacks, day(1))
    assert [message.to for message in mail.outbox] == [[people["secretariat"].email]]  # the late states' digest
    assert not ReminderSent.objects.filter(kind=ReminderKind.DEADLINE).exists()


def test_a_draft_is_reminded_with_its_page_and_a_submitted_one_is_not(
    people, period, kazakhstan, armenia, django_capture_on_commit_callbacks
):
    draft = submission_of(kazakhstan, period, Status.DRAFT, actor=people["kaz_focal"])
    submission_of(armenia, period, Status.SUBMITTED, submitted_on=day(-5), actor=people["arm_focal"])
    run(django_capture_on_commit_callbacks, day(-3))
    assert [message.to for message in mail.outbox] == [[people["kaz_focal"].email]]
    assert "черновик" in mail.outbox[0].body
    assert f"{BASE_URL}/ru/data/submissions/{draft.pk}/" in mail.outbox[0].body


def test_each_threshold_is_sent_on_its_day_only_and_the_next_day_sends_nothing(
    people, period, django_capture_on_commit_callbacks
):
    run(django_capture_on_commit_callbacks, day(-14))
    assert len(sent_to(people["arm_focal"])) == 1
    mail.outbox.clear()
    for days in range(-13, -3):  # the days between the thresholds
        run(django_capture_on_commit_callbacks, day(days))
    assert mail.outbox == []
    output = run(django_capture_on_commit_callbacks, day(-3))
    [english] = sent_to(people["arm_focal"])
    assert "That is in 3 days." in english.body
    assert len(mail.outbox) == 2  # and Kazakhstan's focal point: the 3-day threshold only
    assert "Sent 2 reminders" in output
    run(django_capture_on_commit_callbacks, day(-2))
    assert len(mail.outbox) == 2
    assert sorted(key.rsplit(":", 1)[1] for key in ReminderSent.objects.values_list("key", flat=True)) == [
        "14",
        "14",
        "3",
        "3",
    ]


def test_a_missed_day_sends_the_nearest_threshold_not_an_old_one(people, period, django_capture_on_commit_callbacks):
    run(django_capture_on_commit_callbacks, day(-2))  # the runs of -14 and -3 did not happen
    assert len(mail.outbox) == 2
    assert all(key.endswith(":3") for key in ReminderSent.objects.values_list("key", flat=True))
    assert "That is in 2 days." in sent_to(people["arm_focal"])[0].body


def test_only_the_states_own_active_focal_points_with_an_e_mail_are_reminded(
    people, period, kazakhstan, make_user, django_capture_on_commit_callbacks
):
    people["arm_focal"].is_active = False
    people["arm_focal"].save()
    no_address = make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal-2")
    no_address.email = ""
    no_address.save()
    run(django_capture_on_commit_callbacks, day(-14))
    # Not the deactivated one, not one without an address, not the data user, the administrators nor the secretariat.
    assert [message.to for message in mail.outbox] == [[people["kaz_focal"].email]]
    assert list(ReminderSent.objects.values_list("recipient__username", flat=True)) == ["kaz-focal"]


def test_the_validation_reminder_comes_after_the_days_set_once_per_submission(
    people, period, kazakhstan, django_capture_on_commit_callbacks, settings
):
    settings.DSM_REMINDER_DAYS_BEFORE_DEADLINE = []  # this test is about validation only
    submitted = day(-10)
    submission = submission_of(kazakhstan, period, Status.SUBMITTED, submitted_on=submitted, actor=people["kaz_focal"])
    run(django_capture_on_commit_callbacks, submitted + datetime.timedelta(days=7))
    assert mail.outbox == []  # seven days: not longer than seven yet
    output = run(django_capture_on_commit_callbacks, submitted + datetime.timedelta(days=8))
    run(django_capture_on_commit_callbacks, submitted + datetime.timedelta(days=9))
    [message] = mail.outbox
    assert message.to == [people["kaz_admin"].email]  # not Armenia's administrator
    assert message.subject == "Waiting for your validation: Kazakhstan 2025"
    assert "has waited 8 days for validation" in message.body
    assert f"{BASE_URL}/en/data/submissions/{submission.pk}/" in message.body
    assert "Sent validation to kaz-admin" in output
    assert ReminderSent.objects.get().key == f"validation:{people['kaz_admin'].pk}:{submission.pk}:2026-03-21"


def test_a_submission_submitted_again_is_reminded_again(
    people, period, kazakhstan, django_capture_on_commit_callbacks, settings
):
    settings.DSM_REMINDER_DAYS_BEFORE_DEADLINE = []
    submission = submission_of(kazakhstan, period, Status.SUBMITTED, submitted_on=day(-30), actor=people["kaz_focal"])
    run(django_capture_on_commit_callbacks, day(-20))
    resubmitted = Transition.objects.create(
        submission=submission, from_status=Status.RETURNED, to_status=Status.SUBMITTED, actor=people["kaz_focal"]
    )
    Transition.objects.filter(pk=resubmitted.pk).update(
        at=timezone.make_aware(datetime.datetime.combine(day(-15), datetime.time(12)))
    )
    run(django_capture_on_commit_callbacks, day(-10))  # five days after the second submission: not yet
    assert len(mail.outbox) == 1
    run(django_capture_on_commit_callbacks, day(-7))
    assert len(mail.outbox) == 2


def test_the_digest_goes_on_the_weekday_or_the_first_run_after_once_a_week_to_the_secretariat(
    people, period, kazakhstan, django_capture_on_commit_callbacks, settings
):
    submission_of(kazakhstan, period, Status.DRAFT, actor=people["kaz_focal"])
    monday = day(6)
    assert monday.isoweekday() == 1
    settings.DSM_REMINDER_DAYS_BEFORE_DEADLINE = []  # the digest alone
    run(django_capture_on_commit_callbacks, monday - datetime.timedelta(days=7))  # the Monday before: none late
    assert mail.outbox == []
    run(django_capture_on_commit_callbacks, monday)
    run(django_capture_on_commit_callbacks, monday)
    run(django_capture_on_commit_callbacks, monday + datetime.timedelta(days=2))
    [digest] = mail.outbox
    assert digest.to == [people["secretariat"].email]
    assert digest.subject == "Late submissions on April 6, 2026"
    assert "- Armenia: not started, 6 days late" in digest.body
    assert "- Kazakhstan: draft, 6 days late" in digest.body
    assert "Georgia" not in digest.body  # submitted in time
    assert f"{BASE_URL}/en/data/completeness/?period=2025" in digest.body
    assert ReminderSent.objects.get().key == f"digest:{people['secretariat'].pk}:2026-W15"
    run(django_capture_on_commit_callbacks, monday + datetime.timedelta(days=8))  # its Monday's run was missed
    assert len(mail.outbox) == 2  # the next week's, made up on the Tuesday


def test_the_digest_day_is_a_setting_and_the_digest_reads_russian(
    people, period, django_capture_on_commit_callbacks, settings
):
    settings.DSM_REMINDER_DIGEST_WEEKDAY = 3  # Wednesday
    people["secretariat"].language = "ru"
    people["secretariat"].save()
    run(django_capture_on_commit_callbacks, day(6))  # a Monday
    assert mail.outbox == []
    run(django_capture_on_commit_callbacks, day(8))
    [digest] = mail.outbox
    assert digest.subject == "Данные, не представленные в срок, на 8 апреля 2026 г."
    assert "- Армения: не начато" in digest.body
    assert f"{BASE_URL}/ru/data/completeness/?period=2025" in digest.body


def test_a_dry_run_lists_who_would_get_what_and_sends_and_records_nothing(
    people, period, django_capture_on_commit_callbacks
):
    output = run(django_capture_on_commit_callbacks, day(-14), "--dry-run")
    assert "Would send deadline to arm-focal <arm-focal@example.org>: ARM 2025 (missing)" in output
    assert "Would send 2 reminders on 2026-03-17" in output
    assert mail.outbox == []
    assert not ReminderSent.objects.exists()
    run(django_capture_on_commit_callbacks, day(-14))
    assert len(mail.outbox) == 2


def test_a_date_not_of_the_form_is_refused(people):
    with pytest.raises(CommandError, match="2026-13-01"):
        call_command("dsm_send_reminders", "--today", "2026-13-01", stdout=StringIO())
    assert not ReminderSent.objects.exists()


def test_the_database_refuses_a_second_row_with_the_same_key(people, period):
    from django.db import IntegrityError, transaction

    values = {"kind": ReminderKind.DIGEST, "key": "digest:1:2026-W15", "sent_on": day(6)}
    ReminderSent.objects.create(recipient=people["secretariat"], **values)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReminderSent.objects.create(recipient=people["secretariat"], **values)
    with pytest.raises(IntegrityError), transaction.atomic():  # a key of another kind
        ReminderSent.objects.create(
            recipient=people["secretariat"], kind=ReminderKind.DEADLINE, key="digest:1:2026-W16", sent_on=day(6)
        )
