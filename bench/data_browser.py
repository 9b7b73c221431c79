"""The data browser on 1,000,000 values (SQLite) or 10,000,000 (PostgreSQL): a filtered page of 50 rows and its
CSV export; the indicator page.

Prints the page's median time beside the bare query that fetches the same 50
cells, the SQL queries per page (which must not grow with the rows shown), and
the export's rows a second. Limits: page median under 150 ms, under 2x the bare
query; the export at 200,000 rows a second or more.

The indicator page of the same indicator, with its charts (the latest year across
countries, and each country's trend as small multiples), on the same database: its
median (limit 150 ms) beside a bare base of what any page showing those charts must
do, read the figures and draw them: the bare query of the public's annual grand totals
of the indicator, every country, plus the chart engine's SVG of the same charts, made
once beforehand. Limit 3x that base, as for the data browser: the page also writes each
chart's data table (its figures again, as text, with links to their histories), the
notes and the page around.
Its SQL queries do not grow with the countries (tests/dsm_data/test_chart_pages.py).
"""

import argparse
import datetime
import io
import os
import statistics
import sys
import time
from urllib.parse import urlencode

from _common import PROJECT_DIR, median, query_count, report, setup_django, timings_ms

# Values built, by database; ``--values N`` (or DSM_BENCH_VALUES) for a quicker run.
TARGET_VALUES = {"sqlite": 1_000_000, "postgresql": 10_000_000}
QUERY = {"indicator": "FOREIGN_RESIDENTS", "country": ["KAZ", "ARM", "GEO"]}


