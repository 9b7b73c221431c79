"""Requests between the states: sent, assigned, answered, closed and shared; every step by the rule of
``dsm_data.permissions.requests``, on the locked row, with an e-mail to each person concerned in their
own language once the transaction commits (``dsm_data.notifications``)."""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dsm_data import permissions
from dsm_data.intake import files
from dsm_data.intake.problems import Rejected
from dsm_data.models import Role, User
from dsm_data.notifications import send_in_languages

from ..models import Request, RequestAttachment, RequestMessage, RequestRecipient, RequestStatus

# What a request's attachment may be, by its content: documents and scans, never programs. Each is stored and
# sent under the extension of what it is, whatever its name said (a text named .html is sent as a text).
EXTENSIONS = {
    files.PDF: "pdf", files.JPEG: "jpg", files.PNG: "png", files.TEXT: "txt",
    files.XLSX: "xlsx", files.DOCX: "docx", files.ODT: "odt",
}  # fmt: skip
SUBJECT_LENGTH = Request._meta.get_field("subject").max_length


@transaction.atomic
def send(user, *, countries, to_secretariat=False, subject, body, indicator=None, period=None, reply_by=None,
         uploads=()):  # fmt: skip
    """A new request from ``user``'s state (or the secretariat) to ``countries`` and/or the secretariat."""
    if not permissions.can_send_request(user):
        raise PermissionDenied
    own_country = permissions.country_of(user)
    countries = {country for country in countries if country != own_country}
    outside = sorted(str(country) for country in countries if not permissions.can_receive_request(country))
    if outside:
        raise Rejected.because(
            _("Requests go to participating states only, not to %(states)s.") % {"states": ", ".join(outside)}
        )
    if not countries and not to_secretariat:
        raise Rejected.because(_("Choose at least one other state, or the secretariat."))
    if not subject.strip() or not body.strip():
        raise Rejected.because(_("A request needs a subject and a message."))
    if len(subject.strip()) > SUBJECT_LENGTH:
        raise Rejected.because(_("The subject is longer than %(limit)s characters.") % {"limit": SUBJECT_LENGTH})
    documents = _checked(uploads)
    request = Request.objects.create(
        subject=subject.strip(), sender=user, sender_country=own_country, indicator=indicator, period=period,
        reply_by=reply_by,
    )  # fmt: skip
    RequestRecipient.objects.bulk_create(
        [RequestRecipient(request=request, country=country) for country in sorted(countries, key=str)]
        + ([RequestRecipient(request=request, country=None)] if to_secretariat else [])
    )
    _add_message(request, user=user, body=body, documents=documents)
    _tell(request, _receiving_administrators(request), "exchange/email/request_sent")
    return request


@transaction.atomic
def assign(request, *, user, recipient, assignee):
    """A receiving state's administrator chooses who of their state answers (the secretariat: one of it)."""
    request = _locked(request)
    recipient = RequestRecipient.objects.select_for_update().get(pk=recipient.pk, request=request)
    permissions.enforce(permissions.request_refusal(user, request, permissions.REQUEST_ASSIGN, recipient=recipient))
    if assignee is None or not permissions.answerers(recipient, User.objects.filter(pk=assignee.pk)).exists():
        raise Rejected.because(_("Choose someone of the state the request was sent to."))
    recipient.assignee = assignee
    recipient.save(update_fields=["assignee"])
    _tell(request, User.objects.filter(pk=assignee.pk), "exchange/email/request_assigned")
    return recipient


@transaction.atomic
def reply(request, *, user, body, uploads=()):
    """A message in the thread. From a receiving side it answers for that side; once every side has answered the
    request is answered. From the sending side, on an answered request, it is a follow-up that opens it again."""
    request = _locked(request)
    permissions.enforce(permissions.request_refusal(user, request, permissions.REQUEST_REPLY))
    if not body.strip():
        raise Rejected.because(_("Write a message."))
    message = _add_message(request, user=user, body=body, documents=_checked(uploads))
    rows = RequestRecipient.objects.filter(request=request)
    answered_row = _row_answered_by(user, request)
    if answered_row is not None:
        rows.filter(pk=answered_row.pk).update(answered_at=timezone.now())
    elif permissions.sent_by_own_side(user, request) and request.status == RequestStatus.ANSWERED:
        rows.update(answered_at=None)  # a follow-up: every side is asked again
    request.status = RequestStatus.OPEN if rows.filter(answered_at=None).exists() else RequestStatus.ANSWERED
    request.save(update_fields=["status"])
    _tell(request, _everyone_concerned(request).exclude(pk=user.pk), "exchange/email/request_replied")
    return message


