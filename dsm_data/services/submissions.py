"""The life of a submission: entering values, the workflow, publication and corrections.

Each function checks its permission (dsm_data.permissions) and its state itself,
so that the web form, Excel and paper channels and the API share one set of rules.
Each runs in one transaction: a rejected call writes nothing.
"""

import itertools

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions, selectors
from ..grid import build_grid
from ..models import (
    TOTAL_CODE,
    Channel,
    Indicator,
    Role,
    Status,
    Submission,
    SubmissionIndicator,
    Transition,
    Value,
    ValueRevision,
)
from ..notifications import send_in_languages
from ..validation import ERROR, WARNING, Cell, complete_totals, completeness_problems


def _locked(submission):
    """A fresh copy of the submission, locked until the transaction ends: state checks see the truth."""
    return Submission.objects.select_for_update().select_related("country", "period").get(pk=submission.pk)


class Rejected(Exception):
    """The input breaks rules; ``problems`` lists each, naming its cell. Nothing was written."""

    def __init__(self, problems):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


@transaction.atomic
def open_submission(country, period, user):
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


def _check_can_enter(submission, user, channel):
    country = submission.country
    allowed = (
        permissions.can_key_in_paper_for(user, country)
        if channel == Channel.PAPER
        else permissions.can_submit_data_for(user, country)
    )
    if not allowed:
        raise PermissionDenied
    if not submission.is_editable:
        raise Rejected(
            [_("This submission is %(status)s: it cannot be changed.") % {"status": submission.get_status_display()}]
        )
    # The lock holds countries to the calendar; the secretariat sets it, and loads past years through it.
    if not selectors.period_is_open(submission.period, country) and not permissions.is_system_admin(user):
        raise Rejected(
            [
                _("The period %(period)s closed for entry on %(date)s. Ask the secretariat for an exception.")
                % {"period": submission.period.code, "date": submission.period.locks_on}
            ]
        )


def save_cells(submission, indicator, cells, user, channel=Channel.FORM, reason=""):
    """Store the given cells ({series pk: Cell}) of one indicator; returns the warnings.

    Blank totals whose breakdown is complete are computed. Raises Rejected, and
    stores nothing, when any cell breaks a rule.
    """
    return _save_cells(submission, indicator, cells, user, channel, reason)


@transaction.atomic
def _save_cells(submission, indicator, cells, user, channel, reason, grid=None):
    """``save_cells``, with the indicator's grid when the caller has it already (an upload builds one per sheet)."""
    submission = _locked(submission)
    _check_can_enter(submission, user, channel)
    link = SubmissionIndicator.objects.filter(submission=submission, indicator=indicator).first()
    if link is None:
        raise Rejected([_("%(indicator)s is not part of this submission.") % {"indicator": indicator}])
    grid = grid if grid is not None else build_grid(indicator)
    known = {series.pk for series in grid.series}
    stored = selectors.cells_of(submission, indicator)
    merged = {**stored, **{pk: cell for pk, cell in cells.items() if pk in known}}
    _recompute_totals(grid, merged, stored)  # they follow their breakdown
    problems = selectors.rule_problems(submission, indicator, grid, merged)
    errors = [problem for problem in problems if problem.severity == ERROR]
    if errors:
        raise Rejected(errors)
    _write(submission, link, merged, user, channel, reason)
    submission.save(update_fields=["updated_at"])
    return [problem for problem in problems if problem.severity == WARNING]


def _recompute_totals(grid, cells, stored):
    """Sum again the totals above changed cells, unless the person typed the total too.

    Blank totals are filled from complete breakdowns. A total whose breakdown is
    no longer complete keeps its stored figure (and is then checked as entered);
    a recomputed one keeps its comment and footnote.
    Returns the pks of the totals recomputed.
    """
    changed = {pk for pk, cell in cells.items() if pk not in stored or not cell.same_content(stored[pk])}
    stale = _unchanged_totals_above(grid, changed)
    for pk in stale:
        cells.pop(pk, None)
    complete_totals(grid, cells)
    for pk in stale & stored.keys():
        if pk not in cells:
            cells[pk] = stored[pk]
        else:  # a new sum, the same explanations
            cells[pk].comment, cells[pk].footnote = stored[pk].comment, stored[pk].footnote
    return stale


