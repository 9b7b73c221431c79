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

from .. import exports, permissions
from ..forms import AddIndicatorForm, EntryForm, PaperScanForm, PublishForm, SubmitForm
from ..grid import build_grid
from ..intake.problems import Rejected, errors_and_warnings
from ..models import Channel, Period, Submission, Value
from ..selectors import periods, submissions
from ..selectors.deliveries import deliveries_of
from ..services import audit_events
from ..services import submissions as services
from ..translation import translated
from .bulk import bulk_form


def readable_submission(request, pk):
    submission = get_object_or_404(Submission.objects.select_related("country", "period"), pk=pk)
    if not permissions.can_read_submission(request.user, submission):
        raise Http404
    return submission


def report_problems(request, rejected):
    for group in rejected.groups:
        messages.error(request, group.summary)


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
            "submissions": submissions.submissions_readable_by(user),
            "country": country,
            "open_periods": periods.periods_to_start(country) if country else [],
            "can_start": country is not None and permissions.can_enter_data_for(user, country),
            "bulk_form": bulk_form(user),
        },
    )


@login_required
@require_POST
def submission_start(request, period_code):
    country = permissions.country_of(request.user)
    period = get_object_or_404(Period, code=period_code)
    if country is None:
        raise PermissionDenied
    submission = services.open_submission(country, period, user=request.user)
    return redirect("dsm_data:submission", submission.pk)


@login_required
def submission_detail(request, pk):
    submission = readable_submission(request, pk)
    user = request.user
    summaries = submissions.submission_indicator_summaries(submission)
    missing_cells, missing_indicators = submissions.not_collected(summaries)
    can_add_indicator = permissions.can_add_indicator_to_submissions(user)
    addable = submissions.indicators_to_add(submission) if can_add_indicator else []
    entry_channel = permissions.channel_for(user, submission.country)
    entry_refusal = entry_channel and permissions.entry_refusal(submission, user, entry_channel)
    refusals = {step: permissions.workflow_refusal(submission, user, step) for step in permissions.WORKFLOW_STEPS}
    steps = {step: refusal is None for step, refusal in refusals.items()}
    return render(
        request,
        "dsm_data/submission_detail.html",
        {
            "submission": submission,
            "indicators": summaries,
            "missing_cells": missing_cells,
            "missing_indicators": missing_indicators,
            "submit_form": SubmitForm(
                missing_required=bool(missing_cells) and not submission.missing_reason,
                initial={"missing_reason": submission.missing_reason},
            ),
            "add_indicator_form": AddIndicatorForm(indicators=addable) if addable else None,
            "transitions": submission.transitions.select_related("actor"),
            "changed_since_validation": submissions.changed_since_validation(submission),
            "period_open": periods.period_is_open(submission.period, submission.country),
            # Why the people who enter this country's figures cannot now (None: they can, or they never do).
            "entry_refusal": entry_refusal,
            "can_upload": permissions.entry_refusal(submission, user, Channel.EXCEL) is None,
            "can_submit": steps[permissions.SUBMIT],
            "can_validate": steps[permissions.VALIDATE],
            "can_return": steps[permissions.RETURN],
            # Why a country administrator who may return this submission may not validate it (separate duties).
            "validate_refusal": refusals[permissions.VALIDATE] if steps[permissions.RETURN] else None,
            "can_unvalidate": steps[permissions.UNVALIDATE],
            "can_publish": steps[permissions.PUBLISH],
            "publish_form": PublishForm(),
            "deliveries": deliveries_of(submission),
            "can_attach_scan": permissions.entry_refusal(submission, user, Channel.PAPER) is None,
            "scan_form": PaperScanForm(),
        },
    )


# The workflow's steps: what each does, and what the page says when it is done.
STEP_ACTIONS = {
    permissions.SUBMIT: (
        lambda submission, user, post: services.submit(
            submission, user=user, missing_reason=post.get("missing_reason", "").strip()
        ),
        _("Submitted: your country administrator has been told."),
    ),
    permissions.RETURN: (
        lambda submission, user, post: services.return_submission(
            submission, user=user, comment=post.get("comment", "")
        ),
        _("Returned to the focal point with your comment."),
    ),
    permissions.VALIDATE: (
        lambda submission, user, post: services.validate(submission, user=user, comment=post.get("comment", "")),
        _("Validated: the figures are locked."),
    ),
    permissions.UNVALIDATE: (
        lambda submission, user, post: services.unvalidate(submission, user=user, reason=post.get("comment", "")),
        _("Reopened: the figures can be changed again."),
    ),
}


