"""Partial submissions on the web: "not collected" cells, the missing-figures reason, completeness counts,
the secretariat's "Add an indicator", and the receipt's list of changes."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dsm_data.grid import build_grid
from dsm_data.models import Delivery, Status, SubmissionIndicator, Transition, ValueRevision
from dsm_data.services import submissions as services
from dsm_data.services.deliveries import pending_changes
from tests.conftest import cells_from
from tests.dsm_data.test_excel_import import filled_template

pytestmark = pytest.mark.django_db

# Three of the four outcomes: one figure, one "not available", one zero; CLOSED and the total left blank.
PARTIAL = {"RSD_OUTCOME=RECOGNISED": "12", "RSD_OUTCOME=COMPLEMENTARY": ":", "RSD_OUTCOME=REJECTED": "0"}


@pytest.fixture
def team(portal_team, catalogue, kazakhstan):
    """The shared team, with Kazakhstan's 2025 decisions partly entered (PARTIAL)."""
    portal_team.decisions = catalogue["REFUGEE_DECISIONS"]
    portal_team.submission = services.open_submission(kazakhstan, portal_team.period, user=portal_team.focal)
    grid = build_grid(portal_team.decisions)
    services.save_cells(
        portal_team.submission, portal_team.decisions, cells=cells_from(grid, PARTIAL), user=portal_team.focal
    )
    return portal_team


def blank_cells(submission):
    """How many cells of the submission hold neither a number nor a code."""
    total = 0
    for link in submission.submission_indicators.select_related("indicator"):
        grid = build_grid(link.indicator)
        stored = {value.series_id for value in submission.values.filter(indicator=link.indicator)}
        total += sum(1 for series in grid.series if series.pk not in stored)
    return total


def test_a_blank_cell_reads_not_collected_apart_from_not_available_and_zero(team, client):
    client.force_login(team.kaz_user)  # reads the grid, enters nothing
    page = client.get(reverse("dsm_data:entry", args=[team.submission.pk, "REFUGEE_DECISIONS"]))
    rows = {cell["series"].key: cell for row in page.context["rows"] for cell in row["cells"]}
    assert not page.context["can_enter"]
    html = page.content.decode()
    # CLOSED and the total are blank: two "not collected"; ":" and "0" are shown as typed.
    assert html.count('<span class="not-collected">not collected</span>') == 2
    assert rows["RSD_OUTCOME=COMPLEMENTARY"]["field"].value() == ":"
    assert rows["RSD_OUTCOME=REJECTED"]["field"].value() == "0"
    assert rows["RSD_OUTCOME=CLOSED"]["field"].value() in ("", None)


def test_completeness_counts_the_cells_not_collected(team, client):
    client.force_login(team.sysadmin)
    page = client.get(reverse("dsm_data:completeness"), {"period": "2025"})
    rows = {row["country"].code: row for row in page.context["rows"]}
    kaz = {cell["indicator"].code: cell for cell in rows["KAZ"]["cells"]}
    decisions_cells = len(build_grid(team.decisions).series)
    assert kaz["REFUGEE_DECISIONS"]["not_collected"] == 2  # CLOSED and the total
    assert kaz["REFUGEE_DECISIONS"]["state"] == Status.DRAFT
    # Armenia sent nothing: every cell of the indicator is missing.
    arm = {cell["indicator"].code: cell for cell in rows["ARM"]["cells"]}
    assert arm["REFUGEE_DECISIONS"] == {
        "indicator": team.decisions,
        "state": "missing",
        "not_collected": decisions_cells,
    }
    assert rows["KAZ"]["not_collected"] == blank_cells(team.submission)
    assert page.context["total_not_collected"] == rows["KAZ"]["not_collected"] + rows["ARM"]["not_collected"]
    html = page.content.decode()
    assert "2 not collected" in html
    assert f"{page.context['total_not_collected']} cells not collected in all." in html


def test_the_submit_form_asks_why_cells_were_not_collected_and_the_validator_reads_it(team, client):
    client.force_login(team.focal)
    page = client.get(reverse("dsm_data:submission", args=[team.submission.pk]))
    missing = blank_cells(team.submission)
    assert page.context["missing_cells"] == missing
    assert page.context["submit_form"].fields["missing_reason"].required
    assert f"Not collected: {missing} cells in" in page.content.decode()
    assert 'name="missing_reason"' in page.content.decode()

    refused = client.post(reverse("dsm_data:submission_action", args=[team.submission.pk, "submit"]), follow=True)
    team.submission.refresh_from_db()
    assert team.submission.status == Status.DRAFT
    assert "not collected" in refused.content.decode()

    reason = "The ministry does not count closed cases."
    client.post(reverse("dsm_data:submission_action", args=[team.submission.pk, "submit"]), {"missing_reason": reason})
    team.submission.refresh_from_db()
    assert (team.submission.status, team.submission.missing_reason) == (Status.SUBMITTED, reason)

    client.force_login(team.kaz_admin)
    page = client.get(reverse("dsm_data:submission", args=[team.submission.pk]))
    html = page.content.decode()
    assert "Reason: The ministry does not count closed cases." in html


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("sysadmin", True),
        ("kaz_admin", False),
        ("focal", False),
        ("kaz_user", False),
        ("arm_admin", False),
        ("editor", False),
        (None, False),
    ],
)
def test_only_the_secretariat_adds_an_indicator_to_a_submission(team, client, who, allowed):
    SubmissionIndicator.objects.filter(submission=team.submission, indicator__code="WORK_PERMITS").delete()
    transitions = Transition.objects.count()
    if who:
        client.force_login(getattr(team, who))
        page = client.get(reverse("dsm_data:submission", args=[team.submission.pk]))
        offered = page.status_code == 200 and page.context["add_indicator_form"] is not None
        assert offered == allowed
        if allowed:
            assert "WORK_PERMITS" in dict(page.context["add_indicator_form"].fields["indicator"].choices)
    response = client.post(
        reverse("dsm_data:submission_add_indicator", args=[team.submission.pk]), {"indicator": "WORK_PERMITS"}
    )
    part = SubmissionIndicator.objects.filter(submission=team.submission, indicator__code="WORK_PERMITS").exists()
    assert part == allowed
    if allowed:
        assert response.url == reverse("dsm_data:submission", args=[team.submission.pk])
        assert Transition.objects.filter(submission=team.submission, actor=team.sysadmin).count() == 1
    else:
        assert response.status_code in (302, 403, 404)
        if who is None:
            assert "/accounts/" in response.url or "login" in response.url
        assert Transition.objects.count() == transitions


