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

from .. import permissions, selectors
from ..excel_import import Problem, UploadRejected
from ..models import Channel, Delivery, DeliveryKind, DeliveryStatus, Role, Submission, User
from ..notifications import send_in_languages
from ..translation import translated
from ..uploads import read_file
from .submissions import import_upload

SCAN_MAGIC = (b"%PDF-", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


class PreviewOutdated(Exception):
    """The stored figures changed since the sender's preview: they must look again before confirming."""


def entry_problems(uploads, user):
    """Refusals that depend on who sends the file and when, before anyone looks at a preview."""
    problems = []
    submissions = {
        (submission.country_id, submission.period_id): submission
        for submission in Submission.objects.filter(country__in={upload.country for upload in uploads})
    }
    for upload in uploads:
        country, period = upload.country, upload.period
        names = {"country": translated(country.name), "period": period.code}
        if not permissions.can_submit_data_for(user, country):
            problems.append(
                Problem("", "", _("The file holds figures of %(country)s: you may send figures only for your own "
                                  "country.") % names)
            )  # fmt: skip
            continue
        submission = submissions.get((country.pk, period.pk))
        if submission is not None and not submission.is_editable:
            problems.append(
                Problem("", "", _("The submission of %(country)s for %(period)s is %(status)s: it cannot be changed.")
                        % {**names, "status": submission.get_status_display()})
            )  # fmt: skip
        elif not selectors.period_is_open(period, country) and not permissions.is_system_admin(user):
            problems.append(
                Problem("", "", _("The period %(period)s closed for entry on %(date)s. Ask the secretariat for an "
                                  "exception.") % {"period": period.code, "date": period.locks_on})
            )  # fmt: skip
    return problems


def read_checked(data, user):
    """The file's Reading once every check has passed, or UploadRejected with every problem."""
    reading = read_file(data)
    problems = entry_problems(reading.uploads, user)
    if problems:
        raise UploadRejected(problems)
    return reading


def receive(data, original_name, user):
    """Check an uploaded file whole and keep it, pending the sender's confirmation: (delivery, its changes)."""
    if not permissions.can_use_submissions(user):
        raise PermissionDenied
    reading = read_checked(data, user)
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
    return delivery, selectors.upload_changes(reading.uploads)


def pending_changes(delivery, user):
    """(Reading, UploadChanges) of a pending delivery, read again from the kept file."""
    reading = read_checked(_data(delivery), user)
    return reading, selectors.upload_changes(reading.uploads)


@transaction.atomic
def confirm(delivery, user, fingerprint):
    """Store every figure of a pending delivery, or none; returns the accepted delivery and the warnings."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    _check_pending(delivery, user)
    reading, changes = pending_changes(delivery, user)
    if changes.fingerprint != fingerprint:
        raise PreviewOutdated
    warnings, submissions = [], []
    for upload in reading.uploads:
        submission, found = import_upload(upload, user, Channel.EXCEL)
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
def discard(delivery, user):
    """The sender drops a pending delivery; its file goes with it."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    _check_pending(delivery, user)
    delivery.file.delete(save=False)
    delivery.status = DeliveryStatus.DISCARDED
    delivery.save()


@transaction.atomic
def attach_paper_scan(submission, uploaded_file, institution, user):
    """Keep the scan of a paper form keyed in for ``submission``, with the institution that filled it in."""
    if not permissions.can_key_in_paper_for(user, submission.country):
        raise PermissionDenied
    period_open = selectors.period_is_open(submission.period, submission.country) or permissions.is_system_admin(user)
    if not (submission.is_editable and period_open):
        raise UploadRejected([Problem("", "", _("This submission can no longer be changed: no scan was kept."))])
    data = uploaded_file.read()
    if len(data) > settings.DSM_MAX_SCAN_BYTES:
        raise UploadRejected(
            [Problem("", "", _("The file is larger than %(limit)s MB.")
                     % {"limit": settings.DSM_MAX_SCAN_BYTES // (1024 * 1024)})]
        )  # fmt: skip
    if not data.startswith(SCAN_MAGIC):
        raise UploadRejected([Problem("", "", _("A scanned form must be a PDF, JPEG or PNG file."))])
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
        raise UploadRejected([Problem("", "", _("This upload was already confirmed or discarded."))])


def _data(delivery):
    with delivery.file.open("rb") as file:
        return file.read()


def _send_receipt(delivery, countries):
    administrators = User.objects.filter(country__in=countries, role=Role.COUNTRY_ADMIN, is_active=True)
    context = {"delivery": delivery, "base_url": settings.DSM_BASE_URL}
    send_in_languages(administrators, "dsm_data/email/delivery_receipt", context)
