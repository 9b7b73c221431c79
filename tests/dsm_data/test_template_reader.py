"""The template read by python-calamine gives what openpyxl gave: numbers, texts, dates, errors, formulas."""

import datetime
import io
import re

import openpyxl
import pytest

from dsm_data.intake.problems import Rejected
from dsm_data.intake.reading import read_file
from dsm_data.intake.sheets import plain_value, scan_sheets, sheet_titles
from tests.dsm_data.test_bad_input import claimed_size, with_sheet_xml
from tests.dsm_data.test_excel_import import filled_template, setting  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


def numbers_read(upload):
    return {series_pk: cell.number for cells in upload.cells.values() for series_pk, cell in cells.items()}


def refusal(data):
    with pytest.raises(Rejected) as refused:
        read_file(data)
    return [str(problem) for problem in refused.value.problems]


def test_calamine_values_are_made_the_values_openpyxl_gave():
    assert plain_value("") is None
    assert (plain_value(12.0), type(plain_value(12.0))) == (12, int)  # calamine reads every number as a float
    assert plain_value(12.5) == 12.5
    assert plain_value(datetime.date(2024, 1, 2)) == datetime.datetime(2024, 1, 2)
    assert plain_value("1 234") == "1 234"


def test_whole_numbers_floats_and_numbers_typed_as_text_are_read_as_before(setting, kazakhstan, tmp_path):  # noqa: F811
    cells = {("REFUGEE_DECISIONS", "A5"): 12, ("REFUGEE_DECISIONS", "B5"): 30.0,
             ("REFUGEE_DECISIONS", "C5"): "1 234", ("REFUGEE_DECISIONS", "D5"): "7"}  # fmt: skip
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], cells)
    (upload,) = read_file(path.read_bytes()).uploads
    assert sorted(numbers_read(upload).values()) == [7, 12, 30, 1234, 1283]  # the total computed


def test_a_date_in_a_value_cell_is_refused_as_openpyxl_read_it(setting, kazakhstan, tmp_path):  # noqa: F811
    cells = {("REFUGEE_DECISIONS", "A5"): datetime.date(2024, 1, 2)}
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], cells)
    assert refusal(path.read_bytes()) == [
        "Sheet REFUGEE_DECISIONS, cell A5: “2024-01-02 00:00:00” is not a number or one of the codes : c z."
    ]


def test_an_error_value_is_refused_by_its_text_not_read_as_an_empty_cell(setting, kazakhstan, tmp_path):  # noqa: F811
    """calamine reads "#DIV/0!" as ""; the sheet's XML tells it, with a formula never computed in a row alone."""
    cells = {("REFUGEE_DECISIONS", "A5"): 1, ("REFUGEE_DECISIONS", "B5"): 2}
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], cells)
    number, error = r'<c r="B5"([^>]*) t="n"><v>2</v></c>', r'<c r="B5"\1 t="e"><f>1/0</f><v>#DIV/0!</v></c>'
    # The sheets: instructions, the map, the indicator's.
    data = with_sheet_xml(path.read_bytes(), "xl/worksheets/sheet3.xml", lambda xml: re.sub(number, error, xml))
    assert scan_sheets(data)["REFUGEE_DECISIONS"] == {(5, 2): ("error", "#DIV/0!")}
    assert refusal(data) == ["Sheet REFUGEE_DECISIONS, cell B5: “#DIV/0!” is not a number or one of the codes : c z."]


def workbook_of_two_sheets():
    """A workbook whose second sheet, "Second", holds an error in B2."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "First"
    workbook.create_sheet("Second")["B2"] = "=1/0"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return with_sheet_xml(
        buffer.getvalue(),
        "xl/worksheets/sheet2.xml",
        lambda xml: xml.replace("<f>1/0</f><v></v>", "<f>1/0</f><v>#DIV/0!</v>").replace('r="B2"', 'r="B2" t="e"'),
    )


def test_sheets_are_found_by_the_workbooks_relationships_however_the_file_writes_them():
    """Relative or absolute targets, any prefix for the relationships' namespace: each sheet is its own XML."""
    data = workbook_of_two_sheets()
    assert sheet_titles(data) == ["First", "Second"]
    assert scan_sheets(data) == {"First": {}, "Second": {(2, 2): ("error", "#DIV/0!")}}

    # openpyxl writes absolute targets; other programs write them relative to the workbook's folder.
    relative_second = lambda xml: xml.replace('Target="/xl/worksheets/sheet2.xml"', 'Target="worksheets/sheet2.xml"')  # noqa: E731
    rewritten = with_sheet_xml(data, "xl/_rels/workbook.xml.rels", relative_second)
    rewritten = with_sheet_xml(
        rewritten, "xl/workbook.xml", lambda xml: xml.replace("xmlns:r=", "xmlns:rel=").replace(" r:id=", " rel:id=")
    )
    assert sheet_titles(rewritten) == ["First", "Second"]
    assert scan_sheets(rewritten) == {"First": {}, "Second": {(2, 2): ("error", "#DIV/0!")}}


