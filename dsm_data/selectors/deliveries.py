"""Files of figures: what an upload would change, and what brought figures into a submission."""

import hashlib
from dataclasses import dataclass

from .. import permissions
from ..cells import Cell
from ..grid import build_grid
from ..models import (
    Country,
    DeliveryStatus,
    Indicator,
    Period,
    Submission,
    TableMapping,
    ValueRevision,
)
from .submissions import cells_of


@dataclass
class Change:
    """One cell an upload would set, against what is stored now (``before`` is None when there is nothing)."""

    country: Country
    period: Period
    indicator: Indicator
    grid: object  # the indicator's grid.Grid, which names the cell
    series: object
    places: object  # the upload's {series pk: (sheet, cell)}, which name the cell in the file
    before: Cell | None
    after: Cell

    @property
    def label(self):
        """The cell's name, made only when shown: a load of 40,000 figures shows a page of them, the API none."""
        return self.grid.cell_label(self.series)

    @property
    def place(self):
        """(sheet, cell) in the file, made only when shown or fingerprinted, as ``label``."""
        return self.places.get(self.series.pk, ("", ""))


@dataclass
class UploadChanges:
    """What confirming an upload would do: the cells it adds or changes, and the counts of its receipt."""

    changes: list
    added: int = 0
    changed: int = 0
    unchanged: int = 0

    @property
    def fingerprint(self):
        """Equal only if the same confirmation would make the same changes: stale previews are caught.

        The changes come in the file's order, which reading the same file again repeats; they are hashed
        one by one, as the lines of a long table's 40,000 changes joined took 22 MB at once."""
        digest = hashlib.sha256()
        for change in self.changes:
            digest.update(
                f"{change.country.pk}|{change.period.pk}|{change.indicator.pk}|{change.place}|{change.before}|"
                f"{change.after}\n".encode()
            )
        return digest.hexdigest()


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
                        grid,
                        series_by_pk[pk],
                        upload.places,
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


@dataclass
class ReceiptChange:
    """One figure a confirmed upload set: the state it replaced (None: there was none) and the one it wrote."""

    revision: ValueRevision
    label: str
    before: ValueRevision | None

    @property
    def after(self):
        return self.revision


def receipt_changes(delivery, *, offset=0, limit=None):
    """The changes ``delivery`` made (its ValueRevisions), by country, period, indicator and cell: ``limit`` of
    them from ``offset``, or all."""
    revisions = delivery.revisions.select_related(
        "value__country", "value__period", "value__indicator", "value__series", "changed_by"
    ).order_by("value__country__code", "value__period__start", "value__indicator__code", "value__series_id", "pk")
    revisions = revisions[offset : offset + limit] if limit is not None else revisions[offset:]
    revisions = list(revisions)
    wanted = {(revision.value_id, revision.revision - 1) for revision in revisions if revision.revision > 1}
    earlier = ValueRevision.objects.filter(
        value_id__in={value for value, _number in wanted}, revision__in={number for _value, number in wanted}
    )
    before = {(revision.value_id, revision.revision): revision for revision in earlier}
    grids = {}
    changes = []
    for revision in revisions:
        indicator = revision.value.indicator
        grid = grids.get(indicator.pk) or grids.setdefault(indicator.pk, build_grid(indicator))
        changes.append(
            ReceiptChange(
                revision=revision,
                label=grid.cell_label(revision.value.series),
                before=before.get((revision.value_id, revision.revision - 1)),
            )
        )
    return changes


def saved_mappings(user):
    """The saved table mappings ``user`` may apply, by name."""
    if not permissions.can_use_table_mappings(user):
        return TableMapping.objects.none()
    return TableMapping.objects.select_related("created_by").order_by("name")
