"""The calendar: reference periods, past years' included, created in one step."""

import calendar
import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from ..intake.problems import Rejected
from ..models import Frequency, Period

FIRST_YEAR, LAST_YEAR = 1950, 2100
# Days from a period's last day to its submission deadline (an annual one: March 31 of the next year).
DEADLINE_DAYS = {Frequency.QUARTERLY: 45, Frequency.MONTHLY: 30}


def periods_of_year(frequency, year):
    """[(code, first day, last day, deadline)] of ``year`` at ``frequency``."""
    if frequency == Frequency.ANNUAL:
        return [(str(year), datetime.date(year, 1, 1), datetime.date(year, 12, 31), datetime.date(year + 1, 3, 31))]
    if frequency == Frequency.QUARTERLY:
        parts = [(f"{year}-Q{quarter}", 3 * quarter - 2, 3 * quarter) for quarter in range(1, 5)]
    else:
        parts = [(f"{year}-{month:02d}", month, month) for month in range(1, 13)]
    periods = []
    for code, first_month, last_month in parts:
        end = datetime.date(year, last_month, calendar.monthrange(year, last_month)[1])
        deadline = end + datetime.timedelta(days=DEADLINE_DAYS[frequency])
        periods.append((code, datetime.date(year, first_month, 1), end, deadline))
    return periods


@transaction.atomic
def create_periods(frequency, *, first_year, last_year):
    """Create the periods of ``frequency`` from ``first_year`` to ``last_year``: (created, existing), each by code.

    A period that exists keeps its dates and deadline.
    """
    if frequency not in Frequency.values:
        raise Rejected.because(
            _("Unknown frequency “%(frequency)s”.") % {"frequency": frequency},
            hint=_("known frequencies: %(codes)s") % {"codes": ", ".join(Frequency.values)},
        )
    if not FIRST_YEAR <= first_year <= last_year <= LAST_YEAR:
        raise Rejected.because(
            _("Give years between %(first)s and %(last)s; the last year cannot be before the first.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    wanted = [row for year in range(first_year, last_year + 1) for row in periods_of_year(frequency, year)]
    existing = {period.code: period for period in Period.objects.filter(code__in=[row[0] for row in wanted])}
    new = [
        Period(code=code, frequency=frequency, start=start, end=end, deadline=deadline)
        for code, start, end, deadline in wanted
        if code not in existing
    ]
    Period.objects.bulk_create(new)
    return new, [existing[code] for code, *_dates in wanted if code in existing]