def arguments():
    """``--values N`` (or DSM_BENCH_VALUES) for a quicker run; ``--reuse-database`` to measure again."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=int(os.environ.get("DSM_BENCH_VALUES", "0")) or None)
    parser.add_argument(
        "--reuse-database",
        action="store_true",
        help="measure on the database an earlier run built at DSM_BENCH_DATABASE_URL (migrated, not emptied):"
        " building 10 million values takes minutes",
    )
    return parser.parse_args()


def target_values(vendor):
    """How many values to build: ``--values N`` or DSM_BENCH_VALUES for a quicker run, else by database."""
    return arguments().values or TARGET_VALUES[vendor]


def setup_django_on_the_built_database():
    """Django on DSM_BENCH_DATABASE_URL as an earlier run left it, with any new migration applied."""
    if not os.environ.get("DSM_BENCH_DATABASE_URL"):
        sys.exit("--reuse-database needs DSM_BENCH_DATABASE_URL, the database an earlier run built")
    os.environ["DSM_DATABASE_URL"] = os.environ["DSM_BENCH_DATABASE_URL"]
    os.environ.setdefault("DSM_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dsm_site.settings")
    sys.path[:0] = [str(PROJECT_DIR), str(PROJECT_DIR / "site")]
    import django
    from django.conf import settings
    from django.core.management import call_command

    django.setup()
    settings.DEBUG = False  # no query log: measure what production runs
    call_command("migrate", "--no-input", verbosity=0)


def build_database(target):
    """The demo catalogue and countries, then monthly periods and values up to ``target``.

    In bulk SQL, the database making the rows (INSERT ... SELECT): one statement for the
    submissions (every country x every month), one for the values (x every series).
    """
    from django.core.management import call_command
    from django.db import connection, transaction

    from dsm_data.models import Country, Period, Series

    call_command("dsm_demo", stdout=io.StringIO())  # catalogue, countries, pages and the demo's figures
    per_period = Series.objects.count() * Country.objects.count()
    months = (target - value_count()) // per_period + 1
    periods = []
    for index in range(months):
        start = datetime.date(1900 + index // 12, index % 12 + 1, 1)
        periods.append(
            Period(
                frequency="monthly",
                code=f"{start:%Y-%m}",
                start=start,
                end=start + datetime.timedelta(days=27),
                deadline=start + datetime.timedelta(days=60),
            )
        )
    Period.objects.bulk_create(periods, batch_size=1000)
    released = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    # A figure from 0 to 50,000 (SQLite's random() is a 64-bit integer, PostgreSQL's a fraction).
    number = "abs(random()) % 50001" if connection.vendor == "sqlite" else "floor(random() * 50001)"
    with transaction.atomic(), connection.cursor() as cursor:
        skip_foreign_key_checks(cursor)
        cursor.execute(
            "INSERT INTO dsm_data_submission (country_id, period_id, status, release_at, missing_reason, "
            "created_at, updated_at) SELECT country.id, period.id, 'published', %s, '', %s, %s "
            "FROM dsm_data_country country CROSS JOIN dsm_data_period period WHERE period.frequency = 'monthly'",
            [released, released, released],
        )
        cursor.execute(
            "INSERT INTO dsm_data_value (submission_id, series_id, indicator_id, country_id, period_id, number, "
            "absence, is_provisional, is_estimated, footnote, comment, confidentiality, released_at, revision) "
            f"SELECT submission.id, series.id, series.indicator_id, submission.country_id, submission.period_id, "
            f"{number}, '', false, false, '', '', 'public', %s, 1 "
            "FROM dsm_data_submission submission "
            "JOIN dsm_data_period period ON period.id = submission.period_id AND period.frequency = 'monthly' "
            "CROSS JOIN dsm_data_series series ORDER BY submission.id, series.id",
            [released],
        )
    with connection.cursor() as cursor:  # statistics for the planner; on PostgreSQL the visibility map too
        cursor.execute("ANALYZE" if connection.vendor == "sqlite" else "VACUUM ANALYZE")


def skip_foreign_key_checks(cursor):
    """On PostgreSQL as a superuser, no foreign key checks until the transaction ends.

    Django's foreign keys are checked at COMMIT, one trigger call per row and key: for ten
    million values, five keys each, the COMMIT alone took over ten minutes. The rows are
    made by joining the rows they point to, so they cannot break a key. ``replica`` turns
    off the triggers that check them, for this transaction only (SET LOCAL).
    """
    from django.db import connection

    if connection.vendor != "postgresql":
        return  # a PostgreSQL setting
    cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    if cursor.fetchone()[0]:
        cursor.execute("SET LOCAL session_replication_role = replica")
    else:
        print("Not a superuser: the foreign keys are checked at COMMIT, which takes long at 10M values")


def value_count():
    from dsm_data.models import Value

    return Value.objects.count()


def main():
    # The page made each time, as a signed-in reader gets it: a public page kept by the page cache
    # (DSM_PAGE_CACHE_SECONDS) is served in a millisecond, which measures the cache, not the browser.
    os.environ["DSM_PAGE_CACHE_SECONDS"] = "0"
    if arguments().reuse_database:
        setup_django_on_the_built_database()
        print(f"{'values':>24}: {value_count():,} (built by an earlier run)")
        return measure(0)
    setup_django()
    from django.db import connection

    started = time.perf_counter()
    build_database(target_values(connection.vendor))
    build_seconds = time.perf_counter() - started
    print(f"{'values':>24}: {value_count():,} (built in {build_seconds:.0f} s)")
    return measure(build_seconds)


def measure(build_seconds):
    """The figures on the database built, against their limits; the report's exit status."""
    from django.db import connection
    from django.test import Client

    total = value_count()
    client = Client(HTTP_HOST="localhost")

    def page(per_page=50):
        response = client.get("/en/data/", {**QUERY, "per_page": per_page})
        assert response.status_code == 200
        assert response.content.count(b'href="/en/data/values/') == per_page

    bare, bare_name = bare_page_query()
    page_ms = timings_ms(page, repeat=30)
    bare_ms = timings_ms(bare, repeat=30)
    export_seconds, export_bytes, export_rows = export_timing(client)
    queries_10, queries_50 = query_count(lambda: page(10)), query_count(lambda: page(50))
    figures = {
        "database": connection.vendor,
        "values": total,
        "page_median_ms": median(page_ms),
        "bare_median_ms": median(bare_ms),
        "ratio_to_bare": round(median(page_ms) / median(bare_ms), 2),
        "bare_query": bare_name,
        "queries_10_rows": queries_10,
        "queries_50_rows": queries_50,
        "export_csv_ms": round(export_seconds * 1000),
        "export_csv_kb": round(export_bytes / 1024),
        "export_csv_rows": export_rows,
        "rows_per_s": round(export_rows / export_seconds),
        "build_s": round(build_seconds, 1),
    }
    figures.update(indicator_page_figures(client))
    limits = {
        "page_median_ms": 150,
        "ratio_to_bare": 2,
        "queries_50_rows": queries_10,
        "indicator_page_median_ms": 150,
        "indicator_ratio_to_bare": 3,
    }
    return report("data_browser", figures, limits, minimums={"rows_per_s": 200_000})


