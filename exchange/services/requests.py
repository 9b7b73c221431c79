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

# What a request's attachment may be, by its content: documents and scans, never programs.
ATTACHMENT_TYPES = (files.PDF, files.JPEG, files.PNG, files.TEXT)


@transaction.atomic
def send(user, *, countries, to_secretariat=False, subject, body, indicator=None, period=None, reply_by=None,
         uploads=()):  # fmt: skip
    """A new request from ``user``'s state (or the secretariat) to ``countries`` and/or the secretariat."""
    if not permissions.can_send_request(user):
        raise PermissionDenied
    own_country = permissions.country_of(user)
    countries = [country for country in countries if country != own_country]
    if not countries and not to_secretariat:
        raise Rejected.because(_("Choose at least one other state, or the secretariat."))
    if not subject.strip() or not body.strip():
        raise Rejected.because(_("A request needs a subject and a message."))
    request = Request.objects.create(
        subject=subject.strip(), sender=user, sender_country=own_country, indicator=indicator, period=period,
        reply_by=reply_by,
    )  # fmt: skip
    RequestRecipient.objects.bulk_create(
        [RequestRecipient(request=request, country=country) for country in countries]
        + ([RequestRecipient(request=request, country=None)] if to_secretariat else [])
    )
    _add_message(request, user=user, body=body, uploads=uploads)
    _tell(request, _receiving_administrators(request), "exchange/email/request_sent")
    return request


@transaction.atomic
def assign(request, *, user, recipient, assignee):
    """A receiving state's administrator chooses who of their state answers (the secretariat: one of it)."""
    request, recipient = _locked(request), RequestRecipient.objects.select_for_update().get(pk=recipient.pk)
    permissions.enforce(permissions.request_refusal(user, request, permissions.REQUEST_ASSIGN, recipient=recipient))
    same_side = (
        permissions.is_system_admin(assignee)
        if recipient.country_id is None
        else permissions.country_of(assignee) == recipient.country
    )
    if not same_side or not assignee.is_active:
        raise Rejected.because(_("Choose someone of the state the request was sent to."))
    recipient.assignee = assignee
    recipient.save(update_fields=["assignee"])
    _tell(request, User.objects.filter(pk=assignee.pk), "exchange/email/request_assigned")
    return recipient


@transaction.atomic
def reply(request, *, user, body, uploads=()):
    """A message in the thread; from a receiving state it answers the request (status answered)."""
    request = _locked(request)
    permissions.enforce(permissions.request_refusal(user, request, permissions.REQUEST_REPLY))
    if not body.strip():
        raise Rejected.because(_("Write a message."))
    message = _add_message(request, user=user, body=body, uploads=uploads)
    own_country = permissions.country_of(user)
    answering = own_country is not None and own_country.pk in request.recipient_country_ids()
    if answering or (permissions.is_system_admin(user) and None in request.recipient_country_ids()):
        RequestRecipient.objects.filter(request=request, country=own_country if answering else None).update(
            answered_at=timezone.now()
        )
        request.status = RequestStatus.ANSWERED
        request.save(update_fields=["status"])
    _tell(request, _everyone_concerned(request).exclude(pk=user.pk), "exchange/email/request_replied")
    return message


@transaction.atomic
def close(request, *, user, share=False):
    """The sending state closes its request; ``share``: every participating state may read it from now on."""
    request = _locked(request)
    permissions.enforce(permissions.request_refusal(user, request, permissions.REQUEST_CLOSE))
    request.status, request.closed_at, request.is_shared = RequestStatus.CLOSED, timezone.now(), share
    request.save(update_fields=["status", "closed_at", "is_shared"])
    _tell(request, _everyone_concerned(request).exclude(pk=user.pk), "exchange/email/request_closed")
    return request


def _locked(request):
    return Request.objects.select_for_update().get(pk=request.pk)


def _add_message(request, *, user, body, uploads):
    message = RequestMessage.objects.create(
        request=request, author=user, country=permissions.country_of(user), body=body.strip()
    )
    for upload in uploads:
        _attach(message, upload)
    return message


def _attach(message, upload):
    """Keep a file of the thread in private storage, once its size and kind are known to be a document's."""
    if upload.size > settings.DSM_MAX_SCAN_BYTES:
        raise Rejected.because(
            _("“%(name)s” is larger than %(limit)s MB.")
            % {"name": upload.name, "limit": settings.DSM_MAX_SCAN_BYTES // (1024 * 1024)}
        )
    data = upload.read()
    kind = files.file_type(data[:4096])
    if kind == files.ZIP:
        try:
            kind = files.office_type(files.open_archive(data, files.ArchiveLimits.from_settings(settings)))
        except (files.DamagedFile, files.UnsafeArchive):
            kind = None
    elif kind not in ATTACHMENT_TYPES:
        kind = None
    if kind is None:
        raise Rejected.because(
            _("“%(name)s” is not a PDF, an image, a text or an office document.") % {"name": upload.name}
        )
    attachment = RequestAttachment(message=message, original_name=upload.name[:255], size=len(data))
    attachment.sha256 = hashlib.sha256(data).hexdigest()
    attachment.file.save(upload.name, ContentFile(data), save=False)
    attachment.save()
    return attachment


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
