"""Template -> filled in with openpyxl -> dsm_import: all of it or nothing."""

import datetime
import io
import zipfile

import openpyxl
import pytest
from django.core.management import call_command

from dsm_data.models import Role, Submission, Value, ValueRevision
from dsm_data.selectors.templates import template_workbook

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(catalogue, kazakhstan, make_user, make_period):
    class Setting:
        focal = make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal")
        period = make_period(2025)
        decisions = catalogue["REFUGEE_DECISIONS"]

    return Setting


def filled_template(tmp_path, country, period, indicators, cells, language="en", meta=None):
    """A template saved, reopened as a person's Excel would, filled in and saved again."""
    path = tmp_path / "filled.xlsx"
    template_workbook(country, period, indicators=indicators, language=language).save(path)
    workbook = openpyxl.load_workbook(path)
    for (sheet, coordinate), value in cells.items():
        workbook[sheet][coordinate] = value
    for coordinate, value in (meta or {}).items():
        workbook["_dsm"][coordinate] = value
    workbook.save(path)
    return path


def import_file(path, username="kaz-focal", dry_run=False):
    """(exit code, output) of dsm_import."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("dsm_import", str(path), user=username, dry_run=dry_run, stdout=out, stderr=err)
    except SystemExit as stop:
        return stop.code, out.getvalue() + err.getvalue()
    return 0, out.getvalue() + err.getvalue()


def database_state():
    return (Submission.objects.count(), Value.objects.count(), ValueRevision.objects.count())


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_filled_template_is_imported_as_a_draft_through_the_excel_channel(setting, kazakhstan, tmp_path, language):
    cells = {("REFUGEE_DECISIONS", "A5"): 12, ("REFUGEE_DECISIONS", "B5"): "1\u00a0234",
             ("REFUGEE_DECISIONS", "C5"): 30.0, ("REFUGEE_DECISIONS", "D5"): ":"}  # fmt: skip
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], cells, language)
    code, output = import_file(path)
    assert code == 0, output
    assert "KAZ 2025, 4 added, 0 changed" in output
    values = {value.series.key: value for value in Value.objects.select_related("series")}
    assert values["RSD_OUTCOME=RECOGNISED"].number == 12
    assert values["RSD_OUTCOME=COMPLEMENTARY"].number == 1234
    assert values["RSD_OUTCOME=CLOSED"].absence == "not_available"
    assert "RSD_OUTCOME=_T" not in values  # a part is unknown: no total to compute
    assert set(ValueRevision.objects.values_list("channel", flat=True)) == {"excel"}
    code, output = import_file(path)
    assert "0 added, 0 changed, 4 unchanged" in output


def test_a_dry_run_checks_and_stores_nothing(setting, kazakhstan, tmp_path):
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], {("REFUGEE_DECISIONS", "A5"): 3})
    code, output = import_file(path, dry_run=True)
    assert (code, database_state()) == (0, (0, 0, 0))
    assert "dry run" in output


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4 not a workbook", "not an Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "encrypted or an old .xls"),
        (b"PK\x03\x04" + b"\0" * (11 * 1024 * 1024), "files larger than 10 MB are refused"),
        (zip_bytes({"xl/workbook.xml": "<workbook/>", "xl/vbaProject.bin": "macro"}), "macros are refused"),
        (zip_bytes({"xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet1.xml": "\0" * 5_000_000}), "unpacks"),
        (zip_bytes({"word/document.xml": "<document/>"}), "not an Excel workbook"),
    ],
    ids=["pdf", "encrypted", "too-large", "macros", "zip-bomb", "docx"],
)
def test_files_that_are_not_plain_workbooks_are_refused(setting, tmp_path, content, message):
    path = tmp_path / "upload.xlsx"
    path.write_bytes(content)
    code, output = import_file(path)
    assert (code, database_state()) == (1, (0, 0, 0))
    assert message in output


@pytest.mark.parametrize(
    ("cells", "meta", "message"),
    [
        ({("REFUGEE_DECISIONS", "A5"): -5}, {}, "Sheet REFUGEE_DECISIONS, cell A5: Refugee status determinations: "
                                               "Refugee status granted: a count cannot be negative (-5)."),
        ({("REFUGEE_DECISIONS", "B5"): "lots"}, {}, "Sheet REFUGEE_DECISIONS, cell B5: “lots” is not a number"),
        ({("REFUGEE_DECISIONS", "A5"): "=1+1"}, {}, "Sheet REFUGEE_DECISIONS, cell A5: A formula without a computed"),
        ({("REFUGEE_DECISIONS", f"{column}5"): 1 for column in "ABCD"} | {("REFUGEE_DECISIONS", "E5"): 9}, {},
         "cell E5: Refugee status determinations: Total: the total 9 differs"),
        ({("REFUGEE_DECISIONS", "A5"): 1}, {"B1": 0}, "This template is of version 0"),
    ],
    ids=["negative", "unknown-code", "formula-without-value", "total", "old-version"],
)  # fmt: skip
def test_bad_cells_are_refused_with_sheet_and_cell_and_nothing_is_stored(
    setting, kazakhstan, tmp_path, cells, meta, message
):
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], cells, meta=meta)
    code, output = import_file(path)
    assert (code, database_state()) == (1, (0, 0, 0))
    assert message in output


def test_a_workbook_for_another_country_is_refused(setting, armenia, tmp_path):
    path = filled_template(tmp_path, armenia, setting.period, [setting.decisions], {("REFUGEE_DECISIONS", "A5"): 1})
    code, output = import_file(path)
    assert (code, database_state()) == (1, (0, 0, 0))
    assert "The file holds figures of Armenia: you may send figures only for your own country." in output


def test_a_closed_period_is_refused(setting, kazakhstan, make_period, tmp_path):
    closed = make_period(2020, deadline=datetime.date(2021, 3, 31))
    path = filled_template(tmp_path, kazakhstan, closed, [setting.decisions], {("REFUGEE_DECISIONS", "A5"): 1})
    code, output = import_file(path)
    assert (code, database_state()) == (1, (0, 0, 0))
    assert "The period 2020 closed for entry" in output


def test_an_unusable_call_exits_with_2(setting, kazakhstan, tmp_path):
    assert import_file(tmp_path / "missing.xlsx")[0] == 2
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], {})
    assert import_file(path, username="nobody")[0] == 2


def test_warnings_do_not_reject_an_upload_and_are_listed_by_cell(setting, kazakhstan, make_period, tmp_path):
    """A figure far above last year's is stored, with a warning to explain before submitting."""
    from dsm_data.grid import build_grid
    from dsm_data.services import submissions as services
    from tests.conftest import cells_from

    last_year = make_period(2024)
    submission = services.open_submission(kazakhstan, last_year, user=setting.focal)
    grid = build_grid(setting.decisions)
    entries = {"RSD_OUTCOME=RECOGNISED": "100", "RSD_OUTCOME=COMPLEMENTARY": "0",
               "RSD_OUTCOME=REJECTED": "0", "RSD_OUTCOME=CLOSED": "0"}  # fmt: skip
    services.save_cells(submission, setting.decisions, cells=cells_from(grid, entries), user=setting.focal)
    cells = {("REFUGEE_DECISIONS", "A5"): 400} | {("REFUGEE_DECISIONS", f"{c}5"): 0 for c in "BCD"}
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], cells)
    code, output = import_file(path)
    assert code == 0, output
    assert (
        "Warning: Sheet REFUGEE_DECISIONS, cell E5: Refugee status determinations: Total: 400 differs by 300%" in output
    )
    assert Value.objects.filter(period=setting.period).count() == 5


