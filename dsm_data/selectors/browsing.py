"""Published figures as readers see them, through ``permissions.visible_values``."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Max, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from .. import permissions
from ..models import Status, Submission, Value


def browsable_values(user, now=None):
    """The published values ``user`` may read, with what the data browser shows of them."""
    values = Value.objects.select_related("indicator", "country", "period", "series").only(
        # What the tables and exports show; SQLite sorts whole rows, so fewer columns sort faster.
        *("number", "absence", "is_provisional", "is_estimated", "footnote", "released_at", "confidentiality"),
        *("indicator__code", "indicator__name", "indicator__sort_order", "country__code", "country__name"),
        *("period__code", "period__start", "period__frequency", "series__key"),
    )
    return permissions.visible_values(user, values, now or timezone.now())


def revision_steps(value, published_only=False):
    """The value's revisions, newest first, each with the state it replaced.

    ``published_only``: from the state published first on, for readers outside the country.
    """
    revisions = list(value.revisions.select_related("changed_by"))
    published_at = value.submission.published_at
    if published_only and published_at is not None:
        before = [revision for revision in revisions if revision.changed_at < published_at]
        revisions = before[-1:] + [revision for revision in revisions if revision.changed_at >= published_at]
    steps = []
    for index, revision in enumerate(revisions):
        steps.append({"revision": revision, "before": revisions[index - 1] if index else None})
    return list(reversed(steps))


def period_matrix(values, row_of, row_order):
    """Values laid out as rows x periods: (periods, [(row, [value or None for each period])]).

    ``row_of`` gives a value's row (its country, its indicator, ...), ``row_order`` the rows' sort key.
    """
    values = list(values)
    periods = sorted({value.period for value in values}, key=lambda period: period.start)
    cells = {(row_of(value).pk, value.period_id): value for value in values}
    rows = sorted({row_of(value) for value in values}, key=row_order)
    return periods, [(row, [cells.get((row.pk, period.pk)) for period in periods]) for row in rows]


def latest_public_totals(country, *, now=None):
    """The latest public grand total of each indicator for ``country`` that has a number, in one query.

    What anyone may read, whoever asks. "Latest" is the latest period with a published
    number: a ":" in the last period does not hide the figure of the one before. Of two
    periods ending on the same day (2024 and 2024-Q4) the longer one, which starts first, is taken.
    The totals are ranked in one pass (a window), not each compared with the others: a country
    with decades of monthly figures has thousands.
    """
    totals = permissions.visible_values(
        AnonymousUser(),
        Value.objects.filter(country=country, series__is_grand_total=True, number__isnull=False),
        now or timezone.now(),
    )
    newest_first = [F("period__end").desc(), F("period__start").asc(), F("pk").desc()]
    ranked = totals.annotate(place=Window(RowNumber(), partition_by=[F("indicator_id")], order_by=newest_first))
    return list(
        ranked.filter(place=1)
        .select_related("indicator", "period")
        .order_by("indicator__sort_order", "indicator__code")
    )


def public_figures_changed_at(now=None):
    """When the figures the public reads last changed: a released submission published, corrected or
    reconfigured, or a release time come. The API's Last-Modified for readers not signed in (what a
    signed-in reader reads depends on their rights too: their answers carry only an ETag). An embargoed
    submission moves nothing before its release. Reads the submissions only, never the figures."""
    now = now or timezone.now()
    released = Submission.objects.filter(status=Status.PUBLISHED).filter(
        Q(release_at__isnull=True) | Q(release_at__lte=now)
    )
    times = released.aggregate(changed=Max("updated_at"), released=Max("release_at"))
    return max((time for time in times.values() if time is not None), default=None)