def test_a_file_without_the_workbooks_relationships_is_left_to_the_reader_to_refuse():
    data = workbook_of_two_sheets()
    broken = with_sheet_xml(data, "_rels/.rels", lambda xml: xml.replace('officeDocument"', 'somethingElse"'))
    assert (sheet_titles(broken), scan_sheets(broken)) == ([], {})


@pytest.mark.parametrize(
    ("size", "refused"),
    [("A1:G6", False), ("$A$1:$G$6", False), ("A1", False), ("A:XFD", False), ("1:1048576", False),
     ("A1:XFE6", True), ("A1:AAAA6", True), ("1:1048577", True), ("A1:?", True)],
)  # fmt: skip
def test_a_sheets_claimed_size_is_refused_only_past_the_grid(size, refused):
    data = with_sheet_xml(workbook_of_two_sheets(), "xl/worksheets/sheet1.xml", claimed_size(size))
    if refused:
        with pytest.raises(Rejected):
            scan_sheets(data)
    else:
        assert scan_sheets(data)["First"] == {}


def test_a_templates_upload_reads_each_indicator_from_the_file_when_asked(setting, kazakhstan, catalogue, tmp_path):  # noqa: F811
    """The check keeps no cells, only where each is: the services get each indicator read again from
    the file, its blank totals summed as the check summed them, and only the last one asked is kept."""
    applications = catalogue["ASYLUM_APPLICATIONS"]
    parts = {("REFUGEE_DECISIONS", "A5"): 1, ("REFUGEE_DECISIONS", "B5"): 2,
             ("REFUGEE_DECISIONS", "C5"): 3, ("REFUGEE_DECISIONS", "D5"): 4}  # fmt: skip
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions, applications], parts)
    (upload,) = read_file(path.read_bytes()).uploads
    assert list(upload.cells) == [setting.decisions, applications]

    decisions = upload.cells[setting.decisions]
    grid = upload.grids["REFUGEE_DECISIONS"]
    recognised, total = grid.series_by_key["RSD_OUTCOME=RECOGNISED"].pk, grid.series_by_key["RSD_OUTCOME=_T"].pk
    assert (decisions[recognised].number, decisions[total].number) == (1, 10)
    assert upload.cells[setting.decisions] is decisions
    assert upload.grids["REFUGEE_DECISIONS"] is grid
    assert all(cell.is_blank for cell in upload.cells[applications].values())
    again = upload.cells[setting.decisions]
    assert again is not decisions
    assert again == decisions

    assert (upload.places[recognised], upload.places[total]) == (
        ("REFUGEE_DECISIONS", "A5"),
        ("REFUGEE_DECISIONS", "E5"),
    )
    application_series = upload.grids["ASYLUM_APPLICATIONS"].series
    assert sorted(upload.places) == sorted(series.pk for series in [*grid.series, *application_series])
    assert -1 not in upload.places


def test_a_sheet_the_map_names_but_the_file_lacks_is_never_read(setting, kazakhstan, tmp_path):  # noqa: F811
    """Cells the map places on a sheet the sender deleted are not in the file: nothing reads them, and the
    indicator's cells on the sheets left are read as before, when checked and when stored."""
    path = filled_template(tmp_path, kazakhstan, setting.period, [setting.decisions], {("REFUGEE_DECISIONS", "A5"): 7})
    workbook = openpyxl.load_workbook(path)
    workbook["_dsm"].append(["Deleted", "A", "REFUGEE_DECISIONS", "RSD_OUTCOME=RECOGNISED"])
    workbook["_dsm"].append(["Deleted", 5, "REFUGEE_DECISIONS", ""])
    workbook.save(path)
    (upload,) = read_file(path.read_bytes()).uploads
    recognised = upload.grids["REFUGEE_DECISIONS"].series_by_key["RSD_OUTCOME=RECOGNISED"].pk
    assert upload.cells[setting.decisions][recognised].number == 7
    assert upload.places[recognised] == ("REFUGEE_DECISIONS", "A5")
