"""Many readers at once: the README's production set-up under Locust, 50 readers for 60 s.

The server is the README's "Production" set-up: gunicorn with 2 workers per core
(``os.cpu_count() * 2``), DSM_DEBUG=0, a secret key, an allowed host, static files
collected and served by WhiteNoise, persistent database connections
(DSM_DATABASE_CONN_MAX_AGE=60), on PostgreSQL: DSM_BENCH_DATABASE_URL (or
``--database-url``) must be a postgres:// URL, and that database is emptied. Every
request carries ``X-Forwarded-Proto: https``, as the TLS proxy sets it.

The database holds the demo (``dsm_demo``) plus EXTRA_DOCUMENTS library documents in
bulk SQL (as bench/pages.py adds them), reindexed for search (``dsm_reindex``). The URLs
are picked from that database at the start, and each is checked to answer 200.

Three phases, the same users and spawn rate, each measured for the same time once every
user is running (the ramp-up is not counted):
- the base: ``/healthz``, the portal's most trivial view (one ``SELECT 1``, a small
  JSON answer) through the same middleware, on the same server, readers sending their
  next request as soon as the last one is answered (no pause);
- the mix, with no pause either: the home page, the e-library's index, a document page,
  the data browser (a filtered query), an indicator page and search (Russian and English
  queries), in equal shares. Both at saturation, so the ratio of their throughputs is the
  cost of a reading page against the most trivial one (``ratio_to_base``);
- the readers: the same mix, each reader pausing between pages (0 to twice
  ``--think-seconds``, 2 s on average by default), as people reading what they asked for
  do. Its p50/p95/p99 are the times readers see with 50 of them at once.
With no pause a request's time is mostly its wait in the queue: by Little's law the mean
is users / throughput, so the saturated mix's times (``saturated_p95_ms``) say how the
queue grows, not what a reader waits; they are printed beside the others. Any answer but
200 (a redirect too), in any phase, counts as an error.

Locust runs here as a library in this one process (gevent, FastHttpUser): light, but it
shares the machine's cores with gunicorn and PostgreSQL, so the figures are those of
client and server together on one machine; the load average is printed beside them.

Limits: no error; p95 of the readers under 300 ms; the saturated mix's throughput at
least a quarter of the base's (``ratio_to_base`` >= 0.25).
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import PROJECT_DIR, percentile, report

EXTRA_DOCUMENTS = 500
SEARCHES = [
    "беженцев",
    "трудовых мигрантов",
    "вид на жительство",
    "refugees",
    "asylum applications",
    "labour migration",
]
LIMITS = {"errors": 0, "p95_ms": 300}
MINIMUMS = {"ratio_to_base": 0.25}
HOST = "127.0.0.1"
HEADERS = {"X-Forwarded-Proto": "https"}  # what the TLS proxy sets (README, "Production")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DSM_BENCH_DATABASE_URL", ""))
    parser.add_argument("--users", type=int, default=50, help="concurrent readers")
    parser.add_argument("--seconds", type=float, default=60, help="measured duration of each phase")
    parser.add_argument(
        "--think-seconds", type=float, default=2, help="the readers' mean pause between pages, in the last phase"
    )
    parser.add_argument("--spawn-rate", type=float, default=10, help="readers started per second")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2, help="gunicorn workers")
    parser.add_argument(
        "--reuse-database", action="store_true", help="keep the database an earlier run prepared (to profile again)"
    )
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)  # the child that fills the DB
    arguments = parser.parse_args()
    if not arguments.database_url.startswith(("postgres://", "postgresql://")):
        parser.exit(
            2,
            "bench/load.py runs on PostgreSQL, as production does: set DSM_BENCH_DATABASE_URL (or --database-url)"
            " to a postgres://... URL; that database is emptied.\n",
        )
    return arguments


def production_environment(database_url, directory):
    """The environment of the README's production set-up, on a scratch directory."""
    return {
        **os.environ,
        "DSM_DEBUG": "0",
        "DSM_SECRET_KEY": "bench-only-" + "k3#Vz" * 10,
        "DSM_ALLOWED_HOSTS": HOST,
        "DSM_DATABASE_URL": database_url,
        "DSM_BENCH_DATABASE_URL": database_url,
        "DSM_DATABASE_CONN_MAX_AGE": "60",
        "DSM_STATIC_ROOT": str(directory / "static"),
        "DSM_MEDIA_ROOT": str(directory / "media"),
        "DSM_PRIVATE_MEDIA_ROOT": str(directory / "private"),
        "DJANGO_SETTINGS_MODULE": "dsm_site.settings",
    }


