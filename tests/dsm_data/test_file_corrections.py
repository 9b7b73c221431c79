"""Corrections of published figures from a file: a reason for every change, totals following, who may."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from dsm_data.grid import build_grid
from dsm_data.intake.problems import Rejected
from dsm_data.models import Delivery, Role, Status, Value, ValueRevision
from dsm_data.services import deliveries
from dsm_data.services import submissions as services
from tests.conftest import cells_from

pytestmark = pytest.mark.django_db

HEADER = ["indicator", "country", "period", "RSD_OUTCOME", "value", "reason"]


def run_import(path, username, **options):
    """(exit code, output) of dsm_import with ``options``."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("dsm_import", str(path), user=username, stdout=out, stderr=err, **options)
    except SystemExit as stop:
        return stop.code, out.getvalue() + err.getvalue()
    return 0, out.getvalue() + err.getvalue()


def table(tmp_path, rows, name="corrections.csv"):
    path = tmp_path / name
    path.write_text("\n".join(",".join(map(str, row)) for row in [HEADER, *rows]), encoding="utf-8")
    return path


@pytest.fixture
def published(catalogue, kazakhstan, armenia, make_user, make_period):
    """KAZ 2019 published with three of the four outcomes (closed cases not collected), no total."""

    class Published:
        secretariat = make_user(Role.SYSTEM_ADMIN, username="secretariat")
        focal = make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal")
        kaz_admin = make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin")
        arm_admin = make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin")
        decisions = catalogue["REFUGEE_DECISIONS"]
        period = make_period(2019, deadline=datetime.date(2020, 3, 31))

    secretariat, decisions = Published.secretariat, Published.decisions
    submission = services.open_submission(kazakhstan, Published.period, user=secretariat)
    submission.submission_indicators.exclude(indicator=decisions).delete()
    grid = build_grid(decisions)
    figures = {"RSD_OUTCOME=RECOGNISED": "12", "RSD_OUTCOME=COMPLEMENTARY": "3", "RSD_OUTCOME=REJECTED": "40"}
    services.save_cells(submission, decisions, cells=cells_from(grid, figures), user=secretariat)
    services.submit(submission, user=secretariat, missing_reason="Closed cases were not counted.")
    services.validate(submission, user=secretariat)
    Published.submission = services.publish(submission, user=secretariat)
    Published.grid = grid
    return Published


def state():
    return (
        list(Value.objects.order_by("pk").values_list("pk", "number", "revision")),
        ValueRevision.objects.count(),
        Delivery.objects.count(),
    )


def value(key):
    return Value.objects.get(series__key=key)


def test_the_secretariat_corrects_a_published_submission_from_a_long_table(published, tmp_path):
    rows = [
        ["REFUGEE_DECISIONS", "KAZ", "2019", "REJECTED", "41", "A late appeal decision"],
        ["REFUGEE_DECISIONS", "KAZ", "2019", "CLOSED", "5", ""],
        ["REFUGEE_DECISIONS", "KAZ", "2019", "RECOGNISED", "12", ""],  # unchanged: no revision
    ]
    code, output = run_import(table(tmp_path, rows), "secretariat", reason="The register was audited in 2024.")
    assert code == 0, output
    assert "1 added, 1 changed, 1 unchanged" in output
    delivery = Delivery.objects.get()
    assert delivery.reason == "The register was audited in 2024."

    rejected, closed, total = value("RSD_OUTCOME=REJECTED"), value("RSD_OUTCOME=CLOSED"), value("RSD_OUTCOME=_T")
    assert (rejected.number, rejected.revision) == (41, 2)
    assert (closed.number, closed.revision) == (5, 1)
    assert total.number == 12 + 3 + 41 + 5  # the total follows its now complete breakdown
    release = published.submission.release_at
    assert closed.released_at == release  # values added to a published submission are published too
    assert total.released_at == release
    last = {key: value(key).revisions.last() for key in ("RSD_OUTCOME=REJECTED", "RSD_OUTCOME=CLOSED")}
    assert last["RSD_OUTCOME=REJECTED"].reason == "A late appeal decision"  # the row's own reason
    assert last["RSD_OUTCOME=CLOSED"].reason == "The register was audited in 2024."  # the upload's
    corrections = ValueRevision.objects.filter(delivery=delivery)
    assert corrections.count() == 3  # rejected, closed and the total; recognised did not change
    assert all(revision.is_correction for revision in corrections)
    assert {revision.changed_by.username for revision in corrections} == {"secretariat"}
    assert value("RSD_OUTCOME=RECOGNISED").revisions.count() == 1
    published.submission.refresh_from_db()
    assert published.submission.status == Status.PUBLISHED


