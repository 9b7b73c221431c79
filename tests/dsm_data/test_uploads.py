"""Uploads end to end: long tables, the web's check -> preview -> confirm, receipts, and who sees them."""

import datetime
import hashlib

import openpyxl
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dsm_data.grid import build_grid
from dsm_data.models import Delivery, DeliveryStatus, Role, Submission, Value, ValueRevision
from dsm_data.services import submissions as submission_services
from dsm_data.services.deliveries import pending_changes
from tests.dsm_data.test_excel_import import filled_template, import_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(catalogue, kazakhstan, armenia, make_user, make_period):
    class Setting:
        secretariat = make_user(Role.SYSTEM_ADMIN, username="secretariat")
        focal = make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal")
        kaz_admin = make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin")
        arm_admin = make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin")
        period = make_period(2025)
        closed = make_period(2019, deadline=datetime.date(2020, 3, 31))
        decisions = catalogue["REFUGEE_DECISIONS"]

    Setting.kaz_admin.language = "ru"
    Setting.kaz_admin.save()
    return Setting


def database_state():
    return (Submission.objects.count(), Value.objects.count(), ValueRevision.objects.count(), Delivery.objects.count())


def stored_files(settings):
    root = settings.PRIVATE_MEDIA_ROOT
    return sorted(path.name for path in root.rglob("*") if path.is_file()) if root.exists() else []


HEADER = ["indicator", "country", "period", "RSD_OUTCOME", "value", "flag", "footnote"]


def csv_file(tmp_path, rows, delimiter=",", name="history.csv", header=HEADER, encoding="utf-8-sig"):
    path = tmp_path / name
    lines = [delimiter.join(header)] + [delimiter.join(str(cell) for cell in row) for row in rows]
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


def full_decisions(country, period, numbers, flags=("",) * 5):
    """Five rows: the four outcomes and their total."""
    outcomes = ["RECOGNISED", "COMPLEMENTARY", "REJECTED", "CLOSED", ""]
    return [
        ["REFUGEE_DECISIONS", country, period, outcome, number, flag, ""]
        for outcome, number, flag in zip(outcomes, numbers, flags, strict=True)
    ]


def test_a_long_csv_table_loads_several_countries_and_years_for_the_secretariat(setting, tmp_path, settings):
    rows = (
        full_decisions("KAZ", "2019", ["1\u00a0200", "30", "", "5", "1\u00a0260"], ("p", "", "c", "", "p"))
        + full_decisions("ARM", "2025", [10, 0, 4, 1, 15])
        + [["", "", "", "", "", "", ""]]  # an empty line
    )
    rows[0][6] = "Provisional: the register is being audited"
    path = csv_file(tmp_path, rows, delimiter=";")
    code, output = import_file(path, username="secretariat")
    assert code == 0, output
    assert "KAZ 2019; ARM 2025" in output or "ARM 2025; KAZ 2019" in output
    assert "10 added, 0 changed, 0 unchanged" in output
    kaz = {value.series.key: value for value in Value.objects.filter(country__code="KAZ").select_related("series")}
    assert kaz["RSD_OUTCOME=RECOGNISED"].number == 1200
    assert kaz["RSD_OUTCOME=RECOGNISED"].is_provisional
    assert kaz["RSD_OUTCOME=RECOGNISED"].footnote == "Provisional: the register is being audited"
    assert kaz["RSD_OUTCOME=REJECTED"].absence == "confidential"
    delivery = Delivery.objects.get()
    assert (delivery.kind, delivery.country, delivery.added) == ("table", None, 10)
    assert {str(submission) for submission in delivery.submissions.all()} == {"KAZ 2019", "ARM 2025"}
    assert delivery.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert stored_files(settings) == [delivery.file.name.rsplit("/", 1)[-1]]


