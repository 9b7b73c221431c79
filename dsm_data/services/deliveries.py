"""Files of figures as they arrive: checked whole, previewed, confirmed, receipted.

``receive`` checks a file and keeps it as a pending delivery; nothing else is
written. The sender then sees what would change and confirms: ``confirm`` reads
the kept file again, stores every figure or none, and makes the receipt
(delivery number, checksum, counts) that the country's administrators get too.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions
from ..intake import files
from ..intake.problems import Problem, Rejected
from ..intake.reading import read_file
from ..models import Channel, Delivery, DeliveryKind, DeliveryStatus, Role, Submission, User
from ..notifications import send_in_languages
from ..selectors.deliveries import upload_changes
from ..translation import translated
from .submissions import import_upload


class PreviewOutdated(Exception):
    """The stored figures changed since the sender's preview: they must look again before confirming."""


def entry_problems(uploads, *, user, channel=Channel.EXCEL):
    """Refusals that depend on who sends the file and when, before anyone looks at a preview.

    The same rule as every channel's (``permissions.entry_refusal``), for each country and
    period of the file; a figure of another country is worded for a file.
    """
    problems = []
    submissions = {
        (submission.country_id, submission.period_id): submission
        for submission in Submission.objects.filter(country__in={upload.country for upload in uploads})
    }
    for upload in uploads:
        country, period = upload.country, upload.period
        submission = submissions.get((country.pk, period.pk)) or Submission(country=country, period=period)
        refusal = permissions.entry_refusal(submission, user, channel)
        if refusal is not None and refusal.forbidden:
            problems.append(
                Problem(_("The file holds figures of %(country)s: you may send figures only for your own country.")
                        % {"country": translated(country.name)})
            )  # fmt: skip
        elif refusal is not None:
            problems.append(Problem(refusal.message))
    return problems


def read_checked(data, *, user):
    """The file's Reading once every check has passed, or Rejected with every problem."""
    reading = read_file(data)
    problems = entry_problems(reading.uploads, user=user)
    if problems:
        raise Rejected(problems)
    return reading


def receive(data, *, original_name, user):
    """Check an uploaded file whole and keep it, pending the sender's confirmation: (delivery, its changes)."""
    if not permissions.can_use_submissions(user):
        raise PermissionDenied
    reading = read_checked(data, user=user)
    countries = {upload.country for upload in reading.uploads}
    delivery = Delivery(
        kind=reading.kind,
        country=countries.pop() if len(countries) == 1 else None,
        original_name=original_name[:255],
        sha256=Delivery.checksum(data),
        size=len(data),
        sender=user,
        created_at=timezone.now(),
    )
    delivery.file.save(original_name, ContentFile(data), save=False)
    delivery.save()
    return delivery, upload_changes(reading.uploads)


def pending_changes(delivery, *, user):
    """(Reading, UploadChanges) of a pending delivery, read again from the kept file."""
    reading = read_checked(_data(delivery), user=user)
    return reading, upload_changes(reading.uploads)


@transaction.atomic
def confirm(delivery, *, user, fingerprint):
    """Store every figure of a pending delivery, or none; returns the accepted delivery and the warnings."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    _check_pending(delivery, user)
    reading, changes = pending_changes(delivery, user=user)
    if changes.fingerprint != fingerprint:
        raise PreviewOutdated
    warnings, submissions = [], []
    for upload in reading.uploads:
        submission, found = import_upload(upload, user=user, channel=Channel.EXCEL)
        warnings += [(upload, warning) for warning in found]
        submissions.append(submission)
    delivery.status = DeliveryStatus.ACCEPTED
    delivery.accepted_at = timezone.now()
    delivery.added, delivery.changed, delivery.unchanged = changes.added, changes.changed, changes.unchanged
    delivery.warnings = len(warnings)
    delivery.save()
    delivery.submissions.set(submissions)
    _send_receipt(delivery, {upload.country for upload in reading.uploads})
    return delivery, warnings


@transaction.atomic
def discard(delivery, *, user):
    """The sender drops a pending delivery; its file goes with it."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    _check_pending(delivery, user)
    delivery.file.delete(save=False)
    delivery.status = DeliveryStatus.DISCARDED
    delivery.save()


@transaction.atomic
def attach_paper_scan(submission, *, uploaded_file, institution, user):
    """Keep the scan of a paper form keyed in for ``submission``, with the institution that filled it in."""
    permissions.enforce(permissions.entry_refusal(submission, user, Channel.PAPER))
    if uploaded_file.size > settings.DSM_MAX_SCAN_BYTES:  # before reading it into memory
        raise Rejected.because(
            _("The file is larger than %(limit)s MB.") % {"limit": settings.DSM_MAX_SCAN_BYTES // (1024 * 1024)}
        )
    data = uploaded_file.read()
    if files.file_type(data[:4096]) not in files.SCAN_TYPES:
        raise Rejected.because(_("A scanned form must be a PDF, JPEG or PNG file."))
    delivery = Delivery(
        kind=DeliveryKind.PAPER_SCAN,
        status=DeliveryStatus.ACCEPTED,
        country=submission.country,
        original_name=uploaded_file.name[:255],
        sha256=Delivery.checksum(data),
        size=len(data),
        institution=institution,
        sender=user,
        created_at=timezone.now(),
        accepted_at=timezone.now(),
    )
    delivery.file.save(uploaded_file.name, ContentFile(data), save=False)
    delivery.save()
    delivery.submissions.add(submission)
    return delivery


def _check_pending(delivery, user):
    if delivery.sender_id != user.pk:
        raise PermissionDenied
    if delivery.status != DeliveryStatus.PENDING:
        raise Rejected.because(_("This upload was already confirmed or discarded."))


def _data(delivery):
    with delivery.file.open("rb") as file:
        return file.read()


def _send_receipt(delivery, countries):
    administrators = User.objects.filter(country__in=countries, role=Role.COUNTRY_ADMIN, is_active=True)
    context = {"delivery": delivery, "base_url": settings.DSM_BASE_URL}
    send_in_languages(administrators, "dsm_data/email/delivery_receipt", context)
