"""A long table's sheet read a row at a time from its XML: the values python-calamine gives, in constant memory."""

import datetime
import io
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from python_calamine import CalamineWorkbook

from dsm_data.intake import sheets, xlsx_rows
from dsm_data.intake.problems import Rejected
from tests.dsm_data.test_bad_input import cell_moved, with_sheet_xml

SHEET = "xl/worksheets/sheet1.xml"


def saved(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def every_kind_of_cell():
    """A workbook with a value of each kind a publisher's table may hold, from column B and row 2 on."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Figures"
    sheet.append([])
    sheet.append([None, "text", 12, 12.5, True, False, datetime.date(2020, 3, 1)])
    sheet.append([None, datetime.datetime(2020, 3, 1, 14, 30), datetime.time(6, 15), "=1/0", '="a"&"b"', -0.0, 1e20])
    sheet["B5"] = CellRichText(["bold ", TextBlock(InlineFont(b=True), "part")])
    sheet["D5"], sheet["E5"] = " ", "line one\r\nline two"
    for cell, number, number_format in [
        ("C6", 3, "0.00%"), ("D6", 45000, "dd/mm/yyyy"), ("E6", 45000, "[h]:mm"), ("F6", 45000.75, '"at" hh:mm'),
        ("G6", 60, "yyyy-mm-dd"), ("H6", 1.25, "[Red]0.00"),
    ]:  # fmt: skip
        sheet[cell], sheet[cell].number_format = number, number_format
    sheet["J8"] = "far right"
    workbook.create_sheet("Second").append(["only", 1])
    return saved(workbook)


def calamine_rows(data, title):
    """The non-empty rows python-calamine reads, each from column A to its last filled cell."""
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(title)
    padding = [""] * sheet.start[1]
    return [(number, trimmed(padding + row)) for number, row in enumerate(sheet.iter_rows(), start=1) if any(row)]


def trimmed(values):
    while values and values[-1] == "":
        values.pop()
    return values


def sheet_rows(data, title):
    return xlsx_rows.sheet_rows(sheets.open_package(data), title)


def streamed_rows(data, title):
    return [(number, trimmed(values)) for number, values in sheet_rows(data, title) if trimmed(values)]


@pytest.mark.parametrize("title", ["Figures", "Second"])
def test_every_kind_of_value_reads_as_calamine_reads_it(title):
    data = every_kind_of_cell()
    rows = streamed_rows(data, title)
    assert rows == calamine_rows(data, title)
    if title == "Figures":  # what calamine gives, as the long tables were written for
        assert rows[0] == (2, ["", "text", 12.0, 12.5, True, False, datetime.date(2020, 3, 1)])
        assert rows[2][1][1:] == ["bold part", "", " ", "line one\r\nline two"]
        assert rows[3][1][3:8] == [
            datetime.date(2023, 3, 15), datetime.timedelta(days=45000), datetime.datetime(2023, 3, 15, 18),
            datetime.date(1900, 2, 28), 1.25,
        ]  # fmt: skip


def test_a_workbook_counting_its_dates_from_1904_reads_its_dates_alike():
    workbook = Workbook()
    workbook.epoch = datetime.datetime(1904, 1, 1)
    workbook.active.append(["period", datetime.date(2021, 6, 30), datetime.datetime(2021, 6, 30, 12)])
    data = saved(workbook)
    assert streamed_rows(data, "Sheet") == calamine_rows(data, "Sheet")
    assert streamed_rows(data, "Sheet")[0][1][1] == datetime.date(2021, 6, 30)


def test_a_number_no_date_can_hold_reads_as_the_number():
    # calamine raises OverflowError on such a cell: the long table says what is wrong with the number instead.
    workbook = Workbook()
    for column, (number, number_format) in enumerate(
        [(1e10, "yyyy-mm-dd"), (-5, "yyyy-mm-dd"), (1e15, "[h]:mm")], start=1
    ):
        cell = workbook.active.cell(1, column, number)
        cell.number_format = number_format
    assert streamed_rows(saved(workbook), "Sheet") == [(1, [1e10, -5.0, 1e15])]


# A workbook as Excel writes one, unlike openpyxl: texts in the shared strings (a rich one in runs, one with a
# phonetic guide, one with Excel's escape of a carriage return), a row and cells without their references,
# cached formula results, an error, custom date and number formats.
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RELATIONSHIPS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EXCEL_PARTS = {
    "_rels/.rels": f'<Relationships {RELATIONSHIPS}><Relationship Id="rId1" Type="{OFFICE}/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook {MAIN} xmlns:r="{OFFICE}"><sheets><sheet name="Данные" sheetId="1" r:id="rId1"/>'
    "</sheets></workbook>",
    "xl/_rels/workbook.xml.rels": f"<Relationships {RELATIONSHIPS}>"
    f'<Relationship Id="rId3" Type="{OFFICE}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId4" Type="{OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
    f'<Relationship Id="rId1" Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/sharedStrings.xml": f'<sst {MAIN}><si><t>Страна</t></si><si><t xml:space="preserve">Год </t></si>'
    "<si><r><t>Казах</t></r><r><rPr><b/></rPr><t>стан</t></r></si>"
    '<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>line_x000D_\ntwo &amp; more</t></si></sst>',
    "xl/styles.xml": f'<styleSheet {MAIN}><numFmts><numFmt numFmtId="164" formatCode="[$-419]d\\ mmmm\\ yyyy;@"/>'
    '<numFmt numFmtId="165" formatCode="&quot;Итого&quot;\\ 0"/></numFmts><cellXfs><xf numFmtId="0"/>'
    '<xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="3"/></cellXfs></styleSheet>',
    "xl/worksheets/sheet1.xml": f'<worksheet {MAIN}><dimension ref="A1:F5"/><sheetData>'
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>44927</v></c><c r="C2" s="2"><v>44927.5</v></c>'
    '<c r="D2" s="3"><v>42</v></c><c r="E2" s="4"><v>1234567</v></c><c r="F2" t="s"><v>4</v></c></row>'
    '<row><c t="str"><f>A1&amp;B1</f><v>СтранаГод </v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c>'
    '<c t="b"><v>0</v></c><c><v>1.5E-3</v></c></row>'
    '<row r="5"><c r="B5"/><c r="D5" s="4"/><c r="F5"><v>7</v></c></row></sheetData></worksheet>',
}


def test_a_workbook_as_excel_writes_it_reads_as_calamine_reads_it():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, xml in EXCEL_PARTS.items():
            archive.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml)
    data = output.getvalue()
    assert streamed_rows(data, "Данные") == calamine_rows(data, "Данные") == [
        (1, ["Страна", "Год ", "Казахстан"]),
        (2, ["東京", datetime.date(2023, 1, 1), datetime.datetime(2023, 1, 1, 12), 42.0, 1234567.0,
             "line\r\ntwo & more"]),
        (3, ["СтранаГод ", "", False, 0.0015]),
        (5, ["", "", "", "", "", 7.0]),
    ]  # fmt: skip


def rows_of_figures(count):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Table")
    sheet.append(["year", "country", "origin", "applications"])
    for index in range(count):
        sheet.append([2000 + index % 20, "Kazakhstan", f"Origin {index % 200}", index])
    return saved(workbook)


def test_rows_are_given_as_the_sheet_is_read_up_to_where_it_breaks():
    broken = with_sheet_xml(rows_of_figures(5), SHEET, lambda xml: xml.replace('<row r="4"', '<row r="4" <'))
    rows = sheet_rows(broken, "Table")
    assert [number for number, _values in (next(rows), next(rows), next(rows))] == [1, 2, 3]
    with pytest.raises(Rejected) as refusal:
        next(rows)
    assert [str(problem) for problem in refusal.value.problems] == ["The file is damaged: it cannot be opened."]


@pytest.mark.parametrize(
    "change",
    [
        lambda xml: xml.replace("<sheetViews>", '<dimension ref="A1:XFE4"/><sheetViews>'),
        lambda xml: xml.replace('r="4"', 'r="1048577"').replace('r="A4"', 'r="A1048577"'),
        cell_moved("D3", "XFE3"),
    ],
    ids=["claimed size", "row", "column"],
)
def test_a_sheet_past_excels_grid_is_refused_naming_it(change):
    data = with_sheet_xml(rows_of_figures(3), SHEET, change)
    with pytest.raises(Rejected) as refusal:
        list(sheet_rows(data, "Table"))
    assert [str(problem) for problem in refusal.value.problems] == [
        "Table: The sheet reaches beyond column XFD or row 1,048,576, where Excel ends: "
        "copy its table into a new sheet."
    ]


def peak_traced_bytes(data):
    tracemalloc.start()
    try:
        for _row in sheet_rows(data, "Table"):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_sheet():
    # calamine would hold every row: ten times the rows, about ten times the memory.
    short, long = peak_traced_bytes(rows_of_figures(500)), peak_traced_bytes(rows_of_figures(5_000))
    assert long < short * 1.5
