"""Partial submissions: blank cells are not collected, and the submitter says why once for the submission."""

import pytest

from dsm_data.grid import build_grid
from dsm_data.intake.problems import Rejected
from dsm_data.models import Role, Status, Submission, Transition, Value
from dsm_data.selectors.submissions import cells_of
from dsm_data.services import submissions as services
from dsm_data.validation import not_collected
from tests.conftest import cells_from

pytestmark = pytest.mark.django_db

DECISIONS = {
    "RSD_OUTCOME=RECOGNISED": "12",
    "RSD_OUTCOME=COMPLEMENTARY": "3",
    "RSD_OUTCOME=REJECTED": "40",
    "RSD_OUTCOME=CLOSED": "5",
}


@pytest.fixture
def kaz(kazakhstan, make_user, make_period, catalogue):
    class Team:
        country = kazakhstan
        focal = make_user(Role.FOCAL_POINT, kazakhstan)
        admin = make_user(Role.COUNTRY_ADMIN, kazakhstan)
        sysadmin = make_user(Role.SYSTEM_ADMIN)
        decisions = catalogue["REFUGEE_DECISIONS"]
        period = make_period(2025)

    Team.submission = services.open_submission(kazakhstan, Team.period, user=Team.focal)
    return Team


def blank_cells(submission):
    count = 0
    for link in submission.submission_indicators.select_related("indicator"):
        count += len(not_collected(build_grid(link.indicator), cells_of(submission, link.indicator)))
    return count


def test_a_partial_submission_needs_a_reason_once_and_the_validator_sees_it(kaz):
    grid = build_grid(kaz.decisions)
    services.save_cells(kaz.submission, kaz.decisions, cells=cells_from(grid, DECISIONS), user=kaz.focal)
    missing = blank_cells(kaz.submission)
    assert missing > 0

    with pytest.raises(Rejected) as refused:
        services.submit(kaz.submission, user=kaz.focal, missing_reason="   ")
    [problem] = refused.value.problems
    assert problem.message.startswith(f"{missing} cells in 5 indicators were not collected")
    assert "have no figures at all" in problem.message
    assert "Asylum applications" in problem.message
    assert "Give the reason they are missing, once for the submission" in problem.message
    kaz.submission.refresh_from_db()
    assert (kaz.submission.status, kaz.submission.missing_reason, kaz.submission.transitions.count()) == (
        Status.DRAFT,
        "",
        1,
    )

    reason = "The ministry of labour keeps the permits; entries and exits come from the border service next year."
    services.submit(kaz.submission, user=kaz.focal, missing_reason=reason)
    submission = Submission.objects.get(pk=kaz.submission.pk)
    assert (submission.status, submission.missing_reason) == (Status.SUBMITTED, reason)

    # Returned and submitted again: the reason given once still holds.
    services.return_submission(submission, user=kaz.admin, comment="Check the rejections.")
    services.submit(submission, user=kaz.focal)
    services.validate(submission, user=kaz.admin)
    services.publish(submission, user=kaz.sysadmin)
    submission.refresh_from_db()
    assert (submission.status, submission.missing_reason) == (Status.PUBLISHED, reason)
    assert Value.objects.filter(submission=submission, number__isnull=False).count() == 5
    steps = list(Transition.objects.filter(submission=submission).values_list("to_status", flat=True))
    assert steps == ["draft", "submitted", "returned", "submitted", "validated", "published"]


def test_a_complete_submission_needs_no_reason_and_keeps_none(kaz):
    kaz.submission.submission_indicators.exclude(indicator=kaz.decisions).delete()
    grid = build_grid(kaz.decisions)
    services.save_cells(kaz.submission, kaz.decisions, cells=cells_from(grid, DECISIONS), user=kaz.focal)
    services.submit(kaz.submission, user=kaz.focal, missing_reason="Nothing is missing")
    kaz.submission.refresh_from_db()
    assert (kaz.submission.status, kaz.submission.missing_reason) == (Status.SUBMITTED, "")


def test_totals_are_never_invented(kaz):
    kaz.submission.submission_indicators.exclude(indicator=kaz.decisions).delete()
    grid = build_grid(kaz.decisions)
    partial = {"RSD_OUTCOME=RECOGNISED": "12", "RSD_OUTCOME=REJECTED": "40"}
    services.save_cells(kaz.submission, kaz.decisions, cells=cells_from(grid, partial), user=kaz.focal)
    with pytest.raises(Rejected, match="3 cells in 1 indicator were not collected"):
        services.submit(kaz.submission, user=kaz.focal)
    services.submit(kaz.submission, user=kaz.focal, missing_reason="Two outcomes are not registered.")
    total = grid.series_by_key["RSD_OUTCOME=_T"]
    assert not Value.objects.filter(series_id=total.pk).exists()  # no total from half a breakdown
    assert Value.objects.filter(submission=kaz.submission).count() == 2


def test_warnings_still_need_comments_whatever_the_reason_for_blanks(kaz, make_period):
    kaz.submission.submission_indicators.exclude(indicator=kaz.decisions).delete()
    grid = build_grid(kaz.decisions)
    services.save_cells(kaz.submission, kaz.decisions, cells=cells_from(grid, DECISIONS), user=kaz.focal)
    next_year = services.open_submission(kaz.country, make_period(2026), user=kaz.focal)
    next_year.submission_indicators.exclude(indicator=kaz.decisions).delete()
    big = {**DECISIONS, "RSD_OUTCOME=REJECTED": "4000"}
    services.save_cells(next_year, kaz.decisions, cells=cells_from(grid, big), user=kaz.focal)
    with pytest.raises(Rejected, match="Add a comment"):
        services.submit(next_year, user=kaz.focal, missing_reason="Some figures come later.")
    next_year.refresh_from_db()
    assert (next_year.status, next_year.missing_reason) == (Status.DRAFT, "")
