"""The write API: figures posted as JSON or a long table by a focal point's system, checked whole, stored all
or nothing with channel "API" and a receipt; dry runs, retries with a key, other countries, submitting."""

import json
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from api.models import ApiWrite
from api.services import tokens as token_services
from dsm_data.models import Channel, Delivery, Status, Submission, Transition, Value, ValueRevision

pytestmark = pytest.mark.django_db

URL = "/api/v1/submissions/{country}/{period}/figures/"
OUTCOMES = {"RECOGNISED": 40, "COMPLEMENTARY": 5, "REJECTED": 12, "CLOSED": 3}


def token_client(user):
    _token, key = token_services.create_token(user, name="ministry system")
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def decisions(numbers=OUTCOMES, **extra):
    """The JSON body of Kazakhstan's refugee decisions: one item per outcome, the total left to be summed."""
    values = [
        {"indicator": "REFUGEE_DECISIONS", "breakdown": {"RSD_OUTCOME": code}, "value": number}
        for code, number in numbers.items()
    ]
    return json.dumps({"values": values, **extra})


def post(client, body, *, country="KAZ", period="2025", content_type="application/json", query="", **headers):
    return client.post(URL.format(country=country, period=period) + query, body, content_type=content_type, **headers)


def stored():
    """What a write leaves behind: figures, their history, submissions, deliveries, kept answers, transitions."""
    return [model.objects.count() for model in (Value, ValueRevision, Submission, Delivery, ApiWrite, Transition)]