def _unchanged_totals_above(grid, changed):
    """The totals above changed cells that did not change themselves: those ``_recompute_totals`` sums again.

    Found by categories, at most 2 ** dimensions look-ups a changed cell: scanning
    the grid for each took 26 s for 1% of one grid of 11,172 cells, hours for a
    whole upload.
    """
    unchanged_totals = {series.pk for series in grid.series if series.is_total and series.pk not in changed}
    if not unchanged_totals:
        return set()  # a first upload: every total is new
    series_by_categories = {
        tuple(category.pk for category in categories): pk for pk, categories in grid.categories_by_series.items()
    }
    total_categories = [
        next((category.pk for category in dimension.ordered_categories if category.code == TOTAL_CODE), None)
        for dimension in grid.dimensions
    ]
    found = set()
    for pk in changed & grid.categories_by_series.keys():
        choices = [
            {category.pk, total} - {None}
            for category, total in zip(grid.categories_by_series[pk], total_categories, strict=True)
        ]
        for categories in itertools.product(*choices):
            above = series_by_categories.get(categories)
            if above in unchanged_totals:
                found.add(above)
    return found


# What a cell holds, as ``Cell.same_content`` compares it: all but the comment, which changes without a revision.
CONTENT_FIELDS = ("number", "absence", "is_provisional", "is_estimated", "footnote")


def _write(submission, link, cells, user, channel, reason, is_correction=False):
    """Store the cells that differ from the stored values, each change with its revision; returns how many changed.

    A few statements for a whole grid, not a save() per cell: an Excel upload
    brings 100,000 cells, and even the ORM's bulk_create spends more time in
    Python than the database takes to store them (see bench/excel_import.py).
    """
    stored = {
        row["series_id"]: row
        for row in Value.objects.filter(submission=submission, indicator=link.indicator).values(
            "pk", "series_id", "revision", *CONTENT_FIELDS, "comment"
        )
    }
    added, changed, comments = [], [], []
    revised = []  # (series pk, revision, cell) in the order of the cells
    for series_pk, cell in cells.items():
        row = stored.get(series_pk)
        if row is not None and Cell.from_value(row).same_content(cell):
            if row["comment"] != cell.comment:
                comments.append((cell.comment, row["pk"]))
            continue
        if row is None:
            if cell.is_blank and not cell.comment:
                continue
            added.append((series_pk, cell))
            revised.append((series_pk, 1, cell))
        else:
            changed.append((row["pk"], row["revision"] + 1, cell))
            revised.append((series_pk, row["revision"] + 1, cell))
    number_field = Value._meta.get_field("number")

    def cell_row(cell):
        """The cell's CONTENT_FIELDS as the database driver takes them."""
        number = connection.ops.adapt_decimalfield_value(
            cell.number, number_field.max_digits, number_field.decimal_places
        )
        return (number, cell.absence, cell.is_provisional, cell.is_estimated, cell.footnote)

    fixed = {
        "submission": submission.pk,
        "indicator": link.indicator.pk,
        "country": submission.country.pk,
        "period": submission.period.pk,
        "confidentiality": link.confidentiality,
        "revision": 1,
    }
    _insert_rows(
        Value,
        ["series", *CONTENT_FIELDS, "comment", *fixed],
        [(series_pk, *cell_row(cell), cell.comment, *fixed.values()) for series_pk, cell in added],
    )
    _update_rows(
        Value,
        [*CONTENT_FIELDS, "comment", "revision"],
        [(*cell_row(cell), cell.comment, revision, pk) for pk, revision, cell in changed],
    )
    _update_rows(Value, ["comment"], comments)
    value_pks = dict(
        Value.objects.filter(submission=submission, indicator=link.indicator).values_list("series_id", "pk")
    )
    changed_at = ValueRevision._meta.get_field("changed_at").get_db_prep_save(timezone.now(), connection)
    _insert_rows(
        ValueRevision,
        ["value", "revision", *CONTENT_FIELDS, "channel", "reason", "is_correction", "changed_by", "changed_at"],
        [
            (value_pks[series_pk], revision, *cell_row(cell), channel, reason, is_correction, user.pk, changed_at)
            for series_pk, revision, cell in revised
        ],
    )
    return len(revised)


