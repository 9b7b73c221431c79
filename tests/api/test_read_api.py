"""The read API for each role, by session, by token and anonymously: the same figures as the data browser's
export for that reader, never more; tokens revoked or expired are refused with 401; stable pages."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import timezone

from api.models import ApiToken
from api.services import tokens as token_services
from tests.reports.conftest import csv_figures

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "focal", "kaz_admin", "kaz_user", "arm_admin", "arm_user", "editor", "sysadmin"]


def api_figures(client, **filters):
    """{(indicator, country, period, breakdown): number} of every page of /api/v1/values/."""
    figures, url, data = {}, "/api/v1/values/", {"page_size": 1000, **filters}
    while url:
        response = client.get(url, data)
        assert response.status_code == 200, response.content[:500]
        body = response.json()
        for row in body["results"]:
            if row["value"] is not None:
                figures[(row["indicator"], row["country"], row["period"], row["breakdown"])] = Decimal(
                    str(row["value"])
                )
        url, data = body["next"], None
    return figures


def session_client(team, role):
    client = Client()
    if role != "anonymous":
        client.force_login(getattr(team, role))
    return client


def token_client(team, role):
    if role == "anonymous":
        return Client()
    _token, key = token_services.create_token(getattr(team, role), name="script")
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


@pytest.mark.parametrize("role", ROLES)
def test_the_values_are_the_data_browsers_for_the_same_reader_by_session_and_by_token(report_figures, role):
    browser = csv_figures(session_client(report_figures, role), empty_rows="on", totals_only="")  # every cell
    assert browser, "every reader sees some public figure"
    assert api_figures(session_client(report_figures, role)) == browser
    assert api_figures(token_client(report_figures, role)) == browser


def test_a_token_reads_with_its_users_country_and_the_public_reads_less(report_figures):
    public = api_figures(Client(), indicator="ASYLUM_APPLICATIONS", totals_only="true")
    kazakh = api_figures(token_client(report_figures, "kaz_user"), indicator="ASYLUM_APPLICATIONS", totals_only="true")
    assert public == {}
    assert {key[1] for key in kazakh} == {"KAZ"}  # national only: its own country's, not Armenia's


@pytest.mark.parametrize("state", ["revoked", "expired", "unknown", "deactivated"])
def test_a_token_that_no_longer_works_is_refused_with_401_not_read_as_the_public(report_figures, state):
    user = report_figures.kaz_user
    token, key = token_services.create_token(user, name="job")
    if state == "revoked":
        token_services.revoke_token(token, user=user)
    elif state == "expired":
        ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    elif state == "unknown":
        key = key[::-1]
    else:
        user.is_active = False
        user.save()
    response = Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/values/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Token realm="api"'
    assert "unknown, revoked or expired" in response.json()["detail"]


def test_a_token_is_stored_hashed_and_its_use_recorded(report_figures):
    token, key = token_services.create_token(report_figures.kaz_user, name="job")
    assert key not in (token.hashed_key, token.prefix)
    assert token.prefix == key[:8]
    assert token.last_used_at is None
    Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/v1/countries/")
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_only_its_owner_revokes_a_token(report_figures):
    token, _key = token_services.create_token(report_figures.kaz_user, name="job")
    with pytest.raises(PermissionDenied, match="not yours"):
        token_services.revoke_token(token, user=report_figures.sysadmin)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_pages_are_stable_and_link_to_each_other(report_figures):
    client = Client()
    whole = client.get("/api/v1/values/", {"page_size": 1000}).json()["results"]
    first = client.get("/api/v1/values/", {"page_size": 7}).json()
    second = client.get(first["next"]).json()
    assert first["previous"] is None
    assert first["results"] == whole[:7]
    assert second["results"] == whole[7:14]
    assert client.get(second["previous"]).json()["results"] == whole[:7]


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        ({"page_size": "5000"}, "page_size", "1–1000"),
        ({"page": "0"}, "page", "1 or more"),
        ({"country": "XYZ"}, "country", "XYZ"),
    ],
)
def test_bad_parameters_are_named_with_what_is_allowed(report_figures, query, field, words):
    response = Client().get("/api/v1/values/", query)
    assert response.status_code == 400
    assert words in " ".join(response.json()[field])


def test_the_catalogue_lists_indicators_with_their_breakdowns_in_every_language(report_figures):
    indicators = Client().get("/api/v1/indicators/").json()["results"]
    residents = next(item for item in indicators if item["code"] == "FOREIGN_RESIDENTS")
    assert set(residents["name"]) >= {"en", "ru"}
    sex = next(dimension for dimension in residents["dimensions"] if dimension["code"] == "SEX")
    assert {category["code"] for category in sex["categories"]} >= {"F", "M", "_T"}
    assert [item["code"] for item in Client().get("/api/v1/countries/").json()["results"]] == sorted(
        item["code"] for item in Client().get("/api/v1/countries/").json()["results"]
    )


def test_the_openapi_schema_describes_every_endpoint_and_is_valid_openapi_3(report_figures):
    from drf_spectacular.validation import validate_schema

    response = Client().get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    validate_schema(schema)  # raises on anything that is not OpenAPI 3
    assert schema["info"]["title"] == "DSM portal API"
    assert {"/api/v1/values/", "/api/v1/submissions/{country}/{period}/figures/"} <= set(schema["paths"])
    figures = schema["paths"]["/api/v1/submissions/{country}/{period}/figures/"]["post"]
    assert {"application/json", "application/vnd.sdmx.data+csv", "text/csv"} <= set(figures["requestBody"]["content"])
    assert "Idempotency-Key" in {parameter["name"] for parameter in figures["parameters"]}
    assert not any("validate" in path for path in schema["paths"])
    token = schema["components"]["securitySchemes"]["personalToken"]
    assert (token["type"], token["name"]) == ("apiKey", "Authorization")


def test_the_schema_is_generated_without_a_warning(report_figures, tmp_path):
    from django.core.management import call_command

    call_command(
        "spectacular", urlconf="api.schema", fail_on_warn=True, validate=True, file=str(tmp_path / "schema.yaml")
    )
    assert "/api/v1/submissions/{country}/{period}/submit/" in (tmp_path / "schema.yaml").read_text()


def test_the_documentation_page_lists_every_endpoint_with_its_parameters_and_no_script(report_figures):
    page = Client().get("/api/v1/docs/").content.decode()
    for path in ("/api/v1/values/", "/api/v1/indicators/", "/api/v1/documents/", "/api/v1/metadata/"):
        assert f"GET {path}</code>" in page
    assert "POST /api/v1/submissions/{country}/{period}/figures/</code>" in page
    assert "<code>page_size</code>" in page
    assert "<code>year_from</code>" in page
    assert "<script" not in page
