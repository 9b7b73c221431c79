import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig
from django_tables2.paginators import LazyPaginator

from . import exports, permissions, selectors
from .filters import ValueFilter
from .forms import CorrectionForm, EntryForm, PublishForm
from .grid import build_grid, indicator_dimensions
from .models import Channel, Country, Frequency, Indicator, NationalMetadata, Period, Status, Submission, Value
from .numbers import format_entry
from .services import submissions as services
from .services.submissions import Rejected
from .tables import ValueTable, breakdown_label
from .translation import translated
from .validation import ERROR, WARNING


@login_required
def account(request):
    """The signed-in user's own page: who they are, for which country, in which role."""
    user = request.user
    return render(
        request,
        "dsm_data/account.html",
        {
            "country": permissions.country_of(user),
            "role_label": user.get_role_display(),
            "can_use_admin": user.has_perm("wagtailadmin.access_admin"),
        },
    )


EXPORT_HEADER = [
    "indicator_code", "indicator", "country_code", "country", "period", "breakdown_code", "breakdown",
    "value", "missing_because", "provisional", "estimated", "footnote",
]  # fmt: skip


BROWSER_FIELDS = [
    "pk", "number", "absence", "is_provisional", "is_estimated", "footnote",
    "series__key", "indicator__code", "country__code", "period__code",
]  # fmt: skip


def browse(request):
    """Published figures the reader may see: filter, sort, page, and export exactly that."""
    data = request.GET.copy()
    if not any(name in data for name in ValueFilter.base_filters):
        data["totals_only"] = "on"  # a first look: the grand totals, not every cell
    labels = selectors.catalogue_labels()
    value_filter = ValueFilter(data, selectors.browsable_values(request.user), labels)
    # An unknown code in a filter must narrow the table to nothing, never drop the filter.
    values = value_filter.qs if value_filter.is_valid() else Value.objects.none()
    # Plain rows, not model instances, and names looked up by code: a page and an export only read them.
    table = ValueTable(values.values(*BROWSER_FIELDS), labels=labels)
    # No COUNT over a million rows for each page: pages know only whether a next one exists.
    RequestConfig(request, paginate={"per_page": 50, "paginator_class": LazyPaginator}).configure(table)
    table.history_urls = history_urls(row.record["pk"] for row in table.page.object_list)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        rows = (
            [
                value["indicator__code"],
                labels.indicators[value["indicator__code"]],
                value["country__code"],
                labels.countries[value["country__code"]],
                value["period__code"],
                value["series__key"],
                breakdown_label(value["series__key"], labels.categories),
                value["number"],
                value["absence"],
                value["is_provisional"],
                value["is_estimated"],
                value["footnote"],
            ]
            for value in table.data.data.iterator(chunk_size=2000)
        )
        return _export(export, "dsm-data", EXPORT_HEADER, rows)
    return render(
        request,
        "dsm_data/browse.html",
        {
            "filter": value_filter,
            "table": table,
            "query": data.urlencode(),
        },
    )


def history_urls(pks):
    """{pk: URL of the value's history} for a page of values: one reverse, then each pk in its place."""
    placeholder = 987_654_321
    pattern = reverse("dsm_data:value", args=[placeholder])
    return {pk: pattern.replace(str(placeholder), str(pk)) for pk in pks}


def indicator_list(request):
    return render(request, "dsm_data/indicator_list.html", {"indicators": Indicator.objects.all()})


def indicator_detail(request, code):
    """An indicator's definition and breakdowns, and each country's national metadata side by side."""
    indicator = get_object_or_404(Indicator, code=code)
    return render(
        request,
        "dsm_data/indicator_detail.html",
        {
            "indicator": indicator,
            "dimensions": indicator_dimensions(indicator),
            "countries": selectors.indicator_with_metadata(indicator),
            "metadata_fields": [NationalMetadata._meta.get_field(name) for name in NationalMetadata.TEXT_FIELDS],
            "rules": indicator.validation_rules.all(),
        },
    )


