"""A request's life through the services: sent by Kazakhstan to Armenia, assigned, answered with a file, closed
and shared; each person concerned e-mailed in their own language after the commit; refusals change nothing."""

from pathlib import Path

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dsm_data.intake.problems import Rejected
from dsm_data.models import Role
from exchange.models import Request, RequestAttachment, RequestMessage, RequestStatus
from exchange.services import requests as services

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def people(kazakhstan, armenia, make_user):
    arm_admin = make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin")
    arm_admin.language = "ru"
    arm_admin.save()
    return {
        "kaz_user": make_user(Role.DATA_USER, kazakhstan, username="kaz-user"),
        "arm_admin": arm_admin,
        "arm_focal": make_user(Role.FOCAL_POINT, armenia, username="arm-focal"),
        "kaz_focal": make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal"),
    }


def test_a_request_is_sent_assigned_answered_with_a_file_closed_and_shared(
    people, armenia, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = services.send(
            people["kaz_user"], countries=[armenia], subject="Border crossings 2024", body="How do you count them?"
        )
    assert [message.to for message in mail.outbox] == [[people["arm_admin"].email]]
    assert mail.outbox[0].subject.startswith("Новый запрос")  # Armenia's administrator reads Russian
    row = request.recipients.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.assign(request, user=people["arm_admin"], recipient=row, assignee=people["arm_focal"])
        upload = SimpleUploadedFile("method.pdf", PDF)
        services.reply(request, user=people["arm_focal"], body="By the border service's register.", uploads=[upload])
    request.refresh_from_db()
    assert request.status == RequestStatus.ANSWERED
    assert RequestAttachment.objects.get().original_name == "method.pdf"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.close(request, user=people["kaz_user"], share=True)
    request.refresh_from_db()
    assert (request.status, request.is_shared) == (RequestStatus.CLOSED, True)
    assert RequestMessage.objects.filter(request=request).count() == 2
    assert sorted(message.subject for message in mail.outbox) == [
        "Request closed: Border crossings 2024",  # Armenia's focal point, in English
        "Запрос закрыт: Border crossings 2024",  # Armenia's administrator, in Russian
    ]


def test_refusals_write_nothing(people, armenia):
    request = services.send(people["kaz_user"], countries=[armenia], subject="Entries", body="Monthly?")
    row = request.recipients.get()
    with pytest.raises(PermissionDenied):  # Kazakhstan does not choose Armenia's answerer
        services.assign(request, user=people["kaz_focal"], recipient=row, assignee=people["arm_focal"])
    with pytest.raises(Rejected):  # nor may Armenia's administrator choose someone of Kazakhstan
        services.assign(request, user=people["arm_admin"], recipient=row, assignee=people["kaz_focal"])
    row.refresh_from_db()
    assert row.assignee is None
    program = SimpleUploadedFile("tool.exe", b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(Rejected, match="tool.exe"):
        services.reply(request, user=people["arm_admin"], body="See the tool.", uploads=[program])
    assert RequestMessage.objects.filter(request=request).count() == 1
    assert not RequestAttachment.objects.exists()
    with pytest.raises(Rejected):
        services.send(people["kaz_user"], countries=[], subject="Nobody", body="?")
    assert Request.objects.count() == 1


def test_a_file_is_kept_and_sent_as_what_it_is_and_a_refused_one_leaves_none_behind(people, armenia, settings):
    page = SimpleUploadedFile("notes.html", b"<script>alert(1)</script> plain words")
    request = services.send(people["kaz_user"], countries=[armenia], subject="Notes", body="See", uploads=[page])
    attachment = RequestAttachment.objects.get()
    assert attachment.original_name == "notes.txt"  # a text, whatever its name said
    assert attachment.file.name.endswith(".txt")
    client = Client()
    client.force_login(people["arm_admin"])
    response = client.get(f"/en/requests/files/{attachment.pk}/")
    assert response["Content-Type"] == "text/plain"
    stored = sorted(path.name for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file())
    program = SimpleUploadedFile("tool.exe", b"MZ\x90\x00" + b"\x00" * 100)
    with pytest.raises(Rejected, match="tool.exe"):
        services.reply(
            request, user=people["arm_admin"], body="Two files",
            uploads=[SimpleUploadedFile("annex.pdf", PDF), program],
        )  # fmt: skip
    assert sorted(path.name for path in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if path.is_file()) == stored


def test_requests_go_to_participating_states_only_each_once(people, armenia, kazakhstan):
    from dsm_data.services.accounts import save_country

    outside = save_country("CHN", {"en": "China", "ru": "Китай"})
    outside.is_participating = False
    outside.save()
    with pytest.raises(Rejected, match="participating states only, not to China"):
        services.send(people["kaz_user"], countries=[armenia, outside], subject="S", body="B")
    assert not Request.objects.exists()
    request = services.send(people["kaz_user"], countries=[armenia, armenia, kazakhstan], subject="S", body="B")
    assert [row.country for row in request.recipients.all()] == [armenia]  # not twice, not to itself
    with pytest.raises(Rejected, match="longer than 200"):
        services.send(people["kaz_user"], countries=[armenia], subject="x" * 201, body="B")