def prepare(*, reuse_database):
    """In the child: empty and migrate the database, load the demo and more documents, reindex,
    collect the static files; print each step's time, then the URLs of the mix as one JSON line,
    each checked to answer 200."""
    if reuse_database:
        setup_django_on_the_prepared_database()
    else:
        fill_database()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("collectstatic", "--no-input", verbosity=0)
    print(f"{'collectstatic':>24}: {time.perf_counter() - started:.0f} s")
    print(json.dumps(checked_urls(candidate_urls())))


def setup_django_on_the_prepared_database():
    sys.path[:0] = [str(PROJECT_DIR), str(PROJECT_DIR / "site")]
    import django

    django.setup()


def fill_database():
    from _common import setup_django

    started = time.perf_counter()
    setup_django()
    from django.core.management import call_command
    from django.utils import translation
    from pages import add_document_pages  # bench/pages.py: documents in bulk SQL

    from library_pages.models import LibrarySectionPage

    print(f"{'migrate':>24}: {time.perf_counter() - started:.0f} s")
    quiet = open(os.devnull, "w")  # noqa: SIM115 (lives as long as this child)
    steps = {
        "dsm_demo": lambda: call_command("dsm_demo", stdout=quiet),
        f"{EXTRA_DOCUMENTS} documents": lambda: add_document_pages(section(), EXTRA_DOCUMENTS),
        "dsm_reindex": lambda: call_command("dsm_reindex", stdout=quiet),
    }

    def section():
        with translation.override("en"):
            return LibrarySectionPage.objects.filter(locale__language_code="en", live=True).first()

    for name, step in steps.items():
        started = time.perf_counter()
        step()
        print(f"{name:>24}: {time.perf_counter() - started:.0f} s")


def candidate_urls():
    """{kind: [path]}: the pages of the mix, read from the database (public pages only)."""
    from urllib.parse import urlencode

    from django.db.models import Count

    from dsm_data.models import Value
    from library_pages.models import DocumentPage, LibraryIndexPage

    def path(page):
        return page.get_url_parts()[2]

    documents = DocumentPage.objects.live().filter(visibility="public").order_by("pk")
    series = list(
        Value.objects.values("indicator__code", "country__code")
        .annotate(values=Count("pk"))
        .order_by("-values", "indicator__code", "country__code")[:40]
    )
    indicators = list(dict.fromkeys(row["indicator__code"] for row in series))[:4]
    browser = []
    for code in indicators[:2]:
        countries = [row["country__code"] for row in series if row["indicator__code"] == code][:3]
        browser.append(urlencode({"indicator": code, "country": countries}, doseq=True))
    return {
        "home": ["/en/", "/ru/"],
        "library": [path(page) for page in LibraryIndexPage.objects.live().order_by("pk")],
        "document": [path(page) for page in [*documents[:3], *documents.reverse()[:3]]],
        "data_browser": [f"/{language}/data/?{query}" for query in browser for language in ("en", "ru")],
        "indicator": [f"/{language}/data/indicators/{code}/" for code in indicators for language in ("en", "ru")],
        "search": [f"/{'ru' if text[0] > 'z' else 'en'}/search/?{urlencode({'q': text})}" for text in SEARCHES],
    }


def checked_urls(candidates):
    """The candidates that answer 200 to an anonymous reader; every kind must keep one at least."""
    from django.test import Client

    client = Client(HTTP_HOST=HOST, headers=HEADERS)
    urls = {kind: [url for url in paths if client.get(url).status_code == 200] for kind, paths in candidates.items()}
    missing = [kind for kind, paths in urls.items() if not paths]
    if missing:
        sys.exit(f"No page of {', '.join(missing)} answers 200 in the demo: {candidates}")
    return urls


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_server(environment, workers):
    """gunicorn as the README starts it, on a free port; returns (process, base URL) once /healthz answers."""
    port = free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "--pythonpath", "site", "dsm_site.wsgi",
         "--bind", f"{HOST}:{port}", "--workers", str(workers), "--timeout", "60"],
        cwd=PROJECT_DIR, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = f"http://{HOST}:{port}"
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=5) as response:
                if response.status == 200:
                    return server, url
        except OSError:
            time.sleep(0.3)
    server.kill()
    sys.exit(f"gunicorn did not answer /healthz:\n{server.stderr.read()}")


