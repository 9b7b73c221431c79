"""A write of 10,000 figures through the write API, beside the same figures loaded as a file (issue 15).

The scratch database gets the demo's countries and catalogue (``demo.accounts.load_countries``,
``demo.catalogue.load_catalogue``), a bench-only indicator whose breakdown has exactly 10,000
cells that are no total (250 citizenships x 20 age groups x the demo's SEX, F and M; each bench
dimension with its total), an annual period open for entry (its deadline in the future), and a
focal point of Kazakhstan with an API token.

Each run writes Kazakhstan's 10,000 figures for that period into a new draft (what a run stored
is deleted before the next), and its receipt must count every series of the indicator as added:
the 10,000 figures and the 5,813 totals computed from them.

- write: POST /api/v1/submissions/KAZ/<period>/figures/ of the figures as JSON, with the token,
  through django.test.Client: the whole write (parsed, written as a long table, checked, stored,
  receipted), answered 201;
- dry run: the same POST with ?dry_run=1, answered 200, nothing stored;
- file channel (the bare base: the same intake without the API): the same figures as the native
  long-table CSV (indicator, country, period, <dimensions>, value), read and stored with no HTTP
  by ``services.deliveries.receive`` then ``confirm``, as the web upload does it.

Times are medians of --repeat runs in this process, after one warm-up run of each. The peak
memory is that of one write in a child process of its own (VmHWM: the whole process, Python and
Django included), beside the file channel's, measured the same way.

Limits: the write under 60 s and under 1.5x the file channel; its peak memory under 500 MB.
"""

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _common import in_child, report, setup_django, stepped_arguments

INDICATOR = "BENCH_WRITE"
CITIZENSHIP, AGE, SEX = "BENCH_CITIZENSHIP", "BENCH_AGE", "SEX"
CITIZENSHIPS, AGES, SEXES = 250, 20, ("F", "M")
FIGURES = CITIZENSHIPS * AGES * len(SEXES)  # 10,000 cells that are no total
SERIES = (CITIZENSHIPS + 1) * (AGES + 1) * (len(SEXES) + 1)  # with the totals: 15,813
COUNTRY, PERIOD = "KAZ", "2026"
USERNAME, TOKEN_VARIABLE = "bench-kaz-focal", "DSM_BENCH_API_TOKEN"
URL = f"/api/v1/submissions/{COUNTRY}/{PERIOD}/figures/"
LOCAL_MAIL = "django.core.mail.backends.locmem.EmailBackend"  # receipts kept in memory, never sent
LIMITS = {"write_s": 60, "ratio_to_file_channel": 1.5, "write_peak_mb": 500}


def build_catalogue():
    """The demo's countries and catalogue, the bench indicator, the open period, the focal point and its token."""
    import datetime

    from django.contrib.auth import get_user_model

    from api.services.tokens import create_token
    from demo.accounts import load_countries
    from demo.catalogue import load_catalogue
    from dsm_data.models import Country, Frequency, Period, Role
    from dsm_data.services.accounts import assign_role
    from dsm_data.services.catalogue import save_dimension, save_indicator
    from dsm_data.services.periods import create_periods

    load_countries()
    load_catalogue()
    citizenships = [(code, {"en": f"Citizenship {code}", "ru": f"Гражданство {code}"}) for code in citizenship_codes()]
    save_dimension(CITIZENSHIP, {"en": "Citizenship (bench)", "ru": "Гражданство (тест)"}, citizenships)
    ages = [(code, {"en": f"Age group {code}", "ru": f"Возрастная группа {code}"}) for code in age_codes()]
    save_dimension(AGE, {"en": "Age group (bench)", "ru": "Возрастная группа (тест)"}, ages)
    save_indicator(
        INDICATOR,
        [CITIZENSHIP, AGE, SEX],
        name={"en": "Foreign residents (bench)", "ru": "Иностранные жители (тест)"},
        unit={"en": "persons", "ru": "человек"},
        frequencies=[Frequency.ANNUAL],
    )
    create_periods(Frequency.ANNUAL, first_year=int(PERIOD), last_year=int(PERIOD))
    Period.objects.filter(code=PERIOD).update(deadline=datetime.date.today() + datetime.timedelta(days=180))
    user = get_user_model().objects.create_user(
        username=USERNAME, password="bench-password-123", email=f"{USERNAME}@example.org"
    )
    assign_role(user, Role.FOCAL_POINT, Country.objects.get(code=COUNTRY))
    _token, key = create_token(user, name="bench ministry system")
    os.environ[TOKEN_VARIABLE] = key  # for the child processes too (in_child passes os.environ)


def citizenship_codes():
    return [f"C{index:03d}" for index in range(1, CITIZENSHIPS + 1)]


def age_codes():
    return [f"Y{5 * index:02d}T{5 * index + 4:02d}" for index in range(AGES)]


def cells():
    """Each cell that is no total, as (citizenship, age group, sex, figure)."""
    keys = [(citizenship, age, sex) for citizenship in citizenship_codes() for age in age_codes() for sex in SEXES]
    return [(*key, (number * 7919) % 50_000) for number, key in enumerate(keys)]


def json_body():
    values = [
        {"indicator": INDICATOR, "breakdown": {CITIZENSHIP: citizenship, AGE: age, SEX: sex}, "value": figure}
        for citizenship, age, sex, figure in cells()
    ]
    return json.dumps({"values": values}).encode()


