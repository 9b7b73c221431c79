"""Who has sent what for a period, and who is late."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from ..models import (
    Country,
    Indicator,
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
    first_submitted = dict(
        Transition.objects.filter(submission__period=period, to_status=Status.SUBMITTED)
        .values("submission__country_id")
        .annotate(first=models.Min("at"))
        .values_list("submission__country_id", "first")
    )
    rows = []
    indicator_totals = [0] * len(indicators)
    for country in Country.objects.all():
        submission = submissions.get(country.pk)
        submitted_at = first_submitted.get(country.pk)
        submitted_on = timezone.localdate(submitted_at) if submitted_at else None
        late = (submitted_on or today) > period.deadline
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
                "late": late,
                "not_collected": sum(cell["not_collected"] for cell in cells),
            }
        )
    totals = {"indicators": indicator_totals, "all": sum(indicator_totals)}
    return indicators, rows, totals
