"""A country's submissions: their list, workflow steps, template download and entry grids."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import exports, permissions, selectors
from ..forms import EntryForm, PaperScanForm, PublishForm
from ..grid import build_grid
from ..models import Channel, Period, Status, Submission
from ..services import submissions as services
from ..services.submissions import Rejected
from ..validation import ERROR, WARNING


def readable_submission(request, pk):
    submission = get_object_or_404(Submission.objects.select_related("country", "period"), pk=pk)
    if not permissions.can_read_submission(request.user, submission):
        raise Http404
    return submission


def report_problems(request, rejected):
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
    submission = readable_submission(request, pk)
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
            "deliveries": selectors.deliveries_of(submission),
            "can_attach_scan": editable and permissions.can_key_in_paper_for(user, country),
            "scan_form": PaperScanForm(),
        },
    )


@login_required
@require_POST
def submission_action(request, pk, action):
    submission = readable_submission(request, pk)
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
        report_problems(request, rejected)
    return redirect("dsm_data:submission", submission.pk)


@login_required
def submission_template(request, pk):
    """The submission's Excel template, in the reader's language, with its stored figures."""
    submission = readable_submission(request, pk)
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
    submission = readable_submission(request, pk)
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
