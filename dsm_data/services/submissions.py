"""The life of a submission: entering values, the workflow, publication and corrections.

Each function asks ``permissions`` the one question its action depends on
(``entry_refusal``, ``workflow_refusal``, ``correction_refusal``), the same function
the pages ask to show what is allowed, and ``enforce``s the answer on the locked
row. Each runs in one transaction: a rejected call writes nothing. The web form,
Excel, long tables, paper and the API all come through here.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, npgettext

from .. import permissions
from ..grid import build_grid
from ..intake.problems import Problem, Rejected, errors_and_warnings
from ..models import Channel, Indicator, Role, Status, Submission, SubmissionIndicator, Transition, Value
from ..notifications import send_in_languages
from ..selectors.accounts import users_to_notify
from ..selectors.submissions import cells_of, grid_problems
from ..translation import translated
from ..validation import completeness_problems, not_collected
from .corrections import correct_upload
from .value_rows import checked_cells, write_cells


def _locked(submission):
    """A fresh copy of the submission, locked until the transaction ends: state checks see the truth."""
    return Submission.objects.select_for_update().select_related("country", "period").get(pk=submission.pk)


def lock_submission(country, period):
    """Lock the submission of ``country`` for ``period``, if there is one, until the transaction ends: what a
    write counts before storing (added, changed) is then what it stores."""
    Submission.objects.select_for_update().filter(country=country, period=period).first()


@transaction.atomic
def open_submission(country, period, *, user):
    """The country's submission for the period, created as a draft with the period's indicators."""
    if not permissions.can_enter_data_for(user, country):
        raise PermissionDenied
    submission, created = Submission.objects.get_or_create(country=country, period=period)
    if created:
        indicators = [
            indicator for indicator in Indicator.objects.all() if period.frequency in (indicator.frequencies or [])
        ]
        SubmissionIndicator.objects.bulk_create(
            SubmissionIndicator(
                submission=submission, indicator=indicator, confidentiality=indicator.default_confidentiality
            )
            for indicator in indicators
        )
        Transition.objects.create(submission=submission, to_status=Status.DRAFT, actor=user)
    return submission


@transaction.atomic
def save_cells(submission, indicator, *, cells, user, channel=Channel.FORM, reason="", grid=None, delivery=None):
    """Store the given cells ({series pk: Cell}) of one indicator; returns the warnings.

    Blank totals whose breakdown is complete are computed. Raises Rejected, and
    stores nothing, when any cell breaks a rule. ``grid``: the indicator's grid, when
    the caller has built it already (an upload builds one per sheet); ``delivery``: the file the cells came from.
    """
    submission = _locked(submission)
    permissions.enforce(permissions.entry_refusal(submission, user, channel))
    link = SubmissionIndicator.objects.filter(submission=submission, indicator=indicator).first()
    if link is None:
        raise Rejected.because(not_part_message(submission, indicator))
    grid = grid if grid is not None else build_grid(indicator)
    stored = cells_of(submission, indicator)
    merged, _totals, errors, warnings = checked_cells(submission, indicator, cells, grid=grid, stored=stored)
    if errors:
        raise Rejected(errors)
    write_cells(submission, link, merged, user=user, channel=channel, reason=reason, delivery=delivery)
    submission.save(update_fields=["updated_at"])
    return warnings


def not_part_message(submission, indicator):
    """Why figures of ``indicator`` are refused for ``submission``, naming whom to ask."""
    return _(
        "%(indicator)s is not part of the submission of %(country)s for %(period)s: ask the secretariat to add it."
    ) % {"indicator": indicator, "country": translated(submission.country.name), "period": submission.period.code}


@transaction.atomic
def import_upload(upload, *, user, channel=Channel.EXCEL, delivery=None, reason=""):
    """Store a checked upload (``intake.reading.read_file``) in the country's submission, all or nothing.

    A draft (opened if need be) takes the figures as entered; a published submission takes
    them as corrections, each with its reason (``services.corrections``). The secretariat's
    file adds an indicator the submission lacks; anyone else's is refused, naming it.
    Returns (the submission, warnings): the warnings of a draft stay for the focal point to
    explain before submitting. What it changes is ``selectors.deliveries.upload_changes``.
    """
    submission = Submission.objects.filter(country=upload.country, period=upload.period).first()
    if submission is None:
        submission = open_submission(upload.country, upload.period, user=user)
    else:
        submission = _locked(submission)
        permissions.enforce(permissions.upload_refusal(submission, user, channel))
    _add_indicators_of(submission, upload.cells, user=user)
    if submission.status == Status.PUBLISHED:
        correct_upload(submission, upload, user=user, channel=channel, delivery=delivery, reason=reason)
        return submission, []
    warnings = []
    for indicator, cells in upload.cells.items():
        warnings += save_cells(
            submission,
            indicator,
            cells=cells,
            user=user,
            channel=channel,
            reason=reason,
            grid=upload.grids.get(indicator.code),
            delivery=delivery,
        )
    return submission, warnings


def _add_indicators_of(submission, indicators, *, user):
    """Add the indicators a secretariat's file brings that ``submission`` lacks; refuse anyone else's."""
    part = set(submission.submission_indicators.values_list("indicator_id", flat=True))
    missing = [indicator for indicator in indicators if indicator.pk not in part]
    if missing and not permissions.can_add_indicator_to_submissions(user):
        raise Rejected([Problem(not_part_message(submission, indicator)) for indicator in missing])
    for indicator in missing:
        add_indicator(submission, indicator, user=user)


@transaction.atomic
def add_indicator(submission, indicator, *, user):
    """Make ``indicator`` part of ``submission`` (a new one, or a past period's), recorded in its history."""
    if not permissions.can_add_indicator_to_submissions(user):
        raise PermissionDenied
    submission = _locked(submission)
    names = {"indicator": indicator, "country": translated(submission.country.name), "period": submission.period.code}
    if SubmissionIndicator.objects.filter(submission=submission, indicator=indicator).exists():
        raise Rejected.because(
            _("%(indicator)s is already part of the submission of %(country)s for %(period)s.") % names
        )
    if submission.period.frequency not in (indicator.frequencies or []):
        raise Rejected.because(
            _("%(indicator)s is not collected for %(frequency)s periods such as %(period)s.")
            % {**names, "frequency": submission.period.get_frequency_display().lower()}
        )
    link = SubmissionIndicator.objects.create(
        submission=submission, indicator=indicator, confidentiality=indicator.default_confidentiality
    )
    Transition.objects.create(
        submission=submission,
        from_status=submission.status,
        to_status=submission.status,
        actor=user,
        comment=_("Indicator added: %(indicator)s") % names,
    )
    return link


@transaction.atomic
def save_entry(submission, indicator, *, cells, user, channel, confidentiality):
    """A grid as a whole: its cells and who may read them, stored together or not at all."""
    set_confidentiality(submission, indicator, confidentiality=confidentiality, user=user, channel=channel)
    return save_cells(submission, indicator, cells=cells, user=user, channel=channel)


@transaction.atomic
def set_confidentiality(submission, indicator, *, confidentiality, user, channel=Channel.FORM):
    """Who may read an indicator's values once published; a change is recorded in the history."""
    submission = _locked(submission)
    permissions.enforce(permissions.entry_refusal(submission, user, channel))
    link = SubmissionIndicator.objects.get(submission=submission, indicator=indicator)
    if link.confidentiality == confidentiality:
        return
    link.confidentiality = confidentiality
    link.save(update_fields=["confidentiality"])
    Value.objects.filter(submission=submission, indicator=indicator).update(confidentiality=confidentiality)
    submission.save(update_fields=["updated_at"])
    Transition.objects.create(
        submission=submission,
        from_status=submission.status,
        to_status=submission.status,
        actor=user,
        comment=_("%(indicator)s: %(confidentiality)s")
        % {"indicator": indicator, "confidentiality": link.get_confidentiality_display()},
    )


COMMENT_REQUIRED = gettext_lazy("Say what needs correcting: a comment is required to return a submission.")
REASON_REQUIRED = gettext_lazy("A reason is required to reopen a validated submission.")


def _take_step(submission, user, step, *, explanation=None, missing=""):
    """The submission locked, once ``user`` may take ``step`` with it now and gave the explanation it needs."""
    submission = _locked(submission)
    permissions.enforce(permissions.workflow_refusal(submission, user, step))
    if explanation is not None and not explanation.strip():
        raise Rejected.because(str(missing))
    return submission


@transaction.atomic
def submit(submission, *, user, missing_reason=""):
    """Draft or returned -> submitted, when every warning has a comment and what is missing has a reason.

    Cells left blank and indicators without figures were not collected: the submitter
    says why once for the submission (``missing_reason``, kept for later submits).
    """
    submission = _take_step(submission, user, permissions.SUBMIT)
    problems, blank, incomplete, empty = [], 0, 0, []
    for link in submission.submission_indicators.select_related("indicator"):
        grid = build_grid(link.indicator)
        cells = cells_of(submission, link.indicator)
        errors, warnings = errors_and_warnings(grid_problems(submission, link.indicator, grid=grid, cells=cells))
        problems += errors + completeness_problems(grid, cells, warnings)
        missing = len(not_collected(grid, cells))
        blank += missing
        incomplete += bool(missing)
        if missing == len(grid.series):
            empty.append(link.indicator)
    reason = missing_reason.strip() or submission.missing_reason
    if blank and not reason:
        problems.append(Problem(_missing_message(blank, incomplete, empty)))
    if problems:
        raise Rejected(problems)
    submission.missing_reason = reason if blank else ""
    return _move(submission, Status.SUBMITTED, user)


def _missing_message(blank, incomplete, empty):
    """ "34 cells in 2 indicators were not collected (Entries has no figures at all). Give the reason …" """
    cells = ngettext("%(count)s cell", "%(count)s cells", blank) % {"count": blank}
    # The indicators' count follows "in": Russian declines it there ("в 2 показателях").
    indicators = npgettext("after in", "%(count)s indicator", "%(count)s indicators", incomplete) % {
        "count": incomplete
    }
    message = ngettext(
        "%(cells)s in %(indicators)s was not collected", "%(cells)s in %(indicators)s were not collected", blank
    ) % {"cells": cells, "indicators": indicators}
    if empty:
        names = ", ".join(str(indicator) for indicator in empty)
        message += " " + ngettext(
            "(%(names)s has no figures at all)", "(%(names)s have no figures at all)", len(empty)
        ) % {"names": names}
    request = _("Give the reason they are missing, once for the submission.")
    return f"{message}. {request}"


@transaction.atomic
def return_submission(submission, *, user, comment):
    """Submitted -> returned to the focal point, with what to correct."""
    submission = _take_step(submission, user, permissions.RETURN, explanation=comment, missing=COMMENT_REQUIRED)
    return _move(submission, Status.RETURNED, user, comment)


@transaction.atomic
def validate(submission, *, user, comment=""):
    """Submitted -> validated: the values are locked.

    Only the secretariat validates figures it changed itself (its history loads): the
    transition says so, for whoever reads the history later.
    """
    submission = _take_step(submission, user, permissions.VALIDATE)
    if permissions.validates_own_figures(submission, user):
        note = _("Validated by the secretariat, who also entered the figures (history load).")
        comment = f"{comment.strip()}\n{note}" if comment.strip() else note
    submission.validated_at = timezone.now()
    return _move(submission, Status.VALIDATED, user, comment)


@transaction.atomic
def unvalidate(submission, *, user, reason):
    """Validated -> returned: reopens locked values, an explicit act with its reason."""
    submission = _take_step(submission, user, permissions.UNVALIDATE, explanation=reason, missing=REASON_REQUIRED)
    return _move(submission, Status.RETURNED, user, reason)


@transaction.atomic
def publish(submission, *, user, release_at=None):
    """Validated -> published, at once or at ``release_at``; nobody but the owners sees values before."""
    submission = _take_step(submission, user, permissions.PUBLISH)
    now = timezone.now()
    release_at = max(release_at or now, now)
    submission.published_at = now
    submission.release_at = release_at
    Value.objects.filter(submission=submission).update(released_at=release_at)
    return _move(submission, Status.PUBLISHED, user)


@transaction.atomic
def correct_value(value, cell, *, user, reason, channel=Channel.FORM):
    """A new revision of a published value, with its reason; the old one stays in the history.

    The totals the value adds into are computed again and corrected with it.
    """
    submission = _locked(value.submission)
    value.submission = submission
    permissions.enforce(permissions.correction_refusal(value, user))
    if not reason.strip():
        raise Rejected.because(_("A reason is required to correct a published value."))
    grid = build_grid(value.indicator)
    stored = cells_of(submission, value.indicator)
    cell.comment = stored[value.series_id].comment  # the validator's note stays with the value
    cells, totals, errors, _warnings = checked_cells(
        submission, value.indicator, {value.series_id: cell}, grid=grid, stored=stored
    )
    if errors:
        raise Rejected(errors)
    link = SubmissionIndicator.objects.get(submission=submission, indicator=value.indicator)
    changed = {pk: cells[pk] for pk in [value.series_id, *totals] if pk in cells}
    write_cells(submission, link, changed, user=user, channel=channel, reason=reason, is_correction=True)
    submission.save(update_fields=["updated_at"])  # readers asking "changed since?" learn it did
    value.refresh_from_db()
    return value


# Who hears of each step.
NOTIFIED_ROLES = {
    Status.SUBMITTED: [Role.COUNTRY_ADMIN],
    Status.RETURNED: [Role.FOCAL_POINT],
    Status.VALIDATED: [Role.FOCAL_POINT, Role.SYSTEM_ADMIN],
    Status.PUBLISHED: [Role.FOCAL_POINT, Role.COUNTRY_ADMIN],
}


def _move(submission, status, user, comment=""):
    transition = Transition.objects.create(
        submission=submission, from_status=submission.status, to_status=status, actor=user, comment=comment
    )
    submission.status = status
    submission.save()
    send_in_languages(
        users_to_notify(submission, NOTIFIED_ROLES.get(status, [])),
        "dsm_data/email/transition",
        {"submission": submission, "transition": transition, "base_url": settings.DSM_BASE_URL},
    )
    return submission
