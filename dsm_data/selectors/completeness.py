"""Who has sent what for a period, and who is late: the one place that says what each state owes and when.

The completeness page, the regional report and the reminders (``exchange``) all read it from here.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..models import (
    EDITABLE_STATUSES,
    Country,
    Indicator,
    Period,
    Series,
    Status,
    Submission,
    Transition,
    Value,
)


def completeness(period, today=None):
    """Per country and indicator: the state of its figures for ``period``, how many cells were not collected,
    and whether the country is late. Returns (indicators, rows, totals).

    States: missing, draft, submitted, returned, validated, published. A cell is not collected when the
    submission holds no number and no code for it (``:`` not available, ``c``, ``z`` count as collected).
    ``totals``: the cells not collected per indicator (in the indicators' order) and in all.
    """
    today = today or timezone.localdate()
    indicators = [indicator for indicator in Indicator.objects.all() if period.frequency in indicator.frequencies]
    submissions = {submission.country_id: submission for submission in Submission.objects.filter(period=period)}
    filled = {
        (row["country_id"], row["indicator_id"]): row["count"]
        for row in Value.objects.filter(period=period)
        .filter(Q(number__isnull=False) | ~Q(absence=""))
        .values("country_id", "indicator_id")
        .annotate(count=models.Count("pk"))
        .order_by()
    }
    sizes = dict(
        Series.objects.filter(indicator__in=indicators)
        .values("indicator_id")
        .annotate(count=models.Count("pk"))
        .values_list("indicator_id", "count")
        .order_by()
    )
    rows = []
    indicator_totals = [0] * len(indicators)
    for obligation in obligations(period, today, submissions=submissions):
        country, submission = obligation.country, obligation.submission
        cells = []
        for index, indicator in enumerate(indicators):
            count = filled.get((country.pk, indicator.pk), 0)
            not_collected = max(sizes.get(indicator.pk, 0) - count, 0)
            indicator_totals[index] += not_collected
            cells.append(
                {
                    "indicator": indicator,
                    "state": submission.status if submission and count else "missing",
                    "not_collected": not_collected,
                }
            )
        rows.append(
            {
                "country": country,
                "submission": submission,
                "cells": cells,
                "late": obligation.late,
                "not_collected": sum(cell["not_collected"] for cell in cells),
            }
        )
    totals = {"indicators": indicator_totals, "all": sum(indicator_totals)}
    return indicators, rows, totals


@dataclass(frozen=True)
class Obligation:
    """What one state owes for one period: its submission (None: not started), the day it was first submitted
    (None: never) and whether it is late (not submitted by the deadline, or not yet and the deadline is past)."""

    period: Period
    country: Country
    submission: Submission | None
    submitted_on: datetime.date | None
    late: bool

    @property
    def is_outstanding(self):
        """Still in the focal point's hands before any submission: missing, or a draft never submitted."""
        return self.submission is None or self.submission.status == Status.DRAFT

    @property
    def is_overdue(self):
        """Late and still not submitted (or loaded past the workflow): what the secretariat chases."""
        never_sent = self.submission is None or self.submission.status in EDITABLE_STATUSES
        return self.late and self.submitted_on is None and never_sent


def obligations(period, today=None, *, submissions=None):
    """An ``Obligation`` for each state owing figures for ``period``: every participating state, as the
    completeness page counts them. ``submissions``: {country pk: submission} when the caller has read them already."""
    today = today or timezone.localdate()
    if submissions is None:
        submissions = {submission.country_id: submission for submission in Submission.objects.filter(period=period)}
    first_submitted = dict(
        Transition.objects.filter(submission__period=period, to_status=Status.SUBMITTED)
        .values("submission__country_id")
        .annotate(first=models.Min("at"))
        .values_list("submission__country_id", "first")
    )
    result = []
    for country in Country.objects.filter(is_participating=True):  # the others owe nothing
        submitted_at = first_submitted.get(country.pk)
        submitted_on = timezone.localdate(submitted_at) if submitted_at else None
        late = (submitted_on or today) > period.deadline
        result.append(Obligation(period, country, submissions.get(country.pk), submitted_on, late))
    return result


def outstanding_obligations(today, *, within_days):
    """The obligations still missing or in draft whose deadline falls between ``today`` and ``within_days`` later."""
    periods = Period.objects.filter(deadline__gte=today, deadline__lte=today + datetime.timedelta(days=within_days))
    return [
        obligation
        for period in periods.order_by("deadline", "code")
        for obligation in obligations(period, today)
        if obligation.is_outstanding
    ]


def overdue_obligations(today=None):
    """The obligations past their deadline and still not submitted, for the periods still open for entry (after
    that nobody can send them but by a lock exception): the late states, oldest deadline first."""
    today = today or timezone.localdate()
    periods = [period for period in Period.objects.filter(deadline__lt=today) if today < period.locks_on]
    return [
        obligation
        for period in sorted(periods, key=lambda period: (period.deadline, period.code))
        for obligation in obligations(period, today)
        if obligation.is_overdue
    ]