def with_computed_values(path, computed):
    """The file as Excel saves it after calculating: each formula of ``computed`` with its value."""
    with zipfile.ZipFile(path) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    for name in entries:
        if name.startswith("xl/worksheets/"):
            for formula, value in computed.items():
                entries[name] = entries[name].replace(f"<f>{formula}</f><v></v>".encode(),
                                                      f"<f>{formula}</f><v>{value}</v>".encode())  # fmt: skip
    path.write_bytes(zip_bytes(entries))
    return path


def test_formulas_are_read_by_their_computed_value_and_refused_without_one(setting, kazakhstan, tmp_path):
    cells = {("REFUGEE_DECISIONS", "A5"): "=1+1", ("REFUGEE_DECISIONS", "B5"): "=2+2",
             ("REFUGEE_DECISIONS", "C5"): 3, ("REFUGEE_DECISIONS", "D5"): "=SUM(A5:B5)"}  # fmt: skip
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], cells)
    code, output = import_file(with_computed_values(path, {"1+1": 2, "SUM(A5:B5)": 6}))
    assert (code, database_state()) == (1, (0, 0, 0))
    assert "cell B5: A formula without a computed value" in output
    assert "cell A5" not in output
    assert "cell D5" not in output
    code, output = import_file(with_computed_values(path, {"2+2": 4}))
    assert code == 0, output
    values = {value.series.key: value.number for value in Value.objects.select_related("series")}
    assert values == {"RSD_OUTCOME=RECOGNISED": 2, "RSD_OUTCOME=COMPLEMENTARY": 4, "RSD_OUTCOME=REJECTED": 3,
                      "RSD_OUTCOME=CLOSED": 6, "RSD_OUTCOME=_T": 15}  # fmt: skip


def visible_and_map_cells(path):
    workbook = openpyxl.load_workbook(path)
    counts = {True: 0, False: 0}
    for sheet in workbook:
        counts[sheet.title == "_dsm"] += sum(value is not None for row in sheet.values for value in row)
    return counts[False], counts[True]


