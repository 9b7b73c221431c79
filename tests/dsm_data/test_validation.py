"""The rules every channel runs: each message names its cell, in English and Russian."""

from decimal import Decimal

import pytest
from django.utils import translation

from dsm_data.cells import Cell
from dsm_data.grid import build_grid
from dsm_data.validation import ERROR, WARNING, check_cells, complete_totals, completeness_problems, not_collected
from tests.conftest import cells_from

pytestmark = pytest.mark.django_db

# Work permits: columns are the decision (granted, refused, pending, total), rows the application type.
PERMITS = {
    "PERMIT_OUTCOME=GRANTED.PERMIT_TYPE=FIRST": "80",
    "PERMIT_OUTCOME=REFUSED.PERMIT_TYPE=FIRST": "10",
    "PERMIT_OUTCOME=PENDING.PERMIT_TYPE=FIRST": "10",
    "PERMIT_OUTCOME=GRANTED.PERMIT_TYPE=EXTENSION": "40",
    "PERMIT_OUTCOME=REFUSED.PERMIT_TYPE=EXTENSION": "5",
    "PERMIT_OUTCOME=PENDING.PERMIT_TYPE=EXTENSION": "5",
}


@pytest.fixture
def permits_grid(catalogue):
    return build_grid(catalogue["WORK_PERMITS"])


def test_grid_lays_out_breakdowns_with_totals_last(catalogue):
    grid = build_grid(catalogue["FOREIGN_RESIDENTS"])
    assert [category.code for category in grid.columns] == ["F", "M", "_T"]
    assert [row.categories[0].code for row in grid.rows][-2:] == ["OTHER", "_T"]
    assert len(grid.series) == 3 * 9
    with translation.override("ru"):
        assert grid.cell_label(grid.rows[0].cells[0]) == "Иностранные граждане в стране: Женщины × Российская Федерация"


def test_a_cells_neighbours_breakdowns_and_totals_are_found_by_its_place_in_the_grid(catalogue):
    """Worked out from strides, not held per cell: each must name exactly the series of the categories asked."""
    grid = build_grid(catalogue["ASYLUM_APPLICATIONS"])
    key = {series.pk: series.key for series in grid.series}
    cell = grid.series_by_key["SEX=F.AGE=Y18T34.CITIZENSHIP=AFG"]
    assert {key[above.pk] for above in grid.totals_above(cell)} == {
        "SEX=_T.AGE=Y18T34.CITIZENSHIP=AFG", "SEX=F.AGE=_T.CITIZENSHIP=AFG", "SEX=F.AGE=Y18T34.CITIZENSHIP=_T",
        "SEX=_T.AGE=_T.CITIZENSHIP=AFG", "SEX=_T.AGE=Y18T34.CITIZENSHIP=_T", "SEX=F.AGE=_T.CITIZENSHIP=_T",
        "SEX=_T.AGE=_T.CITIZENSHIP=_T",
    }  # fmt: skip
    male = next(category for category in grid.dimensions[0].ordered_categories if category.code == "M")
    assert key[grid.series_with(cell, 0, male).pk] == "SEX=M.AGE=Y18T34.CITIZENSHIP=AFG"
    assert [category.code for category in grid.categories_by_series[cell.pk]] == ["F", "Y18T34", "AFG"]
    total = grid.series_by_key["SEX=F.AGE=_T.CITIZENSHIP=AFG"]
    ((dimension, parts),) = grid.breakdowns(total)
    assert dimension == 1
    assert [key[part.pk] for part in parts] == [
        f"SEX=F.AGE={category.code}.CITIZENSHIP=AFG" for category in grid.dimensions[1].ordered_categories[:-1]
    ]
    assert grid.totals_innermost_first[-1].key == "SEX=_T.AGE=_T.CITIZENSHIP=_T"


def test_blank_totals_are_computed_from_a_complete_breakdown(permits_grid):
    cells = cells_from(permits_grid, PERMITS)
    complete_totals(permits_grid, cells)
    total = permits_grid.series_by_key
    assert cells[total["PERMIT_OUTCOME=_T.PERMIT_TYPE=FIRST"].pk].number == 100
    assert cells[total["PERMIT_OUTCOME=GRANTED.PERMIT_TYPE=_T"].pk].number == 120
    assert cells[total["PERMIT_OUTCOME=_T.PERMIT_TYPE=_T"].pk].number == 150
    assert check_cells(permits_grid, cells) == []