def test_a_focal_points_token_stores_json_figures_with_their_receipt(portal_team, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(token_client(portal_team.focal), decisions())
    assert response.status_code == 201, response.content
    body = response.json()
    delivery = Delivery.objects.get()
    assert body["receipt"]["number"] == delivery.number
    assert body["receipt"]["added"] == 5  # four outcomes and the total computed from them
    assert body["receipt"]["added"] == ValueRevision.objects.filter(delivery=delivery).count()
    assert (body["receipt"]["changed"], body["receipt"]["unchanged"]) == (0, 0)
    assert body["submission"] == {
        "country": "KAZ",
        "period": "2025",
        "status": "draft",
        "missing_reason": "",
        "url": f"http://testserver/en/data/submissions/{Submission.objects.get().pk}/",
    }
    assert (delivery.kind, delivery.country.code, delivery.sender) == ("api", "KAZ", portal_team.focal)
    assert set(ValueRevision.objects.values_list("channel", flat=True)) == {Channel.API}
    figures = dict(Value.objects.values_list("series__key", "number"))
    assert figures["RSD_OUTCOME=REJECTED"] == 12
    assert figures["RSD_OUTCOME=_T"] == 60
    assert [message.to for message in mail.outbox] == [[portal_team.kaz_admin.email]]  # the receipt, as for a file


def test_the_receipt_shows_on_the_submissions_page(portal_team):
    number = post(token_client(portal_team.focal), decisions()).json()["receipt"]["number"]
    client = Client()
    client.force_login(portal_team.kaz_admin)
    page = client.get(f"/en/data/submissions/{Submission.objects.get().pk}/").content.decode()
    assert number in page
    assert "Sent by API" in page


def test_a_dry_run_answers_as_the_write_would_and_stores_nothing(portal_team, django_capture_on_commit_callbacks):
    client = token_client(portal_team.focal)
    before = stored()
    with django_capture_on_commit_callbacks(execute=True):
        dry = post(client, decisions(), query="?dry_run=1")
    assert dry.status_code == 200, dry.content
    assert stored() == before
    assert mail.outbox == []
    assert dry.json()["dry_run"] is True
    assert "number" not in dry.json()["receipt"]
    written = post(client, decisions())
    assert {name: written.json()["receipt"][name] for name in dry.json()["receipt"]} == dry.json()["receipt"]


def test_bad_figures_change_nothing_and_each_problem_names_its_json_item(portal_team):
    body = decisions({"RECOGNISED": 40, "DEPORTED": 5, "REJECTED": -1, "CLOSED": "many"})
    before = stored()
    response = post(token_client(portal_team.focal), body)
    assert response.status_code == 400
    assert stored() == before
    problems = {problem["where"]: problem for problem in response.json()["problems"]}
    assert set(problems) >= {"values[1].breakdown.RSD_OUTCOME", "values[3].value"}
    assert "RECOGNISED" in problems["values[1].breakdown.RSD_OUTCOME"]["hint"]  # the allowed codes


def test_a_body_that_is_not_figures_says_what_is_expected(portal_team):
    client = token_client(portal_team.focal)
    broken = post(client, '{"values": [')
    assert broken.status_code == 400
    assert "line 1" in broken.json()["problems"][0]["message"]
    not_text = post(client, b'{"values": "\xc3\x28"}')  # not UTF-8
    assert not_text.json()["problems"][0]["message"] == "The body is not valid JSON."
    shapeless = post(client, json.dumps({"values": [{"indicator": 3, "colour": "red"}]}))
    places = {problem["where"] for problem in shapeless.json()["problems"]}
    assert places == {"values[0].indicator", "values[0].colour"}
    unsupported = post(client, b"<xml/>", content_type="application/xml")
    assert unsupported.status_code == 415
    assert "application/json" in unsupported.json()["detail"]


def test_a_retry_with_the_same_key_stores_once_and_gets_the_first_answer(portal_team):
    client = token_client(portal_team.focal)
    first = post(client, decisions(), HTTP_IDEMPOTENCY_KEY="upload-2025-001")
    retry = post(client, decisions(), HTTP_IDEMPOTENCY_KEY="upload-2025-001")
    assert (first.status_code, retry.status_code) == (201, 201)
    assert retry.json() == first.json()
    assert retry["Idempotent-Replayed"] == "true"
    assert Delivery.objects.count() == 1
    assert ValueRevision.objects.count() == 5
    other = post(client, decisions({**OUTCOMES, "CLOSED": 4}), HTTP_IDEMPOTENCY_KEY="upload-2025-001")
    assert other.status_code == 422
    assert "another request" in other.json()["detail"]
    assert Value.objects.get(series__key="RSD_OUTCOME=CLOSED").number == 3


def test_a_token_of_one_country_writing_to_another_gets_403_and_nothing_is_stored(portal_team, armenia):
    before = stored()
    response = post(token_client(portal_team.focal), decisions(), country="ARM")
    assert response.status_code == 403
    assert "Armenia" in response.json()["detail"]
    assert stored() == before


def test_a_long_table_with_another_countrys_rows_is_refused_whole(portal_team, armenia):
    table = "indicator,country,period,RSD_OUTCOME,value\nREFUGEE_DECISIONS,KAZ,2025,REJECTED,3\n"
    table += "REFUGEE_DECISIONS,ARM,2025,REJECTED,4\n"
    before = stored()
    response = post(token_client(portal_team.focal), table, content_type="text/csv")
    assert response.status_code == 400
    assert stored() == before
    messages = " ".join(problem["message"] for problem in response.json()["problems"])
    assert "Armenia" in messages


def test_a_long_table_csv_is_stored_as_on_the_web(portal_team):
    table = "indicator,country,period,RSD_OUTCOME,value,flag\nREFUGEE_DECISIONS,KAZ,2025,REJECTED,3,p\n"
    response = post(token_client(portal_team.focal), table, content_type="text/csv; charset=utf-8")
    assert response.status_code == 201, response.content
    value = Value.objects.get(series__key="RSD_OUTCOME=REJECTED")
    assert (value.number, value.is_provisional) == (3, True)
    assert Delivery.objects.get().original_name == "api-request.csv"


@pytest.mark.parametrize("authorization", [None, "Token not-a-token"])
def test_without_a_working_token_nothing_is_written(portal_team, authorization):
    client = Client(HTTP_AUTHORIZATION=authorization) if authorization else Client()
    response = post(client, decisions())
    assert response.status_code == 401
    assert Value.objects.count() == 0


def test_a_session_write_needs_the_csrf_token_as_any_form(portal_team):
    client = Client(enforce_csrf_checks=True)
    client.force_login(portal_team.focal)
    assert post(client, decisions()).status_code == 403
    assert Value.objects.count() == 0


def test_a_closed_period_answers_409_with_the_reason(portal_team, make_period):
    import datetime

    closed = make_period(2019, deadline=datetime.date(2020, 3, 1), lock_days=0)
    response = post(token_client(portal_team.focal), decisions(), period=closed.code)
    assert response.status_code == 409
    assert "closed for entry" in response.json()["detail"]


def test_submitted_by_api_but_never_validated(portal_team):
    client = token_client(portal_team.focal)
    post(client, decisions())
    submission = Submission.objects.get()
    submission.submission_indicators.exclude(indicator__code="REFUGEE_DECISIONS").delete()
    response = client.post("/api/v1/submissions/KAZ/2025/submit/", {}, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == Status.SUBMITTED
    submission.refresh_from_db()
    assert submission.status == Status.SUBMITTED
    admin = token_client(portal_team.kaz_admin)
    assert admin.post("/api/v1/submissions/KAZ/2025/validate/", follow=True).status_code == 404
    again = client.post("/api/v1/submissions/KAZ/2025/submit/", {}, content_type="application/json")
    assert again.status_code == 409


def test_a_submission_with_figures_missing_needs_its_reason(portal_team):
    client = token_client(portal_team.focal)
    post(client, decisions())
    refused = client.post("/api/v1/submissions/KAZ/2025/submit/", {}, content_type="application/json")
    assert refused.status_code == 409
    assert "not collected" in refused.json()["problems"][0]["message"]
    reason = {"missing_reason": "The other registers are not kept by the migration service."}
    accepted = client.post("/api/v1/submissions/KAZ/2025/submit/", reason, content_type="application/json")
    assert accepted.json()["missing_reason"] == reason["missing_reason"]


def test_an_unknown_country_or_period_is_named(portal_team):
    client = token_client(portal_team.focal)
    unknown_country = post(client, decisions(), country="XYZ")
    assert unknown_country.status_code == 404, unknown_country.content[:2000]
    assert "“XYZ”" in unknown_country.json()["detail"]
    unknown_period = post(client, decisions(), period="1066")
    assert unknown_period.status_code == 404
    assert "“1066”" in unknown_period.json()["detail"]
    assert not Submission.objects.exists()


def test_the_apis_messages_come_in_the_language_asked_for(portal_team):
    answer = post(token_client(portal_team.focal), decisions(), country="XYZ", HTTP_ACCEPT_LANGUAGE="ru")
    assert answer.status_code == 404
    assert answer["Content-Language"] == "ru"
    assert "Неизвестная страна" in answer.json()["detail"]


def test_a_retry_racing_the_first_write_stores_nothing_and_gets_its_answer(portal_team, monkeypatch, settings):
    """The first write commits while the retry is being checked: the key's constraint stops the retry whole."""
    from api.models.writes import request_fingerprint
    from api.services import long_tables

    client, body = token_client(portal_team.focal), decisions()
    fingerprint = request_fingerprint("KAZ", "2025", "application/json", body.encode(), "")
    first_answer = {"receipt": {"number": "DSM-000001"}}
    read_as_long_table = long_tables.as_long_table

    def first_write_commits_meanwhile(*args, **kwargs):
        ApiWrite.objects.create(
            user=portal_team.focal, key="race", fingerprint=fingerprint, status_code=201, response=first_answer
        )
        return read_as_long_table(*args, **kwargs)

    monkeypatch.setattr(long_tables, "as_long_table", first_write_commits_meanwhile)
    retry = post(client, body, HTTP_IDEMPOTENCY_KEY="race")
    assert (retry.status_code, retry.json()) == (201, first_answer)
    assert retry["Idempotent-Replayed"] == "true"
    assert not Value.objects.exists()
    assert not Delivery.objects.exists()
    assert not list(Path(settings.PRIVATE_MEDIA_ROOT).rglob("api-request*"))


def test_a_warning_is_answered_by_the_figures_comment(portal_team, make_period):
    make_period(2024)
    earlier = {"RECOGNISED": 400, "COMPLEMENTARY": 50, "REJECTED": 120, "CLOSED": 30}
    assert post(token_client(portal_team.sysadmin), decisions(earlier), period="2024").status_code == 201
    client = token_client(portal_team.focal)
    warned = post(client, decisions()).json()["warnings"]
    assert len(warned) == 1
    assert "differs by 90%" in warned[0]["message"]
    assert warned[0]["answered"] is False
    submit = {"missing_reason": "Only decisions are registered."}
    assert (
        client.post("/api/v1/submissions/KAZ/2025/submit/", submit, content_type="application/json").status_code == 409
    )
    total = {"indicator": "REFUGEE_DECISIONS", "breakdown": {"RSD_OUTCOME": "_T"}, "value": 60,
             "comment": "The new procedure started in May."}  # fmt: skip
    explained = post(client, json.dumps({"values": [*json.loads(decisions())["values"], total]}))
    assert [warning["answered"] for warning in explained.json()["warnings"]] == [True]
    submitted = client.post("/api/v1/submissions/KAZ/2025/submit/", submit, content_type="application/json")
    assert submitted.status_code == 200, submitted.content


SDMX_HEADER = (
    "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,RSD_OUTCOME,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS,COMMENT"
)


def test_sdmx_csv_is_stored_with_its_statuses_and_comments(portal_team):
    message = "\n".join([
        SDMX_HEADER,
        "dataflow,DSM:REFUGEE_DECISIONS(1.0),I,A,KAZ,RECOGNISED,2025,40,P,F,Register being audited",
        "dataflow,DSM:REFUGEE_DECISIONS(1.0),I,A,KAZ,REJECTED,2025,,Q,C,",
    ])  # fmt: skip
    response = post(token_client(portal_team.focal), message, content_type="application/vnd.sdmx.data+csv")
    assert response.status_code == 201, response.content
    values = {value.series.key: value for value in Value.objects.select_related("series")}
    recognised, rejected = values["RSD_OUTCOME=RECOGNISED"], values["RSD_OUTCOME=REJECTED"]
    assert (recognised.number, recognised.is_provisional, recognised.footnote) == (40, True, "Register being audited")
    assert (rejected.number, rejected.absence) == (None, "confidential")
    assert Delivery.objects.get().original_name == "api-request-sdmx.csv"


def test_a_problem_of_sdmx_csv_is_named_by_its_line_and_sdmx_column(portal_team):
    message = "\n".join([
        SDMX_HEADER,
        "dataflow,DSM:REFUGEE_DECISIONS(1.0),I,A,KAZ,RECOGNISED,2025,40,A,F,",
        "dataflow,DSM:REFUGEE_DECISIONS(1.0),I,A,KAZ,DEPORTED,2025,3,A,F,",
    ])  # fmt: skip
    response = post(token_client(portal_team.focal), message, content_type="application/vnd.sdmx.data+csv")
    assert response.status_code == 400
    [problem] = response.json()["problems"]
    assert problem["where"] == "line 3, RSD_OUTCOME"
    assert "RECOGNISED" in problem["hint"]
    assert not Value.objects.exists()


def test_a_retry_after_the_period_closed_still_gets_its_first_answer(portal_team):
    client = token_client(portal_team.focal)
    first = post(client, decisions(), HTTP_IDEMPOTENCY_KEY="before-the-deadline")
    portal_team.period.deadline = portal_team.period.deadline.replace(year=2020)
    portal_team.period.lock_days = 0
    portal_team.period.save()
    retry = post(client, decisions(), HTTP_IDEMPOTENCY_KEY="before-the-deadline")
    assert (retry.status_code, retry.json()) == (201, first.json())
    assert post(client, decisions(), HTTP_IDEMPOTENCY_KEY="after-the-deadline").status_code == 409


def test_a_dry_run_into_a_new_submission_links_nowhere_and_keeps_no_file(portal_team, settings):
    dry = post(token_client(portal_team.focal), decisions(), query="?dry_run=true")
    assert dry.json()["submission"]["url"] is None
    assert dry.json()["submission"]["status"] == "draft"
    assert not list(Path(settings.PRIVATE_MEDIA_ROOT).rglob("*"))


def test_an_unknown_breakdown_is_told_at_the_item_that_brought_it(portal_team):
    values = json.loads(decisions())["values"]
    values[2]["breakdown"]["COLOUR"] = "red"
    response = post(token_client(portal_team.focal), json.dumps({"values": values}))
    assert response.status_code == 400
    assert "values[2].breakdown.COLOUR" in {problem.get("where") for problem in response.json()["problems"]}


def test_a_body_over_the_limit_is_413_with_its_size(portal_team, settings):
    settings.DSM_MAX_UPLOAD_BYTES = 1024 * 1024
    body = json.dumps({"values": [], "reason": "x" * (1024 * 1024)})
    response = post(token_client(portal_team.focal), body)
    assert response.status_code == 413
    assert "1.0 MB" in response.json()["problems"][0]["message"]


def test_submitting_another_countrys_figures_is_403_whether_or_not_any_were_sent(portal_team, armenia):
    client = token_client(portal_team.focal)
    nothing_sent = client.post("/api/v1/submissions/ARM/2025/submit/", {}, content_type="application/json")
    assert nothing_sent.status_code == 403
    post(token_client(portal_team.sysadmin), decisions(), country="ARM")
    sent = client.post("/api/v1/submissions/ARM/2025/submit/", {}, content_type="application/json")
    assert (sent.status_code, sent.json()) == (403, nothing_sent.json())