def compare(request):
    """One series of one indicator, countries x periods, as far as the reader may see."""
    first = Indicator.objects.first()
    indicator = get_object_or_404(Indicator, code=request.GET.get("indicator") or (first.code if first else ""))
    frequency = request.GET.get("frequency", Frequency.ANNUAL)
    grid = build_grid(indicator)
    series = grid.series_by_key.get(request.GET.get("series", ""), grid.rows[-1].cells[-1])
    values = selectors.browsable_values(request.user).filter(
        indicator=indicator, period__frequency=frequency, series__key=series.key
    )
    periods, rows = selectors.period_matrix(values, lambda value: value.country, lambda country: country.code)
    if request.GET.get("export") in ("csv", "xlsx"):
        header = ["country_code", "country", *(period.code for period in periods)]
        lines = ([country.code, translated(country.name), *map(_cell_value, cells)] for country, cells in rows)
        return _export(request.GET["export"], f"dsm-{indicator.code.lower()}", header, lines)
    return render(
        request,
        "dsm_data/compare.html",
        {
            "indicator": indicator,
            "indicators": Indicator.objects.all(),
            "series": series,
            "series_choices": [(cell.key, grid.cell_label(cell)) for cell in grid.series],
            "frequency": frequency,
            "frequencies": [choice for choice in Frequency.choices if choice[0] in indicator.frequencies],
            "periods": periods,
            "rows": [
                (reverse("dsm_data:country", args=[country.code]), translated(country.name), cells)
                for country, cells in rows
            ],
            "caption": f"{grid.cell_label(series)} ({translated(indicator.unit)})",
        },
    )


def country_series(request, code):
    """A country's grand totals of every indicator over the years, as far as the reader may see."""
    country = get_object_or_404(Country, code=code)
    values = selectors.browsable_values(request.user).filter(
        country=country, series__is_grand_total=True, period__frequency=Frequency.ANNUAL
    )
    periods, rows = selectors.period_matrix(
        values, lambda value: value.indicator, lambda indicator: (indicator.sort_order, indicator.code)
    )
    if request.GET.get("export") in ("csv", "xlsx"):
        header = ["indicator_code", "indicator", *(period.code for period in periods)]
        lines = ([item.code, translated(item.name), *map(_cell_value, cells)] for item, cells in rows)
        return _export(request.GET["export"], f"dsm-{country.code.lower()}", header, lines)
    rows = [
        (reverse("dsm_data:indicator", args=[indicator.code]), translated(indicator.name), cells)
        for indicator, cells in rows
    ]
    return render(request, "dsm_data/country_series.html", {"country": country, "periods": periods, "rows": rows})


def _cell_value(value):
    """A matrix cell in a file: the number, the code of why it is missing, or nothing."""
    if value is None:
        return None
    return value.number if value.number is not None else format_entry(value)


def _export(kind, filename, header, rows):
    if kind == "csv":
        return exports.csv_response(filename, header, rows)
    return exports.xlsx_response(filename, "DSM", header, rows)


@login_required
def completeness(request):
    """Which country has delivered what for a period, and who is late."""
    if not permissions.can_read_shared_data(request.user):
        raise PermissionDenied
    periods = Period.objects.order_by("-start", "frequency")
    period = get_object_or_404(Period, code=request.GET["period"]) if request.GET.get("period") else periods.first()
    if period is None:
        raise Http404
    indicators, rows = selectors.completeness(period)
    return render(
        request,
        "dsm_data/completeness.html",
        {"period": period, "periods": periods, "indicators": indicators, "rows": rows},
    )


def _readable_submission(request, pk):
    submission = get_object_or_404(Submission.objects.select_related("country", "period"), pk=pk)
    if not permissions.can_read_submission(request.user, submission):
        raise Http404
    return submission


