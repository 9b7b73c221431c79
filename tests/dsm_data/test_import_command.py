"""dsm_import's options: a saved mapping, reasons, publication in one go, problems printed grouped."""

import datetime
import io

import pytest
from django.core.management import call_command

from dsm_data.intake.mapping import MappingSpec
from dsm_data.models import Delivery, Role, Status, Submission, Transition, Value, ValueRevision
from dsm_data.services.mappings import save_mapping

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(catalogue, kazakhstan, armenia, make_user, make_period):
    class Setting:
        secretariat = make_user(Role.SYSTEM_ADMIN, username="secretariat")
        kaz_admin = make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin")
        focal = make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal")
        periods = [make_period(year, deadline=datetime.date(year + 1, 3, 31)) for year in (2018, 2019)]

    return Setting


def run_import(path, username, **options):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("dsm_import", str(path), user=username, stdout=out, stderr=err, **options)
    except SystemExit as stop:
        return stop.code, out.getvalue() + err.getvalue()
    return 0, out.getvalue() + err.getvalue()


def state():
    return (
        Submission.objects.count(),
        Value.objects.count(),
        ValueRevision.objects.count(),
        Delivery.objects.count(),
        Transition.objects.count(),
    )


PUBLISHER_HEADER = "Year,Country of asylum,Recognised,Complementary,Rejected,Closed"


def publisher_file(tmp_path, lines):
    path = tmp_path / "unhcr.csv"
    path.write_text("\n".join([PUBLISHER_HEADER, *lines]), encoding="utf-8")
    return path


def publisher_mapping(user):
    spec = MappingSpec(
        columns={"Year": "period", "Country of asylum": "country"},
        wide={name.title(): {"RSD_OUTCOME": name} for name in ("RECOGNISED", "COMPLEMENTARY", "REJECTED", "CLOSED")},
        fixed={"indicator": "REFUGEE_DECISIONS"},
    )
    return save_mapping(spec, name="UNHCR decisions", description="UNHCR asylum decisions, CSV", user=user)


def test_a_saved_mapping_reads_a_publishers_export_and_publish_publishes_what_it_filled(setting, tmp_path):
    publisher_mapping(setting.secretariat)
    path = publisher_file(tmp_path, ["2018,Kazakhstan,10,2,30,4", "2019,Kazakhstan,11,*,31,5"])
    code, output = run_import(path, "secretariat", mapping="UNHCR decisions", publish=True)
    assert code == 1  # the other indicators of 2018 and 2019 were not collected: a reason is needed
    assert "KAZ 2018 not published:" in output
    assert "were not collected" in output
    assert "nothing was stored" in output
    assert state() == (0, 0, 0, 0, 0)

    code, output = run_import(
        path, "secretariat", mapping="UNHCR decisions", publish=True, missing_reason="Only decisions are published."
    )
    assert code == 0, output
    assert "9 added, 0 changed, 0 unchanged, 0 warning(s)." in output  # 4 + 1 total, then 3 (one confidential)
    assert "Published: 2 submission(s)." in output
    delivery = Delivery.objects.get()
    assert delivery.mapping.name == "UNHCR decisions"
    assert delivery.mapping_spec["fixed"] == {"indicator": "REFUGEE_DECISIONS"}
    submissions = Submission.objects.order_by("period__start")
    assert [(s.period.code, s.status, s.missing_reason) for s in submissions] == [
        ("2018", Status.PUBLISHED, "Only decisions are published."),
        ("2019", Status.PUBLISHED, "Only decisions are published."),
    ]
    for submission in submissions:
        steps = list(submission.transitions.values_list("to_status", "actor__username"))
        assert steps == [
            ("draft", "secretariat"),
            ("submitted", "secretariat"),
            ("validated", "secretariat"),
            ("published", "secretariat"),
        ]
    assert Value.objects.get(period__code="2019", series__key="RSD_OUTCOME=COMPLEMENTARY").absence == "confidential"
    assert Value.objects.filter(released_at__isnull=True).count() == 0


