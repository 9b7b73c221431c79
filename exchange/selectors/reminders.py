"""Who is due a reminder on a given day, and about what. ``exchange.services.reminders`` sends them.

What each state owes, and who is late, is read from ``dsm_data.selectors.completeness`` (the completeness
page's own rule); who is told, from ``dsm_data.selectors.accounts.people_to_notify`` (active users with an
e-mail). A reminder already recorded in ``ReminderSent`` is not due again.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from dsm_data.models import Country, Period, Role, Submission, User
from dsm_data.selectors.accounts import people_to_notify
from dsm_data.selectors.completeness import outstanding_obligations, overdue_obligations
from dsm_data.selectors.submissions import waiting_for_validation

from ..models import ReminderKind, ReminderSent


@dataclass(frozen=True)
class DueReminder:
    """One e-mail to one person. ``key`` names it uniquely (see ``exchange.models.reminders``); ``template`` is
    the prefix of its subject and body templates; ``summary`` is the command's line about it (in English)."""

    kind: str
    key: str
    recipient: User
    template: str
    summary: str
    context: dict = field(compare=False, hash=False)
    period: Period | None = None
    country: Country | None = None
    submission: Submission | None = None


def reminders_due(today):
    """Every reminder due on ``today`` and not yet sent: deadlines, validations waiting, the weekly digest."""
    due = deadline_reminders(today) + validation_reminders(today) + digest_reminders(today)
    sent = set(ReminderSent.objects.filter(key__in=[reminder.key for reminder in due]).values_list("key", flat=True))
    return [reminder for reminder in due if reminder.key not in sent]


def deadline_reminders(today):
    """Focal points whose state's submission for a period is missing or a draft, once the period's deadline is
    no more than one of ``DSM_REMINDER_DAYS_BEFORE_DEADLINE`` away. Each threshold is its own reminder, the
    nearest one reached counting: a run that was missed on the day sends the next threshold, never an old one."""
    thresholds = settings.DSM_REMINDER_DAYS_BEFORE_DEADLINE
    if not thresholds:
        return []
    due = []
    for obligation in outstanding_obligations(today, within_days=max(thresholds)):
        period, country, submission = obligation.period, obligation.country, obligation.submission
        days_left = (period.deadline - today).days
        threshold = min(days for days in thresholds if days >= days_left)
        context = {
            "period": period,
            "country": country,
            "submission": submission,
            "days_left": days_left,
            "base_url": settings.DSM_BASE_URL,
        }
        state = submission.status if submission else "missing"
        for user in people_to_notify([Role.FOCAL_POINT], country=country):
            due.append(
                DueReminder(
                    kind=ReminderKind.DEADLINE,
                    key=f"deadline:{user.pk}:{period.pk}:{country.pk}:{threshold}",
                    recipient=user,
                    template="exchange/email/reminder_deadline",
                    summary=f"{country.code} {period.code} ({state}): deadline {period.deadline} in {days_left} days",
                    context=context,
                    period=period,
                    country=country,
                    submission=submission,
                )
            )
    return due


def validation_reminders(today):
    """Country administrators whose state's submission has waited for validation longer than
    ``DSM_VALIDATION_REMINDER_DAYS`` since it was (last) submitted: once for each time it was submitted."""
    due = []
    for submission in waiting_for_validation():
        submitted_on = timezone.localdate(submission.submitted_at)
        days_waiting = (today - submitted_on).days
        if days_waiting <= settings.DSM_VALIDATION_REMINDER_DAYS:
            continue
        context = {
            "submission": submission,
            "submitted_on": submitted_on,
            "days_waiting": days_waiting,
            "base_url": settings.DSM_BASE_URL,
        }
        for user in people_to_notify([Role.COUNTRY_ADMIN], country=submission.country):
            due.append(
                DueReminder(
                    kind=ReminderKind.VALIDATION,
                    key=f"validation:{user.pk}:{submission.pk}:{submitted_on.isoformat()}",
                    recipient=user,
                    template="exchange/email/reminder_validation",
                    summary=f"{submission} submitted on {submitted_on}, waiting {days_waiting} days",
                    context=context,
                    period=submission.period,
                    country=submission.country,
                    submission=submission,
                )
            )
    return due


def digest_reminders(today):
    """The secretariat (the system administrators): the states late with a period still open for entry, on
    ``DSM_REMINDER_DIGEST_WEEKDAY`` or, when that run was missed, the first run later in the week; once an ISO
    week; nothing when no state is late."""
    if today.isoweekday() < settings.DSM_REMINDER_DIGEST_WEEKDAY:  # a missed day is made up later in the week
        return []
    late = overdue_obligations(today)
    if not late:
        return []
    year, week, _weekday = today.isocalendar()
    context = {
        "late": [
            {"obligation": obligation, "days_late": (today - obligation.period.deadline).days} for obligation in late
        ],
        "today": today,
        "base_url": settings.DSM_BASE_URL,
    }
    states = len({obligation.country.pk for obligation in late})
    return [
        DueReminder(
            kind=ReminderKind.DIGEST,
            key=f"digest:{user.pk}:{year}-W{week:02d}",
            recipient=user,
            template="exchange/email/reminder_digest",
            summary=f"{len(late)} late submissions of {states} states, week {year}-W{week:02d}",
            context=context,
        )
        for user in people_to_notify([Role.SYSTEM_ADMIN])
    ]
