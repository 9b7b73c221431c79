"""The workflow through the services: who may do what, and what is kept."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from dsm_data import permissions
from dsm_data.cells import Cell
from dsm_data.grid import build_grid
from dsm_data.intake.problems import Rejected
from dsm_data.models import PeriodLockException, Role, Status, Value, ValueRevision
from dsm_data.selectors.submissions import changed_since_validation
from dsm_data.services import submissions as services
from tests.conftest import cells_from

pytestmark = pytest.mark.django_db

REFUGEE_DECISIONS = {
    "RSD_OUTCOME=RECOGNISED": "12",
    "RSD_OUTCOME=COMPLEMENTARY": "3",
    "RSD_OUTCOME=REJECTED": "40",
    "RSD_OUTCOME=CLOSED": "5",
}


@pytest.fixture
def kaz(kazakhstan, make_user):
    class Team:
        country = kazakhstan
        focal = make_user(Role.FOCAL_POINT, kazakhstan)
        admin = make_user(Role.COUNTRY_ADMIN, kazakhstan)
        user = make_user(Role.DATA_USER, kazakhstan)
        sysadmin = make_user(Role.SYSTEM_ADMIN)

    return Team


@pytest.fixture
def decisions(catalogue):
    return catalogue["REFUGEE_DECISIONS"]


def fill_everything(submission, user):
    """Every indicator of the submission filled consistently (all cells "0" except the decisions)."""
    for link in submission.submission_indicators.select_related("indicator"):
        grid = build_grid(link.indicator)
        details = {series.pk: Cell(number=Decimal(0)) for series in grid.series if not series.is_total}
        if link.indicator.code == "REFUGEE_DECISIONS":
            details = cells_from(grid, REFUGEE_DECISIONS)
        services.save_cells(submission, link.indicator, cells=details, user=user)


def test_the_whole_workflow_keeps_every_step_and_every_revision(
    kaz, decisions, make_period, django_capture_on_commit_callbacks
):
    period = make_period(2025)
    submission = services.open_submission(kaz.country, period, user=kaz.focal)
    assert submission.submission_indicators.count() == 6
    fill_everything(submission, kaz.focal)
    total = build_grid(decisions).series_by_key["RSD_OUTCOME=_T"]
    assert Value.objects.get(submission=submission, series_id=total.pk).number == 60  # computed

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(submission, user=kaz.focal)
    assert [message.to for message in mail.outbox] == [[kaz.admin.email]]
    assert mail.outbox[0].subject == "Kazakhstan 2025: Submitted"
    with pytest.raises(Rejected, match="comment is required"):
        services.return_submission(submission, user=kaz.admin, comment="  ")
    services.return_submission(submission, user=kaz.admin, comment="Check the rejected cases.")
    grid = build_grid(decisions)
    corrected = cells_from(grid, {"RSD_OUTCOME=REJECTED": "41", "RSD_OUTCOME=_T": ""})
    services.save_cells(submission, decisions, cells=corrected, user=kaz.focal)
    services.submit(submission, user=kaz.focal)
    services.validate(submission, user=kaz.admin)
    with pytest.raises(Rejected, match="cannot be changed"):
        services.save_cells(submission, decisions, cells=cells_from(grid, {"RSD_OUTCOME=CLOSED": "6"}), user=kaz.focal)
    published = services.publish(submission, user=kaz.sysadmin)
    assert published.status == Status.PUBLISHED

    rejected = Value.objects.get(submission=submission, series_id=grid.series_by_key["RSD_OUTCOME=REJECTED"].pk)
    with pytest.raises(Rejected, match="reason is required"):
        services.correct_value(rejected, Cell(number=Decimal(42)), user=kaz.admin, reason="")
    services.correct_value(rejected, Cell(number=Decimal(42)), user=kaz.admin, reason="Late registration")
    # The total moves with its part, as a correction too.
    total_value = Value.objects.get(submission=submission, series_id=total.pk)
    assert total_value.number == 62
    assert total_value.revisions.last().reason == "Late registration"

    statuses = list(submission.transitions.values_list("to_status", flat=True))
    assert statuses == ["draft", "submitted", "returned", "submitted", "validated", "published"]
    assert list(rejected.revisions.values_list("number", flat=True)) == [Decimal(40), Decimal(41), Decimal(42)]


def test_a_correction_is_a_new_revision_with_its_reason(kaz, decisions, make_period):
    submission = services.open_submission(kaz.country, make_period(2025), user=kaz.focal)
    fill_everything(submission, kaz.focal)
    services.submit(submission, user=kaz.focal)
    services.validate(submission, user=kaz.admin)
    services.publish(submission, user=kaz.sysadmin)
    grid = build_grid(decisions)
    closed = Value.objects.get(submission=submission, series_id=grid.series_by_key["RSD_OUTCOME=CLOSED"].pk)
    services.correct_value(closed, Cell(absence="not_available"), user=kaz.admin, reason="Register under repair")
    # Its total can no longer be summed, so it keeps its published figure.
    assert Value.objects.get(submission=submission, series_id=grid.series_by_key["RSD_OUTCOME=_T"].pk).number == 60
    closed.refresh_from_db()
    assert (closed.number, closed.absence, closed.revision) == (None, "not_available", 2)
    revisions = list(closed.revisions.all())
    assert [(revision.number, revision.absence, revision.is_correction) for revision in revisions] == [
        (Decimal(5), "", False),
        (None, "not_available", True),
    ]
    assert revisions[1].reason == "Register under repair"
    assert revisions[1].changed_by == kaz.admin
    with pytest.raises(PermissionDenied):
        services.correct_value(closed, Cell(number=Decimal(5)), user=kaz.focal, reason="Back")


def test_a_rejected_save_writes_nothing(kaz, decisions, make_period):
    submission = services.open_submission(kaz.country, make_period(2025), user=kaz.focal)
    grid = build_grid(decisions)
    services.save_cells(submission, decisions, cells=cells_from(grid, REFUGEE_DECISIONS), user=kaz.focal)
    before = (list(Value.objects.values_list("pk", "number", "revision")), ValueRevision.objects.count())
    bad = cells_from(grid, {"RSD_OUTCOME=RECOGNISED": "13", "RSD_OUTCOME=REJECTED": "-1", "RSD_OUTCOME=_T": "999"})
    with pytest.raises(Rejected) as rejected:
        services.save_cells(submission, decisions, cells=bad, user=kaz.focal)
    messages = [problem.message for problem in rejected.value.problems]
    assert any("Rejected: a count cannot be negative (-1)" in message for message in messages)
    assert any("Total: the total 999 differs from the sum" in message for message in messages)
    assert (list(Value.objects.values_list("pk", "number", "revision")), ValueRevision.objects.count()) == before


@pytest.mark.parametrize("role", [Role.FOCAL_POINT, Role.COUNTRY_ADMIN, Role.DATA_USER])
def test_nobody_enters_figures_for_another_country(role, kaz, armenia, decisions, make_period, make_user):
    submission = services.open_submission(kaz.country, make_period(2025), user=kaz.focal)
    outsider = make_user(role, armenia)
    cells = cells_from(build_grid(decisions), REFUGEE_DECISIONS)
    with pytest.raises(PermissionDenied):
        services.save_cells(submission, decisions, cells=cells, user=outsider)
    with pytest.raises(PermissionDenied):
        services.open_submission(kaz.country, submission.period, user=outsider)
    assert not Value.objects.exists()


def test_only_the_country_administrator_validates_and_only_the_system_administrator_publishes(kaz, make_period):
    submission = services.open_submission(kaz.country, make_period(2025), user=kaz.focal)
    fill_everything(submission, kaz.focal)
    services.submit(submission, user=kaz.focal)
    for user in (kaz.focal, kaz.user):
        with pytest.raises(PermissionDenied):
            services.validate(submission, user=user)
    services.validate(submission, user=kaz.admin)
    with pytest.raises(PermissionDenied):
        services.publish(submission, user=kaz.admin)


def test_a_locked_period_refuses_entry_until_an_exception_is_granted(kaz, decisions, make_period):
    period = make_period(2024, deadline=datetime.date.today() - datetime.timedelta(days=40), lock_days=30)
    submission = services.open_submission(kaz.country, period, user=kaz.focal)
    cells = cells_from(build_grid(decisions), REFUGEE_DECISIONS)
    with pytest.raises(Rejected, match="closed for entry"):
        services.save_cells(submission, decisions, cells=cells, user=kaz.focal)
    PeriodLockException.objects.create(
        period=period, country=kaz.country, until=datetime.date.today(), reason="Census", granted_by=kaz.sysadmin
    )
    services.save_cells(submission, decisions, cells=cells, user=kaz.focal)
    assert Value.objects.filter(submission=submission).count() == 5


def test_reopening_a_validated_submission_is_recorded_and_counts_changes(kaz, decisions, make_period):
    submission = services.open_submission(kaz.country, make_period(2025), user=kaz.focal)
    fill_everything(submission, kaz.focal)
    services.submit(submission, user=kaz.focal)
    services.validate(submission, user=kaz.admin)
    with pytest.raises(Rejected, match="reason is required"):
        services.unvalidate(submission, user=kaz.admin, reason="")
    services.unvalidate(submission, user=kaz.admin, reason="The ministry revised its register.")
    grid = build_grid(decisions)
    changed = {"RSD_OUTCOME=RECOGNISED": "13", "RSD_OUTCOME=CLOSED": "4", "RSD_OUTCOME=_T": ""}
    services.save_cells(submission, decisions, cells=cells_from(grid, changed), user=kaz.focal)
    submission.refresh_from_db()
    assert changed_since_validation(submission) == 2
    assert submission.transitions.last().comment == "The ministry revised its register."


def test_published_values_are_embargoed_until_release_for_all_but_their_owners(
    kaz, armenia, decisions, make_period, make_user
):
    submission = services.open_submission(kaz.country, make_period(2025), user=kaz.focal)
    fill_everything(submission, kaz.focal)
    services.submit(submission, user=kaz.focal)
    services.validate(submission, user=kaz.admin)
    release = timezone.now() + datetime.timedelta(days=2)
    services.publish(submission, user=kaz.sysadmin, release_at=release)
    values = Value.objects.filter(indicator=decisions)
    armenian = make_user(Role.DATA_USER, armenia)
    assert permissions.visible_values(kaz.user, values, timezone.now()).count() == 5
    assert permissions.visible_values(armenian, values, timezone.now()).count() == 0
    assert permissions.visible_values(armenian, values, release + datetime.timedelta(minutes=1)).count() == 5


def test_each_recipient_is_written_to_in_their_own_language(
    kaz, make_user, make_period, django_capture_on_commit_callbacks
):
    russian_speaker = make_user(Role.COUNTRY_ADMIN, kaz.country, username="kaz-admin-ru")
    russian_speaker.language = "ru"
    russian_speaker.save()
    submission = services.open_submission(kaz.country, make_period(2025), user=kaz.focal)
    fill_everything(submission, kaz.focal)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(submission, user=kaz.focal)
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        kaz.admin.email: "Kazakhstan 2025: Submitted",
        russian_speaker.email: "Казахстан 2025: Представлено",
    }


def test_changing_a_part_recomputes_its_totals_unless_the_total_was_typed_too(kaz, decisions, make_period):
    submission = services.open_submission(kaz.country, make_period(2025), user=kaz.focal)
    grid = build_grid(decisions)
    total = grid.series_by_key["RSD_OUTCOME=_T"]
    services.save_cells(submission, decisions, cells=cells_from(grid, REFUGEE_DECISIONS), user=kaz.focal)
    services.save_cells(submission, decisions, cells=cells_from(grid, {"RSD_OUTCOME=CLOSED": "6"}), user=kaz.focal)
    assert Value.objects.get(submission=submission, series_id=total.pk).number == 61
    with pytest.raises(Rejected, match="differs from the sum"):
        services.save_cells(
            submission,
            decisions,
            cells=cells_from(grid, {"RSD_OUTCOME=CLOSED": "7", "RSD_OUTCOME=_T": "99"}),
            user=kaz.focal,
        )
    # Unknown part: the total can no longer be summed and keeps the figure given.
    services.save_cells(submission, decisions, cells=cells_from(grid, {"RSD_OUTCOME=CLOSED": ":"}), user=kaz.focal)
    assert Value.objects.get(submission=submission, series_id=total.pk).number == 61


def test_a_recomputed_total_keeps_its_comment_and_footnote(kaz, decisions, make_period):
    submission = services.open_submission(kaz.country, make_period(2025), user=kaz.focal)
    grid = build_grid(decisions)
    cells = cells_from(grid, REFUGEE_DECISIONS)
    services.save_cells(submission, decisions, cells=cells, user=kaz.focal)
    total = grid.series_by_key["RSD_OUTCOME=_T"]
    explained = Cell(number=Decimal(60), comment="A new reception centre opened.", footnote="Includes appeals.")
    services.save_cells(submission, decisions, cells={total.pk: explained}, user=kaz.focal)
    services.save_cells(submission, decisions, cells=cells_from(grid, {"RSD_OUTCOME=CLOSED": "6"}), user=kaz.focal)
    value = Value.objects.get(submission=submission, series_id=total.pk)
    assert (value.number, value.comment, value.footnote) == (61, "A new reception centre opened.", "Includes appeals.")


def test_a_correction_keeps_the_validators_comment(kaz, decisions, make_period):
    submission = services.open_submission(kaz.country, make_period(2025), user=kaz.focal)
    fill_everything(submission, kaz.focal)
    grid = build_grid(decisions)
    closed = grid.series_by_key["RSD_OUTCOME=CLOSED"]
    services.save_cells(
        submission, decisions, cells={closed.pk: Cell(number=Decimal(5), comment="Two files merged.")}, user=kaz.focal
    )
    services.submit(submission, user=kaz.focal)
    services.validate(submission, user=kaz.admin)
    services.publish(submission, user=kaz.sysadmin)
    value = Value.objects.get(submission=submission, series_id=closed.pk)
    services.correct_value(value, Cell(number=Decimal(6)), user=kaz.admin, reason="Late file")
    value.refresh_from_db()
    assert (value.number, value.comment) == (6, "Two files merged.")


def test_e_mail_subjects_are_plain_text(kaz, make_period, django_capture_on_commit_callbacks):
    kaz.country.name = {"en": "Côte d'Ivoire & Co"}
    kaz.country.save()
    submission = services.open_submission(kaz.country, make_period(2025), user=kaz.focal)
    fill_everything(submission, kaz.focal)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(submission, user=kaz.focal)
    assert mail.outbox[-1].subject == "Côte d'Ivoire & Co 2025: Submitted"
