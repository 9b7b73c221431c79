"""Reads of the reports app: what a report holds (``country``, ``region``), the digest of what it read
(``fingerprint``), the years one may ask for, and the reports an account asked for.

Every figure is read through ``dsm_data.selectors.browsing.browsable_values`` (that is,
``permissions.visible_values``) and every document through ``readable_documents``,
for the report's reader: the account that asked, or the public (an anonymous reader).
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Max, Min

from dsm_data.models import Frequency, Period
from dsm_data.selectors.browsing import browsable_values

from ..models import Report
from .common import ReportContent, reading_sentence
from .country import country_report
from .fingerprint import fingerprint
from .region import participating_countries, regional_report, year_period

__all__ = [
    "ReportContent",
    "country_report",
    "fingerprint",
    "latest_public_year",
    "participating_countries",
    "reading_sentence",
    "regional_report",
    "reports_of",
    "year_period",
    "year_range",
]


def year_range():
    """(first, last) year of the annual periods, the years a report can cover; (None, None) before any."""
    years = Period.objects.filter(frequency=Frequency.ANNUAL).aggregate(first=Min("start"), last=Max("start"))
    if years["first"] is None:
        return None, None
    return years["first"].year, years["last"].year


def latest_public_year():
    """The latest year with a yearly figure anyone may read (the form's default), or None."""
    yearly = browsable_values(AnonymousUser()).filter(period__frequency=Frequency.ANNUAL)
    latest = yearly.aggregate(latest=Max("period__start"))["latest"]
    return latest.year if latest else None


def reports_of(user, limit=10):
    """The latest reports ``user`` asked for as themselves (an anonymous reader's are not kept apart)."""
    if not user.is_authenticated:
        return []
    return list(Report.objects.filter(requester=user).select_related("country")[:limit])