def test_a_template_with_too_many_filled_cells_is_refused(setting, kazakhstan, tmp_path, monkeypatch):
    """The cap counts every filled cell people see, labels included; the refusal tells the file's own count."""
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], {("REFUGEE_DECISIONS", "A5"): 1})
    visible, _map_cells = visible_and_map_cells(path)
    monkeypatch.setattr("dsm_data.intake.figures.MAX_USED_CELLS", visible - 1)
    code, output = import_file(path)
    assert (code, database_state()) == (1, (0, 0, 0))
    assert f"The file has {visible:,} filled cells; at most {visible - 1:,} are read." in output
    monkeypatch.setattr("dsm_data.intake.figures.MAX_USED_CELLS", 10)
    assert f"The file has {visible:,} filled cells; at most 10 are read." in import_file(path)[1]


def test_the_hidden_map_does_not_count_against_the_cap_but_has_a_bound_of_its_own(
    setting, kazakhstan, tmp_path, monkeypatch
):
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], {("REFUGEE_DECISIONS", "A5"): 1})
    visible, map_cells = visible_and_map_cells(path)
    assert map_cells > 4 * 5  # the map names each of the five columns and the row of value cells in four cells
    monkeypatch.setattr("dsm_data.intake.figures.MAX_USED_CELLS", visible)
    assert import_file(path, dry_run=True)[0] == 0

    # A map longer than the cap allows is refused, even if the sheets are small.
    workbook = openpyxl.load_workbook(path)
    for row in range(100, 100 + visible + 10):
        workbook["_dsm"].append(["REFUGEE_DECISIONS", row, "REFUGEE_DECISIONS", ""])
    workbook.save(path)
    code, output = import_file(path)
    assert (code, database_state()) == (1, (0, 0, 0))
    assert f"more than {visible} filled cells" in output


def test_an_upload_again_revises_only_the_cells_that_changed(setting, kazakhstan, tmp_path):
    parts = {("REFUGEE_DECISIONS", "A5"): 10, ("REFUGEE_DECISIONS", "B5"): 20,
             ("REFUGEE_DECISIONS", "C5"): 30, ("REFUGEE_DECISIONS", "D5"): 40}  # fmt: skip
    assert import_file(filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], parts))[0] == 0
    # The template comes back with the stored figures; the total is emptied, to be computed again.
    changed = {**parts, ("REFUGEE_DECISIONS", "A5"): 15, ("REFUGEE_DECISIONS", "E5"): None}
    code, output = import_file(filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], changed))
    assert code == 0, output
    assert "0 added, 2 changed, 3 unchanged" in output  # the part, and the total computed from it
    revisions = {value.series.key: (value.number, value.revision) for value in Value.objects.select_related("series")}
    assert revisions["RSD_OUTCOME=RECOGNISED"] == (15, 2)
    assert revisions["RSD_OUTCOME=_T"] == (105, 2)
    assert revisions["RSD_OUTCOME=CLOSED"] == (40, 1)
    total = Value.objects.get(series__key="RSD_OUTCOME=_T")
    assert [(revision.revision, revision.number) for revision in total.revisions.all()] == [(1, 100), (2, 105)]
    assert ValueRevision.objects.count() == 7


def test_a_new_comment_alone_is_stored_without_a_revision(setting, kazakhstan):
    from dsm_data.cells import Cell
    from dsm_data.grid import build_grid
    from dsm_data.services import submissions as services

    submission = services.open_submission(kazakhstan, setting.period, user=setting.focal)
    closed = build_grid(setting.decisions).series_by_key["RSD_OUTCOME=CLOSED"]
    services.save_cells(submission, setting.decisions, cells={closed.pk: Cell(number=5)}, user=setting.focal)
    services.save_cells(
        submission, setting.decisions, cells={closed.pk: Cell(number=5, comment="Checked.")}, user=setting.focal
    )
    value = Value.objects.get(series_id=closed.pk)
    assert (value.number, value.comment, value.revision, value.revisions.count()) == (5, "Checked.", 1, 1)


def totals_above(grid, series):
    """The definition, by a scan of the grid: the series with the same category, or the total, in each dimension."""
    from dsm_data.models import TOTAL_CODE

    categories = grid.categories_by_series[series.pk]
    return [
        other
        for other in grid.series
        if other.pk != series.pk
        and all(
            theirs.pk == ours.pk or theirs.code == TOTAL_CODE
            for theirs, ours in zip(grid.categories_by_series[other.pk], categories, strict=True)
        )
    ]


def test_the_totals_to_recompute_are_found_by_key_as_a_scan_of_the_grid_finds_them(catalogue):
    """``recompute_totals`` looks up the totals above changed cells by their categories."""
    import random

    from dsm_data.grid import build_grid
    from dsm_data.validation import unchanged_totals_above

    generator = random.Random(1)
    for indicator in catalogue.values():
        grid = build_grid(indicator)
        for share in (0.05, 0.3, 0.8, 1):
            changed = {series.pk for series in grid.series if generator.random() < share}
            scanned = {
                total.pk
                for series in grid.series
                if series.pk in changed
                for total in totals_above(grid, series)
                if total.pk not in changed
            }
            assert unchanged_totals_above(grid, changed) == scanned, (indicator.code, share)
