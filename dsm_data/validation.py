"""The checks every channel runs on an indicator's cells before anything is stored.

Errors block saving (negative counts, totals that differ from their breakdown,
declared rules such as decisions exceeding applications). Blank cells and
warnings (a large change from the previous period, a figure far outside the
country's history) are allowed in a draft; submitting needs a comment on every
warning, and a reason, once, when cells were left blank (not collected).
"""

import statistics
from decimal import Decimal

from django.utils.translation import gettext as _

from .cells import Cell, format_number
from .intake.problems import ERROR, WARNING, Problem
from .models import ValidationRule
from .translation import translated

MIN_HISTORY_FOR_OUTLIERS = 5
OUTLIER_DEVIATIONS = 3
# Below this many, a relative change says little (2 after 1 is +100%): no warning.
CHANGE_WARNING_MIN_BASE = 100


def verdict(severity, series_id, message):
    """A rule's problem with one cell of the grid."""
    return Problem(message, severity=severity, series_id=series_id)


def complete_totals(grid, cells):
    """Fill blank totals whose whole breakdown holds numbers, innermost first; returns the filled pks."""
    filled = set()
    # Totals with fewer total categories first, so that a grand total is summed from filled subtotals.
    for series in grid.totals_innermost_first:
        cell = cells.get(series.pk)
        if cell is not None and not cell.is_blank:
            continue
        for _index, parts in grid.breakdowns(series):
            numbers = [_number(cells, part) for part in parts]
            if numbers and all(number is not None for number in numbers):
                cells[series.pk] = Cell(number=sum(numbers))
                filled.add(series.pk)
                break
    return filled


def recompute_totals(grid, cells, stored):
    """Sum again the totals above changed cells, unless the person typed the total too.

    Blank totals are filled from complete breakdowns. A total whose breakdown is
    no longer complete keeps its stored figure (and is then checked as entered);
    a recomputed one keeps its comment and footnote.
    Returns the pks of the totals recomputed.
    """
    changed = {pk for pk, cell in cells.items() if pk not in stored or not cell.same_content(stored[pk])}
    stale = unchanged_totals_above(grid, changed)
    for pk in stale:
        cells.pop(pk, None)
    complete_totals(grid, cells)
    for pk in stale & stored.keys():
        if pk not in cells:
            cells[pk] = stored[pk]
        else:  # a new sum, the same explanations
            cells[pk].comment, cells[pk].footnote = stored[pk].comment, stored[pk].footnote
    return stale


def unchanged_totals_above(grid, changed):
    """The totals above changed cells that did not change themselves: those ``recompute_totals`` sums again.

    Found by categories, at most 2 ** dimensions look-ups a changed cell: scanning
    the grid for each took 26 s for 1% of one grid of 11,172 cells, hours for a
    whole upload.
    """
    unchanged_totals = {series.pk for series in grid.series if series.is_total and series.pk not in changed}
    if not unchanged_totals:
        return set()  # a first upload: every total is new
    found = set()
    for pk in changed & grid.places.keys():
        found.update(above.pk for above in grid.totals_above(grid.series[grid.places[pk]]))
    return found & unchanged_totals


def check_cells(grid, cells, previous=None, history=None, rules=None):
    """Every problem of one indicator's cells. ``cells`` maps series pk to Cell.

    ``previous`` maps series pk to the number of the previous period;
    ``history`` lists the grand totals of the country's earlier periods.
    """
    problems = []
    label = grid.cell_label
    for series in grid.series:
        cell = cells.get(series.pk)
        if cell is not None and cell.number is not None and cell.number < 0:
            problems.append(
                verdict(
                    ERROR,
                    series.pk,
                    _("%(cell)s: a count cannot be negative (%(value)s).")
                    % {"cell": label(series), "value": format_number(cell.number)},
                )
            )
    problems += _total_problems(grid, cells)
    problems += _rule_problems(grid, cells, rules if rules is not None else grid.validation_rules)
    problems += _change_warnings(grid, cells, previous or {})
    problems += _outlier_warnings(grid, cells, history or [])
    return problems


def not_collected(grid, cells):
    """The series of a grid left blank: not collected (neither a number nor a reason it has none)."""
    return [series for series in grid.series if cells.get(series.pk) is None or cells[series.pk].is_blank]