def main():
    arguments = parse_arguments()
    if arguments.prepare:
        return prepare(reuse_database=arguments.reuse_database)
    directory = Path(tempfile.mkdtemp(prefix="dsm-bench-load-"))
    environment = production_environment(arguments.database_url, directory)
    started = time.perf_counter()
    child = [sys.executable, __file__, "--prepare", *(["--reuse-database"] if arguments.reuse_database else [])]
    prepared = subprocess.run(child, env=environment, capture_output=True, text=True, cwd=PROJECT_DIR)
    if prepared.returncode != 0:
        sys.exit(f"Preparing the database failed:\n{prepared.stdout}{prepared.stderr}")
    *steps, last_line = prepared.stdout.strip().splitlines()
    print("\n".join(steps))
    urls = json.loads(last_line)
    print(f"{'prepared in':>24}: {time.perf_counter() - started:.0f} s")
    for kind, paths in urls.items():
        print(f"{kind:>24}: {', '.join(paths)}")
    # Locust patches the standard library for gevent: before anything opens a connection here.
    from _load_users import run_phases

    server, base_url = start_server(environment, arguments.workers)
    try:
        phases = run_phases(base_url, urls, users=arguments.users, seconds=arguments.seconds,
                            spawn_rate=arguments.spawn_rate, headers=HEADERS,
                            think_seconds=arguments.think_seconds)  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(directory, ignore_errors=True)  # the collected static files
    return report_phases(phases, arguments)


def report_phases(phases, arguments):
    base, mix, readers = phases["base"], phases["mix"], phases["readers"]
    print(f"{'server':>24}: gunicorn, {arguments.workers} workers, PostgreSQL, all on {os.cpu_count()} cores")
    print(f"{'readers':>24}: {arguments.users}, {arguments.seconds:g} s per phase; "
          f"the last phase pausing {arguments.think_seconds:g} s on average")  # fmt: skip
    print(f"{'load average':>24}: {Path('/proc/loadavg').read_text().split()[:3]} (other jobs share the machine)")
    for label, phase in (("saturated", mix), ("readers", readers)):
        for name, timings in sorted(phase["by_page"].items()):
            print(f"{label + ' ' + name:>24}: {len(timings)} requests, p50 {percentile(timings, 0.5):.0f} ms, "
                  f"p95 {percentile(timings, 0.95):.0f} ms")  # fmt: skip
    for name, count in sorted(readers["errors_by_page"].items()):
        print(f"{'errors ' + name:>24}: {count}")
    for sample in readers["error_samples"]:
        print(f"{'error':>24}: {sample}")
    rps, base_rps = mix["rps"], base["rps"]
    figures = {
        "errors": readers["errors"],
        "requests": readers["requests"],
        "rps": round(rps, 1),
        "base_rps": round(base_rps, 1),
        "ratio_to_base": round(rps / base_rps, 3) if base_rps else 0,
        "readers_rps": round(readers["rps"], 1),
        "p50_ms": round(percentile(readers["timings"], 0.5), 1),
        "p95_ms": round(percentile(readers["timings"], 0.95), 1),
        "p99_ms": round(percentile(readers["timings"], 0.99), 1),
        "saturated_p95_ms": round(percentile(mix["timings"], 0.95), 1),
        "base_p95_ms": round(percentile(base["timings"], 0.95), 1),
        **{f"{name}_p95_ms": round(percentile(t, 0.95), 1) for name, t in sorted(readers["by_page"].items())},
        "users": arguments.users,
        "seconds": arguments.seconds,
        "think_seconds": arguments.think_seconds,
        "workers": arguments.workers,
        "load_average": float(Path("/proc/loadavg").read_text().split()[0]),
    }
    return report("load", figures, LIMITS, MINIMUMS)


if __name__ == "__main__":
    sys.exit(main())
