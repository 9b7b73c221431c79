"""Loading a publisher's 50,000-row long table through a saved mapping, beside a bare read of the same file.

The scratch database gets a bench-only indicator, asylum applications by country of
origin (160 origins by ISO alpha-3 code, and OTHER), 25 countries of asylum, the
annual periods 2015-2024 (``services.periods.create_periods``), a system
administrator and a saved mapping (``services.mappings.save_mapping``). The file is
laid out as UNHCR exports it, so it loads only through the mapping:

    Year, Country of asylum, Country of origin, Applications

names, not codes ("Republic of Moldova", "Georgia*"); 200 origins for each country and
year, 40 of them outside the indicator's list (the mapping recodes them to OTHER, and
their rows are summed, estimated, footnoted); about 2% of the figures suppressed
("*": confidential). 50,000 lines: the header and 49,999 figures, 4 filled cells
each, which is the most the cap of 200,000 filled cells lets through.

Each step runs in a child process of its own, which reports its time and its peak
resident memory (VmHWM of the child: the whole process, Python and Django included):

- bare read: every row of the file, by the csv module (python-calamine for --format xlsx);
- check: ``intake.reading.read_file(data, mapping=...)``: every check, nothing stored;
- load: ``services.deliveries.receive`` with the saved mapping, then ``confirm``: read,
  checked, previewed, read again, stored into new drafts (250 submissions), receipted,
  as the web upload does it.

Limits (issue 18): the load within 3x the bare read and 150 MB; also within 60 s, the check
within 15 s.
"""

import csv
import io
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import in_child, report, setup_django, stepped_arguments

YEARS = range(2015, 2025)
ASYLUM_COUNTRIES = 25
KNOWN_ORIGINS, UNKNOWN_ORIGINS = 160, 40  # each country and year: 200 origins, 40 of them recoded to OTHER
FIGURES = len(YEARS) * ASYLUM_COUNTRIES * (KNOWN_ORIGINS + UNKNOWN_ORIGINS) - 1  # with the header: 50,000 lines
SUPPRESSED_SHARE = 0.02
INDICATOR, DIMENSION = "BENCH_ASYLUM", "BENCH_ORIGIN"
USERNAME, MAPPING_NAME = "bench-secretariat", "UNHCR asylum applications (bench)"
HEADER = ["Year", "Country of asylum", "Country of origin", "Applications"]
# The publisher's names where they differ from ISO 3166's.
PUBLISHER_NAMES = {"MDA": "Republic of Moldova", "GEO": "Georgia*", "TUR": "Türkiye", "IRN": "Iran (Islamic Rep. of)"}
LIMITS = {"load_s": 60, "check_s": 15, "load_ratio_to_bare": 3, "peak_mb": 150}


def countries_of_the_world():
    """[(alpha-3 code, English name)] of ISO 3166, by code."""
    import pycountry

    return sorted((country.alpha_3, country.name) for country in pycountry.countries)


def build_catalogue():
    """The bench indicator and its origins, the countries of asylum, the periods, the user, the mapping."""
    from django.contrib.auth import get_user_model

    from dsm_data.intake.mapping import MappingSpec
    from dsm_data.models import Frequency, Role
    from dsm_data.services.accounts import assign_role, save_country
    from dsm_data.services.catalogue import save_dimension, save_indicator
    from dsm_data.services.mappings import save_mapping
    from dsm_data.services.periods import create_periods

    world = countries_of_the_world()
    asylum = [(code, name) for code, name in world if code in PUBLISHER_NAMES][:4]
    asylum += [item for item in world[::9] if item not in asylum][: ASYLUM_COUNTRIES - len(asylum)]
    origins = [item for item in world if item not in asylum]
    known, unknown = origins[:KNOWN_ORIGINS], origins[KNOWN_ORIGINS : KNOWN_ORIGINS + UNKNOWN_ORIGINS]
    categories = [(code, {"en": name, "ru": name}) for code, name in known]
    save_dimension(DIMENSION, {"en": "Country of origin", "ru": "Страна происхождения"}, categories + [
        ("OTHER", {"en": "Other countries", "ru": "Другие страны"})
    ])  # fmt: skip
    save_indicator(
        INDICATOR,
        [DIMENSION],
        name={"en": "Asylum applications (bench)", "ru": "Заявления об убежище (тест)"},
        unit={"en": "persons", "ru": "человек"},
        frequencies=[Frequency.ANNUAL],
    )
    for code, name in asylum:
        save_country(code, {"en": name, "ru": name})
    create_periods(Frequency.ANNUAL, first_year=YEARS[0], last_year=YEARS[-1])
    user = get_user_model().objects.create_user(username=USERNAME, password="bench-password-123")
    assign_role(user, Role.SYSTEM_ADMIN)
    spec = MappingSpec(
        columns={"Year": "period", "Country of asylum": "country", "Country of origin": DIMENSION,
                 "Applications": "value"},
        fixed={"indicator": INDICATOR},
        recode={DIMENSION: {"*": "OTHER"}},
    )  # fmt: skip
    save_mapping(spec, name=MAPPING_NAME, description="UNHCR refugee data finder, CSV", user=user)
    return asylum, known, unknown


def publisher_rows(asylum, known, unknown):
    """The file's rows after its header: each year, country of asylum and origin, its figure or "*"."""
    generator = random.Random(13)
    rows = []
    for year in YEARS:
        for code, name in asylum:
            for _origin_code, origin in known + unknown:
                figure = "*" if generator.random() < SUPPRESSED_SHARE else generator.randint(0, 5_000)
                rows.append([year, PUBLISHER_NAMES.get(code, name), origin, figure])
    return rows[:FIGURES]


