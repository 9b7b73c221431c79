"""Reads of dsm_data."""

from django.db.models import Q
from django.utils import timezone

from .grid import build_grid
from .models import Country, Period, PeriodLockException, Role, User, Value, ValueRevision
from .validation import Cell


def participating_countries():
    return Country.objects.filter(is_participating=True)


def period_is_open(period, country, today=None):
    """Entry is open until ``period.locks_on``, or later with a lock exception for the country."""
    today = today or timezone.localdate()
    if today < period.locks_on:
        return True
    return PeriodLockException.objects.filter(period=period, country=country, until__gte=today).exists()


def previous_period(period):
    return Period.objects.filter(frequency=period.frequency, start__lt=period.start).order_by("-start").first()


def cells_of(submission, indicator):
    """{series pk: Cell} of the values stored for one indicator of a submission."""
    return {
        value.series_id: Cell(
            number=value.number,
            absence=value.absence,
            is_provisional=value.is_provisional,
            is_estimated=value.is_estimated,
            footnote=value.footnote,
            comment=value.comment,
        )
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
        series=grand_total,
        period__frequency=period.frequency,
        period__start__lt=period.start,
        number__isnull=False,
    )
    return list(values.values_list("number", flat=True))


def changed_since_validation(submission):
    """How many values changed after the submission was last validated."""
    if submission.validated_at is None:
        return 0
    revisions = ValueRevision.objects.filter(value__submission=submission, changed_at__gt=submission.validated_at)
    return revisions.values("value").distinct().count()


def users_to_notify(submission, roles):
    """Active users of the submission's country in ``roles`` (system administrators if asked) with an e-mail."""
    query = Q(country=submission.country, role__in=roles)
    if Role.SYSTEM_ADMIN in roles:
        query |= Q(role=Role.SYSTEM_ADMIN)
    return User.objects.filter(query, is_active=True).exclude(email="")