def _report(request, rejected):
    for problem in rejected.problems:
        messages.error(request, str(problem))


@login_required
def submission_list(request):
    user = request.user
    if not permissions.can_use_submissions(user):
        raise PermissionDenied
    country = permissions.country_of(user)
    return render(
        request,
        "dsm_data/submission_list.html",
        {
            "submissions": selectors.submissions_readable_by(user),
            "country": country,
            "open_periods": selectors.periods_to_start(country) if country else [],
            "can_start": country is not None and permissions.can_enter_data_for(user, country),
        },
    )


@login_required
@require_POST
def submission_start(request, period_code):
    country = permissions.country_of(request.user)
    period = get_object_or_404(Period, code=period_code)
    if country is None:
        raise PermissionDenied
    submission = services.open_submission(country, period, request.user)
    return redirect("dsm_data:submission", submission.pk)


@login_required
def submission_detail(request, pk):
    submission = _readable_submission(request, pk)
    user = request.user
    country = submission.country
    period_open = selectors.period_is_open(submission.period, country)
    editable = submission.is_editable and period_open
    return render(
        request,
        "dsm_data/submission_detail.html",
        {
            "submission": submission,
            "indicators": selectors.submission_indicator_summaries(submission),
            "transitions": submission.transitions.select_related("actor"),
            "changed_since_validation": selectors.changed_since_validation(submission),
            "period_open": period_open,
            "can_enter": editable and permissions.can_enter_data_for(user, country),
            "can_submit": editable and permissions.can_submit_data_for(user, country),
            "can_validate": submission.status == Status.SUBMITTED and permissions.can_validate_data_for(user, country),
            "can_unvalidate": submission.status == Status.VALIDATED
            and permissions.can_validate_data_for(user, country),
            "can_publish": submission.status == Status.VALIDATED and permissions.can_publish(user),
            "publish_form": PublishForm(),
        },
    )


@login_required
@require_POST
def submission_action(request, pk, action):
    submission = _readable_submission(request, pk)
    user = request.user
    comment = request.POST.get("comment", "")
    try:
        if action == "submit":
            services.submit(submission, user)
            messages.success(request, _("Submitted: your country administrator has been told."))
        elif action == "return":
            services.return_submission(submission, user, comment)
            messages.success(request, _("Returned to the focal point with your comment."))
        elif action == "validate":
            services.validate(submission, user, comment)
            messages.success(request, _("Validated: the figures are locked."))
        elif action == "unvalidate":
            services.unvalidate(submission, user, comment)
            messages.success(request, _("Reopened: the figures can be changed again."))
        elif action == "publish":
            form = PublishForm(request.POST)
            if not form.is_valid():  # an unreadable release time must not mean "now"
                for error in form.errors.get("release_at", []):
                    messages.error(request, _("Release time: %(error)s") % {"error": error})
                return redirect("dsm_data:submission", submission.pk)
            services.publish(submission, user, form.cleaned_data["release_at"])
            messages.success(request, _("Published."))
        else:
            raise Http404
    except Rejected as rejected:
        _report(request, rejected)
    return redirect("dsm_data:submission", submission.pk)