def test_an_excel_long_table_with_a_merged_title_and_empty_rows_is_read(setting, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "Refugee status decisions, Armenia"
    sheet.merge_cells("A1:G1")
    sheet.append([])
    sheet.append(HEADER)
    for index, row in enumerate(full_decisions("ARM", "2025", ["1,234", 2.0, "0", ":", ""])[:4]):
        sheet.append(row)
        if index == 1:
            sheet.append([None] * 7)
    path = tmp_path / "table.xlsx"
    workbook.save(path)
    code, output = import_file(path, username="secretariat")
    assert code == 0, output
    values = {value.series.key: value for value in Value.objects.select_related("series")}
    assert values["RSD_OUTCOME=RECOGNISED"].number == 1234
    assert values["RSD_OUTCOME=CLOSED"].absence == "not_available"
    assert "RSD_OUTCOME=_T" not in values  # a part is not available: no total to compute


BAD_ROWS = [
    (["REFUGEE_DECISION", "ARM", "2025", "", "5", "", ""], "Sheet CSV, cell A7: Unknown indicator “REFUGEE_DECISION”"),
    (["REFUGEE_DECISIONS", "ARM", "2025", "GRANTED", "5", "", ""], "cell D7: Unknown category “GRANTED”"),
    (["REFUGEE_DECISIONS", "ARM", "2031", "", "5", "", ""], "cell C7: Unknown period “2031”; known annual "
                                                            "periods: 2019, 2025"),
    (["REFUGEE_DECISIONS", "ARM", "2025", "REJECTED", "-5", "", ""], "cell E7: Armenia, 2025: Refugee status "
                                                                     "determinations: Rejected: a count cannot be "
                                                                     "negative"),
    (["REFUGEE_DECISIONS", "ARM", "2025", "REJECTED", "5", "x", ""], "cell F7: Unknown flag “x”"),
    (["REFUGEE_DECISIONS", "ARM", "2025", "REJECTED", "", "", ""], "cell E7: No value and no flag"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("row", "message"), BAD_ROWS, ids=["indicator", "category", "period", "negative", "flag", "blank"]
)
def test_a_bad_line_refuses_the_whole_table_naming_its_cell(setting, tmp_path, settings, row, message):
    good = full_decisions("KAZ", "2025", [1, 2, 3, 4, 10])  # lines 2 to 6
    code, output = import_file(csv_file(tmp_path, [*good, row]), username="secretariat")
    assert (code, database_state(), stored_files(settings)) == (1, (0, 0, 0, 0), [])
    assert message in output


def test_a_figure_given_twice_or_a_wrong_total_refuses_the_table(setting, tmp_path):
    twice = [["REFUGEE_DECISIONS", "ARM", "2025", "REJECTED", "5", "", ""]] * 2
    code, output = import_file(csv_file(tmp_path, twice), username="secretariat")
    assert (code, database_state()) == (1, (0, 0, 0, 0))
    assert "cell E3: The same figure is given twice, in rows 2 and 3." in output
    code, output = import_file(csv_file(tmp_path, full_decisions("ARM", "2025", [1, 1, 1, 1, 9])), "secretariat")
    assert (code, database_state()) == (1, (0, 0, 0, 0))
    assert "cell E6: Armenia, 2025: Refugee status determinations: Total: the total 9 differs" in output


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"%PDF-1.7\n1 0 obj", "figures.csv", "not an Excel workbook (.xlsx) or a CSV table"),
        ("indicator,country,period,value\nENTRIES,KAZ,2025,Ё".encode("cp1251"), "t.csv", "not in UTF-8"),
        (b"name,amount\nfoo,1", "t.csv", "No header row found"),
        (b"indicator,country,period,value,colour\nENTRIES,KAZ,2025,5,red", "t.csv", "cell E1: Unknown column “colour”"),
    ],
    ids=["pdf-named-csv", "not-utf8", "no-header", "unknown-column"],
)  # fmt: skip
def test_files_that_are_not_long_tables_are_refused(setting, tmp_path, content, name, message):
    path = tmp_path / name
    path.write_bytes(content)
    code, output = import_file(path, username="secretariat")
    assert (code, database_state()) == (1, (0, 0, 0, 0))
    assert message in output


def test_a_table_with_too_many_cells_is_refused(setting, tmp_path, monkeypatch):
    monkeypatch.setattr("dsm_data.intake.figures.MAX_USED_CELLS", 20)
    code, output = import_file(csv_file(tmp_path, full_decisions("KAZ", "2025", [1, 2, 3, 4, 10])), "secretariat")
    assert (code, database_state()) == (1, (0, 0, 0, 0))
    assert "CSV: The file has 31 filled cells; at most 20 are read." in output


def test_a_focal_point_loads_only_their_own_country_and_open_periods(setting, tmp_path):
    other = csv_file(tmp_path, full_decisions("ARM", "2025", [1, 2, 3, 4, 10]), name="arm.csv")
    code, output = import_file(other)
    assert (code, database_state()) == (1, (0, 0, 0, 0))
    assert "The file holds figures of Armenia: you may send figures only for your own country." in output
    closed = csv_file(tmp_path, full_decisions("KAZ", "2019", [1, 2, 3, 4, 10]), name="closed.csv")
    code, output = import_file(closed)
    assert (code, database_state()) == (1, (0, 0, 0, 0))
    assert "The period 2019 closed for entry" in output
    code, output = import_file(csv_file(tmp_path, full_decisions("KAZ", "2025", [1, 2, 3, 4, 10])))
    assert code == 0, output


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_imported_template_shows_in_the_data_browser_once_published(setting, kazakhstan, tmp_path, client, language):
    cells = {("REFUGEE_DECISIONS", f"{column}5"): number for column, number in zip("ABCD", [7, 8, 9, 10], strict=True)}
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], cells, language)
    assert import_file(path)[0] == 0
    submission = Submission.objects.get()
    submission.submission_indicators.exclude(indicator=setting.decisions).delete()  # only this one is due
    for step, actor in ((submission_services.submit, setting.focal), (submission_services.validate, setting.kaz_admin)):
        step(submission, user=actor)
    submission_services.publish(submission, user=setting.secretariat)
    client.force_login(setting.arm_admin)  # shared figures, read from another participating state
    response = client.get(
        reverse("dsm_data:browse"), {"indicator": "REFUGEE_DECISIONS", "country": "KAZ", "period": "2025"}
    )
    rows = {row.record["series__key"]: row.record["number"] for row in response.context["table"].page.object_list}
    assert rows == {
        "RSD_OUTCOME=RECOGNISED": 7,
        "RSD_OUTCOME=COMPLEMENTARY": 8,
        "RSD_OUTCOME=REJECTED": 9,
        "RSD_OUTCOME=CLOSED": 10,
        "RSD_OUTCOME=_T": 34,
    }


