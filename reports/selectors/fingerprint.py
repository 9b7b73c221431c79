"""What a report read, as one digest: the same inputs and the same digest mean the same file.

A few aggregate queries, never the figures themselves: how many visible values, their
highest pk, the sum of their revisions (a correction adds one) and their latest release
(an embargo lifted changes what the public sees); when the metadata, breaks, documents
and submissions it shows last changed; and who reads (role and country decide what
``visible_values`` lets through).
"""

import hashlib
import json

from django.db.models import Count, Max, Min, Sum

from dsm_data.models import Indicator, Series, SeriesBreak, Submission, Transition

from .common import reader_of
from .country import country_breaks, country_documents, country_metadata, country_values
from .region import regional_documents, regional_values, year_period

# Raise it when what a report prints changes, so that no file built by older code is served again.
LAYOUT_VERSION = 2


def fingerprint(requester, *, kind, country=None, first_year, last_year, file_format, language, now):
    """A sha256 of the inputs and of the state of everything the report would read for ``requester``."""
    reader = reader_of(requester)
    parts = {
        "layout": LAYOUT_VERSION,
        "inputs": [kind, country.code if country else "", first_year, last_year, file_format, language],
        "reader": _reader_state(requester),
        "catalogue": _catalogue_state(),
    }
    if kind == "country":
        values = country_values(reader, country=country, first_year=first_year, last_year=last_year, now=now)
        documents = country_documents(reader, country=country, first_year=first_year, last_year=last_year)
        parts["metadata"] = _aggregate(country_metadata(country), count=Count("pk"), changed=Max("updated_at"))
        parts["breaks"] = _aggregate(country_breaks(country), count=Count("pk"), last=Max("pk"))
    else:
        period = year_period(first_year)
        values = regional_values(reader, period=period, now=now) if period else None
        documents = regional_documents(reader, year=first_year)
        parts["submissions"] = _submissions_state(period)
        # The comparison charts mark a break in the year's series.
        parts["breaks"] = _aggregate(SeriesBreak.objects.filter(period=period), count=Count("pk"), last=Max("pk"))
    parts["values"] = _values_state(values)
    parts["documents"] = _aggregate(documents, count=Count("pk"), published=Max("last_published_at"))
    digest = json.dumps(parts, sort_keys=True, default=str)
    return hashlib.sha256(digest.encode()).hexdigest()


def _aggregate(queryset, **aggregates):
    return queryset.order_by().aggregate(**aggregates)


def _values_state(values):
    if values is None:
        return None
    return _aggregate(
        values,
        count=Count("pk"),
        last=Max("pk"),
        first=Min("pk"),
        revisions=Sum("revision"),
        released=Max("released_at"),
    )


def _reader_state(requester):
    if requester is None:
        return None
    return [requester.pk, requester.is_active, requester.is_superuser, requester.role, requester.country_id]


def _catalogue_state():
    """The indicators and breakdowns: a new one changes the sections; names are rarely edited and not read."""
    return [Indicator.objects.count(), Series.objects.count()]


def _submissions_state(period):
    """The year's deliveries (the completeness table): how many, and their last change of state."""
    if period is None:
        return None
    return [
        _aggregate(Submission.objects.filter(period=period), count=Count("pk"), changed=Max("updated_at")),
        _aggregate(Transition.objects.filter(submission__period=period), count=Count("pk"), last=Max("pk")),
    ]