def long_table():
    lines = [f"indicator,country,period,{CITIZENSHIP},{AGE},{SEX},value"]
    lines += [f"{INDICATOR},{COUNTRY},{PERIOD},{','.join(map(str, cell))}" for cell in cells()]
    return ("\n".join(lines) + "\n").encode()


# The steps, each given the body's bytes; run here (timed) or in a child process: api_write.py --child STEP FILE


def post(data, query=""):
    from django.test import Client
    from django.test.utils import override_settings

    client = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Token {os.environ[TOKEN_VARIABLE]}")
    with override_settings(EMAIL_BACKEND=LOCAL_MAIL):
        response = client.post(URL + query, data, content_type="application/json")
    return response


def write(data):
    response = post(data)
    assert response.status_code == 201, response.content[:1000]
    receipt = response.json()["receipt"]
    assert (receipt["added"], receipt["changed"], receipt["unchanged"]) == (SERIES, 0, 0), receipt
    return {"added": receipt["added"], "warnings": receipt["warnings"], "stored": stored_values()}


def dry_run(data):
    response = post(data, "?dry_run=1")
    assert response.status_code == 200, response.content[:1000]
    receipt = response.json()["receipt"]
    assert receipt["added"] == SERIES, receipt
    assert "number" not in receipt, receipt  # a dry run's receipt has no number
    return {"added": receipt["added"], "warnings": receipt["warnings"], "stored": stored_values()}


def file_channel(data):
    from django.contrib.auth import get_user_model
    from django.test.utils import override_settings

    from dsm_data.services.deliveries import confirm, receive

    user = get_user_model().objects.get(username=USERNAME)
    with override_settings(EMAIL_BACKEND=LOCAL_MAIL):
        delivery, changes = receive(data, original_name="bench-figures.csv", user=user)
        delivery, warnings = confirm(delivery, user=user, fingerprint=changes.fingerprint)
    assert (delivery.added, delivery.changed, delivery.unchanged) == (SERIES, 0, 0), delivery
    return {"added": delivery.added, "warnings": len(warnings), "stored": stored_values()}


STEPS = {"write": write, "dry_run": dry_run, "file_channel": file_channel}


def stored_values():
    from dsm_data.models import Value

    return Value.objects.filter(indicator__code=INDICATOR, country__code=COUNTRY, period__code=PERIOD).count()


def empty_portal():
    """Remove what a run stored, so that each run writes into a new draft of the same empty portal."""
    from dsm_data.models import Delivery, Submission

    Delivery.objects.all().delete()
    Submission.objects.all().delete()


def timed(step, data):
    """Seconds of one run of ``step`` on an empty portal; checks what it left stored."""
    empty_portal()
    started = time.perf_counter()
    result = STEPS[step](data)
    seconds = time.perf_counter() - started
    assert result["stored"] == (0 if step == "dry_run" else SERIES), (step, result)
    return seconds, result


def main():
    arguments = stepped_arguments(__doc__, STEPS)

    setup_django()
    from django.db import connection

    started = time.perf_counter()
    build_catalogue()
    bodies = {"write": json_body(), "dry_run": json_body(), "file_channel": long_table()}
    print(f"{'catalogue':>24}: {SERIES:,} series, {FIGURES:,} figures to write "
          f"(built in {time.perf_counter() - started:.0f} s)")  # fmt: skip
    print(f"{'bodies':>24}: JSON {len(bodies['write']) / 2**20:.2f} MB, "
          f"long-table CSV {len(bodies['file_channel']) / 2**20:.2f} MB")  # fmt: skip
    for step, data in bodies.items():
        timed(step, data)  # the warm-up: imports done and caches filled, as in a running server
    runs = {step: [] for step in STEPS}
    results = {}
    for _ in range(arguments.repeat):
        for step, data in bodies.items():
            seconds, results[step] = timed(step, data)
            runs[step].append(seconds)
    children = {}
    with tempfile.TemporaryDirectory(prefix="dsm-bench-") as folder:
        for step in ("write", "file_channel"):
            empty_portal()
            path = Path(folder) / step
            path.write_bytes(bodies[step])
            children[step] = in_child(__file__, step, path)
    empty_portal()
    return summary(runs, results, children, connection.vendor)


def summary(runs, results, children, vendor):
    written = results["write"]
    print(f"{'stored':>24}: {written['added']:,} values added per write ({FIGURES:,} figures and "
          f"{SERIES - FIGURES:,} totals), {written['warnings']} warnings; the dry run stored nothing")  # fmt: skip
    for step, step_runs in runs.items():
        print(f"{step + ' runs':>24}: {', '.join(f'{seconds:.2f} s' for seconds in step_runs)}")
    for step, child in children.items():
        print(f"{step + ' in a child':>24}: {child['seconds']:.2f} s, peak {child['peak_mb']:.0f} MB (VmHWM)")

    def median_s(step):
        return round(statistics.median(runs[step]), 2)

    figures = {
        "database": vendor,
        "figures": FIGURES,
        "added": written["added"],
        "write_s": median_s("write"),
        "dry_run_s": median_s("dry_run"),
        "file_channel_s": median_s("file_channel"),
        "ratio_to_file_channel": round(median_s("write") / median_s("file_channel"), 2),
        "dry_run_ratio": round(median_s("dry_run") / median_s("file_channel"), 2),
        "file_channel_peak_mb": round(children["file_channel"]["peak_mb"]),
        "write_peak_mb": round(children["write"]["peak_mb"]),
    }
    return report("api_write", figures, LIMITS)


if __name__ == "__main__":
    sys.exit(main())
