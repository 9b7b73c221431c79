"""A country's submissions and the cells stored in them."""

from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce

from .. import permissions
from ..cells import Cell
from ..grid import build_grid
from ..intake.problems import errors_and_warnings
from ..models import (
    Country,
    Indicator,
    Period,
    Series,
    Status,
    Submission,
    Value,
    ValueRevision,
)
from ..validation import check_cells, completeness_problems
from .periods import previous_period


def submissions_readable_by(user):
    submissions = Submission.objects.select_related("country", "period").order_by("-period__start", "country__code")
    if permissions.is_system_admin(user):
        return submissions
    country = permissions.country_of(user)
    return submissions.filter(country=country) if country else submissions.none()


def waiting_for_validation():
    """Submitted submissions, each with ``submitted_at``: when it was last submitted (its last transition to
    "submitted"; its last change for one loaded without the workflow), the longest waiting first."""
    last_submitted = Max("transitions__at", filter=Q(transitions__to_status=Status.SUBMITTED))
    return (
        Submission.objects.filter(status=Status.SUBMITTED)
        .select_related("country", "period")
        .annotate(submitted_at=Coalesce(last_submitted, "updated_at"))
        .order_by("submitted_at", "pk")
    )


def cells_of(submission, indicator):
    """{series pk: Cell} of the values stored for one indicator of a submission."""
    return {
        value.series_id: Cell.from_value(value)
        for value in Value.objects.filter(submission=submission, indicator=indicator)
    }


def previous_numbers(country, indicator, period):
    """{series pk: number} of the country's previous period of the same frequency."""
    before = previous_period(period)
    if before is None:
        return {}
    values = Value.objects.filter(country=country, indicator=indicator, period=before, number__isnull=False)
    return dict(values.values_list("series_id", "number"))


def grand_total_history(country, indicator, period, grid=None):
    """The country's grand totals of the indicator in earlier periods of the same frequency."""
    grid = grid or build_grid(indicator)
    grand_total = grid.rows[-1].cells[-1]
    values = Value.objects.filter(
        country=country,
        series_id=grand_total.pk,
        period__frequency=period.frequency,
        period__start__lt=period.start,
        number__isnull=False,
    )
    return list(values.values_list("number", flat=True))


def grid_problems(submission, indicator, *, grid, cells):
    """Every rule's verdict on one indicator's cells, against the country's own earlier figures."""
    return check_cells(
        grid,
        cells,
        previous=previous_numbers(submission.country, indicator, submission.period),
        history=grand_total_history(submission.country, indicator, submission.period, grid),
    )


def changed_since_validation(submission):
    """How many values changed after the submission was last validated."""
    if submission.validated_at is None:
        return 0
    revisions = ValueRevision.objects.filter(value__submission=submission, changed_at__gt=submission.validated_at)
    return revisions.values("value").distinct().count()


def submission_indicator_summaries(submission):
    """Each indicator of a submission with its confidentiality and how many of its cells are filled."""
    filled = dict(
        Value.objects.filter(submission=submission)
        .filter(Q(number__isnull=False) | ~Q(absence=""))
        .values("indicator")
        .annotate(count=Count("pk"))
        .values_list("indicator", "count")
    )
    links = list(submission.submission_indicators.select_related("indicator"))
    sizes = dict(
        Series.objects.filter(indicator__in=[link.indicator_id for link in links])
        .values("indicator")
        .annotate(count=Count("pk"))
        .values_list("indicator", "count")
    )
    return [
        {
            "link": link,
            "indicator": link.indicator,
            "filled": filled.get(link.indicator_id, 0),
            "cells": sizes.get(link.indicator_id, 0),
        }
        for link in links
    ]


def not_collected(summaries):
    """(cells, indicators) not collected, from ``submission_indicator_summaries``: cells with no number and no code."""
    missing = [item["cells"] - item["filled"] for item in summaries if item["cells"] > item["filled"]]
    return sum(missing), len(missing)


def indicators_to_add(submission):
    """Indicators of the submission's frequency that are not part of it, by their order in the catalogue."""
    present = submission.submission_indicators.values("indicator_id")
    candidates = Indicator.objects.exclude(pk__in=present).order_by("sort_order", "code")
    return [indicator for indicator in candidates if submission.period.frequency in indicator.frequencies]


def submission_at(country_code, period_code):
    """(country, period, submission) by their codes, for a machine that names them in an address.

    The submission is the stored one, or the unsaved draft a first write would open; the
    country or period is None when no such code exists (the caller says which).
    """
    country = Country.objects.filter(code=country_code.upper()).first()
    period = Period.objects.filter(code=period_code).first()
    if country is None or period is None:
        return country, period, None
    submission = Submission.objects.filter(country=country, period=period).first()
    return country, period, submission or Submission(country=country, period=period)


def warnings_to_answer(submission):
    """The indicators of ``submission`` with warnings nobody explained yet, each with their count: what
    ``services.submissions.submit`` would refuse for, by the same checks."""
    waiting = []
    for link in submission.submission_indicators.select_related("indicator"):
        grid = build_grid(link.indicator)
        cells = cells_of(submission, link.indicator)
        _errors, warnings = errors_and_warnings(grid_problems(submission, link.indicator, grid=grid, cells=cells))
        count = len(completeness_problems(grid, cells, warnings))
        if count:
            waiting.append((link.indicator, count))
    return waiting