def test_every_changed_figure_needs_a_reason_or_nothing_changes(published, tmp_path):
    rows = [
        ["REFUGEE_DECISIONS", "KAZ", "2019", "REJECTED", "41", ""],
        ["REFUGEE_DECISIONS", "KAZ", "2019", "CLOSED", "5", ""],
        ["REFUGEE_DECISIONS", "KAZ", "2019", "COMPLEMENTARY", "4", "Transferred from rejected"],
    ]
    before = state()
    code, output = run_import(table(tmp_path, rows), "secretariat")
    assert code == 1
    assert (
        "Rows that change published figures without a reason (2 rows: 2, 3); "
        "give one in a reason column or for the whole upload"
    ) in output
    assert "Transferred" not in output
    assert "REFUGEE_DECISIONS" not in output  # the total summed from the rows is not one of them
    assert state() == before


def test_a_row_reason_is_enough_without_one_for_the_upload(published, tmp_path):
    rows = [["REFUGEE_DECISIONS", "KAZ", "2019", "REJECTED", "39", "Counted twice"]]
    code, output = run_import(table(tmp_path, rows), "kaz-admin")
    assert code == 0, output
    rejected = value("RSD_OUTCOME=REJECTED")
    assert rejected.number == 39
    assert not Value.objects.filter(series__key="RSD_OUTCOME=_T").exists()  # closed cases still unknown: no total
    assert rejected.revisions.last().reason == "Counted twice"
    assert rejected.revisions.last().changed_by.username == "kaz-admin"


def test_a_total_summed_from_corrected_rows_carries_their_reasons(published, tmp_path):
    rows = [
        ["REFUGEE_DECISIONS", "KAZ", "2019", "REJECTED", "41", "A late appeal decision"],
        ["REFUGEE_DECISIONS", "KAZ", "2019", "CLOSED", "5", "Closed cases counted from the archive"],
    ]
    code, output = run_import(table(tmp_path, rows), "secretariat")
    assert code == 0, output
    total = value("RSD_OUTCOME=_T")
    assert total.number == 61
    assert total.revisions.last().reason == "A late appeal decision; Closed cases counted from the archive"
    assert total.revisions.last().is_correction


@pytest.mark.parametrize("username", ["kaz-focal", "arm-admin"])
def test_only_the_countrys_administrators_and_the_secretariat_correct_from_a_file(published, tmp_path, username):
    data = table(tmp_path, [["REFUGEE_DECISIONS", "KAZ", "2019", "REJECTED", "41", "Late appeal"]]).read_bytes()
    user = type(published.secretariat).objects.get(username=username)
    before = state()
    with pytest.raises(Rejected) as refused:
        deliveries.receive(data, original_name="corrections.csv", user=user, reason="Audit")
    assert "only its country administrators and the secretariat correct them" in str(refused.value)
    assert state() == before


def test_a_correction_refused_at_confirmation_changes_nothing(published, tmp_path):
    """Checked again when confirmed: a focal point who got hold of a pending delivery still may not."""
    data = table(tmp_path, [["REFUGEE_DECISIONS", "KAZ", "2019", "REJECTED", "41", "Late appeal"]]).read_bytes()
    delivery, changes = deliveries.receive(data, original_name="c.csv", user=published.kaz_admin)
    published.kaz_admin.role = Role.FOCAL_POINT  # the administrator became a focal point meanwhile
    published.kaz_admin.save()
    before = state()
    with pytest.raises((Rejected, PermissionDenied)):
        deliveries.confirm(delivery, user=published.kaz_admin, fingerprint=changes.fingerprint)
    assert state() == before


def test_another_countrys_refusal_compares_nothing_with_its_published_figures(published, tmp_path):
    """Arm's administrator guessing KAZ's figures learns only that KAZ is not theirs: not which guesses differ."""
    rows = [["REFUGEE_DECISIONS", "KAZ", "2019", outcome, number, ""] for outcome, number in
            (("RECOGNISED", "12"), ("REJECTED", "41"), ("CLOSED", "7"))]  # fmt: skip
    arm_admin = type(published.secretariat).objects.get(username="arm-admin")
    with pytest.raises(Rejected) as refused:
        deliveries.receive(table(tmp_path, rows).read_bytes(), original_name="guess.csv", user=arm_admin)
    assert [str(problem) for problem in refused.value.problems] == [
        "The figures of Kazakhstan for 2019 are published: only its country administrators and the secretariat "
        "correct them."
    ]


def test_a_command_refused_after_storing_leaves_no_file_behind(published, tmp_path, settings, make_period):
    make_period(2020, deadline=datetime.date(2021, 3, 31))
    path = table(tmp_path, [["REFUGEE_DECISIONS", "KAZ", "2020", "REJECTED", "41", ""]])
    code, output = run_import(path, "secretariat", publish=True)  # blanks, and no --missing-reason
    assert code == 1, output
    assert "not published" in output
    stored = settings.PRIVATE_MEDIA_ROOT / "deliveries"
    assert not stored.exists() or not any(item.is_file() for item in stored.rglob("*"))
    assert Delivery.objects.count() == 0
