"""Bad input never answers 500: years and pages out of range, too many parameters, a CSV field too long,
a sheet past column XFD. Each gets a 400 or a refusal naming the problem, and writes nothing."""

import io
import re
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dsm_data.models import Confidentiality, Delivery, Submission, Value, ValueRevision
from tests.dsm_data.test_data_access import published, set_confidentiality  # noqa: F401 (a fixture)
from tests.dsm_data.test_excel_import import filled_template
from tests.dsm_data.test_uploads import HEADER, full_decisions, setting, stored_files  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

TWENTY_DIGITS = "12345678901234567890"


def written():
    return (Submission.objects.count(), Value.objects.count(), ValueRevision.objects.count(), Delivery.objects.count())


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def public_figures(published):  # noqa: F811 (the imported fixture)
    set_confidentiality(Confidentiality.PUBLIC)
    return published


BAD_YEARS = [
    ("0", "greater than or equal to 1900"),
    ("-1", "greater than or equal to 1900"),
    (TWENTY_DIGITS, "less than or equal to 2100"),
    ("2020.5", "whole number"),
    ("1e5", "whole number"),
]


def test_a_year_out_of_range_is_a_400_naming_the_filter(client, public_figures):
    before = written()
    for name, label in [("year_from", "From year"), ("year_to", "To year")]:
        for year, reason in BAD_YEARS:
            response = client.get("/en/data/", {"indicator": "REFUGEE_DECISIONS", name: year})
            assert response.status_code == 400, (name, year)
            assert [message for message in shown_messages(response) if message.startswith(f"{label}: ")] == [
                f"{label}: Ensure this value is {reason}." if "than" in reason else f"{label}: Enter a {reason}."
            ]
            assert list(response.context["table"].page.object_list) == []
    assert written() == before


def test_a_year_within_range_still_filters(client, public_figures):
    shown = client.get("/en/data/", {"indicator": "REFUGEE_DECISIONS", "year_from": "2025", "year_to": "2025"})
    later = client.get("/en/data/", {"indicator": "REFUGEE_DECISIONS", "year_from": "2026"})
    assert (shown.status_code, len(shown.context["table"].page.object_list)) == (200, 5)
    assert (later.status_code, len(later.context["table"].page.object_list)) == (200, 0)


PAGE_QUERIES = [  # (query, rows shown of the five, the note shown if any)
    ({"per_page": TWENTY_DIGITS}, 3, "A page shows at most 3 rows: to read the whole table, download it as CSV."),
    ({"per_page": "4"}, 3, "A page shows at most 3 rows: to read the whole table, download it as CSV."),
    ({"per_page": "2"}, 2, None),
    ({"per_page": "-1"}, 3, None),
    ({"per_page": "0"}, 3, None),
    ({"per_page": "many"}, 3, None),
    ({"page": TWENTY_DIGITS}, 3, f"There is no page {TWENTY_DIGITS} of this table: here is its first page."),
    ({"page": "7"}, 3, "There is no page 7 of this table: here is its first page."),
    ({"page": "-3"}, 3, None),
    ({"page": "2"}, 2, None),
]


def test_pages_are_capped_and_never_past_the_end(client, public_figures, settings):
    settings.DSM_MAX_PAGE_SIZE = 3  # under the DEFAULT_PAGE_SIZE, so the cap applies to every page
    for query, expected_rows, note in PAGE_QUERIES:
        response = client.get("/en/data/", {"indicator": "REFUGEE_DECISIONS", **query})
        assert response.status_code == 200, query
        assert len(response.context["table"].page.object_list) == expected_rows, query
        assert shown_messages(response) == ([note] if note else []), query
    both = client.get("/en/data/", {"indicator": "REFUGEE_DECISIONS", "page": TWENTY_DIGITS, "per_page": TWENTY_DIGITS})
    assert (both.status_code, len(both.context["table"].page.object_list), len(shown_messages(both))) == (200, 3, 2)


