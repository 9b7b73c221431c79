"""The task list, the page a signed-in person lands on: each role sees the work waiting for it, each item
linking to where it is done; a request's steps move it from one person's list to the next."""

import datetime

import pytest
from django.test import Client

from dsm_data.grid import build_grid
from dsm_data.models import Role, Status
from dsm_data.services import submissions as submission_services
from dsm_data.services import users as user_services
from dsm_data.services.accounts import save_country
from exchange import selectors
from exchange.services import requests as request_services
from tests.conftest import cells_from

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()
DAY = datetime.timedelta(days=1)
DECISIONS = {
    "RSD_OUTCOME=RECOGNISED": "12",
    "RSD_OUTCOME=COMPLEMENTARY": "3",
    "RSD_OUTCOME=REJECTED": "40",
    "RSD_OUTCOME=CLOSED": "5",
}

PROPOSAL = {
    "code": "STUDENT_VISAS",
    "name": {"en": "Student visas", "ru": "Студенческие визы"},
    "definition": {"en": "Visas issued for study.", "ru": "Визы, выданные для учёбы."},
    "unit": {"en": "visas", "ru": "визы"},
    "dimension_codes": ["SEX"],
    "frequencies": ["annual"],
    "default_confidentiality": "public",
}


@pytest.fixture
def people(kazakhstan, armenia, make_user):
    return {
        "kaz-focal": make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal"),
        "kaz-admin": make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin"),
        "kaz-user": make_user(Role.DATA_USER, kazakhstan, username="kaz-user"),
        "arm-user": make_user(Role.DATA_USER, armenia, username="arm-user"),
        "arm-admin": make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin"),
        "secretariat": make_user(Role.SYSTEM_ADMIN, username="secretariat"),
    }


def groups_of(user, today=TODAY):
    return {group.key: group for group in selectors.tasks_for(user, today=today)}


def texts(group):
    return [task.text for task in group.tasks]


def test_a_focal_point_sees_what_is_due_drafts_with_warnings_and_returned_submissions(
    people, make_period, catalogue, kazakhstan
):
    focal = people["kaz-focal"]
    last_year = make_period(2024, deadline=TODAY - 60 * DAY, lock_days=400)
    this_year = make_period(2025, deadline=TODAY + 30 * DAY)
    make_period(2023, deadline=TODAY - 400 * DAY)  # locked: nothing to do any more
    groups = groups_of(focal)
    assert texts(groups["due"]) == ["2024 (Annual): not started", "2025 (Annual): not started"]
    assert [task.is_late for task in groups["due"].tasks] == [True, False]
    assert "warnings" not in groups
    assert "returned" not in groups

    decisions = catalogue["REFUGEE_DECISIONS"]
    grid = build_grid(decisions)
    earlier = submission_services.open_submission(kazakhstan, last_year, user=focal)
    submission_services.save_cells(earlier, decisions, cells=cells_from(grid, DECISIONS), user=focal)
    draft = submission_services.open_submission(kazakhstan, this_year, user=focal)
    jump = {**DECISIONS, "RSD_OUTCOME=REJECTED": "4000"}
    submission_services.save_cells(draft, decisions, cells=cells_from(grid, jump), user=focal)
    earlier.status = Status.RETURNED
    earlier.save()

    groups = groups_of(focal)
    assert texts(groups["due"]) == ["2025 (Annual): draft"]
    assert groups["due"].tasks[0].url == f"/en/data/submissions/{draft.pk}/"
    [warned] = texts(groups["warnings"])
    assert warned.startswith("2025 (Annual): warnings to explain in ")
    assert str(decisions) in warned
    assert texts(groups["returned"]) == ["2024 (Annual): returned for corrections"]
    assert set(groups_of(people["kaz-user"])) == set()  # a data user has no figures to enter


def test_a_country_administrator_sees_submissions_to_validate_and_invitations_not_accepted(
    people, make_period, kazakhstan, armenia
):
    period = make_period(2025, deadline=TODAY + 30 * DAY)
    submission = submission_services.open_submission(kazakhstan, period, user=people["kaz-focal"])
    submission.status = Status.SUBMITTED
    submission.save()
    submission_services.open_submission(armenia, period, user=people["secretariat"]).__class__.objects.filter(
        country=armenia
    ).update(status=Status.SUBMITTED)
    user_services.invite(people["kaz-admin"], email="new@example.org", role=Role.FOCAL_POINT, country=kazakhstan)
    user_services.invite(people["arm-admin"], email="other@example.org", role=Role.FOCAL_POINT, country=armenia)

    groups = groups_of(people["kaz-admin"])
    assert texts(groups["validate"]) == ["2025 (Annual): submitted, to validate"]  # not Armenia's
    assert groups["validate"].tasks[0].url == f"/en/data/submissions/{submission.pk}/"
    [invited] = texts(groups["invitations"])
    assert invited.startswith("new@example.org has not accepted the invitation sent on ")
    assert "due" not in groups  # entering figures is the focal points' work


