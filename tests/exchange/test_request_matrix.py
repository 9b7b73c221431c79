"""Role x state over every request page, action and file: Armenia asks Kazakhstan; Georgia, a third state,
never reads or answers the pair's request, nor its files; the secretariat reads, writes and may close, but
only Armenia shares it; only Kazakhstan's administrators choose who answers for Kazakhstan, and only they
and the one they choose answer. Nothing is written on a refusal."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dsm_data.models import Role
from dsm_data.services.accounts import save_country
from exchange.models import Request, RequestMessage, RequestStatus
from exchange.services import requests as services

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
STATE_ROLES = {"focal": Role.FOCAL_POINT, "admin": Role.COUNTRY_ADMIN, "user": Role.DATA_USER}
PEOPLE = [f"{state}-{role}" for state in ("arm", "kaz", "geo") for role in STATE_ROLES] + ["secretariat", "editor"]
SENDING, RECEIVING = {"arm-focal", "arm-admin", "arm-user"}, {"kaz-focal", "kaz-admin", "kaz-user"}
READERS = SENDING | RECEIVING | {"secretariat"}
WRITERS = SENDING | {"kaz-admin", "secretariat"}  # and the official Kazakhstan chooses, below


@pytest.fixture
def pair(kazakhstan, armenia, make_user):
    countries = {"arm": armenia, "kaz": kazakhstan, "geo": save_country("GEO", {"en": "Georgia", "ru": "Грузия"})}
    people = {
        f"{state}-{role}": make_user(role_value, country, username=f"{state}-{role}")
        for state, country in countries.items()
        for role, role_value in STATE_ROLES.items()
    }
    people["secretariat"] = make_user(Role.SYSTEM_ADMIN, username="secretariat")
    people["editor"] = make_user(Role.EDITOR, username="editor")
    request = services.send(
        people["arm-user"], countries=[kazakhstan], subject="Seasonal workers", body="How are they counted?",
        uploads=[SimpleUploadedFile("question.pdf", PDF)],
    )  # fmt: skip
    return people, request


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", PEOPLE)
def test_reading_the_list_the_thread_and_the_file(pair, name):
    people, request = pair
    client, reads = client_of(people[name]), name in READERS
    attachment = request.messages.get().attachments.get()
    assert ("Seasonal workers" in client.get("/en/requests/").content.decode()) is reads
    assert client.get(f"/en/requests/{request.pk}/").status_code == (200 if reads else 404)
    assert client.get(f"/en/requests/files/{attachment.pk}/").status_code == (200 if reads else 404)
    assert client.get(f"/ru/requests/files/{attachment.pk}/").status_code == (200 if reads else 404)


@pytest.mark.parametrize("name", PEOPLE)
def test_writing_in_the_thread(pair, name):
    people, request = pair
    response = client_of(people[name]).post(
        f"/en/requests/{request.pk}/", {"body": "A word", "files": [SimpleUploadedFile("a.txt", b"An annex.")]}
    )
    assert response.status_code == (302 if name in WRITERS else 403 if name in READERS else 404)
    assert RequestMessage.objects.filter(body="A word").count() == (1 if name in WRITERS else 0)
    request.refresh_from_db()
    answered = name == "kaz-admin"  # the receiving state's message answers the request
    assert request.status == (RequestStatus.ANSWERED if answered else RequestStatus.OPEN)


def test_the_official_chosen_by_kazakhstan_answers_and_a_follow_up_asks_again(pair):
    people, request = pair
    thread = f"/en/requests/{request.pk}/"
    assert client_of(people["kaz-focal"]).post(thread, {"body": "Before"}).status_code == 403
    services.assign(request, user=people["kaz-admin"], recipient=request.recipients.get(), assignee=people["kaz-focal"])
    assert client_of(people["kaz-focal"]).post(thread, {"body": "Our answer"}).status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED
    assert client_of(people["arm-user"]).post(thread, {"body": "And in 2024?"}).status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN  # back on Kazakhstan's list
    assert request.recipients.get().answered_at is None


@pytest.mark.parametrize("name", PEOPLE)
def test_choosing_who_answers_for_kazakhstan(pair, name):
    people, request = pair
    row = request.recipients.get()
    response = client_of(people[name]).post(
        f"/en/requests/{request.pk}/assign/{row.pk}/", {"assignee": people["kaz-focal"].pk}
    )
    expected = {"kaz-admin": 302}.get(name, 403 if name in READERS else 404)
    assert response.status_code == expected
    row.refresh_from_db()
    assert (row.assignee == people["kaz-focal"]) is (name == "kaz-admin")


@pytest.mark.parametrize("name", PEOPLE)
def test_closing_and_sharing(pair, name):
    people, request = pair
    response = client_of(people[name]).post(f"/en/requests/{request.pk}/close/", {"share": "on"})
    closes = name in SENDING  # the secretariat closes, but does not share another state's question
    assert response.status_code == (302 if closes else 403 if name in READERS else 404)
    request.refresh_from_db()
    expected = (RequestStatus.CLOSED, True) if closes else (RequestStatus.OPEN, False)
    assert (request.status, request.is_shared) == expected
    if name == "secretariat":
        assert client_of(people[name]).post(f"/en/requests/{request.pk}/close/").status_code == 302
        request.refresh_from_db()
        assert (request.status, request.is_shared) == (RequestStatus.CLOSED, False)


@pytest.mark.parametrize("name", PEOPLE)
def test_a_shared_request_is_read_by_every_participating_state_but_never_answered_again(pair, name):
    people, request = pair
    services.close(request, user=people["arm-user"], share=True)
    client = client_of(people[name])
    reads = name != "editor"
    assert client.get(f"/en/requests/{request.pk}/").status_code == (200 if reads else 404)
    answer = client.post(f"/en/requests/{request.pk}/", {"body": "Late word"})
    assert answer.status_code != 302  # refused (closed, or not theirs to answer), never "your message was added"
    assert not RequestMessage.objects.filter(body="Late word").exists()


@pytest.mark.parametrize("name", PEOPLE)
def test_sending_a_request(pair, name, kazakhstan):
    people, _request = pair
    client = client_of(people[name])
    sends = name != "editor"  # officials of participating states and the secretariat
    assert client.get("/en/requests/new/").status_code == (200 if sends else 403)
    target = "ARM" if name.startswith("kaz") else "KAZ"
    response = client.post("/en/requests/new/", {"countries": [target], "subject": "Asked", "body": "Question"})
    assert response.status_code == (302 if sends else 403)
    assert Request.objects.filter(subject="Asked").count() == (1 if sends else 0)


def test_the_public_is_sent_to_sign_in_everywhere(pair):
    _people, request = pair
    attachment = request.messages.get().attachments.get()
    row = request.recipients.get()
    paths = [
        "/en/requests/", "/en/requests/new/", f"/en/requests/{request.pk}/", f"/en/requests/files/{attachment.pk}/",
        "/en/accounts/tasks/",
    ]  # fmt: skip
    for path in paths:
        assert Client().get(path)["Location"].startswith("/en/accounts/login/"), path
    for path in (f"/en/requests/{request.pk}/close/", f"/en/requests/{request.pk}/assign/{row.pk}/"):
        assert Client().post(path)["Location"].startswith("/en/accounts/login/"), path
    request.refresh_from_db()
    assert request.status == RequestStatus.OPEN