@transaction.atomic
def close(request, *, user, share=False):
    """The sending state closes its request; ``share``: every participating state may read it from now on."""
    request = _locked(request)
    permissions.enforce(permissions.request_refusal(user, request, permissions.REQUEST_CLOSE))
    if share:
        permissions.enforce(permissions.request_refusal(user, request, permissions.REQUEST_SHARE))
    request.status, request.closed_at, request.is_shared = RequestStatus.CLOSED, timezone.now(), share
    request.save(update_fields=["status", "closed_at", "is_shared"])
    _tell(request, _everyone_concerned(request).exclude(pk=user.pk), "exchange/email/request_closed")
    return request


def _row_answered_by(user, request):
    """The receiving row ``user`` answers for: their state's, or the secretariat's for one of it; None when they
    write from the sending side (or as the secretariat in another pair's thread)."""
    own_country = permissions.country_of(user)
    if own_country is None and not permissions.is_system_admin(user):
        return None
    return request.recipients.filter(country=own_country).first()


def _locked(request):
    return Request.objects.select_for_update().get(pk=request.pk)


def _add_message(request, *, user, body, documents):
    message = RequestMessage.objects.create(
        request=request, author=user, country=permissions.country_of(user), body=body.strip()
    )
    for name, data in documents:
        attachment = RequestAttachment(message=message, original_name=name, size=len(data))
        attachment.sha256 = hashlib.sha256(data).hexdigest()
        attachment.file.save(name, ContentFile(data), save=False)
        attachment.save()
    return message


def _checked(uploads):
    """(name, content) of every upload once each is known to be a document of a size allowed, before any
    is stored: a refused one leaves no other behind. The name ends with the extension of what it is."""
    documents = []
    for upload in uploads:
        if upload.size > settings.DSM_MAX_SCAN_BYTES:
            raise Rejected.because(
                _("“%(name)s” is larger than %(limit)s MB.")
                % {"name": upload.name, "limit": settings.DSM_MAX_SCAN_BYTES // (1024 * 1024)}
            )
        data = upload.read()
        kind = _kind_of(data)
        if kind is None:
            raise Rejected.because(
                _("“%(name)s” is not a PDF, an image, a text or an office document.") % {"name": upload.name}
            )
        stem = upload.name.rsplit(".", 1)[0] if "." in upload.name else upload.name
        documents.append((f"{stem[:200]}.{EXTENSIONS[kind]}", data))
    return documents


def _kind_of(data):
    kind = files.file_type(data[:4096])
    if kind == files.ZIP:
        try:
            return files.office_type(files.open_archive(data, files.ArchiveLimits.from_settings(settings)))
        except (files.DamagedFile, files.UnsafeArchive):
            return None
    return kind if kind in EXTENSIONS else None


def _receiving_administrators(request):
    countries = [country for country in request.recipient_country_ids() if country is not None]
    administrators = User.objects.filter(is_active=True, role=Role.COUNTRY_ADMIN, country__in=countries)
    if None in request.recipient_country_ids():
        administrators |= User.objects.filter(is_active=True, role=Role.SYSTEM_ADMIN)
    return administrators


def _everyone_concerned(request):
    """The sender, the receiving states' administrators and the assignees."""
    assignees = RequestRecipient.objects.filter(request=request, assignee__isnull=False).values("assignee")
    return (
        User.objects.filter(pk=request.sender_id)
        | _receiving_administrators(request)
        | User.objects.filter(pk__in=assignees)
    ).distinct()


def _tell(request, users, template_prefix):
    context = {"request": request, "base_url": settings.DSM_BASE_URL}
    send_in_languages(users, template_prefix, context)
