"""Importing a filled-in Excel template of 100,000 value cells, beside a bare openpyxl read of the same file.

The scratch database gets bench-only indicators broken down by age, sex and
citizenship, one country, one open period and its focal point; the template is
filled in as people do (numbers, some typed as text "1 234", some ":", totals
that add up). Each step runs in a child process of its own, which reports its
time and its peak resident memory (getrusage ru_maxrss: the whole process,
Python and Django included):

- bare read: openpyxl ``load_workbook(read_only=True)``, every value of every sheet;
- check: ``excel_import.read_upload``, the whole check, nothing stored;
- import: ``read_upload`` then ``import_upload`` committed, into an empty draft.

Limits: the import at most 3x the bare read, its peak memory under 300 MB.
"""

import argparse
import datetime
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import PROJECT_DIR, report, setup_django

TARGET_VALUE_CELLS = 100_000
INDICATOR_COUNT = 9
# Age groups in columns, sex and citizenship in rows: 19 x 3 x 196 = 11,172 value cells per sheet.
AGE_GROUPS = [f"Y{start}T{start + 4}" for start in range(0, 85, 5)] + ["Y_GE85"]
CITIZENSHIPS = [f"C{number:03d}" for number in range(195)]
COUNTRY, PERIOD, FOCAL_POINT = "KAZ", "2025", "bench-focal"
LIMITS = {"ratio_to_bare": 3, "peak_mb": 300}


def build_catalogue():
    """Bench-only dimensions and indicators, one country, an open period and its focal point."""
    from django.contrib.auth import get_user_model

    from dsm_data.models import Frequency, Period, Role
    from dsm_data.services.accounts import assign_role, save_country
    from dsm_data.services.catalogue import save_dimension, save_indicator

    def categories(codes):
        return [(code, {"en": code, "ru": code}) for code in codes]

    save_dimension("BENCH_AGE", {"en": "Age group", "ru": "Возраст"}, categories(AGE_GROUPS))
    save_dimension("BENCH_SEX", {"en": "Sex", "ru": "Пол"}, categories(["F", "M"]))
    save_dimension("BENCH_CITIZENSHIP", {"en": "Citizenship", "ru": "Гражданство"}, categories(CITIZENSHIPS))
    indicators = [
        save_indicator(
            f"BENCH_{number:02d}",
            ["BENCH_AGE", "BENCH_SEX", "BENCH_CITIZENSHIP"],
            name={"en": f"Bench indicator {number}", "ru": f"Показатель {number}"},
            unit={"en": "persons", "ru": "человек"},
            frequencies=[Frequency.ANNUAL],
        )
        for number in range(1, INDICATOR_COUNT + 1)
    ]
    country = save_country(COUNTRY, {"en": "Kazakhstan", "ru": "Казахстан"})
    today = datetime.date.today()
    period = Period.objects.create(
        code=PERIOD,
        frequency=Frequency.ANNUAL,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
        deadline=today + datetime.timedelta(days=30),
    )
    user = get_user_model().objects.create_user(username=FOCAL_POINT, password="bench-password-123")
    assign_role(user, Role.FOCAL_POINT, country)
    return country, period, indicators


def filled_template(path, country, period, indicators):
    """The template saved, filled in through its hidden map, saved again; returns the value cells filled."""
    import openpyxl

    from dsm_data.excel_template import META_SHEET, build_template

    build_template(country, period, indicators, "en").save(path)
    workbook = openpyxl.load_workbook(path)
    meta = workbook[META_SHEET]
    places = [row for row in meta.iter_rows(min_row=6, values_only=True) if row[0] is not None]
    keys_by_indicator = {}
    for _sheet, _coordinate, indicator_code, key in places:
        keys_by_indicator.setdefault(indicator_code, []).append(key)
    generator = random.Random(1)
    entries = {
        indicator_code: entries_by_key(keys, generator) for indicator_code, keys in keys_by_indicator.items()
    }
    for sheet, coordinate, indicator_code, key in places:
        workbook[sheet][coordinate] = entries[indicator_code][key]
    workbook.save(path)
    return len(places)


def entries_by_key(keys, generator):
    """What a person types in each cell: numbers, some as text with spaces, some ":"; totals that add up.

    A total is the sum of the numbers below it, so it matches every breakdown whose
    parts are all numbers (a part that is ":" leaves its totals unchecked).
    """
    leaves = [key for key in keys if "=_T" not in key]
    sums = dict.fromkeys(keys, 0)
    entries = {}
    for key in leaves:
        draw = generator.random()
        if draw < 0.02:
            entries[key] = ":"
            continue
        number = generator.randint(0, 20_000)
        entries[key] = f"{number:,}".replace(",", " ") if draw < 0.12 else number
        for total in totals_above(key):
            sums[total] += number
    for key in keys:
        entries.setdefault(key, sums[key])
    return entries