def _insert_rows(model, field_names, rows):
    """INSERT every row (a tuple in the order of ``field_names``); the model's other fields get their defaults.

    In one go: COPY on PostgreSQL (which executemany would serve a row at a time,
    and a long multi-row INSERT would keep psycopg busy parsing placeholders);
    one prepared statement for every row on SQLite.
    """
    if not rows:
        return
    fields = [model._meta.get_field(name) for name in field_names]
    others = [field for field in model._meta.concrete_fields if field not in fields and not field.primary_key]
    defaults = tuple(field.get_db_prep_save(field.get_default(), connection) for field in others)
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(field.column) for field in fields + others)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row + defaults)
        else:
            placeholders = ", ".join(["%s"] * len(fields + others))
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", [row + defaults for row in rows]
            )


def _update_rows(model, field_names, rows):
    """UPDATE rows by primary key: each row gives the fields in the order of ``field_names``, then the pk."""
    if not rows:
        return
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(model._meta.get_field(name).column)} = %s" for name in field_names)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s", rows
        )


@transaction.atomic
def import_upload(upload, user, channel=Channel.EXCEL):
    """Store a checked upload (``excel_import.read_upload``) in the country's draft, all or nothing.

    Returns (the submission, warnings): the warnings stay on the draft for the focal
    point to explain before submitting. What it changes is ``selectors.upload_changes``.
    """
    submission = open_submission(upload.country, upload.period, user)
    warnings = []
    for indicator, cells in upload.cells.items():
        warnings += _save_cells(submission, indicator, cells, user, channel, "", upload.grids.get(indicator.code))
    return submission, warnings


@transaction.atomic
def save_entry(submission, indicator, cells, user, channel, confidentiality):
    """A grid as a whole: its cells and who may read them, stored together or not at all."""
    set_confidentiality(submission, indicator, confidentiality, user, channel)
    return save_cells(submission, indicator, cells, user, channel)


@transaction.atomic
def set_confidentiality(submission, indicator, confidentiality, user, channel=Channel.FORM):
    """Who may read an indicator's values once published; a change is recorded in the history."""
    submission = _locked(submission)
    _check_can_enter(submission, user, channel)
    link = SubmissionIndicator.objects.get(submission=submission, indicator=indicator)
    if link.confidentiality == confidentiality:
        return
    link.confidentiality = confidentiality
    link.save(update_fields=["confidentiality"])
    Value.objects.filter(submission=submission, indicator=indicator).update(confidentiality=confidentiality)
    Transition.objects.create(
        submission=submission,
        from_status=submission.status,
        to_status=submission.status,
        actor=user,
        comment=_("%(indicator)s: %(confidentiality)s")
        % {"indicator": indicator, "confidentiality": link.get_confidentiality_display()},
    )


