"""Importing a filled-in Excel template of 100,000 value cells, beside a bare python-calamine read of the same file.

The scratch database gets bench-only indicators broken down by age, sex and
citizenship, one country, an open period and its focal point; the template is
filled in as people do (numbers, some typed as text "1 234", some ":", totals
that add up). Each step runs in a child process of its own, which reports its
time and its peak resident memory (VmHWM of the child: the whole process,
Python and Django included):

- bare read: python-calamine's ``CalamineWorkbook``, every row of every sheet (the hidden map too);
- check: ``intake.reading.read_file``, every check, nothing stored;
- import: ``read_file`` then ``import_upload``, committed, into an empty draft;
- bare store: as many values and their first revisions as the template holds, by plain SQL
  (one executemany each; COPY on PostgreSQL), committed, nothing read or checked.

Limits: the import at most 3x the bare read (issue 18), its peak memory under 150 MB. The bare
store alone takes several times the bare read (the database writes two rows a value and their
indexes), so the import is also set beside both together: at most 3x the bare read and store.

The upload cap of 200,000 filled cells counts the cells people see; the hidden
map (four cells per column and per row of value cells) has a bound of its own, so this template of
100,000 value cells is uploaded as it is.
"""

import datetime
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import in_child, report, setup_django, stepped_arguments

INDICATOR_COUNT = 9
# Age groups in columns, sex and citizenship in rows: 19 x 3 x 196 = 11,172 value cells per sheet, 100,548 in all.
AGE_GROUPS = [f"Y{start}T{start + 4}" for start in range(0, 85, 5)] + ["Y_GE85"]
CITIZENSHIPS = [f"C{number:03d}" for number in range(195)]
COUNTRY, PERIOD, FOCAL_POINT = "KAZ", "2025", "bench-focal"
LIMITS = {"ratio_to_bare": 3, "ratio_to_bare_read_and_store": 3, "peak_mb": 150}


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
    period = Period.objects.create(
        code=PERIOD,
        frequency=Frequency.ANNUAL,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
        deadline=datetime.date.today() + datetime.timedelta(days=30),
    )
    user = get_user_model().objects.create_user(username=FOCAL_POINT, password="bench-password-123")
    assign_role(user, Role.FOCAL_POINT, country)
    return country, period, indicators


def filled_template(path, country, period, indicators):
    """The template saved, filled in through its hidden map, saved again; returns (value cells, filled cells).

    Filled cells are those of the sheets people see, as the upload cap counts them.
    """
    import openpyxl

    from dsm_data.excel_template import build_template
    from dsm_data.intake.sheets import column_letters
    from dsm_data.intake.template_map import META_SHEET, TemplateMap

    build_template(country, period, indicators=indicators, language="en").save(path)
    workbook = openpyxl.load_workbook(path)
    found_map = TemplateMap.from_rows(workbook[META_SHEET].iter_rows(values_only=True))
    places = [
        (sheet, f"{column_letters(column)}{row}", indicator_code, key)
        for sheet, sheet_places in found_map.sheets.items()
        for row, column, indicator_code, key in sheet_places.cells()
    ]
    keys_by_indicator = {}
    for _sheet, _coordinate, indicator_code, key in places:
        keys_by_indicator.setdefault(indicator_code, []).append(key)
    generator = random.Random(1)
    entries = {code: entries_by_key(keys, generator) for code, keys in keys_by_indicator.items()}
    for sheet, coordinate, indicator_code, key in places:
        workbook[sheet][coordinate] = entries[indicator_code][key]
    workbook.save(path)
    filled = sum(
        value is not None for sheet in workbook if sheet.title != META_SHEET for row in sheet.values for value in row
    )
    return len(places), filled


def entries_by_key(keys, generator):
    """What a person types in each cell: numbers, some as text with spaces, some ":"; totals that add up.

    A total is the sum of the numbers below it, so it matches every breakdown whose
    parts are all numbers (a part that is ":" leaves its totals unchecked).
    """
    sums = dict.fromkeys(keys, 0)
    entries = {}
    for key in keys:
        if "=_T" in key:
            continue
        draw = generator.random()
        if draw < 0.02:
            entries[key] = ":"
            continue
        number = generator.randint(0, 20_000)
        entries[key] = f"{number:,}".replace(",", " ") if draw < 0.12 else number
        for total in totals_above(key):
            sums[total] += number
    return {key: entries.get(key, sums[key]) for key in keys}


def totals_above(key):
    """The keys of the totals a breakdown cell adds into: every way of putting _T in place of its categories."""
    totals = [""]
    for part in key.split("."):
        total = part.split("=")[0] + "=_T"
        totals = [f"{head}.{choice}" if head else choice for head in totals for choice in (part, total)]
    return [total for total in totals if total != key]


# The steps, each run in a child process: excel_import.py --child STEP FILE


def bare_read(data):
    """The least any import must do: every row of every sheet, hidden map included, read by python-calamine."""
    import io

    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    filled = 0
    for name in workbook.sheet_names:
        for row in workbook.get_sheet_by_name(name).iter_rows():
            filled += len(row) - row.count("")
    workbook.close()
    return {"filled_cells": filled}


def check(data):
    from dsm_data.intake.reading import read_file

    (upload,) = read_file(data).uploads
    return {"value_cells": len(upload.places)}  # the cells' places: counting the cells would read them again


