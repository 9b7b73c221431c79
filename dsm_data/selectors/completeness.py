"""Who has sent what for a period, and who is late."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..models import (
    Country,
    Indicator,
    Status,
    Submission,
    Transition,
    Value,
)


def completeness(period, today=None):
    """Per country and indicator: the state of its figures for ``period``, and whether it is late.

    States: missing, draft, submitted, returned, validated, published.
    """
    today = today or timezone.localdate()
    indicators = [indicator for indicator in Indicator.objects.all() if period.frequency in indicator.frequencies]
    submissions = {submission.country_id: submission for submission in Submission.objects.filter(period=period)}
    filled = set(
        Value.objects.filter(period=period)
        .filter(Q(number__isnull=False) | ~Q(absence=""))
        .values_list("country_id", "indicator_id")
        .distinct()
    )
    first_submitted = dict(
        Transition.objects.filter(submission__period=period, to_status=Status.SUBMITTED)
        .values("submission__country_id")
        .annotate(first=models.Min("at"))
        .values_list("submission__country_id", "first")
    )
    rows = []
    for country in Country.objects.all():
        submission = submissions.get(country.pk)
        submitted_at = first_submitted.get(country.pk)
        submitted_on = timezone.localdate(submitted_at) if submitted_at else None
        late = (submitted_on or today) > period.deadline
        cells = [
            {
                "indicator": indicator,
                "state": submission.status if submission and (country.pk, indicator.pk) in filled else "missing",
            }
            for indicator in indicators
        ]
        rows.append({"country": country, "submission": submission, "cells": cells, "late": late})
    return indicators, rows
