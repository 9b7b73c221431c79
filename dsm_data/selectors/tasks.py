"""What is waiting for someone in the figures' workflow: the task list's groups that dsm_data knows of.

Each group is for the role that does the work, by the permissions module's rules: a focal point enters
and submits, a country administrator validates and manages users, the secretariat publishes and chases
late countries. Other apps add their own groups (the exchange's requests and proposals).
"""

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import permissions
from ..models import Status, Submission
from .accounts import pending_invitations
from .completeness import overdue_obligations
from .periods import periods_to_start
from .submissions import warnings_to_answer


@dataclass(frozen=True)
class Task:
    """One thing to do: what, where it is done, and by when."""

    text: str
    url: str
    due: datetime.date | None = None
    is_late: bool = False


@dataclass(frozen=True)
class TaskGroup:
    """Tasks of one kind; ``key`` names the group for anchors and tests, whatever the language."""

    key: str
    title: str
    tasks: list = field(default_factory=list)


def figure_tasks(user, *, today):
    """The groups of the figures' workflow waiting for ``user``, the empty ones left out."""
    country = permissions.country_of(user)
    groups = []
    if permissions.is_system_admin(user):
        groups += [_late_countries(today), _to_publish()]
    elif country is not None:
        if permissions.can_submit_data_for(user, country):
            groups += [_due(country, today), _warnings(country, today), _returned(country)]
        if permissions.can_validate_data_for(user, country):
            groups += [_to_validate(country), _invitations(user)]
    return [group for group in groups if group.tasks]


def _period_text(period):
    return f"{period.code} ({period.get_frequency_display()})"


def _due(country, today):
    """Submissions not started or still drafts, in periods open for entry, soonest deadline first."""
    tasks = [
        Task(
            _("%(period)s: not started") % {"period": _period_text(period)},
            reverse("dsm_data:submissions"),
            due=period.deadline,
            is_late=today > period.deadline,
        )
        for period in periods_to_start(country, today)
    ]
    for submission in _own(country, Status.DRAFT):
        if today < submission.period.locks_on:
            tasks.append(
                Task(
                    _("%(period)s: draft") % {"period": _period_text(submission.period)},
                    reverse("dsm_data:submission", args=[submission.pk]),
                    due=submission.period.deadline,
                    is_late=today > submission.period.deadline,
                )
            )
    tasks.sort(key=lambda task: task.due)
    return TaskGroup("due", gettext_lazy("Submissions due"), tasks)


def _warnings(country, today):
    """Drafts and returned submissions open for entry with warnings nobody explained yet. Each is checked whole,
    by the submission's own checks: a few dozen queries per submission, for the one or two a state has open."""
    tasks = []
    for submission in _own(country, Status.DRAFT, Status.RETURNED):
        if today >= submission.period.locks_on:
            continue
        waiting = warnings_to_answer(submission)
        if waiting:
            names = ", ".join(f"{indicator} ({count})" for indicator, count in waiting)
            tasks.append(
                Task(
                    _("%(period)s: warnings to explain in %(indicators)s")
                    % {"period": _period_text(submission.period), "indicators": names},
                    reverse("dsm_data:submission", args=[submission.pk]),
                    due=submission.period.deadline,
                )
            )
    return TaskGroup("warnings", gettext_lazy("Drafts with warnings to explain"), tasks)


def _returned(country):
    tasks = [
        Task(
            _("%(period)s: returned for corrections") % {"period": _period_text(submission.period)},
            reverse("dsm_data:submission", args=[submission.pk]),
            due=submission.period.deadline,
        )
        for submission in _own(country, Status.RETURNED)
    ]
    return TaskGroup("returned", gettext_lazy("Returned submissions"), tasks)


def _to_validate(country):
    tasks = [
        Task(
            _("%(period)s: submitted, to validate") % {"period": _period_text(submission.period)},
            reverse("dsm_data:submission", args=[submission.pk]),
            due=submission.period.deadline,
        )
        for submission in _own(country, Status.SUBMITTED)
    ]
    return TaskGroup("validate", gettext_lazy("Submissions to validate"), tasks)


def _invitations(user):
    tasks = [
        Task(
            _("%(name)s has not accepted the invitation sent on %(date)s")
            % {"name": person.get_full_name() or person.get_username(), "date": date_format(person.date_joined.date())},
            reverse("dsm_user:detail", args=[person.pk]),
        )
        for person in pending_invitations(user)
    ]
    return TaskGroup("invitations", gettext_lazy("Users awaiting activation"), tasks)


def _late_countries(today):
    """The states late with a period still open for entry (``completeness.overdue_obligations``, as the digest)."""
    tasks = [
        Task(
            _("%(country)s: %(period)s, %(state)s")
            % {
                "country": late.country,
                "period": _period_text(late.period),
                "state": late.submission.get_status_display() if late.submission else _("not started"),
            },
            reverse("dsm_data:completeness") + f"?period={late.period.code}",
            due=late.period.deadline,
            is_late=True,
        )
        for late in overdue_obligations(today)
    ]
    return TaskGroup("late", gettext_lazy("Late countries"), tasks)


def _to_publish():
    tasks = [
        Task(
            _("%(country)s: %(period)s, validated")
            % {"country": submission.country, "period": _period_text(submission.period)},
            reverse("dsm_data:submission", args=[submission.pk]),
        )
        for submission in Submission.objects.filter(status=Status.VALIDATED).select_related("country", "period")
    ]
    return TaskGroup("publish", gettext_lazy("Publications waiting"), tasks)


def _own(country, *statuses):
    return Submission.objects.filter(country=country, status__in=statuses).select_related("period")
