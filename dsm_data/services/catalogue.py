"""Writes to the indicator catalogue: dimensions, indicators and their series."""

import itertools
import uuid

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from ..grid import indicator_dimensions, series_key
from ..models import (
    EDITABLE_STATUSES,
    TOTAL_CODE,
    CatalogueVersion,
    Category,
    Dimension,
    Indicator,
    IndicatorDimension,
    Series,
    Submission,
    SubmissionIndicator,
)


def total_names():
    """The name of a total in every interface language, from the translations."""
    names = {}
    for language_code, _name in settings.LANGUAGES:
        with translation.override(language_code):
            names[language_code] = gettext("Total")
    return names


@transaction.atomic
def save_dimension(code, name, categories):
    """Create or update a dimension and its categories; adds the total (``_T``) itself.

    ``categories`` is a list of (code, {language: name}) in display order.
    """
    dimension, _created = Dimension.objects.update_or_create(code=code, defaults={"name": name})
    for order, (category_code, category_name) in enumerate(categories, start=1):
        Category.objects.update_or_create(
            dimension=dimension, code=category_code, defaults={"name": category_name, "sort_order": order}
        )
    Category.objects.get_or_create(
        dimension=dimension, code=TOTAL_CODE, defaults={"name": total_names(), "sort_order": 10_000}
    )
    return dimension


@transaction.atomic
def save_indicator(code, dimension_codes=(), **fields):
    """Create or update an indicator with its dimensions, in order, and its series."""
    indicator, _created = Indicator.objects.update_or_create(code=code, defaults=fields)
    dimensions = {dimension.code: dimension for dimension in Dimension.objects.filter(code__in=dimension_codes)}
    IndicatorDimension.objects.filter(indicator=indicator).exclude(dimension__code__in=dimension_codes).delete()
    for order, dimension_code in enumerate(dimension_codes):
        IndicatorDimension.objects.update_or_create(
            indicator=indicator, dimension=dimensions[dimension_code], defaults={"sort_order": order}
        )
    ensure_series(indicator)
    join_open_submissions(indicator)
    return indicator


def join_open_submissions(indicator):
    """Make ``indicator`` part of every open (draft or returned) submission of its frequencies; returns how many.

    Submitted, validated and published ones keep what they were submitted with: the
    secretariat adds an indicator to those one by one (``services.submissions.add_indicator``).
    """
    open_submissions = (
        Submission.objects.filter(status__in=EDITABLE_STATUSES, period__frequency__in=indicator.frequencies or [])
        .exclude(submission_indicators__indicator=indicator)
        .values_list("pk", flat=True)
    )
    links = [
        SubmissionIndicator(
            submission_id=submission_pk, indicator=indicator, confidentiality=indicator.default_confidentiality
        )
        for submission_pk in open_submissions
    ]
    SubmissionIndicator.objects.bulk_create(links)
    return len(links)


def ensure_series(indicator):
    """Create the series for every combination of the indicator's categories (totals included)."""
    dimensions = indicator_dimensions(indicator)
    existing = set(Series.objects.filter(indicator=indicator).values_list("key", flat=True))
    combinations = list(itertools.product(*(dimension.ordered_categories for dimension in dimensions)))
    new_series = []
    for order, categories in enumerate(combinations):
        key = series_key(categories)
        if key not in existing:
            totals = [category.code == TOTAL_CODE for category in categories]
            series = Series(
                indicator=indicator,
                key=key,
                is_total=any(totals) or not categories,
                is_grand_total=all(totals),
                sort_order=order,
            )
            new_series.append((series, categories))
    Series.objects.bulk_create([series for series, _categories in new_series])
    links = [
        Series.categories.through(series_id=series.pk, category_id=category.pk)
        for series, categories in new_series
        for category in categories
    ]
    Series.categories.through.objects.bulk_create(links)


def catalogue_changed():
    """A new ``CatalogueVersion`` token: the catalogue's names kept in the cache are out of date.

    Called on every save or deletion of an indicator, a country, a dimension, a category or national
    metadata (``signals``), in the transaction of the change; call it after writes that bypass ``save()``.
    """
    token = uuid.uuid4()
    if not CatalogueVersion.objects.filter(pk=1).update(token=token):
        CatalogueVersion.objects.update_or_create(pk=1, defaults={"token": token})
