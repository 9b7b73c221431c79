"""The home page as a reader gets it: median and 95th percentile, SQL queries.

Measured as built (the page cache off: what each worker does once a minute, and for every
signed-in reader), then as kept for anonymous readers (``DSM_PAGE_CACHE_SECONDS``): the
limits hold for the page as built; a kept page is served with one query.
"""

import io
import sys

from _common import median, percentile, query_count, report, setup_django, timings_ms


def main():
    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    call_command("dsm_demo", stdout=io.StringIO())
    client = Client(HTTP_HOST="localhost")

    def get_home():
        response = client.get("/ru/")
        assert response.status_code == 200

    kept_timings = timings_ms(get_home, repeat=200)
    kept_queries = query_count(get_home)
    settings.DSM_PAGE_CACHE_SECONDS = 0  # read on each request (dsm_site.page_cache)
    timings = timings_ms(get_home, repeat=200)
    figures = {
        "median_ms": median(timings),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "queries": query_count(get_home),
        "html_bytes": len(client.get("/ru/").content),
        "kept_median_ms": median(kept_timings),
        "kept_queries": kept_queries,
    }
    return report("home_page", figures, {"median_ms": 50, "p95_ms": 100, "queries": 10, "html_bytes": 90_000})


if __name__ == "__main__":
    sys.exit(main())
