"""The API's values endpoint on the data browser's 1,000,000 values: pages of 1,000 rows.

Prints the median time of /api/v1/values/ (a filtered page of 1,000 figures, as the public,
JSON and CSV) beside the bare query that fetches the same 1,001 rows (the page and the look-ahead
row) with the same filter and order, built once and run each time; and the SQL queries per page.
Limit: the JSON page under 2x the bare query (issue 15).
"""

import sys
import time

from _common import median, query_count, report, setup_django, timings_ms
from data_browser import build_database, value_count

QUERY = {"indicator": "FOREIGN_RESIDENTS", "country": ["KAZ", "ARM", "GEO"], "page_size": 1000}


def main():
    setup_django()
    from django.contrib.auth.models import AnonymousUser
    from django.http import QueryDict
    from django.test import Client

    from api.views.reads import VALUE_FIELDS, VALUE_ORDER
    from dsm_data.filters import ValueFilter
    from dsm_data.selectors import browsing, catalogue

    started = time.perf_counter()
    build_database()
    print(f"{'values':>24}: {value_count():,} (built in {time.perf_counter() - started:.0f} s)")
    client = Client(HTTP_HOST="localhost")

    def page(file_format="json"):
        response = client.get("/api/v1/values/", {**QUERY, "format": file_format, "page": 3})
        assert response.status_code == 200, response.content[:300]
        return response

    data = QueryDict(mutable=True)
    data.setlist("indicator", [QUERY["indicator"]])
    data.setlist("country", QUERY["country"])
    data["empty_rows"] = "true"
    bare_query = (
        ValueFilter(data, browsing.browsable_values(AnonymousUser()), catalogue.catalogue_labels())
        .qs.order_by(*VALUE_ORDER)
        .values(*VALUE_FIELDS)
    )

    def bare():
        assert len(list(bare_query.all()[2000:3001])) == 1001

    assert len(page().json()["results"]) == 1000
    page_ms = timings_ms(page, repeat=20)
    csv_ms = timings_ms(lambda: page("csv"), repeat=20)
    bare_ms = timings_ms(bare, repeat=20)
    figures = {
        "page_median_ms": median(page_ms),
        "csv_page_median_ms": median(csv_ms),
        "bare_median_ms": median(bare_ms),
        "ratio_to_bare": round(median(page_ms) / median(bare_ms), 2),
        "queries_per_page": query_count(page),
        "page_kb": round(len(page().content) / 1024),
    }
    return report("api_values", figures, {"ratio_to_bare": 2})


if __name__ == "__main__":
    sys.exit(main())
