"""Bulk workflow steps: each submission through the usual services, each step a transition with its actor."""

import datetime
import time
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from dsm_data.grid import build_grid
from dsm_data.models import (
    Channel,
    Period,
    Role,
    Status,
    Submission,
    SubmissionIndicator,
    Transition,
    Value,
    ValueRevision,
)
from dsm_data.services.bulk import take_bulk_action

pytestmark = pytest.mark.django_db

OUTCOMES = {"RECOGNISED": 12, "COMPLEMENTARY": 3, "REJECTED": 40, "CLOSED": 5}


@pytest.fixture
def team(kazakhstan, armenia, make_user, catalogue):
    class Team:
        focal = make_user(Role.FOCAL_POINT, kazakhstan)
        admin = make_user(Role.COUNTRY_ADMIN, kazakhstan)
        arm_admin = make_user(Role.COUNTRY_ADMIN, armenia)
        data_user = make_user(Role.DATA_USER, kazakhstan)
        secretariat = make_user(Role.SYSTEM_ADMIN)
        decisions = catalogue["REFUGEE_DECISIONS"]

    return Team


def drafts(team, country, count, *, first_year=1926, filled=True):
    """``count`` drafts of ``country`` for annual periods from ``first_year``, their decisions written in bulk."""
    deadline = datetime.date.today() + datetime.timedelta(days=30)
    periods = Period.objects.bulk_create(
        Period(
            code=str(year),
            frequency="annual",
            start=datetime.date(year, 1, 1),
            end=datetime.date(year, 12, 31),
            deadline=deadline,
        )
        for year in range(first_year, first_year + count)
    )
    submissions = Submission.objects.bulk_create(Submission(country=country, period=period) for period in periods)
    decisions = team.decisions
    SubmissionIndicator.objects.bulk_create(
        SubmissionIndicator(submission=submission, indicator=decisions, confidentiality="public")
        for submission in submissions
    )
    Transition.objects.bulk_create(
        Transition(submission=submission, to_status=Status.DRAFT, actor=team.focal) for submission in submissions
    )
    if filled:
        grid = build_grid(decisions)
        numbers = {grid.series_by_key[f"RSD_OUTCOME={code}"].pk: number for code, number in OUTCOMES.items()}
        numbers[grid.series_by_key["RSD_OUTCOME=_T"].pk] = sum(OUTCOMES.values())
        values = Value.objects.bulk_create(
            Value(
                submission=submission,
                series_id=series_pk,
                indicator=decisions,
                country=country,
                period=submission.period,
                number=Decimal(number),
                confidentiality="public",
            )
            for submission in submissions
            for series_pk, number in numbers.items()
        )
        ValueRevision.objects.bulk_create(
            ValueRevision(value=value, revision=1, number=value.number, channel=Channel.EXCEL, changed_by=team.focal)
            for value in values
        )
    return submissions


def test_a_hundred_submissions_are_published_with_three_hundred_transitions_each_with_its_actor(team, kazakhstan):
    submissions = drafts(team, kazakhstan, 100)
    started = time.monotonic()
    submitted = take_bulk_action(submissions, user=team.focal, action="submit")
    validated = take_bulk_action(submitted.done, user=team.admin, action="validate", comment="Checked in bulk.")
    published = take_bulk_action(validated.done, user=team.secretariat, action="publish")
    elapsed = time.monotonic() - started
    assert [len(result.done) for result in (submitted, validated, published)] == [100, 100, 100]
    assert [result.refused for result in (submitted, validated, published)] == [[], [], []]
    assert Submission.objects.filter(status=Status.PUBLISHED).count() == 100
    steps = Transition.objects.exclude(to_status=Status.DRAFT)
    assert steps.count() == 300
    actors = {(step.to_status, step.actor_id) for step in steps}
    assert actors == {
        (Status.SUBMITTED, team.focal.pk),
        (Status.VALIDATED, team.admin.pk),
        (Status.PUBLISHED, team.secretariat.pk),
    }
    assert set(steps.filter(to_status=Status.VALIDATED).values_list("comment", flat=True)) == {"Checked in bulk."}
    assert Value.objects.filter(released_at__isnull=True).count() == 0
    assert elapsed < 60, f"{elapsed:.1f} s for 300 steps"


def test_one_refusal_stops_nothing_else_and_changes_nothing_of_its_own(team, kazakhstan):
    ready = drafts(team, kazakhstan, 3)
    empty = drafts(team, kazakhstan, 1, first_year=2000, filled=False)[0]
    selection = [ready[0], empty, *ready[1:]]
    result = take_bulk_action(selection, user=team.secretariat, action="submit_validate_publish")
    assert [submission.pk for submission in result.done] == [submission.pk for submission in ready]
    [(refused, problems)] = result.refused
    assert refused.pk == empty.pk
    assert "5 cells in 1 indicator were not collected" in problems[0].message
    empty.refresh_from_db()
    assert (empty.status, empty.transitions.count()) == (Status.DRAFT, 1)

    again = take_bulk_action(
        [*ready, empty], user=team.secretariat, action="submit_validate_publish", missing_reason="Not collected yet."
    )
    assert [submission.pk for submission in again.done] == [empty.pk]
    messages = [problem.message for _submission, problems in again.refused for problem in problems]
    assert len(messages) == 3
    assert all("is published: it cannot be changed" in message for message in messages)
    empty.refresh_from_db()
    assert (empty.status, empty.missing_reason) == (Status.PUBLISHED, "Not collected yet.")


def test_another_countrys_administrator_moves_nothing(team, kazakhstan):
    submissions = drafts(team, kazakhstan, 2)
    take_bulk_action(submissions, user=team.focal, action="submit")
    result = take_bulk_action(submissions, user=team.arm_admin, action="validate")
    assert result.done == []
    assert len(result.refused) == 2
    assert set(Submission.objects.values_list("status", flat=True)) == {Status.SUBMITTED}


@pytest.mark.parametrize(("role", "action"), [("data_user", "submit"), ("focal", "publish"), ("admin", "publish")])
def test_an_action_never_offered_to_the_user_is_refused_whole(team, kazakhstan, role, action):
    submissions = drafts(team, kazakhstan, 2)
    with pytest.raises(PermissionDenied):
        take_bulk_action(submissions, user=getattr(team, role), action=action)
    assert set(Submission.objects.values_list("status", flat=True)) == {Status.DRAFT}
    assert Transition.objects.count() == 2
