"""How the API answers on slow links and busy days: ETag and 304, gzip, CSV pages, 429 with Retry-After."""

import csv
import gzip
import io
import time

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.throttling import SimpleRateThrottle

from api.services import tokens as token_services

pytestmark = pytest.mark.django_db


def test_asked_again_unchanged_the_values_answer_304_without_a_body(report_figures):
    client, asylum = Client(), {"indicator": "ASYLUM_APPLICATIONS"}  # national only: the public reads none
    first = client.get("/api/v1/values/", asylum)
    assert first.status_code == 200
    again = client.get("/api/v1/values/", asylum, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    kazakh = Client(HTTP_AUTHORIZATION=f"Token {token_services.create_token(report_figures.kaz_user, name='job')[1]}")
    # Another reader sees more: the public's ETag does not match their answer.
    assert kazakh.get("/api/v1/values/", asylum, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    assert "Authorization" in first["Vary"]


def test_a_client_that_accepts_gzip_gets_it(report_figures):
    response = Client().get("/api/v1/values/", {"page_size": 1000}, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content).startswith(b'{"next"')


def test_values_as_csv_hold_the_jsons_rows_and_link_the_next_page(report_figures):
    client = Client()
    as_json = client.get("/api/v1/values/", {"page_size": 5}).json()
    response = client.get("/api/v1/values/", {"page_size": 5, "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["breakdown"] for row in rows] == [row["breakdown"] for row in as_json["results"]]
    assert response["Link"].endswith('; rel="next"')
    assert "page=2" in response["Link"]
    assert "format=csv" in response["Link"]


def test_too_many_requests_get_429_with_retry_after_per_token_and_per_address(report_figures, monkeypatch):
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"token": "3/minute", "address": "5/minute"})
    cache.clear()
    key = token_services.create_token(report_figures.kaz_user, name="job")[1]
    with_token = Client(HTTP_AUTHORIZATION=f"Token {key}")
    answers = [with_token.get("/api/v1/countries/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = with_token.get("/api/v1/countries/")
    assert int(refused["Retry-After"]) > 0
    anonymous = Client()  # the same address: 5 requests so far, of which the last refused counts too
    assert anonymous.get("/api/v1/countries/").status_code == 429
    cache.clear()


def test_the_public_is_told_when_the_values_last_changed_and_a_correction_moves_it(
    report_figures, django_assert_max_num_queries
):
    from dsm_data.cells import Cell
    from dsm_data.models import Value
    from dsm_data.services import submissions as submission_services

    client = Client()
    first = client.get("/api/v1/values/")
    assert "Last-Modified" in first
    with django_assert_max_num_queries(3):  # the submissions' times only: no figure is read
        again = client.get("/api/v1/values/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    time.sleep(1)  # Last-Modified counts whole seconds
    part = Value.objects.get(country__code="KAZ", period__code="2022", series__key="SEX=F.CITIZENSHIP=RUS")
    submission_services.correct_value(
        part, Cell(number=part.number + 1000), user=report_figures.kaz_admin, reason="Late registrations."
    )
    changed = client.get("/api/v1/values/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert changed.status_code == 200
    assert changed["Last-Modified"] != first["Last-Modified"]


def test_signed_in_readers_get_no_last_modified_and_a_stopped_token_no_304(report_figures):
    token, key = token_services.create_token(report_figures.kaz_user, name="job")
    reader = Client(HTTP_AUTHORIZATION=f"Token {key}")
    answer = reader.get("/api/v1/values/")
    assert "Last-Modified" not in answer  # their rights may change: the ETag decides
    since = Client().get("/api/v1/values/")["Last-Modified"]
    token_services.revoke_token(token, user=report_figures.kaz_user)
    assert reader.get("/api/v1/values/", HTTP_IF_MODIFIED_SINCE=since).status_code == 401


def test_the_values_written_out_directly_are_the_serializers(report_figures):
    from decimal import Decimal

    from api.serializers import ValueSerializer, value_json
    from api.views.reads import VALUE_FIELDS
    from dsm_data.models import Value

    rows = list(Value.objects.order_by("pk").values(*VALUE_FIELDS)[:50])
    rows += [  # a figure withheld, and one with decimals
        {**rows[0], "number": None, "absence": "confidential", "is_provisional": True},
        {**rows[0], "number": Decimal("12.500"), "footnote": "Estimated from the register"},
    ]
    assert [value_json(row) for row in rows] == [dict(ValueSerializer(row).data) for row in rows]


def test_a_page_of_figures_not_public_is_recorded_as_an_export_and_a_public_one_is_not(report_figures):
    from dsm_data.models import AuditEntry

    Client().get("/api/v1/values/", {"page_size": 1000})
    reader = Client(HTTP_AUTHORIZATION=f"Token {token_services.create_token(report_figures.kaz_user, name='job')[1]}")
    reader.get("/api/v1/values/", {"indicator": "FOREIGN_RESIDENTS", "country": "ARM", "totals_only": "true"})
    assert not AuditEntry.objects.filter(action="dsm.export").exists()  # public figures only
    reader.get("/api/v1/values/", {"indicator": "ASYLUM_APPLICATIONS", "format": "csv"})
    [entry] = AuditEntry.objects.filter(action="dsm.export")
    assert (entry.user, entry.country.code) == (report_figures.kaz_user, "KAZ")
    assert entry.data["format"] == "api csv"
    assert entry.data["filters"] == "indicator=ASYLUM_APPLICATIONS&format=csv"


def test_footnotes_in_csv_are_safe_from_formula_injection():
    from api.renderers import CsvRenderer

    rendered = CsvRenderer().render({"results": [{"footnote": "=1+1", "value": -5}]})
    assert rendered.decode().splitlines()[1] == "'=1+1,-5"
