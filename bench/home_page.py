"""The home page as a reader gets it: median and 95th percentile, SQL queries."""

import io
import sys

from _common import median, percentile, query_count, report, setup_django, timings_ms


def main():
    setup_django()
    from django.core.management import call_command
    from django.test import Client

    call_command("dsm_demo", stdout=io.StringIO())
    client = Client(HTTP_HOST="localhost")

    def get_home():
        response = client.get("/ru/")
        assert response.status_code == 200

    timings = timings_ms(get_home, repeat=200)
    figures = {
        "median_ms": median(timings),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "queries": query_count(get_home),
        "html_bytes": len(client.get("/ru/").content),
    }
    return report("home_page", figures, {"median_ms": 50, "p95_ms": 100, "queries": 10, "html_bytes": 90_000})


if __name__ == "__main__":
    sys.exit(main())