def template_upload(tmp_path, setting, cells, name="filled.xlsx"):
    path = filled_template(tmp_path, setting.focal.country, setting.period, [setting.decisions], cells)
    return SimpleUploadedFile(name, path.read_bytes())


def test_the_web_upload_previews_the_changes_and_stores_them_on_confirmation(
    setting, tmp_path, client, django_capture_on_commit_callbacks
):
    client.force_login(setting.focal)
    upload = template_upload(tmp_path, setting, {("REFUGEE_DECISIONS", "A5"): 12, ("REFUGEE_DECISIONS", "B5"): 3})
    response = client.post(reverse("dsm_data:upload"), {"file": upload})
    delivery = Delivery.objects.get()
    assert response.url == reverse("dsm_data:delivery", args=[delivery.pk])
    assert (delivery.status, database_state()) == (DeliveryStatus.PENDING, (0, 0, 0, 1))

    preview = client.get(response.url)
    changes = preview.context["changes"]
    assert (changes.added, changes.changed, changes.unchanged) == (2, 0, 0)
    assert [(change.place, change.after.number) for change in changes.changes] == [
        (("REFUGEE_DECISIONS", "A5"), 12),
        (("REFUGEE_DECISIONS", "B5"), 3),
    ]
    assert "Refugee status granted" in preview.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(
            reverse("dsm_data:delivery_confirm", args=[delivery.pk]), {"fingerprint": changes.fingerprint}
        )
    assert confirmed.url == reverse("dsm_data:delivery", args=[delivery.pk])
    delivery.refresh_from_db()
    assert (delivery.status, delivery.added, delivery.changed, delivery.unchanged) == ("accepted", 2, 0, 0)
    assert Value.objects.filter(number__isnull=False).count() == 2
    receipt = client.get(confirmed.url).content.decode()
    assert delivery.number in receipt
    assert delivery.sha256 in receipt
    # The country administrator gets the receipt, in Russian as they asked.
    [message] = [message for message in mail.outbox if "kaz-admin@example.org" in message.to]
    assert message.subject == f"Квитанция DSM {delivery.number}"
    assert delivery.sha256 in message.body

    download = client.get(reverse("dsm_data:delivery_file", args=[delivery.pk]))
    assert b"".join(download.streaming_content) == upload.file.getvalue()


def test_a_second_upload_of_changed_figures_counts_what_it_changes(setting, tmp_path, client):
    client.force_login(setting.focal)
    for number in (12, 13):
        upload = template_upload(
            tmp_path, setting, {("REFUGEE_DECISIONS", "A5"): number, ("REFUGEE_DECISIONS", "B5"): 3}
        )
        client.post(reverse("dsm_data:upload"), {"file": upload})
        delivery = Delivery.objects.first()
        _reading, changes = pending_changes(delivery, user=setting.focal)
        client.post(reverse("dsm_data:delivery_confirm", args=[delivery.pk]), {"fingerprint": changes.fingerprint})
    delivery.refresh_from_db()
    assert (delivery.added, delivery.changed, delivery.unchanged) == (0, 1, 1)
    value = Value.objects.get(series__key="RSD_OUTCOME=RECOGNISED")
    assert [revision.number for revision in value.revisions.all()] == [12, 13]