@login_required
@require_POST
def submission_action(request, pk, action):
    submission = readable_submission(request, pk)
    user = request.user
    if action not in permissions.WORKFLOW_STEPS:
        raise Http404
    try:
        if action == permissions.PUBLISH:
            form = PublishForm(request.POST)
            if not form.is_valid():  # an unreadable release time must not mean "now"
                for error in form.errors.get("release_at", []):
                    messages.error(request, _("Release time: %(error)s") % {"error": error})
                return redirect("dsm_data:submission", submission.pk)
            services.publish(submission, user=user, release_at=form.cleaned_data["release_at"])
            messages.success(request, _("Published."))
        else:
            take_step, done = STEP_ACTIONS[action]
            take_step(submission, user, request.POST)
            messages.success(request, done)
    except Rejected as rejected:
        report_problems(request, rejected)
    return redirect("dsm_data:submission", submission.pk)


@login_required
@require_POST
def submission_add_indicator(request, pk):
    """The secretariat adds an indicator the submission lacks (one created after it was opened)."""
    submission = readable_submission(request, pk)
    if not permissions.can_add_indicator_to_submissions(request.user):
        raise PermissionDenied
    form = AddIndicatorForm(request.POST, indicators=submissions.indicators_to_add(submission))
    if not form.is_valid():
        messages.error(request, _("Choose one of the indicators offered."))
        return redirect("dsm_data:submission", submission.pk)
    indicator = form.cleaned_data["indicator"]
    try:
        services.add_indicator(submission, indicator, user=request.user)
    except Rejected as rejected:
        report_problems(request, rejected)
    else:
        messages.success(
            request, _("%(indicator)s is now part of this submission.") % {"indicator": translated(indicator.name)}
        )
    return redirect("dsm_data:submission", submission.pk)


@login_required
def submission_template(request, pk):
    """The submission's Excel template, in the reader's language, with its stored figures.

    Figures not yet public in it enter the audit trail as an export.
    """
    from ..selectors import templates  # openpyxl, imported by this view alone (selectors/templates.py)

    submission = readable_submission(request, pk)
    indicators = [link.indicator for link in submission.submission_indicators.select_related("indicator")]
    workbook = templates.template_workbook(
        submission.country, submission.period, indicators=indicators, language=get_language()
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=exports.XLSX_CONTENT_TYPE)
    filename = f"dsm-{submission.country.code.lower()}-{submission.period.code}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    stored = Value.objects.filter(submission=submission, indicator__in=indicators)
    audit_events.record_export(stored, file_format="xlsx template", instance=submission)
    return response


@login_required
def entry(request, pk, indicator_code):
    """The grid of one indicator of a submission: entry while editable, reading otherwise."""
    submission = readable_submission(request, pk)
    link = get_object_or_404(
        submission.submission_indicators.select_related("indicator"), indicator__code=indicator_code
    )
    indicator = link.indicator
    user = request.user
    channel = permissions.channel_for(user, submission.country)
    refusal = channel and permissions.entry_refusal(submission, user, channel)
    grid = build_grid(indicator)
    stored = submissions.cells_of(submission, indicator)
    form = EntryForm(grid, stored, request.POST or None, initial={"confidentiality": link.confidentiality})
    rejected = []
    if request.method == "POST":
        if channel is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.save_entry(
                    submission,
                    indicator,
                    cells=form.cells,
                    user=user,
                    channel=channel,
                    confidentiality=form.cleaned_data["confidentiality"],
                )
            except Rejected as error:
                rejected = error.problems
            else:
                messages.success(request, _("Saved."))
                return redirect("dsm_data:entry", submission.pk, indicator.code)
    problems = rejected or submissions.grid_problems(submission, indicator, grid=grid, cells=stored)
    errors, warnings = errors_and_warnings(problems)
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
            "errors": [problem for problem in errors if problem.series_id is not None],
            "refusals": [problem for problem in errors if problem.series_id is None],
            "warnings": warnings,
            "rejected": bool(rejected),
            "can_enter": channel is not None and refusal is None,
            "entry_refusal": refusal,
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
