"""Bulk actions on the submissions list: who is offered which, each submission checked in turn, nothing else moved."""

from decimal import Decimal

import pytest
from django.urls import reverse

from dsm_data.cells import Cell
from dsm_data.grid import build_grid
from dsm_data.models import Role, Status, Submission, Transition
from dsm_data.services import submissions as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(portal_team, kazakhstan, armenia, make_user):
    """The shared team, with Armenia's focal point and both countries' 2025 submissions filled in."""
    team = portal_team
    team.arm_focal = make_user(Role.FOCAL_POINT, armenia, username="arm-focal")
    team.kaz = fill(services.open_submission(kazakhstan, team.period, user=team.focal), team.focal)
    team.arm = fill(services.open_submission(armenia, team.period, user=team.arm_focal), team.arm_focal)
    return team


def fill(submission, user):
    """Every cell of every indicator a zero but the totals (computed): a complete submission with no warning."""
    for link in submission.submission_indicators.select_related("indicator"):
        grid = build_grid(link.indicator)
        cells = {series.pk: Cell(number=Decimal(0)) for series in grid.series if not series.is_total}
        services.save_cells(submission, link.indicator, cells=cells, user=user)
    return submission


def state(*submissions):
    return [(Submission.objects.get(pk=item.pk).status, item.transitions.count()) for item in submissions]


@pytest.mark.parametrize(
    ("who", "actions"),
    [
        ("sysadmin", ["submit", "validate", "publish", "submit_validate_publish"]),
        ("kaz_admin", ["validate"]),
        ("focal", ["submit"]),
        ("kaz_user", None),
        ("arm_admin", ["validate"]),
    ],
)
def test_each_role_is_offered_only_its_bulk_actions(team, client, who, actions):
    client.force_login(getattr(team, who))
    page = client.get(reverse("dsm_data:submissions"))
    form = page.context["bulk_form"]
    offered = [name for name, _label in form.fields["action"].choices] if form else None
    assert offered == actions
    assert ('name="submissions"' in page.content.decode()) == bool(actions)


@pytest.mark.parametrize(("who", "status"), [("editor", 403), (None, 302), ("kaz_user", 403)])
def test_users_without_bulk_actions_are_refused_and_nothing_moves(team, client, who, status):
    if who:
        client.force_login(getattr(team, who))
    before = state(team.kaz, team.arm)
    response = client.post(
        reverse("dsm_data:submission_bulk"), {"submissions": [team.kaz.pk, team.arm.pk], "action": "submit"}
    )
    assert response.status_code == status
    assert state(team.kaz, team.arm) == before


def test_an_action_not_offered_to_the_role_is_refused(team, client):
    client.force_login(team.focal)
    before = state(team.kaz)
    response = client.post(reverse("dsm_data:submission_bulk"), {"submissions": [team.kaz.pk], "action": "publish"})
    assert response.status_code == 302
    assert state(team.kaz) == before
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("Action" in message for message in messages)


def test_another_countrys_submission_is_refused_and_unchanged(team, client):
    client.force_login(team.focal)
    arm_before = state(team.arm)
    response = client.post(
        reverse("dsm_data:submission_bulk"),
        {"submissions": [team.kaz.pk, team.arm.pk], "action": "submit", "missing_reason": "n/a"},
        follow=True,
    )
    assert state(team.arm) == arm_before
    assert Submission.objects.get(pk=team.kaz.pk).status == Status.SUBMITTED
    html = response.content.decode()
    assert "1 ticked submission is not one you may act on" in html
    assert "Submit for validation: done for 1 submission: Kazakhstan 2025." in html


def test_a_country_administrator_validates_only_their_own_country(team, client):
    for submission, focal in ((team.kaz, team.focal), (team.arm, team.arm_focal)):
        services.submit(submission, user=focal)
    client.force_login(team.arm_admin)
    kaz_before = state(team.kaz)
    client.post(reverse("dsm_data:submission_bulk"), {"submissions": [team.kaz.pk, team.arm.pk], "action": "validate"})
    assert state(team.kaz) == kaz_before
    assert Submission.objects.get(pk=team.arm.pk).status == Status.VALIDATED


def test_the_secretariat_submits_validates_and_publishes_many_with_every_step_recorded(team, client):
    client.force_login(team.sysadmin)
    response = client.post(
        reverse("dsm_data:submission_bulk"),
        {"submissions": [team.kaz.pk, team.arm.pk], "action": "submit_validate_publish"},
        follow=True,
    )
    for submission in (team.kaz, team.arm):
        submission.refresh_from_db()
        assert submission.status == Status.PUBLISHED
        steps = Transition.objects.filter(submission=submission, actor=team.sysadmin).order_by("pk")
        assert [step.to_status for step in steps] == [Status.SUBMITTED, Status.VALIDATED, Status.PUBLISHED]
    assert "done for 2 submissions" in response.content.decode()


def test_refusals_are_grouped_by_reason_and_leave_those_submissions_as_they_were(team, client):
    client.force_login(team.sysadmin)
    services.submit(team.arm, user=team.arm_focal)
    before = state(team.kaz)
    response = client.post(
        reverse("dsm_data:submission_bulk"), {"submissions": [team.kaz.pk, team.arm.pk], "action": "validate"}
    )
    messages = [str(message) for message in response.wsgi_request._messages]
    assert state(team.kaz) == before
    assert Submission.objects.get(pk=team.arm.pk).status == Status.VALIDATED
    refused = [message for message in messages if message.startswith("Refused for 1 submission (Kazakhstan 2025)")]
    assert len(refused) == 1
    assert any("done for 1 submission: Armenia 2025" in message for message in messages)
