"""What every process loads: Django's set-up leaves out the libraries only some requests need.

openpyxl (with numpy), fpdf (with fontTools) and the API's views took 40 MB of each process
that merely started, and of every upload's memory (bench/excel_import.py); they load when a
file is written or a chart is drawn.
"""

import json

from tests.helpers import run_manage

LOADED_ON_DEMAND = ("openpyxl", "numpy", "fpdf", "fontTools", "api.urls", "dsm_data.exports", "dsm_data.charts.png")


def test_djangos_set_up_loads_no_library_that_only_files_and_charts_need():
    command = f"import json, sys; print(json.dumps([name for name in {LOADED_ON_DEMAND!r} if name in sys.modules]))"
    printed = run_manage("shell", "--no-imports", "-c", command, check=True).stdout
    assert json.loads(printed.strip().splitlines()[-1]) == []
