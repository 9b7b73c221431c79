"""Validation is a second person's act: nobody validates a submission in which they changed figures
since it was last returned, unless the setting is off; the secretariat's history loads are exempt
and say so in their transitions."""

import datetime

import pytest
from django.urls import reverse

from dsm_data import permissions
from dsm_data.grid import build_grid
from dsm_data.intake.problems import Rejected
from dsm_data.models import Channel, Role, Status, Transition, ValueRevision
from dsm_data.services import submissions as services
from tests.conftest import cells_from
from tests.dsm_data.test_submission_services import REFUGEE_DECISIONS, fill_everything

pytestmark = pytest.mark.django_db

HISTORY_NOTE = "Validated by the secretariat, who also entered the figures (history load)."
REFUSAL = "You changed figures since the last return: another administrator of Kazakhstan validates them."


@pytest.fixture
def team(kazakhstan, armenia, make_user, catalogue, make_period):
    class Team:
        focal = make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal")
        admin = make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin")
        other_admin = make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin-2")
        arm_admin = make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin")
        sysadmin = make_user(Role.SYSTEM_ADMIN, username="secretariat")
        decisions = catalogue["REFUGEE_DECISIONS"]
        period = make_period(2025)
        past = make_period(2019, deadline=datetime.date(2020, 3, 31))

    return Team


def paper_keyed_and_submitted(team):
    """KAZ 2025: the focal point fills the grids, the administrator keys in the decisions' paper form."""
    submission = services.open_submission(team.focal.country, team.period, user=team.focal)
    fill_everything(submission, team.focal)
    grid = build_grid(team.decisions)
    paper = cells_from(grid, {**REFUGEE_DECISIONS, "RSD_OUTCOME=CLOSED": "6"})
    services.save_cells(submission, team.decisions, cells=paper, user=team.admin, channel=Channel.PAPER)
    return services.submit(submission, user=team.focal)


def state(submission):
    submission.refresh_from_db()
    return submission.status, submission.validated_at, Transition.objects.filter(submission=submission).count()


def test_an_administrator_who_keyed_in_figures_cannot_validate_them_another_can(team):
    submission = paper_keyed_and_submitted(team)
    refusal = permissions.workflow_refusal(submission, team.admin, permissions.VALIDATE)
    assert (refusal.message, refusal.forbidden) == (REFUSAL, False)
    before = state(submission)
    with pytest.raises(Rejected, match=REFUSAL):
        services.validate(submission, user=team.admin)
    assert state(submission) == before
    # The same administrator may still return it; the other administrator validates.
    assert permissions.workflow_refusal(submission, team.admin, permissions.RETURN) is None
    assert permissions.workflow_refusal(submission, team.other_admin, permissions.VALIDATE) is None
    submission = services.validate(submission, user=team.other_admin)
    transition = submission.transitions.last()
    assert (submission.status, transition.actor, transition.comment) == (Status.VALIDATED, team.other_admin, "")


def test_with_the_setting_off_the_same_administrator_validates(team, settings):
    settings.DSM_VALIDATION_BY_SECOND_PERSON = False
    submission = paper_keyed_and_submitted(team)
    assert permissions.workflow_refusal(submission, team.admin, permissions.VALIDATE) is None
    submission = services.validate(submission, user=team.admin)
    assert (submission.status, submission.transitions.last().comment) == (Status.VALIDATED, "")


def test_changes_before_the_last_return_do_not_count(team):
    submission = paper_keyed_and_submitted(team)
    services.return_submission(submission, user=team.admin, comment="Check the closed cases.")
    grid = build_grid(team.decisions)
    fixed = cells_from(grid, {"RSD_OUTCOME=CLOSED": "5"})
    services.save_cells(submission, team.decisions, cells=fixed, user=team.focal)
    submission = services.submit(submission, user=team.focal)
    assert permissions.workflow_refusal(submission, team.admin, permissions.VALIDATE) is None
    submission = services.validate(submission, user=team.admin)
    assert submission.status == Status.VALIDATED


def test_changes_after_the_last_return_count(team):
    submission = paper_keyed_and_submitted(team)
    services.return_submission(submission, user=team.other_admin, comment="Key in the corrected paper form.")
    grid = build_grid(team.decisions)
    corrected = cells_from(grid, {"RSD_OUTCOME=CLOSED": "5"})
    services.save_cells(submission, team.decisions, cells=corrected, user=team.admin, channel=Channel.PAPER)
    submission = services.submit(submission, user=team.focal)
    assert permissions.workflow_refusal(submission, team.admin, permissions.VALIDATE).message == REFUSAL
    assert permissions.workflow_refusal(submission, team.other_admin, permissions.VALIDATE) is None


def test_the_secretariat_validates_its_history_load_and_the_transition_says_so(team, kazakhstan):
    submission = services.open_submission(kazakhstan, team.past, user=team.sysadmin)
    fill_everything(submission, team.sysadmin)
    submission = services.submit(submission, user=team.sysadmin)
    assert permissions.workflow_refusal(submission, team.sysadmin, permissions.VALIDATE) is None
    submission = services.validate(submission, user=team.sysadmin, comment="Loaded from the 2019 yearbook.")
    transition = submission.transitions.last()
    assert (submission.status, transition.actor) == (Status.VALIDATED, team.sysadmin)
    assert transition.comment == f"Loaded from the 2019 yearbook.\n{HISTORY_NOTE}"
    assert set(ValueRevision.objects.values_list("changed_by", flat=True)) == {team.sysadmin.pk}


def test_the_secretariat_validating_figures_it_did_not_change_adds_no_note(team):
    submission = paper_keyed_and_submitted(team)
    submission = services.validate(submission, user=team.sysadmin)
    assert submission.transitions.last().comment == ""


def test_the_submission_page_offers_no_validation_to_the_administrator_who_keyed_in_figures(team, client):
    submission = paper_keyed_and_submitted(team)
    page = reverse("dsm_data:submission", args=[submission.pk])
    validate_url = reverse("dsm_data:submission_action", args=[submission.pk, permissions.VALIDATE])
    client.force_login(team.admin)
    assert validate_url not in client.get(page).content.decode()
    before = state(submission)
    response = client.post(validate_url, follow=True)
    assert [str(message) for message in response.context["messages"]] == [REFUSAL]
    assert state(submission) == before
    client.force_login(team.other_admin)
    assert validate_url in client.get(page).content.decode()
    client.post(validate_url)
    assert state(submission)[0] == Status.VALIDATED


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("focal", False), ("admin", False), ("other_admin", True), ("arm_admin", False), ("sysadmin", True)],
)
def test_who_may_validate_a_paper_keyed_submission(team, who, allowed):
    submission = paper_keyed_and_submitted(team)
    refusal = permissions.workflow_refusal(submission, getattr(team, who), permissions.VALIDATE)
    assert (refusal is None) is allowed
    if who in ("focal", "arm_admin"):
        assert refusal.forbidden


def test_the_submission_page_says_why_and_still_offers_the_return(team, client):
    submission = paper_keyed_and_submitted(team)
    url = reverse("dsm_data:submission", args=[submission.pk])
    client.force_login(team.admin)
    page = client.get(url).content.decode()
    assert REFUSAL in page
    assert "Return to the focal point" in page
    assert reverse("dsm_data:submission_action", args=[submission.pk, "validate"]) not in page
    client.force_login(team.other_admin)
    page = client.get(url).content.decode()
    assert REFUSAL not in page
    assert reverse("dsm_data:submission_action", args=[submission.pk, "validate"]) in page