@transaction.atomic
def submit(submission, user):
    """Draft or returned -> submitted, when every cell has a number or a flag and every warning a comment."""
    submission = _locked(submission)
    _check_can_enter(submission, user, Channel.FORM)
    problems = []
    for link in submission.submission_indicators.select_related("indicator"):
        grid = build_grid(link.indicator)
        cells = selectors.cells_of(submission, link.indicator)
        found = selectors.rule_problems(submission, link.indicator, grid, cells)
        problems += [problem for problem in found if problem.severity == ERROR]
        warnings = [problem for problem in found if problem.severity == WARNING]
        problems += completeness_problems(grid, cells, warnings)
    if problems:
        raise Rejected(problems)
    return _move(submission, Status.SUBMITTED, user)


def _check_can_validate(submission, user, expected_status):
    if not permissions.can_validate_data_for(user, submission.country):
        raise PermissionDenied
    if submission.status != expected_status:
        raise Rejected(
            [_("This submission is %(status)s: it cannot be changed.") % {"status": submission.get_status_display()}]
        )


@transaction.atomic
def return_submission(submission, user, comment):
    """Submitted -> returned to the focal point, with what to correct."""
    submission = _locked(submission)
    _check_can_validate(submission, user, Status.SUBMITTED)
    if not comment.strip():
        raise Rejected([_("Say what needs correcting: a comment is required to return a submission.")])
    return _move(submission, Status.RETURNED, user, comment)


@transaction.atomic
def validate(submission, user, comment=""):
    """Submitted -> validated: the values are locked."""
    submission = _locked(submission)
    _check_can_validate(submission, user, Status.SUBMITTED)
    submission.validated_at = timezone.now()
    return _move(submission, Status.VALIDATED, user, comment)


@transaction.atomic
def unvalidate(submission, user, reason):
    """Validated -> returned: reopens locked values, an explicit act with its reason."""
    submission = _locked(submission)
    _check_can_validate(submission, user, Status.VALIDATED)
    if not reason.strip():
        raise Rejected([_("A reason is required to reopen a validated submission.")])
    return _move(submission, Status.RETURNED, user, reason)


@transaction.atomic
def publish(submission, user, release_at=None):
    """Validated -> published, at once or at ``release_at``; nobody but the owners sees values before."""
    if not permissions.can_publish(user):
        raise PermissionDenied
    submission = _locked(submission)
    if submission.status != Status.VALIDATED:
        raise Rejected([_("Only a validated submission can be published.")])
    now = timezone.now()
    release_at = max(release_at or now, now)
    submission.published_at = now
    submission.release_at = release_at
    Value.objects.filter(submission=submission).update(released_at=release_at)
    return _move(submission, Status.PUBLISHED, user)


@transaction.atomic
def correct_value(value, cell, user, reason, channel=Channel.FORM):
    """A new revision of a published value, with its reason; the old one stays in the history.

    The totals the value adds into are computed again and corrected with it.
    """
    submission = _locked(value.submission)
    if not permissions.can_correct_data_for(user, submission.country):
        raise PermissionDenied
    if submission.status != Status.PUBLISHED:
        raise Rejected([_("Only published values are corrected; change the draft instead.")])
    if not reason.strip():
        raise Rejected([_("A reason is required to correct a published value.")])
    grid = build_grid(value.indicator)
    stored = selectors.cells_of(submission, value.indicator)
    cell.comment = stored[value.series_id].comment  # the validator's note stays with the value
    cells = {**stored, value.series_id: cell}
    totals = _recompute_totals(grid, cells, stored)
    errors = [
        problem
        for problem in selectors.rule_problems(submission, value.indicator, grid, cells)
        if problem.severity == ERROR
    ]
    if errors:
        raise Rejected(errors)
    link = SubmissionIndicator.objects.get(submission=submission, indicator=value.indicator)
    changed = {pk: cells[pk] for pk in [value.series_id, *totals] if pk in cells}
    _write(submission, link, changed, user, channel, reason, is_correction=True)
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
        selectors.users_to_notify(submission, NOTIFIED_ROLES.get(status, [])),
        "dsm_data/email/transition",
        {"submission": submission, "transition": transition, "base_url": settings.DSM_BASE_URL},
    )
    return submission
