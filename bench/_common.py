"""What every benchmark needs: a Django set-up on a scratch database, timers, the report.

A benchmark prints each figure beside the limit it is held to and ends with one
JSON line, e.g. {"bench": "home_page", "median_ms": 4.1, "target_median_ms": 50}.
Set DSM_BENCH_DATABASE_URL to run one on PostgreSQL (the database is emptied).
"""

import argparse
import atexit
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def setup_django():
    """Configure Django on a fresh scratch database, migrated; returns its URL."""
    database_url = os.environ.get("DSM_BENCH_DATABASE_URL")
    if not database_url:
        folder = tempfile.mkdtemp(prefix="dsm-bench-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)  # 50 MB a run, left in /tmp before
        database_url = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["DSM_DATABASE_URL"] = database_url
    os.environ.setdefault("DSM_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dsm_site.settings")
    sys.path[:0] = [str(PROJECT_DIR), str(PROJECT_DIR / "site")]
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.DEBUG = False  # no query log: measure what production runs
    if database_url.startswith("postgres"):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    call_command("migrate", "--no-input", verbosity=0)
    return database_url


def timings_ms(function, repeat, warmup=3):
    for _ in range(warmup):
        function()
    result = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        result.append((time.perf_counter() - started) * 1000)
    return result


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def query_count(function):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def report(bench, figures, limits, minimums=None):
    """Print each figure beside its limit (a maximum, or a minimum), then the JSON line; exit 1 if one is broken."""
    minimums = minimums or {}
    broken = []
    for name, value in figures.items():
        limit, at_least = (minimums[name], True) if name in minimums else (limits.get(name), False)
        if limit is None:
            print(f"{name:>24}: {value}")
            continue
        ok = value >= limit if at_least else value <= limit
        broken += [] if ok else [name]
        ratio = f" ({value / limit:.2f} of the limit)" if limit else ""
        verdict = "ok" if ok else ("UNDER" if at_least else "OVER")
        print(f"{name:>24}: {value} ({'minimum' if at_least else 'limit'} {limit}){ratio} {verdict}")
    targets = {f"target_{name}": limit for name, limit in limits.items()}
    targets.update({f"minimum_{name}": limit for name, limit in minimums.items()})
    line = {"bench": bench, **figures, **targets}
    print(json.dumps(line))
    return 1 if broken else 0


def median(values):
    return round(statistics.median(values), 2)


# Steps measured in a child process of their own: a clean memory peak, no import cached by another step.


def stepped_arguments(description, steps, *, more=()):
    """The command line of a benchmark that times its steps, each also alone in a child process:
    ``--repeat`` and ``more`` ([(flag, argparse keywords)]); in a child (``--child STEP FILE``, given by
    ``in_child``) the step is run and the process ends here."""
    parser = argparse.ArgumentParser(description=description.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each step; the median is reported")
    for flag, keywords in more:
        parser.add_argument(flag, **keywords)
    parser.add_argument("--child", nargs=2, metavar=("STEP", "FILE"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        run_child(steps, *arguments.child)
        sys.exit(0)
    return arguments


def run_child(steps, step, path):
    """In the child: Django on the parent's database (already migrated), then ``steps[step]`` alone, timed.

    Prints one JSON line: seconds, peak memory and what the step returned. "bare_read" runs without Django.
    """
    if step != "bare_read":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dsm_site.settings")
        sys.path[:0] = [str(PROJECT_DIR), str(PROJECT_DIR / "site")]
        import django
        from django.conf import settings

        django.setup()
        settings.DEBUG = False  # no query log
    files = [Path(path).read_bytes()]
    start_mb = peak_memory_mb()  # the process before the step: Python, Django and the project's imports
    start_file_mb = file_backed_memory_mb()
    started = time.perf_counter()
    result = steps[step](files.pop())  # the step alone holds the file's bytes: it may let them go
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_mb": peak_memory_mb(),
                "start_mb": start_mb,
                "file_backed_growth_mb": file_backed_memory_mb() - start_file_mb,
                **result,
            }
        )
    )


def in_child(script, step, path):
    """Run ``script --child STEP FILE`` and return the JSON line it printed; exit with its output if it failed."""
    finished = subprocess.run(
        [sys.executable, script, "--child", step, str(path)],
        env=os.environ,  # DSM_DATABASE_URL: the parent's scratch database
        capture_output=True,
        text=True,
    )
    if finished.returncode != 0:
        sys.exit(f"{step} failed:\n{finished.stdout}{finished.stderr}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def file_backed_memory_mb():
    """The process's resident pages that are files mapped into memory (RssFile): its shared libraries and,
    on SQLite, the database file read through its memory map (``mmap_size``). They count in the peak
    (VmHWM), yet they are the kernel's file cache, shared and dropped at need, not the process's own."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("RssFile:"):
                return int(line.split()[1]) / 1024  # kB
    return 0.0


def peak_memory_mb():
    """The process's peak resident memory: VmHWM, which starts afresh at exec.

    Not getrusage's ru_maxrss: Linux carries it over from the parent through
    fork and exec, so every child would report the parent's peak.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux; bytes on macOS