def write_file(path, rows, file_format):
    if file_format == "csv":
        with open(path, "w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(HEADER)
            writer.writerows(rows)
        return
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Asylum applications")
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


# The steps, each run in a child process: long_table_import.py --child STEP FILE


def bare_read(data):
    """The least any import must do: every row of the file, as the csv module or python-calamine reads it."""
    if data.startswith(b"PK"):
        from python_calamine import CalamineWorkbook

        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        rows = workbook.get_sheet_by_index(0).to_python()
        workbook.close()
    else:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return {"lines": len(rows), "filled_cells": sum(1 for row in rows for value in row if value not in ("", None))}


def _mapping():
    from dsm_data.models import TableMapping

    return TableMapping.objects.get(name=MAPPING_NAME)


def check(data):
    from dsm_data.intake.mapping import MappingSpec
    from dsm_data.intake.reading import read_file

    uploads = read_file(data, mapping=MappingSpec.from_json(_mapping().spec)).uploads
    return {"uploads": len(uploads), "cells": sum(len(cells) for upload in uploads for cells in upload.cells.values())}


def load(data):
    from django.contrib.auth import get_user_model

    from dsm_data.models import Value
    from dsm_data.services.deliveries import confirm, receive

    user = get_user_model().objects.get(username=USERNAME)
    name = "unhcr-asylum.xlsx" if data.startswith(b"PK") else "unhcr-asylum.csv"
    delivery, changes = receive(data, original_name=name, user=user, mapping=_mapping())
    # The web shows the changes on one page and confirms by another request, which brings back only this,
    # and holds neither the uploaded file's bytes nor the changes:
    fingerprint = changes.fingerprint
    del changes, data
    delivery, warnings = confirm(delivery, user=user, fingerprint=fingerprint)
    return {
        "added": delivery.added,
        "submissions": delivery.submissions.count(),
        "warnings": len(warnings),
        "estimated": Value.objects.filter(is_estimated=True).count(),
    }


STEPS = {"bare_read": bare_read, "check": check, "load": load}


def empty_portal():
    """Remove what a load stored, so that each load starts from the same empty portal."""
    from dsm_data.models import Delivery, Submission

    Delivery.objects.all().delete()
    Submission.objects.all().delete()


def main():
    arguments = stepped_arguments(
        __doc__, STEPS, more=[("--format", {"choices": ["csv", "xlsx"], "default": "csv", "help": "the file's format"})]
    )

    setup_django()
    from django.db import connection

    from dsm_data.intake.figures import MAX_USED_CELLS

    started = time.perf_counter()
    rows = publisher_rows(*build_catalogue())
    with tempfile.TemporaryDirectory(prefix="dsm-bench-") as folder:
        path = Path(folder) / f"unhcr-asylum.{arguments.format}"
        write_file(path, rows, arguments.format)
        file_mb = round(path.stat().st_size / 2**20, 2)
        print(f"{'table':>24}: {len(rows) + 1:,} lines ({len(rows):,} figures), {file_mb} MB {arguments.format} "
              f"(made in {time.perf_counter() - started:.0f} s)")  # fmt: skip
        runs = {step: [] for step in STEPS}
        for _ in range(arguments.repeat):
            for step in STEPS:
                runs[step].append(in_child(__file__, step, path))
            empty_portal()
    loaded, checked = runs["load"][-1], runs["check"][-1]
    print(f"{'loaded':>24}: {loaded['added']:,} values added into {loaded['submissions']} submissions "
          f"({checked['cells']:,} cells read), {loaded['estimated']:,} estimated (recoded rows summed), "
          f"{loaded['warnings']} warnings; peak memory: VmHWM of each step's own process")  # fmt: skip
    for step, step_runs in runs.items():
        seconds = ", ".join(f"{run['seconds']:.2f} s" for run in step_runs)
        print(f"{step + ' runs':>24}: {seconds}")

    def median_s(step):
        return round(statistics.median(run["seconds"] for run in runs[step]), 2)

    figures = {
        "database": connection.vendor,
        "format": arguments.format,
        "lines": runs["bare_read"][-1]["lines"],
        "filled_cells": runs["bare_read"][-1]["filled_cells"],
        "file_mb": file_mb,
        "bare_read_s": median_s("bare_read"),
        "check_s": median_s("check"),
        "load_s": median_s("load"),
        "check_ratio_to_bare": round(median_s("check") / max(median_s("bare_read"), 0.01), 1),
        "load_ratio_to_bare": round(median_s("load") / max(median_s("bare_read"), 0.01), 1),
        "bare_read_peak_mb": round(max(run["peak_mb"] for run in runs["bare_read"])),
        "check_peak_mb": round(max(run["peak_mb"] for run in runs["check"])),
        "peak_mb": round(max(run["peak_mb"] for run in runs["load"])),
        # VmHWM of the load's process before it started: what Django and the project's imports take
        "start_mb": round(max(run["start_mb"] for run in runs["load"])),
        # of the peak, files mapped during the load: on SQLite the database's pages (_common.file_backed_memory_mb)
        "file_backed_growth_mb": round(max(run["file_backed_growth_mb"] for run in runs["load"])),
    }
    return report("long_table_import", figures, LIMITS | {"filled_cells": MAX_USED_CELLS})


if __name__ == "__main__":
    sys.exit(main())