def bare_page_query():
    """The base of the page's ratio: (a function fetching the page's 50 cells by plain SQL, the base's name).

    The same 50 cells with the same filter and order: only the SQL, built once, run each time. Where the
    page walks the combinations of indicator, country and period (PostgreSQL), that walk is the fastest
    plain SQL for those rows, and the base; elsewhere the values sorted (selectors.ordered_pages).
    """
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.http import QueryDict

    from dsm_data.filters import ValueFilter
    from dsm_data.selectors import browsing, catalogue, ordered_pages

    value_filter = ValueFilter(
        QueryDict(urlencode(QUERY, doseq=True)),
        browsing.browsable_values(AnonymousUser()),
        catalogue.catalogue_labels(),
    )
    assert value_filter.is_valid()
    ordered = value_filter.qs.order_by(*ordered_pages.DEFAULT_ORDER).values(
        "pk", "number", "series__key", "period__code", "country__code"
    )
    walked = ordered_pages.walked_query(ordered, list(ordered.query.values_select), value_filter.combinations(), 0, 50)
    sorted_query = ordered.order_by(*ordered_pages.total_order(ordered_pages.DEFAULT_ORDER))
    filtered = walked[1] if walked else [str(sorted_query.query)]
    assert any("FOREIGN_RESIDENTS" in str(part) for part in filtered), "the bare query must filter like the page"

    def bare():
        if walked is None:
            assert len(list(sorted_query.all()[:50])) == 50
            return
        with connection.cursor() as cursor:
            cursor.execute(*walked)
            assert len(cursor.fetchall()) == 50

    return bare, "walk over combinations" if walked else "values sorted"


def export_timing(client):
    """The filtered table's CSV export, streamed and read whole as a client would: (median seconds, bytes, rows)."""

    def export():
        response = client.get("/en/data/", {**QUERY, "export": "csv"})
        size = lines = 0
        for chunk in response.streaming_content:
            size += len(chunk)
            lines += chunk.count(b"\n")
        return size, lines - 1  # the header

    export()  # once before timing, as the pages are: the first export also loads what any first request does
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        size, rows = export()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), size, rows


def indicator_page_figures(client):
    """The indicator page with its charts, against the bare read and drawing of the same charts.

    The page reads the annual grand totals of the indicator that the public may see, among a
    million monthly figures of every series; the bare query reads them with the same filter,
    as plain rows in no particular order, once, and the engine draws the page's charts (built
    beforehand) as SVG at the page's sizes: the least any page drawing them must do.
    """
    from django.contrib.auth.models import AnonymousUser

    from dsm_data.charts import svg
    from dsm_data.models import Frequency, Indicator, Period
    from dsm_data.selectors import browsing, charts
    from dsm_data.templatetags.dsm_charts import SIZES

    path = f"/en/data/indicators/{QUERY['indicator']}/"
    bare_query = (
        browsing.browsable_values(AnonymousUser())
        .filter(
            indicator__code=QUERY["indicator"],
            series__is_grand_total=True,
            period__in=Period.objects.filter(frequency=Frequency.ANNUAL),
        )
        .values_list(
            *("pk", "number", "absence", "is_provisional", "is_estimated", "footnote"),
            *("country__code", "period__code", "period__start"),
        )
    )
    drawn = len(list(bare_query.all()))
    countries = len({row[6] for row in bare_query.all() if row[1] is not None})
    assert countries, "the indicator page must draw figures"

    def page():
        response = client.get(path)
        assert response.status_code == 200
        # The latest year across countries, then one small multiple per country with a figure.
        assert response.content.count(b"<svg ") == 1 + countries
        return response

    latest, trends = charts.indicator_page_charts(
        AnonymousUser(), indicator=Indicator.objects.get(code=QUERY["indicator"])
    )
    drawings = [(latest, SIZES[False], False)] + [(trend, SIZES[True], True) for trend in trends]

    def bare():
        assert len(list(bare_query.all())) == drawn
        for chart, (width, height), compact in drawings:
            svg.render(chart, width=width, height=height, compact=compact)

    page_ms = timings_ms(page, repeat=30)
    bare_ms = timings_ms(bare, repeat=30)
    return {
        "indicator_figures_drawn": drawn,
        "indicator_charts": 1 + countries,
        "indicator_page_kb": round(len(page().content) / 1024),
        "indicator_page_median_ms": median(page_ms),
        "indicator_bare_median_ms": median(bare_ms),
        "indicator_ratio_to_bare": round(median(page_ms) / median(bare_ms), 2),
        "indicator_queries": query_count(page),
    }


if __name__ == "__main__":
    sys.exit(main())