def totals_above(key):
    """The keys of the totals a leaf adds into: every way of putting _T in place of its categories."""
    parts = key.split(".")
    totals = [""]
    for part in parts:
        dimension = part.split("=")[0]
        totals = [f"{head}.{choice}" if head else choice for head in totals for choice in (part, f"{dimension}=_T")]
    return [total for total in totals if total != key]


# The steps, each run by a child process: python bench/excel_import.py --child STEP FILE


def bare_read(data):
    """The least any import must do: every value of every sheet, openpyxl read-only."""
    import io

    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True)
    filled = 0
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            filled += sum(value is not None for value in row)
    workbook.close()
    return {"filled_cells": filled}


def check(data):
    from dsm_data.excel_import import read_upload

    upload = read_upload(data)
    return {"value_cells": sum(len(cells) for cells in upload.cells.values())}


def full_import(data):
    from django.contrib.auth import get_user_model

    from dsm_data.excel_import import read_upload
    from dsm_data.services.submissions import import_upload

    user = get_user_model().objects.get(username=FOCAL_POINT)
    counts, warnings = import_upload(read_upload(data), user)
    return {**counts, "warnings": len(warnings)}


STEPS = {"bare_read": bare_read, "check": check, "import": full_import}


def run_child(step, path):
    """In the child: Django on the parent's database (no migration), then the step, timed."""
    if step != "bare_read":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dsm_site.settings")
        sys.path[:0] = [str(PROJECT_DIR), str(PROJECT_DIR / "site")]
        import django
        from django.conf import settings

        django.setup()
        settings.DEBUG = False
    data = Path(path).read_bytes()
    started = time.perf_counter()
    result = STEPS[step](data)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, **result}))


def in_child(step, path, database_url):
    environment = {**os.environ, "DSM_DATABASE_URL": database_url}
    finished = subprocess.run(
        [sys.executable, __file__, "--child", step, str(path)], env=environment, capture_output=True, text=True
    )
    if finished.returncode != 0:
        sys.exit(f"{step} failed:\n{finished.stdout}{finished.stderr}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def forget_import():
    """Empty the draft again, so that each import run starts from the same state."""
    from dsm_data.models import Submission

    Submission.objects.all().delete()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step; the median time is reported")
    parser.add_argument("--child", nargs=2, metavar=("STEP", "FILE"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        return run_child(*arguments.child)

    database_url = setup_django()
    from dsm_data.excel_import import MAX_FILE_BYTES, MAX_USED_CELLS

    started = time.perf_counter()
    country, period, indicators = build_catalogue()
    path = Path(tempfile.mkdtemp(prefix="dsm-bench-")) / "filled.xlsx"
    value_cells = filled_template(path, country, period, indicators)
    print(f"{'template':>24}: {value_cells:,} value cells, {path.stat().st_size / 2**20:.1f} MB "
          f"(built and filled in {time.perf_counter() - started:.0f} s)")  # fmt: skip

    runs = {step: [] for step in STEPS}
    for _ in range(arguments.repeat):
        for step in STEPS:
            runs[step].append(in_child(step, path, database_url))
        forget_import()
    filled_cells = runs["bare_read"][0]["filled_cells"]
    print(json.dumps(runs, indent=1))

    def seconds(step):
        return round(statistics.median(run["seconds"] for run in runs[step]), 2)

    figures = {
        "value_cells": value_cells,
        "filled_cells": filled_cells,
        "file_mb": round(path.stat().st_size / 2**20, 2),
        "bare_read_s": seconds("bare_read"),
        "check_s": seconds("check"),
        "import_s": seconds("import"),
        "check_ratio_to_bare": round(seconds("check") / seconds("bare_read"), 2),
        "ratio_to_bare": round(seconds("import") / seconds("bare_read"), 2),
        "bare_read_peak_mb": round(max(run["peak_mb"] for run in runs["bare_read"])),
        "check_peak_mb": round(max(run["peak_mb"] for run in runs["check"])),
        "peak_mb": round(max(run["peak_mb"] for run in runs["import"])),
    }
    return report("excel_import", figures, LIMITS | {"file_mb": MAX_FILE_BYTES / 2**20, "filled_cells": MAX_USED_CELLS})


if __name__ == "__main__":
    sys.exit(main())
