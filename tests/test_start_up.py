"""What every process loads: Django's set-up leaves out the libraries only some requests need.

openpyxl (with numpy), fpdf (with fontTools) and the API's views took 40 MB of each process
that merely started, and of every upload's memory (bench/excel_import.py); they load when a
file is written or a chart is drawn. Reading and storing an upload needs none of them:
python-calamine reads a template's cells, the standard library a long table's and the workbook's parts.
"""

import json

import openpyxl

from tests.helpers import run_manage

LOADED_ON_DEMAND = (
    "openpyxl", "numpy", "fpdf", "fontTools", "api.urls", "drf_spectacular.plumbing", "dsm_data.exports",
    "dsm_data.charts.png",
)  # fmt: skip


def test_djangos_set_up_loads_no_library_that_only_files_and_charts_need():
    command = f"import json, sys; print(json.dumps([name for name in {LOADED_ON_DEMAND!r} if name in sys.modules]))"
    printed = run_manage("shell", "--no-imports", "-c", command, check=True).stdout
    assert json.loads(printed.strip().splitlines()[-1]) == []


READ_AND_STORE = """
import json, sys
from pathlib import Path
from dsm_data.intake import reading, sheets, xlsx_rows
from dsm_data.services import deliveries, submissions
from api.services import figures
data = Path(sys.argv[-1]).read_bytes()
reading.check_table_file(data)
found = (sheets.sheet_titles(data), sheets.scan_sheets(data))
workbook = sheets.open_workbook(data)
found += (list(sheets.sheet_rows(workbook, "Figures")[1]),)
found += (list(xlsx_rows.sheet_rows(sheets.open_package(data), "Figures")),)
print(json.dumps([found, [name for name in ("openpyxl", "numpy") if name in sys.modules]]))
"""


def test_reading_and_storing_an_upload_loads_no_openpyxl(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Figures"
    workbook.active.append(["Indicator", "Value"])
    workbook.active.append(["REFUGEE_DECISIONS", 12])
    workbook.save(tmp_path / "upload.xlsx")
    script = tmp_path / "read_and_store.py"
    script.write_text(READ_AND_STORE)
    command = f"import sys; sys.argv.append({str(tmp_path / 'upload.xlsx')!r}); exec(open({str(script)!r}).read())"
    printed = run_manage("shell", "--no-imports", "-c", command, check=True).stdout
    found, loaded = json.loads(printed.strip().splitlines()[-1])
    rows = [["Indicator", "Value"], ["REFUGEE_DECISIONS", 12.0]]
    assert found == [["Figures"], {"Figures": {}}, rows, [[1, rows[0]], [2, rows[1]]]]
    assert loaded == []
