"""The requests' pages and files, role x state: the sending and receiving states and the secretariat read a
request, its thread and its files; a third state, an editor and the public read none of them (a 404 that tells
nothing of its existence); each download is audited."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dsm_data.models import AuditEntry, Role
from dsm_data.services.accounts import save_country
from exchange.models import Request, RequestAttachment
from exchange.services import requests as services

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
READERS = {"kaz-user": True, "arm-focal": True, "secretariat": True, "geo-admin": False, "editor": False}


@pytest.fixture
def asked(kazakhstan, armenia, make_user):
    georgia = save_country("GEO", {"en": "Georgia", "ru": "Грузия"})
    people = {
        "kaz-user": make_user(Role.DATA_USER, kazakhstan, username="kaz-user"),
        "arm-focal": make_user(Role.FOCAL_POINT, armenia, username="arm-focal"),
        "secretariat": make_user(Role.SYSTEM_ADMIN, username="secretariat"),
        "geo-admin": make_user(Role.COUNTRY_ADMIN, georgia, username="geo-admin"),
        "editor": make_user(Role.EDITOR, username="editor"),
    }
    request = services.send(
        people["kaz-user"], countries=[armenia], subject="Border crossings 2024", body="How do you count them?",
        uploads=[SimpleUploadedFile("question.pdf", PDF)],
    )  # fmt: skip
    return people, request, RequestAttachment.objects.get()


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(("name", "reads"), READERS.items())
def test_the_list_the_thread_and_the_file_are_read_by_the_two_states_and_the_secretariat_only(asked, name, reads):
    people, request, attachment = asked
    client = signed_in(people[name])
    assert ("Border crossings 2024" in client.get("/en/requests/").content.decode()) is reads
    thread = client.get(f"/en/requests/{request.pk}/")
    assert thread.status_code == (200 if reads else 404)
    assert ("How do you count them?" in thread.content.decode()) is reads
    download = client.get(f"/en/requests/files/{attachment.pk}/")
    assert download.status_code == (200 if reads else 404)
    if reads:
        assert b"".join(download.streaming_content) == PDF
    assert AuditEntry.objects.filter(action="dsm.download").count() == (1 if reads else 0)


def test_the_public_is_sent_to_sign_in(asked):
    _people, request, attachment = asked
    for path in ("/en/requests/", f"/en/requests/{request.pk}/", f"/en/requests/files/{attachment.pk}/"):
        assert Client().get(path)["Location"].startswith("/en/accounts/login/")


def test_a_request_is_sent_answered_and_closed_on_the_pages(asked, armenia, make_user):
    people, _request, _attachment = asked
    sent = signed_in(people["kaz-user"]).post(
        "/en/requests/new/",
        {"countries": ["ARM"], "subject": "Permits 2025", "body": "Are seasonal permits counted?",
         "files": [SimpleUploadedFile("note.txt", b"Seasonal permits: see annex.")]},
    )  # fmt: skip
    assert sent.status_code == 302, sent.content.decode()[:2000]
    path = sent["Location"]
    arm_admin = make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin")
    made = Request.objects.get(subject="Permits 2025")
    services.assign(made, user=arm_admin, recipient=made.recipients.get(), assignee=people["arm-focal"])
    answer = signed_in(people["arm-focal"]).post(path, {"body": "Yes, since 2023."})
    assert answer.status_code == 302
    assert "Yes, since 2023." in signed_in(people["kaz-user"]).get(path).content.decode()
    assert signed_in(people["geo-admin"]).post(path, {"body": "Georgia too?"}).status_code == 404
    assert signed_in(people["arm-focal"]).post(path + "close/").status_code == 403  # only the sending state
    signed_in(people["kaz-user"]).post(path + "close/", {"share": "on"})
    assert "Yes, since 2023." in signed_in(people["geo-admin"]).get(path).content.decode()  # shared once closed


def test_a_request_to_nobody_is_refused_with_the_reason(asked):
    people, _request, _attachment = asked
    page = signed_in(people["kaz-user"]).post("/en/requests/new/", {"subject": "Hello", "body": "Anyone?"})
    assert page.status_code == 200
    assert "Choose at least one other state, or the secretariat." in page.content.decode()


def test_armenias_administrator_assigns_an_armenian_official_and_nobody_else_may(asked, armenia, make_user):
    people, request, _attachment = asked
    arm_admin = make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin")
    row = request.recipients.get()
    page = signed_in(arm_admin).get(f"/en/requests/{request.pk}/").content.decode()
    assert f"/en/requests/{request.pk}/assign/{row.pk}/" in page
    assert "kaz-user" not in page.split("assignee")[1]  # only Armenia's officials are offered
    assert f"/assign/{row.pk}/" not in signed_in(people["kaz-user"]).get(f"/en/requests/{request.pk}/").content.decode()
    assert (
        signed_in(people["kaz-user"])
        .post(f"/en/requests/{request.pk}/assign/{row.pk}/", {"assignee": people["arm-focal"].pk})
        .status_code
        == 403
    )
    signed_in(arm_admin).post(f"/en/requests/{request.pk}/assign/{row.pk}/", {"assignee": people["kaz-user"].pk})
    row.refresh_from_db()
    assert row.assignee is None  # someone of another state is refused
    signed_in(arm_admin).post(f"/en/requests/{request.pk}/assign/{row.pk}/", {"assignee": people["arm-focal"].pk})
    row.refresh_from_db()
    assert row.assignee == people["arm-focal"]