def test_the_csv_export_is_not_capped(client, public_figures, settings):
    settings.DSM_MAX_PAGE_SIZE = 3
    response = client.get("/en/data/", {"indicator": "REFUGEE_DECISIONS", "per_page": "4", "export": "csv"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert len(content.decode("utf-8-sig").strip().splitlines()) == 1 + 5


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("path", ["/en/data/", "/en/search/", "/en/accounts/login/", "/admin/login/"])
def test_more_parameters_than_allowed_is_a_clear_400(client, settings, home_pages, path, debug):
    settings.DEBUG = debug  # Django's debug page used to turn it into a 500
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 20
    before = written()
    response = client.get(path + "?" + "&".join(f"field{number}=1" for number in range(21)))
    assert response.status_code == 400
    assert response.content.decode() == (
        "The address has more than 20 parameters: shorten it, or start again from the page."
    )
    assert "Content-Security-Policy" in response  # the door still sends the headers
    assert written() == before
    assert client.get(path + "?" + "&".join(f"field{number}=1" for number in range(20))).status_code != 400


# Uploads: refused whole, naming the row and column, or the sheet.


@pytest.fixture
def focal(setting, client):  # noqa: F811 (the imported fixture)
    """A signed-in client of KAZ's focal point, with the setting of the upload tests."""
    client.force_login(setting.focal)
    client.setting = setting
    return client


def test_a_csv_field_over_the_reader_limit_is_refused_naming_row_and_column(focal, settings):
    rows = full_decisions("KAZ", "2025", [1, 2, 3, 4, 10])
    rows[1][6] = "x" * 131_073  # the footnote of the second figure: row 3 of the file, column G
    text = "\r\n".join(",".join(str(cell) for cell in row) for row in [HEADER, *rows])
    response = focal.post(reverse("dsm_data:upload"), {"file": SimpleUploadedFile("long.csv", text.encode("utf-8"))})
    assert response.status_code == 400
    assert response.context["problems"] == [
        "Sheet CSV, cell G3: The field is longer than 131072 characters: is this a table of figures?"
    ]
    assert (written(), stored_files(settings)) == ((0, 0, 0, 0), [])


def test_a_csv_row_of_more_columns_than_excel_has_is_refused(focal, settings):
    text = ",".join(HEADER) + "\r\n" + "1," * 16_384 + "1\r\n"
    response = focal.post(reverse("dsm_data:upload"), {"file": SimpleUploadedFile("wide.csv", text.encode())})
    assert response.status_code == 400
    assert response.context["problems"] == ["CSV: Row 2 has more than 16384 columns."]
    assert (written(), stored_files(settings)) == ((0, 0, 0, 0), [])


def long_table_workbook():
    workbook = openpyxl.Workbook()
    workbook.active.title = "Decisions"
    workbook.active.append(HEADER)
    for row in full_decisions("KAZ", "2025", [1, 2, 3, 4, 10]):
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def with_sheet_xml(data, sheet_path, change):
    """The .xlsx bytes with one sheet's XML changed by ``change`` (text -> text), as a hand-edited file."""
    source, output = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == sheet_path:
                changed = change(content.decode())
                assert changed != content.decode(), "the change must apply"
                content = changed.encode()
            target.writestr(item, content)
    return output.getvalue()


def claimed_size(reference):
    return lambda xml: re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{reference}"', xml)


def cell_moved(old, new):
    return lambda xml: xml.replace(f'r="{old}"', f'r="{new}"')


PAST_XFD = [
    claimed_size("A1:XFE6"),  # one column past XFD: every row would be read 16,385 cells wide
    claimed_size("A1:AAAA6"),  # past ZZZ: openpyxl cannot open the workbook
    claimed_size("A1:G2000000"),  # past the last row
    cell_moved("G3", "XFE3"),
    cell_moved("G3", "AAAA3"),  # openpyxl fails while reading the row
]


@pytest.mark.parametrize("change", PAST_XFD)
def test_a_long_table_sheet_past_column_xfd_is_refused_naming_the_sheet(focal, settings, change):
    data = with_sheet_xml(long_table_workbook(), "xl/worksheets/sheet1.xml", change)
    response = focal.post(reverse("dsm_data:upload"), {"file": SimpleUploadedFile("table.xlsx", data)})
    assert response.status_code == 400
    assert response.context["problems"] == [
        "Decisions: The sheet reaches beyond column XFD or row 1,048,576, where Excel ends: "
        "copy its table into a new sheet."
    ]
    assert (written(), stored_files(settings)) == ((0, 0, 0, 0), [])


@pytest.mark.parametrize("change", [claimed_size("A1:XFE40"), claimed_size("A1:AAAA40")])
def test_a_template_sheet_past_column_xfd_is_refused_naming_the_sheet(focal, settings, tmp_path, change):
    path = filled_template(tmp_path, focal.setting.focal.country, focal.setting.period, [focal.setting.decisions], {})
    workbook = openpyxl.load_workbook(path, read_only=True)
    first_sheet = workbook.sheetnames[0]
    workbook.close()
    data = with_sheet_xml(path.read_bytes(), "xl/worksheets/sheet1.xml", change)
    response = focal.post(reverse("dsm_data:upload"), {"file": SimpleUploadedFile("filled.xlsx", data)})
    assert response.status_code == 400
    assert response.context["problems"] == [
        f"{first_sheet}: The sheet reaches beyond column XFD or row 1,048,576, where Excel ends: "
        "copy its table into a new sheet."
    ]
    assert (written(), stored_files(settings)) == ((0, 0, 0, 0), [])


def test_a_template_cell_in_a_duration_format_too_long_for_one_is_refused_naming_the_sheet(focal, settings, tmp_path):
    # python-calamine raises OverflowError on such a cell; the upload says what is wrong instead of failing.
    path = filled_template(tmp_path, focal.setting.focal.country, focal.setting.period, [focal.setting.decisions], {})
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["REFUGEE_DECISIONS"]
    sheet["A5"] = 1e10
    sheet["A5"].number_format = "[h]:mm"  # hours, past 24: a duration (a date format reads as the number)
    workbook.save(path)
    response = focal.post(reverse("dsm_data:upload"), {"file": SimpleUploadedFile("filled.xlsx", path.read_bytes())})
    assert response.status_code == 400
    assert response.context["problems"] == [
        f"{sheet.title}: A cell in a format of hours holds a number too large for a duration: format it as a number."
    ]
    assert (written(), stored_files(settings)) == ((0, 0, 0, 0), [])
