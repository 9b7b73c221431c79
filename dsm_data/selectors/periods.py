"""Periods: which are open for entry, and which come before."""

from django.utils import timezone

from ..models import (
    Period,
    PeriodLockException,
)


def period_is_open(period, country, today=None):
    """Entry is open until ``period.locks_on``, or later with a lock exception for the country."""
    today = today or timezone.localdate()
    if today < period.locks_on:
        return True
    return PeriodLockException.objects.filter(period=period, country=country, until__gte=today).exists()


def previous_period(period):
    return Period.objects.filter(frequency=period.frequency, start__lt=period.start).order_by("-start").first()


def periods_to_start(country, today=None):
    """Periods open for entry in which the country has no submission yet."""
    today = today or timezone.localdate()
    excepted = set(
        PeriodLockException.objects.filter(country=country, until__gte=today).values_list("period_id", flat=True)
    )
    periods = Period.objects.exclude(submissions__country=country).order_by("-start")
    return [period for period in periods if today < period.locks_on or period.pk in excepted]
