"""Reads of dsm_data."""

from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language

from . import permissions
from .grid import build_grid
from .models import (
    TOTAL_CODE,
    Category,
    Country,
    Indicator,
    NationalMetadata,
    Period,
    PeriodLockException,
    Role,
    Series,
    Status,
    Submission,
    Transition,
    User,
    Value,
    ValueRevision,
)
from .translation import translated
from .validation import Cell, check_cells


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
        series=grand_total,
        period__frequency=period.frequency,
        period__start__lt=period.start,
        number__isnull=False,
    )
    return list(values.values_list("number", flat=True))


def rule_problems(submission, indicator, grid, cells):
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


def users_to_notify(submission, roles):
    """Active users of the submission's country in ``roles`` (system administrators if asked) with an e-mail."""
    query = Q(country=submission.country, role__in=roles)
    if Role.SYSTEM_ADMIN in roles:
        query |= Q(role=Role.SYSTEM_ADMIN)
    return User.objects.filter(query, is_active=True).exclude(email="")


def submissions_readable_by(user):
    submissions = Submission.objects.select_related("country", "period").order_by("-period__start", "country__code")
    if permissions.is_system_admin(user):
        return submissions
    country = permissions.country_of(user)
    return submissions.filter(country=country) if country else submissions.none()


def periods_to_start(country, today=None):
    """Periods open for entry in which the country has no submission yet."""
    today = today or timezone.localdate()
    excepted = set(
        PeriodLockException.objects.filter(country=country, until__gte=today).values_list("period_id", flat=True)
    )
    periods = Period.objects.exclude(submissions__country=country).order_by("-start")
    return [period for period in periods if today < period.locks_on or period.pk in excepted]


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


@dataclass
class CatalogueLabels:
    """The catalogue's names in the active language, by code."""

    indicators: dict
    countries: dict
    categories: dict  # "SEX=F" -> "Female", totals included
    breakdown_choices: list  # [(dimension name, [("SEX=F", "Female"), ...]), ...], totals left out


def catalogue_labels():
    """Read once for a page: the data browser's filters, table and exports all use it."""
    language = get_language()
    breakdown_choices = {}
    categories = {}
    rows = Category.objects.values_list("dimension__code", "dimension__name", "code", "name")
    for dimension_code, dimension_name, code, name in rows:
        key, label = f"{dimension_code}={code}", translated(name, language)
        categories[key] = label
        if code != TOTAL_CODE:
            breakdown_choices.setdefault(translated(dimension_name, language), []).append((key, label))
    return CatalogueLabels(
        indicators={code: translated(name, language) for code, name in Indicator.objects.values_list("code", "name")},
        countries={code: translated(name, language) for code, name in Country.objects.values_list("code", "name")},
        categories=categories,
        breakdown_choices=list(breakdown_choices.items()),
    )


def browsable_values(user, now=None):
    """The published values ``user`` may read, with what the data browser shows of them."""
    values = Value.objects.select_related("indicator", "country", "period", "series").only(
        # What the tables and exports show; SQLite sorts whole rows, so fewer columns sort faster.
        *("number", "absence", "is_provisional", "is_estimated", "footnote", "released_at", "confidentiality"),
        *("indicator__code", "indicator__name", "indicator__sort_order", "country__code", "country__name"),
        *("period__code", "period__start", "period__frequency", "series__key"),
    )
    return permissions.visible_values(user, values, now or timezone.now())


def indicator_with_metadata(indicator):
    """Each country with its national metadata for the indicator (None where it has none yet)."""
    metadata = {item.country_id: item for item in NationalMetadata.objects.filter(indicator=indicator)}
    return [(country, metadata.get(country.pk)) for country in Country.objects.all()]


def period_matrix(values, row_of, row_order):
    """Values laid out as rows x periods: (periods, [(row, [value or None for each period])]).

    ``row_of`` gives a value's row (its country, its indicator, ...), ``row_order`` the rows' sort key.
    """
    values = list(values)
    periods = sorted({value.period for value in values}, key=lambda period: period.start)
    cells = {(row_of(value).pk, value.period_id): value for value in values}
    rows = sorted({row_of(value) for value in values}, key=row_order)
    return periods, [(row, [cells.get((row.pk, period.pk)) for period in periods]) for row in rows]


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


def template_workbook(country, period, indicators, language):
    """The Excel template for ``country`` and ``period``, with the figures already stored."""
    from .excel_template import build_template

    submission = Submission.objects.filter(country=country, period=period).first()
    stored = {indicator.pk: cells_of(submission, indicator) for indicator in indicators} if submission else {}
    return build_template(country, period, indicators, language, stored)


@dataclass
class Change:
    """One cell an upload would set, against what is stored now (``before`` is None when there is nothing)."""

    country: Country
    period: Period
    indicator: Indicator
    label: str
    place: tuple  # (sheet, cell) in the file
    before: Cell | None
    after: Cell


@dataclass
class UploadChanges:
    """What confirming an upload would do: the cells it adds or changes, and the counts of its receipt."""

    changes: list
    added: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def fingerprint(self):
        """Equal only if the same confirmation would make the same changes: stale previews are caught."""
        import hashlib

        lines = sorted(
            f"{change.country.pk}|{change.period.pk}|{change.indicator.pk}|{change.place}|{change.before}|{change.after}"
            for change in self.changes
        )
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def upload_changes(uploads):
    """Compare checked uploads (``excel_import.Upload``) with the figures stored in their submissions."""
    result = UploadChanges(changes=[])
    submissions = {
        (submission.country_id, submission.period_id): submission
        for submission in Submission.objects.filter(
            country__in={upload.country for upload in uploads}, period__in={upload.period for upload in uploads}
        )
    }
    for upload in uploads:
        submission = submissions.get((upload.country.pk, upload.period.pk))
        for indicator, cells in upload.cells.items():
            grid = upload.grids[indicator.code]
            series_by_pk = {series.pk: series for series in grid.series}
            stored = cells_of(submission, indicator) if submission else {}
            for pk, cell in cells.items():
                before = stored.get(pk)
                if before is None and cell.is_blank:
                    continue
                if before is not None and cell.same_content(before):
                    result.unchanged += 1
                    continue
                if before is None or before.is_blank:
                    result.added += 1
                else:
                    result.changed += 1
                result.changes.append(
                    Change(
                        upload.country,
                        upload.period,
                        indicator,
                        grid.cell_label(series_by_pk[pk]),
                        upload.places.get(pk, ("", "")),
                        before,
                        cell,
                    )
                )
    return result


def deliveries_of(submission):
    """The accepted files that brought figures into ``submission`` (uploads, paper scans), newest first."""
    from .models import DeliveryStatus

    return (
        submission.deliveries.filter(status=DeliveryStatus.ACCEPTED)
        .select_related("sender")
        .order_by("-accepted_at", "-pk")
    )
