"""Who may do what through the API, role x own/other country, by token and by session: writing figures,
submitting, and a token that stopped working on every endpoint. What each reader reads is compared with
the pages in test_read_api (values) and test_catalogue_and_documents (documents)."""

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from api.models import ApiToken
from api.services import tokens as token_services
from dsm_data.models import Delivery, Status, Submission, Value

pytestmark = pytest.mark.django_db

FIGURES = json.dumps(
    {"values": [{"indicator": "REFUGEE_DECISIONS", "breakdown": {"RSD_OUTCOME": "REJECTED"}, "value": 7}]}
)
# role, country written to -> status of a write of figures (the 2025 round, open) and of submitting them.
MATRIX = [
    ("anonymous", "KAZ", 401, 401),
    ("focal", "KAZ", 201, 200),
    ("focal", "ARM", 403, 403),
    ("kaz_admin", "KAZ", 403, 403),  # administrators validate and correct; the focal point sends
    ("kaz_admin", "ARM", 403, 403),
    ("kaz_user", "KAZ", 403, 403),
    ("arm_admin", "KAZ", 403, 403),
    ("editor", "KAZ", 403, 403),
    ("sysadmin", "KAZ", 201, 200),
    ("sysadmin", "ARM", 201, 200),
]
GET_ENDPOINTS = [
    "/api/v1/countries/",
    "/api/v1/indicators/",
    "/api/v1/indicators/REFUGEE_DECISIONS/",
    "/api/v1/periods/",
    "/api/v1/values/",
    "/api/v1/metadata/",
    "/api/v1/documents/",
    "/api/sdmx/dataflow/DSM/all/latest",
    "/api/sdmx/datastructure/DSM/REFUGEE_DECISIONS",
]
POST_ENDPOINTS = ["/api/v1/submissions/KAZ/2025/figures/", "/api/v1/submissions/KAZ/2025/submit/"]


def client_of(team, role, way):
    if role == "anonymous":
        return Client()
    user = getattr(team, role)
    if way == "token":
        return Client(HTTP_AUTHORIZATION=f"Token {token_services.create_token(user, name='job')[1]}")
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("way", ["token", "session"])
@pytest.mark.parametrize(("role", "country", "write_status", "submit_status"), MATRIX)
def test_writing_and_submitting_follow_the_entry_rule(portal_team, armenia, role, country, way, write_status,
                                                      submit_status):  # fmt: skip
    client = client_of(portal_team, role, way)
    url = f"/api/v1/submissions/{country}/2025/"
    response = client.post(url + "figures/", FIGURES, content_type="application/json")
    assert response.status_code == write_status, response.content
    assert Value.objects.exists() == (write_status == 201)
    assert Delivery.objects.exists() == (write_status == 201)
    if write_status != 201:  # a submission to submit, written by the secretariat
        client_of(portal_team, "sysadmin", "token").post(url + "figures/", FIGURES, content_type="application/json")
    reason = {"missing_reason": "Only decisions are registered."}
    submitted = client.post(url + "submit/", reason, content_type="application/json")
    assert submitted.status_code == submit_status, submitted.content
    status = Submission.objects.get(country__code=country).status
    assert status == (Status.SUBMITTED if submit_status == 200 else Status.DRAFT)


@pytest.fixture
def stopped_tokens(portal_team):
    """A revoked and an expired token of the secretariat, who could otherwise do everything."""
    _revoked, revoked_key = token_services.create_token(portal_team.sysadmin, name="revoked")
    token_services.revoke_token(_revoked, user=portal_team.sysadmin)
    _expired, expired_key = token_services.create_token(portal_team.sysadmin, name="expired")
    ApiToken.objects.filter(pk=_expired.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    return [revoked_key, expired_key]


@pytest.mark.parametrize("url", GET_ENDPOINTS)
def test_a_stopped_token_gets_401_on_every_read(stopped_tokens, url):
    for key in stopped_tokens:
        response = Client(HTTP_AUTHORIZATION=f"Token {key}").get(url)
        assert response.status_code == 401
        assert response["WWW-Authenticate"] == 'Token realm="api"'
        assert Client().get(url).status_code == 200  # the same address answers the public


def test_a_stopped_token_gets_401_on_sdmx_data(stopped_tokens):
    for key in stopped_tokens:
        response = Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/sdmx/data/REFUGEE_DECISIONS/all")
        assert response.status_code == 401


@pytest.mark.parametrize("url", POST_ENDPOINTS)
def test_a_stopped_token_gets_401_on_every_write_and_nothing_is_stored(stopped_tokens, url):
    for key in stopped_tokens:
        response = Client(HTTP_AUTHORIZATION=f"Token {key}").post(url, FIGURES, content_type="application/json")
        assert response.status_code == 401
    assert not Submission.objects.exists()
    assert not Value.objects.exists()