def completeness_problems(grid, cells, warnings):
    """What stops a submission in one grid: warnings nobody explained.

    Blank cells do not: they were not collected, and the submission says why once
    (``Submission.missing_reason``, asked by ``services.submissions.submit``). A blank
    total stays blank unless its whole breakdown is there: totals are never invented.
    """
    problems = []
    for warning in warnings:
        cell = cells.get(warning.series_id)
        if cell is None or not cell.comment.strip():
            problems.append(
                verdict(ERROR, warning.series_id, _("%(warning)s Add a comment.") % {"warning": warning.message})
            )
    return problems


def _total_problems(grid, cells):
    problems = []
    for series in grid.series:
        cell = cells.get(series.pk)
        if cell is None or cell.number is None:
            continue
        for index, parts in grid.breakdowns(series):
            numbers = [_number(cells, part) for part in parts]
            if numbers and all(number is not None for number in numbers) and sum(numbers) != cell.number:
                problems.append(
                    verdict(
                        ERROR,
                        series.pk,
                        _(
                            "%(cell)s: the total %(total)s differs from the sum of its breakdown "
                            "by %(dimension)s, %(sum)s."
                        )
                        % {
                            "cell": grid.cell_label(series),
                            "total": format_number(cell.number),
                            "dimension": translated(grid.dimensions[index].name).lower(),
                            "sum": format_number(sum(numbers)),
                        },
                    )
                )
    return problems


def _rule_problems(grid, cells, rules):
    problems = []
    for rule in rules:
        left, right = list(rule.left.all()), list(rule.right.all())
        if not left or not right:
            continue
        index = next(i for i, dimension in enumerate(grid.dimensions) if dimension.pk == left[0].dimension_id)
        for anchor in grid.series_having(index, left[0]):
            left_numbers = [_number(cells, grid.series_with(anchor, index, category)) for category in left]
            right_numbers = [_number(cells, grid.series_with(anchor, index, category)) for category in right]
            if None in left_numbers or None in right_numbers:
                continue
            if sum(left_numbers) > sum(right_numbers):
                problems.append(
                    verdict(
                        ERROR if rule.severity == ValidationRule.Severity.ERROR else WARNING,
                        anchor.pk,
                        _("%(cell)s: %(rule)s (%(left)s > %(right)s).")
                        % {
                            "cell": grid.cell_label(anchor),
                            "rule": translated(rule.message),
                            "left": format_number(sum(left_numbers)),
                            "right": format_number(sum(right_numbers)),
                        },
                    )
                )
    return problems


def _number(cells, series):
    cell = cells.get(series.pk)
    return None if cell is None else cell.number


def _change_warnings(grid, cells, previous):
    problems = []
    share = Decimal(grid.indicator.change_warning_share)
    for series in grid.series:
        cell, before = cells.get(series.pk), previous.get(series.pk)
        if not series.is_total or cell is None or cell.number is None or not before:
            continue
        if max(before, cell.number) < CHANGE_WARNING_MIN_BASE:
            continue
        change = abs(cell.number - before) / before
        if change > share:
            problems.append(
                verdict(
                    WARNING,
                    series.pk,
                    _("%(cell)s: %(value)s differs by %(change)s%% from the previous period (%(previous)s).")
                    % {
                        "cell": grid.cell_label(series),
                        "value": format_number(cell.number),
                        "change": format_number(round(change * 100)),
                        "previous": format_number(before),
                    },
                )
            )
    return problems


def _outlier_warnings(grid, cells, history):
    grand_total = grid.rows[-1].cells[-1]
    cell = cells.get(grand_total.pk)
    if len(history) < MIN_HISTORY_FOR_OUTLIERS or cell is None or cell.number is None:
        return []
    mean, deviation = statistics.mean(history), statistics.pstdev(history)
    low, high = mean - OUTLIER_DEVIATIONS * deviation, mean + OUTLIER_DEVIATIONS * deviation
    if deviation == 0 or low <= cell.number <= high:
        return []
    return [
        verdict(
            WARNING,
            grand_total.pk,
            _("%(cell)s: %(value)s is far outside this country's earlier figures (%(low)s to %(high)s).")
            % {
                "cell": grid.cell_label(grand_total),
                "value": format_number(cell.number),
                "low": format_number(max(round(low), 0)),
                "high": format_number(round(high)),
            },
        )
    ]