def test_a_preview_made_stale_by_another_change_is_shown_again_and_nothing_is_stored(setting, tmp_path, client):
    client.force_login(setting.focal)
    client.post(
        reverse("dsm_data:upload"), {"file": template_upload(tmp_path, setting, {("REFUGEE_DECISIONS", "A5"): 12})}
    )
    delivery = Delivery.objects.get()
    fingerprint = client.get(reverse("dsm_data:delivery", args=[delivery.pk])).context["changes"].fingerprint
    # Meanwhile a colleague types another figure into the same cell.
    submission = submission_services.open_submission(setting.focal.country, setting.period, user=setting.focal)
    grid = build_grid(setting.decisions)
    from tests.conftest import cells_from

    submission_services.save_cells(
        submission, setting.decisions, cells=cells_from(grid, {"RSD_OUTCOME=RECOGNISED": "40"}), user=setting.focal
    )
    response = client.post(
        reverse("dsm_data:delivery_confirm", args=[delivery.pk]), {"fingerprint": fingerprint}, follow=True
    )
    assert "changed since this preview" in response.content.decode()
    assert Value.objects.get(series__key="RSD_OUTCOME=RECOGNISED").number == 40
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    assert response.context["changes"].changes[0].before.number == 40


def test_a_refused_web_upload_lists_every_problem_and_keeps_nothing(setting, tmp_path, client, settings):
    client.force_login(setting.focal)
    upload = template_upload(tmp_path, setting, {("REFUGEE_DECISIONS", "A5"): -1, ("REFUGEE_DECISIONS", "B5"): "lots"})
    response = client.post(reverse("dsm_data:upload"), {"file": upload})
    assert response.status_code == 400
    problems = response.context["problems"]
    assert any("cell B5: “lots” is not a number" in problem for problem in problems)
    assert (database_state(), stored_files(settings)) == ((0, 0, 0, 0), [])


def test_the_file_size_limit_is_checked_before_reading(setting, client, settings):
    settings.DSM_MAX_UPLOAD_BYTES = 10
    client.force_login(setting.focal)
    response = client.post(
        reverse("dsm_data:upload"), {"file": SimpleUploadedFile("big.xlsx", b"PK\x03\x04" + b"0" * 20)}
    )
    assert "MB; files larger than" in response.context["problems"][0]
    assert database_state() == (0, 0, 0, 0)


def test_discarding_a_pending_upload_removes_its_file(setting, tmp_path, client, settings):
    client.force_login(setting.focal)
    client.post(
        reverse("dsm_data:upload"), {"file": template_upload(tmp_path, setting, {("REFUGEE_DECISIONS", "A5"): 1})}
    )
    delivery = Delivery.objects.get()
    client.post(reverse("dsm_data:delivery_discard", args=[delivery.pk]))
    delivery.refresh_from_db()
    assert (delivery.status, stored_files(settings), Value.objects.count()) == ("discarded", [], 0)


@pytest.mark.parametrize(
    ("reader", "may_read"),
    [
        ("sender", True),
        ("kaz-admin", True),
        ("kaz-user", True),
        ("secretariat", True),
        ("arm-admin", False),
        ("arm-focal", False),
        ("editor", False),
        ("anonymous", False),
    ],
)
def test_a_receipt_and_its_file_are_read_by_the_senders_country_only(
    setting, tmp_path, client, make_user, armenia, kazakhstan, reader, may_read
):
    make_user(Role.DATA_USER, kazakhstan, username="kaz-user")
    make_user(Role.FOCAL_POINT, armenia, username="arm-focal")
    make_user(Role.EDITOR, username="editor")
    client.force_login(setting.focal)
    client.post(
        reverse("dsm_data:upload"), {"file": template_upload(tmp_path, setting, {("REFUGEE_DECISIONS", "A5"): 1})}
    )
    delivery = Delivery.objects.get()
    client.logout()
    if reader != "anonymous":
        client.force_login(setting.focal if reader == "sender" else type(setting.focal).objects.get(username=reader))
    for name in ("dsm_data:delivery", "dsm_data:delivery_file"):
        response = client.get(reverse(name, args=[delivery.pk]))
        if may_read:
            assert response.status_code == 200
        else:
            assert response.status_code in (302, 404)
            assert response.status_code == 302 or b"SHA-256" not in response.content
    # Only the sender confirms: the preview's button is theirs.
    if reader not in ("sender", "anonymous"):
        response = client.post(reverse("dsm_data:delivery_confirm", args=[delivery.pk]), {"fingerprint": "x"})
        assert response.status_code in (403, 404)
        assert Delivery.objects.get().status == DeliveryStatus.PENDING


def test_the_upload_page_is_for_submitting_users_only(setting, client, make_user):
    client.force_login(make_user(Role.EDITOR, username="editor"))
    assert client.get(reverse("dsm_data:upload")).status_code == 403
    client.logout()
    assert client.get(reverse("dsm_data:upload")).status_code == 302


def test_dry_runs_leave_no_file_behind(setting, tmp_path, settings):
    path = csv_file(tmp_path, full_decisions("KAZ", "2025", [1, 2, 3, 4, 10]))
    code, output = import_file(path, username="kaz-focal", dry_run=True)
    assert (code, database_state(), stored_files(settings)) == (0, (0, 0, 0, 0), [])
    assert "5 added" in output