@login_required
def submission_template(request, pk):
    """The submission's Excel template, in the reader's language, with its stored figures."""
    submission = _readable_submission(request, pk)
    indicators = [link.indicator for link in submission.submission_indicators.select_related("indicator")]
    workbook = selectors.template_workbook(submission.country, submission.period, indicators, get_language())
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=exports.XLSX_CONTENT_TYPE)
    filename = f"dsm-{submission.country.code.lower()}-{submission.period.code}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def entry(request, pk, indicator_code):
    """The grid of one indicator of a submission: entry while editable, reading otherwise."""
    submission = _readable_submission(request, pk)
    link = get_object_or_404(
        submission.submission_indicators.select_related("indicator"), indicator__code=indicator_code
    )
    indicator = link.indicator
    user, country = request.user, submission.country
    can_enter = (
        submission.is_editable
        and permissions.can_enter_data_for(user, country)
        and selectors.period_is_open(submission.period, country)
    )
    grid = build_grid(indicator)
    stored = selectors.cells_of(submission, indicator)
    form = EntryForm(grid, stored, request.POST or None, initial={"confidentiality": link.confidentiality})
    rejected = []
    if request.method == "POST":
        if not can_enter:
            raise PermissionDenied
        if form.is_valid():
            channel = Channel.FORM if permissions.can_submit_data_for(user, country) else Channel.PAPER
            try:
                services.save_entry(
                    submission, indicator, form.cells, user, channel, form.cleaned_data["confidentiality"]
                )
            except Rejected as error:
                rejected = error.problems
            else:
                messages.success(request, _("Saved."))
                return redirect("dsm_data:entry", submission.pk, indicator.code)
    problems = rejected or selectors.rule_problems(submission, indicator, grid, stored)
    problems_by_series = {}
    for problem in problems:
        problems_by_series.setdefault(problem.series_id, []).append(problem)
    return render(
        request,
        "dsm_data/entry.html",
        {
            "submission": submission,
            "indicator": indicator,
            "grid": grid,
            "form": form,
            "rows": _entry_rows(grid, form, stored, problems_by_series),
            "footnoted": [
                (grid.cell_label(series), form[f"footnote-{series.pk}"])
                for series in grid.series
                if stored.get(series.pk) and stored[series.pk].footnote
            ],
            "errors": [problem for problem in problems if problem.severity == ERROR],
            "warnings": [problem for problem in problems if problem.severity == WARNING],
            "rejected": bool(rejected),
            "can_enter": can_enter,
            "confidentiality": link.get_confidentiality_display(),
        },
    )


def _entry_rows(grid, form, stored, problems_by_series):
    """The grid's rows with, per cell, its form field, stored cell and problems, for a dumb template."""
    return [
        {
            "categories": row.categories,
            "is_total": row.is_total,
            "cells": [
                {
                    "series": series,
                    "field": form.cell_field(series),
                    "comment_field": form[f"comment-{series.pk}"],
                    "footnote_field": form[f"footnote-{series.pk}"],
                    "stored": stored.get(series.pk),
                    "problems": problems_by_series.get(series.pk, []),
                    "is_total": series.is_total,
                }
                for series in row.cells
            ],
        }
        for row in grid.rows
    ]


def value_history(request, pk):
    """Every revision of a value: old -> new, who, when, channel, why; and the correction form."""
    value = get_object_or_404(Value.objects.select_related("submission", "indicator", "country", "period"), pk=pk)
    if not permissions.can_read_value(request.user, value, timezone.now()):
        raise Http404
    full_history = permissions.can_read_full_history(request.user, value)
    can_correct = value.submission.status == Status.PUBLISHED and permissions.can_correct_data_for(
        request.user, value.country
    )
    form = CorrectionForm(request.POST or None, initial={"entry": format_entry(value), "footnote": value.footnote})
    if request.method == "POST":
        if not can_correct:
            raise PermissionDenied
        if form.is_valid():
            cell = form.cleaned_data["entry"]
            cell.footnote = form.cleaned_data["footnote"]
            try:
                services.correct_value(value, cell, request.user, form.cleaned_data["reason"])
            except Rejected as rejected:
                _report(request, rejected)
            else:
                messages.success(request, _("Corrected: the new value is published, the old one kept in the history."))
                return redirect("dsm_data:value", value.pk)
    grid = build_grid(value.indicator)
    return render(
        request,
        "dsm_data/value_history.html",
        {
            "value": value,
            "label": grid.cell_label(value.series),
            "revisions": selectors.revision_steps(value, published_only=not full_history),
            "full_history": full_history,
            "can_correct": can_correct,
            "form": form,
        },
    )
