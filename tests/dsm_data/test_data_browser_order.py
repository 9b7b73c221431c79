"""The data browser's order: under every sort a reader can click, and with the filters, the pages read one
after the other and the CSV export hold every value once, in one total order (the order asked for, then the
first order's fields, then the breakdown's order and the value). On PostgreSQL a page walks the combinations
of indicator, country and period (``selectors.ordered_pages``); these tests run there too."""

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone

from dsm_data.models import Confidentiality, Period, Status, Submission, Value
from dsm_data.selectors import ordered_pages
from tests.conftest import save_country
from tests.dsm_data.test_data_access import exported_codes

pytestmark = pytest.mark.django_db

INDICATORS = ["REFUGEE_DECISIONS", "ENTRIES"]
PER_PAGE = 25
# Each dimension's fields in the first order; the breakdown's order and the value settle the rest.
FIELDS = {
    "indicator": lambda value: (value.indicator.sort_order, value.indicator.code),
    "country": lambda value: (value.country.code,),
    "period": lambda value: (value.period.start, value.period.frequency),
    "breakdown": lambda value: (value.series.sort_order,),
    "number": lambda value: (value.number,),
}
FIRST_ORDER = ["indicator", "country", "-period"]
# Every column's two directions (the page sorts on one column at a time).
SORTS = [None, *[f"{sign}{column}" for column in FIELDS for sign in ("", "-")]]


@pytest.fixture
def spread(catalogue, kazakhstan, armenia):
    """Three countries x three periods (2025 and its first quarter start on the same day) x two indicators of
    the same place in the catalogue's order (their codes decide), every breakdown: figures with ties."""
    countries = [kazakhstan, armenia, save_country("GEO", {"en": "Georgia", "ru": "Грузия"})]
    periods = [
        Period.objects.create(code=code, frequency=frequency, start=start, end=end, deadline=datetime.date(2030, 1, 1))
        for code, frequency, start, end in (
            ("2024", "annual", datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)),
            ("2025", "annual", datetime.date(2025, 1, 1), datetime.date(2025, 12, 31)),
            ("2025-Q1", "quarterly", datetime.date(2025, 1, 1), datetime.date(2025, 3, 31)),
        )
    ]
    indicators = [catalogue[code] for code in INDICATORS]
    for indicator in indicators:
        indicator.sort_order = 7
        indicator.save(update_fields=["sort_order"])
    released = timezone.now() - datetime.timedelta(days=1)
    values = []
    for country in countries:
        for period in periods:
            submission = Submission.objects.create(
                country=country, period=period, status=Status.PUBLISHED, release_at=released
            )
            for indicator in indicators:
                for series in indicator.series.all():
                    values.append(
                        Value(
                            submission=submission, series=series, indicator=indicator, country=country,
                            period=period, number=len(values) * 7 % 10, confidentiality=Confidentiality.PUBLIC,
                            released_at=released,
                        )
                    )  # fmt: skip
    Value.objects.bulk_create(values)
    return Value.objects.select_related("indicator", "country", "period", "series")


def expected_order(values, sort):
    """``values`` in the total order of ``sort`` (the columns a reader clicked), sorted here in Python."""
    asked = sort.split(",") if sort else []
    named = {column.removeprefix("-") for column in asked}
    columns = [*asked, *[column for column in FIRST_ORDER if column.removeprefix("-") not in named]]
    columns += [column for column in ("breakdown",) if column not in named and f"-{column}" not in named]
    ordered = sorted(values, key=lambda value: value.pk)
    for column in reversed(columns):  # stable sorts, the least significant first
        field = FIELDS[column.removeprefix("-")]
        ordered.sort(key=field, reverse=column.startswith("-"))
    return ordered


def figure_text(value):
    """The figure as the CSV writes it: 5.000 -> "5"."""
    return format(value.number.normalize(), "f")


def paged_keys(client, query):
    """The values' ids of every page of the table, read one page after another."""
    keys, number = [], 1
    while True:
        html = client.get("/en/data/", {**query, "per_page": PER_PAGE, "page": number}).content.decode()
        keys += [int(key) for key in re.findall(r'href="/en/data/values/(\d+)/"', html)]
        if 'rel="next"' not in html:
            return keys
        number += 1


@pytest.mark.parametrize("sort", SORTS)
def test_every_sort_pages_and_exports_each_value_once_in_one_total_order(client, spread, sort):
    query = {"indicator": INDICATORS, **({"sort": sort} if sort else {})}
    expected = expected_order(spread, sort)
    assert len(expected) == 3 * 3 * (5 + 9)
    assert paged_keys(client, query) == [value.pk for value in expected]
    exported = exported_codes(client.get("/en/data/", {**query, "export": "csv"}), "csv")
    assert [
        (row["indicator_code"], row["country_code"], row["period"], row["breakdown_code"], row["value"])
        for row in exported
    ] == [
        (value.indicator.code, value.country.code, value.period.code, value.series.key, figure_text(value))
        for value in expected
    ]


@pytest.mark.parametrize(
    "filters",
    [
        {"country": ["GEO", "ARM"]},
        {"frequency": "annual"},
        {"year_from": "2025"},
        {"year_to": "2024", "sort": "country"},
        {"period": ["2025-Q1", "2024"], "sort": "-indicator"},
        {"breakdown": ["RSD_OUTCOME=REJECTED"], "totals_only": "on"},
    ],
    ids=["countries", "frequency", "from-year", "to-year", "periods", "breakdown"],
)
def test_the_filters_keep_their_values_in_the_same_order(client, spread, filters):
    everything = [value.pk for value in expected_order(spread, filters.get("sort"))]
    query = {"indicator": INDICATORS, **filters}
    paged = paged_keys(client, query)
    assert paged
    kept = set(paged)
    assert paged == [key for key in everything if key in kept]  # the order of the whole table, filtered


def test_a_page_past_the_first_starts_where_the_one_before_ended(client, spread):
    expected = [value.pk for value in expected_order(spread, None)]
    html = client.get("/en/data/", {"indicator": INDICATORS, "per_page": 10, "page": 4}).content.decode()
    assert [int(key) for key in re.findall(r'href="/en/data/values/(\d+)/"', html)] == expected[30:40]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the walk over combinations is PostgreSQL's")
def test_on_postgresql_a_page_walks_the_combinations_unless_sorted_on_the_values(client, spread, monkeypatch):
    walked = []
    original = ordered_pages.walked_query

    def recording(*arguments):
        walked.append(original(*arguments))
        return walked[-1]

    monkeypatch.setattr(ordered_pages, "walked_query", recording)
    client.get("/en/data/", {"indicator": INDICATORS})
    client.get("/en/data/", {"indicator": INDICATORS, "sort": "number"})
    assert "LATERAL" in walked[0][0]
    assert walked[1] is None  # ordered on the figures themselves: the values are sorted