def test_the_secretariat_sees_late_countries_and_publications_waiting(people, make_period, kazakhstan, armenia):
    georgia = save_country("GEO", {"en": "Georgia", "ru": "Грузия"})
    georgia.is_participating = False
    georgia.save()
    late = make_period(2025, deadline=TODAY - 20 * DAY, lock_days=60)
    make_period(2020, deadline=TODAY - 5 * 365 * DAY)  # long past: history, not a task
    kaz = submission_services.open_submission(kazakhstan, late, user=people["secretariat"])
    kaz.status = Status.VALIDATED
    kaz.save()
    groups = groups_of(people["secretariat"])
    assert texts(groups["late"]) == ["Armenia: 2025 (Annual), not started"]  # Kazakhstan sent; Georgia is not asked
    assert groups["late"].tasks[0].url == "/en/data/completeness/?period=2025"
    assert texts(groups["publish"]) == ["Kazakhstan: 2025 (Annual), validated"]
    assert "late" not in groups_of(people["secretariat"], today=TODAY - 21 * DAY)


def test_the_secretariat_sees_the_indicator_proposals_to_decide(people, catalogue):
    from exchange.services import proposals as proposal_services

    assert "proposals_to_decide" not in groups_of(people["secretariat"])
    proposal = proposal_services.propose(people["kaz-admin"], **PROPOSAL)
    [task] = groups_of(people["secretariat"])["proposals_to_decide"].tasks
    assert (task.text, task.url) == (
        "STUDENT_VISAS: Student visas, proposed by Kazakhstan",
        f"/en/proposals/{proposal.pk}/",
    )
    assert "proposals_to_decide" not in groups_of(people["kaz-admin"])  # deciding is the secretariat's


def test_a_request_moves_from_one_task_list_to_the_next(people, kazakhstan):
    request = request_services.send(
        people["arm-user"], countries=[kazakhstan], subject="Work permits", body="How many?",
        reply_by=TODAY + datetime.timedelta(days=10),
    )  # fmt: skip
    assert texts(groups_of(people["kaz-admin"])["requests_to_assign"]) == [
        "“Work permits” from Armenia: choose who answers"
    ]
    assert "requests_to_assign" not in groups_of(people["arm-admin"])  # not Armenia's to assign
    request_services.assign(
        request, user=people["kaz-admin"], recipient=request.recipients.get(), assignee=people["kaz-focal"]
    )
    assert "requests_to_assign" not in groups_of(people["kaz-admin"])
    [task] = groups_of(people["kaz-focal"])["requests_to_answer"].tasks
    assert (task.text, task.url, task.due) == (
        "“Work permits” from Armenia: to answer",
        f"/en/requests/{request.pk}/",
        TODAY + datetime.timedelta(days=10),
    )
    assert (
        groups_of(people["kaz-focal"], today=TODAY + datetime.timedelta(days=11))["requests_to_answer"].tasks[0].is_late
    )
    request_services.reply(request, user=people["kaz-focal"], body="12,000 in 2025.")
    assert "requests_to_answer" not in groups_of(people["kaz-focal"])
    assert texts(groups_of(people["arm-user"])["answers_received"]) == ["“Work permits”: answered, to read and close"]
    request_services.close(request, user=people["arm-user"])
    assert groups_of(people["arm-user"]) == {}


def test_signing_in_lands_on_the_task_list_which_links_to_the_work(people, kazakhstan):
    request = request_services.send(
        people["arm-user"], countries=[kazakhstan], subject="Work permits", body="How many?"
    )
    response = Client().post(
        "/en/accounts/login/", {"username": "kaz-admin", "password": "a-long-test-password"}, follow=True
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == "/en/accounts/tasks/"
    assert "Requests to assign" in page
    assert f'<a href="/en/requests/{request.pk}/">“Work permits” from Armenia: choose who answers</a>' in page
    assert "Nothing waits for you." in _page_of(people["kaz-user"], "/en/accounts/tasks/")
    russian = _page_of(people["kaz-admin"], "/ru/accounts/tasks/")
    assert "Запросы, которым нужно назначить исполнителя" in russian
    assert f'href="/ru/requests/{request.pk}/"' in russian
    assert "из Армения" not in russian


def _page_of(user, path):
    client = Client()
    client.force_login(user)
    return client.get(path).content.decode()


def test_a_state_that_does_not_participate_owes_nothing_and_is_never_late(people, make_period, kazakhstan):
    from dsm_data.selectors.completeness import completeness

    georgia = save_country("GEO", {"en": "Georgia", "ru": "Грузия"})
    georgia.is_participating = False
    georgia.save()
    period = make_period(2025, deadline=TODAY - 20 * DAY, lock_days=60)
    _indicators, rows, _totals = completeness(period, TODAY)
    assert [row["country"].code for row in rows] == ["ARM", "KAZ"]
    assert all(row["late"] for row in rows)
