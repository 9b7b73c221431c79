"""Files of figures: what an upload would change, and what brought figures into a submission."""

import hashlib
from dataclasses import dataclass

from ..cells import Cell
from ..models import (
    Country,
    DeliveryStatus,
    Indicator,
    Period,
    Submission,
)
from .submissions import cells_of


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
        lines = sorted(
            f"{change.country.pk}|{change.period.pk}|{change.indicator.pk}|{change.place}|{change.before}|{change.after}"
            for change in self.changes
        )
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def upload_changes(uploads):
    """Compare checked uploads (``intake.figures.Upload``) with the figures stored in their submissions."""
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
    return (
        submission.deliveries.filter(status=DeliveryStatus.ACCEPTED)
        .select_related("sender")
        .order_by("-accepted_at", "-pk")
    )
