"""Corrections of published figures from a file: every changed figure with its reason, totals following.

A published submission takes a file from the secretariat or its country's
administrators (``permissions.upload_refusal``). Each figure the file changes becomes
a revision marked as a correction, carrying the row's own reason (a long table's
``reason`` column) or, for rows without one, the upload's; a figure changed without
either refuses the whole file, the rows grouped in one message. The totals above a
changed figure are summed again and corrected with it.

``services.submissions.import_upload`` calls ``correct_upload`` on the locked
submission; ``services.deliveries`` asks ``unexplained_changes`` before the preview.
"""

from django.utils.translation import gettext as _

from ..grid import build_grid
from ..intake.problems import Problem, Rejected
from ..models import SubmissionIndicator
from ..selectors.submissions import cells_of
from ..translation import translated
from .value_rows import checked_cells, write_cells


def changed_cells(cells, stored):
    """The pks of ``cells`` whose storing would change a figure (a new one, or a different one)."""
    changed = []
    for pk, cell in cells.items():
        before = stored.get(pk)
        if before is None and cell.is_blank:
            continue
        if before is None or not cell.same_content(before):
            changed.append(pk)
    return changed


def unexplained_changes(upload, indicator, stored, *, reason=""):
    """A problem for each of the upload's cells of ``indicator`` that changes a published figure without a reason."""
    if reason.strip():
        return []
    cells = upload.cells[indicator]
    problems = []
    for pk in changed_cells(cells, stored):
        if cells[pk].reason.strip() or pk not in upload.places:
            continue  # a total the reader summed is explained by its parts
        sheet, place = upload.places[pk]
        problems.append(
            Problem(
                _("%(country)s, %(period)s: this row changes a published figure without a reason.")
                % {"country": translated(upload.country.name), "period": upload.period.code},
                sheet=sheet,
                cell=place,
                group=_("Rows that change published figures without a reason"),
                hint=_("give one in a reason column or for the whole upload"),
            )
        )
    return problems


def correct_upload(submission, upload, *, user, channel, delivery=None, reason=""):
    """Store an upload's figures in a published ``submission`` (locked, checked by the caller) as corrections.

    All or nothing: Rejected, writing nothing, when a changed figure has no reason or a
    rule is broken. Returns how many values changed, totals included.
    """
    problems, pending = [], []
    for indicator, cells in upload.cells.items():
        grid = upload.grids.get(indicator.code) or build_grid(indicator)
        stored = cells_of(submission, indicator)
        problems += unexplained_changes(upload, indicator, stored, reason=reason)
        for pk, cell in cells.items():
            if not cell.comment and pk in stored:
                cell.comment = stored[pk].comment  # the validator's note stays with the value
        merged, totals, errors, _warnings = checked_cells(submission, indicator, cells, grid=grid, stored=stored)
        given = {pk: merged[pk] for pk in cells if pk in merged}  # in the upload's order: the reasons' order
        reasons = [
            text for text in dict.fromkeys(given[pk].reason.strip() for pk in changed_cells(given, stored)) if text
        ]
        for pk in (totals | (given.keys() - upload.places.keys())) & merged.keys():  # sums, given or recomputed
            merged[pk].reason = merged[pk].reason or "; ".join(reasons)
        problems += [upload.place_of(error) for error in errors]
        pending.append((indicator, {pk: merged[pk] for pk in changed_cells(merged, stored)}))
    if problems:
        raise Rejected(problems)
    count = 0
    for indicator, changed in pending:
        link = SubmissionIndicator.objects.get(submission=submission, indicator=indicator)
        count += write_cells(
            submission,
            link,
            changed,
            user=user,
            channel=channel,
            reason=reason,
            is_correction=True,
            delivery=delivery,
        )
    submission.save(update_fields=["updated_at"])
    return count