def test_the_secretariat_is_offered_only_indicators_the_submission_lacks(team, client):
    client.force_login(team.sysadmin)
    page = client.get(reverse("dsm_data:submission", args=[team.submission.pk]))
    assert page.context["add_indicator_form"] is None  # the submission has every annual indicator
    response = client.post(
        reverse("dsm_data:submission_add_indicator", args=[team.submission.pk]), {"indicator": "REFUGEE_DECISIONS"}
    )
    assert response.status_code == 302
    assert SubmissionIndicator.objects.filter(submission=team.submission).count() == len(page.context["indicators"])


def upload_and_confirm(client, tmp_path, team, cells, **fields):
    path = filled_template(tmp_path, team.submission.country, team.period, [team.decisions], cells)
    client.post(reverse("dsm_data:upload"), {"file": SimpleUploadedFile("filled.xlsx", path.read_bytes()), **fields})
    delivery = Delivery.objects.order_by("-pk").first()
    _reading, changes = pending_changes(delivery, user=client.user)
    client.post(reverse("dsm_data:delivery_confirm", args=[delivery.pk]), {"fingerprint": changes.fingerprint})
    delivery.refresh_from_db()
    return delivery


def test_the_receipt_lists_every_change_of_its_upload(team, client, tmp_path):
    client.force_login(team.focal)
    client.user = team.focal
    # A5 is RECOGNISED (12 -> 15), D5 is CLOSED (blank -> 4).
    delivery = upload_and_confirm(
        client, tmp_path, team, {("REFUGEE_DECISIONS", "A5"): 15, ("REFUGEE_DECISIONS", "D5"): 4}
    )
    assert delivery.status == "accepted"
    page = client.get(reverse("dsm_data:delivery", args=[delivery.pk]))
    changes = {change.revision.value.series.key: change for change in page.context["receipt_changes"]}
    assert changes["RSD_OUTCOME=RECOGNISED"].before.number == 12
    assert changes["RSD_OUTCOME=RECOGNISED"].after.number == 15
    assert changes["RSD_OUTCOME=CLOSED"].before is None
    assert set(changes) >= {"RSD_OUTCOME=RECOGNISED", "RSD_OUTCOME=CLOSED"}
    assert page.context["receipt_total"] == ValueRevision.objects.filter(delivery=delivery).count()
    csv = b"".join(client.get(reverse("dsm_data:delivery_changes_csv", args=[delivery.pk])).streaming_content)
    lines = csv.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + page.context["receipt_total"]
    assert any(line.startswith("KAZ,2025,REFUGEE_DECISIONS,") and ",12,15," in line for line in lines)


def test_a_correction_loaded_from_a_file_is_listed_with_its_reason(team, client, tmp_path):
    fill = cells_from(build_grid(team.decisions), {"RSD_OUTCOME=CLOSED": "5"})
    services.save_cells(team.submission, team.decisions, cells=fill, user=team.focal)
    services.submit(team.submission, user=team.focal, missing_reason="Other indicators are not collected.")
    services.validate(team.submission, user=team.kaz_admin)
    services.publish(team.submission, user=team.sysadmin)
    client.force_login(team.kaz_admin)
    client.user = team.kaz_admin
    reason = "The register was audited."
    delivery = upload_and_confirm(client, tmp_path, team, {("REFUGEE_DECISIONS", "A5"): 13}, reason=reason)
    assert delivery.status == "accepted", delivery.status
    page = client.get(reverse("dsm_data:delivery", args=[delivery.pk]))
    [change] = [c for c in page.context["receipt_changes"] if c.revision.value.series.key == "RSD_OUTCOME=RECOGNISED"]
    assert (change.before.number, change.after.number) == (12, 13)
    assert change.revision.is_correction
    assert change.revision.reason == reason
    html = page.content.decode()
    assert reason in html
    assert "correction" in html


@pytest.mark.parametrize(
    ("who", "status"), [("focal", 200), ("kaz_admin", 200), ("sysadmin", 200), ("arm_admin", 404), (None, 302)]
)
def test_the_receipts_changes_are_read_by_the_senders_country_only(team, client, tmp_path, who, status):
    client.force_login(team.focal)
    client.user = team.focal
    delivery = upload_and_confirm(client, tmp_path, team, {("REFUGEE_DECISIONS", "A5"): 15})
    client.logout()
    if who:
        client.force_login(getattr(team, who))
    assert client.get(reverse("dsm_data:delivery_changes_csv", args=[delivery.pk])).status_code == status
    page = client.get(reverse("dsm_data:delivery", args=[delivery.pk]))
    assert page.status_code == status
    if status == 200:
        assert len(page.context["receipt_changes"]) == 1
