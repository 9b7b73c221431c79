"""What every process loads: Django's set-up leaves out the libraries only some requests need.

openpyxl (with numpy), fpdf (with fontTools) and the API's views took 40 MB of each process
that merely started, and of every upload's memory (bench/excel_import.py); they load when a
file is written or a chart is drawn. Reading and storing an upload needs none of them:
python-calamine reads a template's cells, the standard library a long table's and the workbook's parts.
A web worker loads the URLconf at its first request, and with it every view: the file writers
stay out of that too (a worker held 150 MB after its first request, 119 MB without them).
"""

import json

import openpyxl

from tests.helpers import run_manage

# Loaded by the request that writes an XLSX or PDF file, or the task that builds a report.
FILE_WRITERS = ("openpyxl", "numpy", "fpdf", "fontTools")
LOADED_ON_DEMAND = (
    *FILE_WRITERS, "api.urls", "drf_spectacular.plumbing", "dsm_data.exports", "dsm_data.charts.png",
)  # fmt: skip


def loaded_after(statement, names):
    """Which of ``names`` a ``manage.py shell`` has imported once it has run ``statement``."""
    command = f"{statement}; import json, sys; print(json.dumps([name for name in {names!r} if name in sys.modules]))"
    printed = run_manage("shell", "--no-imports", "-c", command, check=True).stdout
    return json.loads(printed.strip().splitlines()[-1])


def test_djangos_set_up_loads_no_library_that_only_files_and_charts_need():
    assert loaded_after("pass", LOADED_ON_DEMAND) == []


def test_the_urlconf_and_its_views_load_no_file_writer():
    urls = "from django.urls import resolve; resolve('/en/'); import api.urls, reports.urls, dsm_data.urls"
    assert loaded_after(urls, FILE_WRITERS + ("api.urls",)) == ["api.urls"]  # the URLconf was loaded whole


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