def test_a_unknown_mapping_or_a_publication_by_others_is_an_unusable_call(setting, tmp_path):
    path = publisher_file(tmp_path, ["2018,Kazakhstan,10,2,30,4"])
    code, output = run_import(path, "secretariat", mapping="No such mapping")
    assert (code, state()) == (2, (0, 0, 0, 0, 0))
    assert "No saved mapping No such mapping." in output
    publisher_mapping(setting.secretariat)
    code, output = run_import(path, "kaz-admin", mapping="UNHCR decisions", publish=True)
    assert (code, state()) == (2, (0, 0, 0, 0, 0))
    assert "kaz-admin may not publish: only system administrators do." in output


def test_problems_are_printed_one_line_a_group(setting, tmp_path):
    path = tmp_path / "decisions.csv"
    rows = [f"REFUGEE_DECISIONS,KAZ,2031,{outcome},5" for outcome in ("RECOGNISED", "REJECTED", "CLOSED")]
    path.write_text("\n".join(["indicator,country,period,RSD_OUTCOME,value", *rows]), encoding="utf-8")
    code, output = run_import(path, "secretariat")
    assert code == 1
    lines = [line for line in output.splitlines() if "2031" in line]
    assert len(lines) == 1, output
    assert "(3 rows: 2, 3, 4)" in lines[0]
    assert "2018" in lines[0]  # the allowed periods are named
    assert "Rejected: 3 problem(s) in 1 group(s); nothing was stored." in output
    assert state() == (0, 0, 0, 0, 0)


def test_a_reason_corrects_published_figures_and_a_dry_run_keeps_nothing(setting, tmp_path):
    publisher_mapping(setting.secretariat)
    path = publisher_file(tmp_path, ["2018,Kazakhstan,10,2,30,4"])
    run_import(path, "secretariat", mapping="UNHCR decisions", publish=True, missing_reason="Decisions only.")
    corrected = publisher_file(tmp_path, ["2018,Kazakhstan,10,2,31,4"])
    before = state()
    code, output = run_import(corrected, "kaz-admin", mapping="UNHCR decisions", dry_run=True, reason="Audit")
    assert code == 0, output
    assert "0 added, 2 changed, 3 unchanged" in output  # the figure and its total
    assert state() == before
    code, output = run_import(corrected, "kaz-admin", mapping="UNHCR decisions")
    assert code == 1
    assert "without a reason" in output
    code, output = run_import(corrected, "kaz-admin", mapping="UNHCR decisions", reason="Audit of 2024")
    assert code == 0, output
    rejected = Value.objects.get(series__key="RSD_OUTCOME=REJECTED")
    total = Value.objects.get(series__key="RSD_OUTCOME=_T")
    assert (rejected.number, total.number) == (31, 47)
    assert [revision.reason for revision in total.revisions.all()] == ["", "Audit of 2024"]
    corrections = Delivery.objects.get(reason="Audit of 2024").revisions.all()
    assert len(corrections) == 2
    assert all(revision.is_correction for revision in corrections)


def test_publish_publishes_the_drafts_a_file_fills_and_corrects_the_published_ones_in_place(setting, tmp_path):
    publisher_mapping(setting.secretariat)
    path = publisher_file(tmp_path, ["2018,Kazakhstan,10,2,30,4"])
    run_import(path, "secretariat", mapping="UNHCR decisions", publish=True, missing_reason="Decisions only.")
    both = publisher_file(tmp_path, ["2018,Kazakhstan,10,2,31,4", "2019,Kazakhstan,11,2,30,4"])
    code, output = run_import(
        both, "secretariat", mapping="UNHCR decisions", publish=True, missing_reason="Decisions only.", reason="Audit"
    )
    assert code == 0, output
    assert "Published: 1 submission(s)." in output  # 2019; 2018 was corrected, already published
    assert set(Submission.objects.values_list("period__code", "status")) == {
        ("2018", Status.PUBLISHED),
        ("2019", Status.PUBLISHED),
    }
    published = Transition.objects.filter(to_status=Status.PUBLISHED, from_status=Status.VALIDATED)
    assert sorted(published.values_list("submission__period__code", flat=True)) == ["2018", "2019"]
    assert Value.objects.get(period__code="2018", series__key="RSD_OUTCOME=REJECTED").number == 31