def full_import(data):
    from django.contrib.auth import get_user_model

    from dsm_data.intake.reading import read_file
    from dsm_data.services.submissions import import_upload

    user = get_user_model().objects.get(username=FOCAL_POINT)
    submission, warnings = import_upload(read_file(data).uploads[0], user=user)
    return {"added": submission.values.count(), "warnings": len(warnings)}  # into an empty draft


def bare_store(data):
    """The least any import must write: a value and its first revision for each of the template's value cells."""
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.utils import timezone

    from dsm_data.models import Country, Period, Series, Submission

    country, period = Country.objects.get(code=COUNTRY), Period.objects.get(code=PERIOD)
    user = get_user_model().objects.get(username=FOCAL_POINT)
    series = Series.objects.filter(indicator__code__startswith="BENCH_").values_list("pk", "indicator_id")
    with transaction.atomic(), connection.cursor() as cursor:
        submission = Submission.objects.create(country=country, period=period)
        fixed = ("", False, False, "", "", "public", None, 1, country.pk, period.pk, submission.pk)
        _bare_insert(cursor, "dsm_data_value", "number, absence, is_provisional, is_estimated, footnote, comment, "
                     "confidentiality, released_at, revision, country_id, period_id, submission_id, series_id, "
                     "indicator_id", [(1, *fixed, *pair) for pair in series])  # fmt: skip
        cursor.execute("SELECT id FROM dsm_data_value WHERE submission_id = %s", [submission.pk])
        revision = (1, 1, "", False, False, "", "excel", "", False, user.pk, timezone.now())
        _bare_insert(cursor, "dsm_data_valuerevision", "value_id, revision, number, absence, is_provisional, "
                     "is_estimated, footnote, channel, reason, is_correction, changed_by_id, changed_at",
                     [(pk, *revision) for (pk,) in cursor.fetchall()])  # fmt: skip
    return {"stored": len(series)}


def _bare_insert(cursor, table, columns, rows):
    if cursor.db.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        placeholders = ", ".join(["%s"] * len(rows[0]))
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)


STEPS = {"bare_read": bare_read, "check": check, "import": full_import, "bare_store": bare_store}


def empty_draft():
    """Remove the imported submission, so that each import starts from the same empty draft."""
    from dsm_data.models import Submission

    Submission.objects.all().delete()


def main():
    arguments = stepped_arguments(__doc__, STEPS)

    setup_django()
    from django.conf import settings
    from django.db import connection

    from dsm_data.intake.figures import MAX_USED_CELLS

    max_file_bytes = settings.DSM_MAX_UPLOAD_BYTES

    started = time.perf_counter()
    country, period, indicators = build_catalogue()
    with tempfile.TemporaryDirectory(prefix="dsm-bench-") as folder:
        path = Path(folder) / "filled.xlsx"
        value_cells, filled_cells = filled_template(path, country, period, indicators)
        file_mb = round(path.stat().st_size / 2**20, 2)
        print(f"{'template':>24}: {value_cells:,} value cells, {filled_cells:,} filled cells, {file_mb} MB "
              f"(built and filled in {time.perf_counter() - started:.0f} s)")  # fmt: skip
        runs = {step: [] for step in STEPS}
        for _ in range(arguments.repeat):
            for step in STEPS:
                runs[step].append(in_child(__file__, step, path))
                empty_draft()  # the import and the bare store each start from no submission
    imported = runs["import"][-1]
    print(f"{'imported':>24}: {imported['added']:,} added, {imported['warnings']} warnings; "
          "peak memory: VmHWM of each step's own process")  # fmt: skip
    for step, step_runs in runs.items():
        seconds = ", ".join(f"{run['seconds']:.2f} s" for run in step_runs)
        print(f"{step + ' runs':>24}: {seconds}")

    def median_s(step):
        return round(statistics.median(run["seconds"] for run in runs[step]), 2)

    def peak_mb(step):
        return round(max(run["peak_mb"] for run in runs[step]))

    figures = {
        "database": connection.vendor,
        "value_cells": value_cells,
        "filled_cells": filled_cells,
        "file_mb": file_mb,
        "bare_read_s": median_s("bare_read"),
        "check_s": median_s("check"),
        "import_s": median_s("import"),
        "check_ratio_to_bare": round(median_s("check") / median_s("bare_read"), 2),
        "ratio_to_bare": round(median_s("import") / median_s("bare_read"), 2),
        "bare_store_s": median_s("bare_store"),
        "ratio_to_bare_read_and_store": round(median_s("import") / (median_s("bare_read") + median_s("bare_store")), 2),
        "bare_read_peak_mb": peak_mb("bare_read"),
        "check_peak_mb": peak_mb("check"),
        "peak_mb": peak_mb("import"),
        # VmHWM of the import's process before it started: what Django and the project's imports take
        "start_mb": round(max(run["start_mb"] for run in runs["import"])),
        # of the peak, files mapped during the import: on SQLite the database's pages (see file_backed_memory_mb)
        "file_backed_growth_mb": round(max(run["file_backed_growth_mb"] for run in runs["import"])),
    }
    return report("excel_import", figures, LIMITS | {"file_mb": max_file_bytes / 2**20, "filled_cells": MAX_USED_CELLS})


if __name__ == "__main__":
    sys.exit(main())