def test_a_total_with_an_unknown_part_is_left_for_the_person_to_enter(permits_grid):
    cells = cells_from(permits_grid, {**PERMITS, "PERMIT_OUTCOME=PENDING.PERMIT_TYPE=FIRST": ":"})
    complete_totals(permits_grid, cells)
    assert permits_grid.series_by_key["PERMIT_OUTCOME=_T.PERMIT_TYPE=FIRST"].pk not in cells


def test_negative_counts_are_errors_naming_the_cell(permits_grid):
    cells = cells_from(permits_grid, {**PERMITS, "PERMIT_OUTCOME=REFUSED.PERMIT_TYPE=EXTENSION": "-5"})
    problems = check_cells(permits_grid, cells)
    assert [(problem.severity, problem.message) for problem in problems] == [
        (ERROR, "Work permit applications and decisions: Refused × Extension: a count cannot be negative (-5).")
    ]


def test_a_total_that_differs_from_its_breakdown_is_an_error_in_both_languages(permits_grid):
    cells = cells_from(permits_grid, {**PERMITS, "PERMIT_OUTCOME=_T.PERMIT_TYPE=FIRST": "1 000"})
    series = permits_grid.series_by_key["PERMIT_OUTCOME=_T.PERMIT_TYPE=FIRST"]
    problems = check_cells(permits_grid, cells)
    assert [problem.series_id for problem in problems] == [series.pk]
    assert problems[0].message == (
        "Work permit applications and decisions: Total × First-time: the total 1,000 differs from the sum "
        "of its breakdown by decision, 100."
    )
    with translation.override("ru"):
        message = check_cells(permits_grid, cells)[0].message
    assert message == (
        "Заявления на разрешение на работу и решения по ним: Всего × Первичное: итог 1\xa0000 отличается "
        "от суммы разбивки по признаку «решение»: 100."
    )


def test_decisions_exceeding_applications_break_the_declared_rule(permits_grid):
    # Pending unknown, so the sum check cannot run; the declared rule still can.
    entries = {
        **PERMITS,
        "PERMIT_OUTCOME=PENDING.PERMIT_TYPE=FIRST": ":",
        "PERMIT_OUTCOME=_T.PERMIT_TYPE=FIRST": "85",
    }
    problems = check_cells(permits_grid, cells_from(permits_grid, entries))
    assert [problem.message for problem in problems] == [
        "Work permit applications and decisions: Granted × First-time: decisions exceed applications (90 > 85)."
    ]


def test_a_large_change_from_the_previous_period_is_a_warning(permits_grid):
    cells = cells_from(permits_grid, PERMITS)
    complete_totals(permits_grid, cells)
    grand_total = permits_grid.series_by_key["PERMIT_OUTCOME=_T.PERMIT_TYPE=_T"]
    problems = check_cells(permits_grid, cells, previous={grand_total.pk: Decimal(90)})
    assert [(problem.severity, problem.series_id) for problem in problems] == [(WARNING, grand_total.pk)]
    assert "150 differs by 67% from the previous period (90)" in problems[0].message
    # Within the indicator's share (0.5), or on small numbers, there is nothing to say.
    assert check_cells(permits_grid, cells, previous={grand_total.pk: Decimal(101)}) == []


def test_a_figure_far_outside_the_country_history_is_a_warning(permits_grid):
    cells = cells_from(permits_grid, PERMITS)
    complete_totals(permits_grid, cells)
    history = [Decimal(n) for n in (1000, 1010, 990, 1005, 995)]
    problems = check_cells(permits_grid, cells, history=history)
    assert [problem.severity for problem in problems] == [WARNING]
    assert "far outside this country's earlier figures" in problems[0].message


def test_blank_cells_are_not_collected_and_each_warning_needs_a_comment(permits_grid):
    cells = cells_from(permits_grid, {key: text for key, text in PERMITS.items() if "EXTENSION" not in key})
    complete_totals(permits_grid, cells)
    assert completeness_problems(permits_grid, cells, warnings=[]) == []  # blanks need a reason, given once
    # the extension row, its total, and the column totals it leaves blank: never invented
    assert len(not_collected(permits_grid, cells)) == 3 + 1 + 4

    full = cells_from(permits_grid, PERMITS)
    complete_totals(permits_grid, full)
    grand_total = permits_grid.series_by_key["PERMIT_OUTCOME=_T.PERMIT_TYPE=_T"]
    warnings = check_cells(permits_grid, full, previous={grand_total.pk: Decimal(90)})
    assert len(completeness_problems(permits_grid, full, warnings)) == 1
    full[grand_total.pk] = Cell(number=full[grand_total.pk].number, comment="New quota system from March.")
    assert completeness_problems(permits_grid, full, warnings) == []
