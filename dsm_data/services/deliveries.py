"""Files of figures as they arrive: checked whole, previewed, confirmed, receipted.

``receive`` checks a file and keeps it as a pending delivery; nothing else is
written. The sender then sees what would change and confirms: ``confirm`` reads
the kept file again, stores every figure or none, and makes the receipt
(delivery number, checksum, counts) that the country's administrators get too.

A publisher's export is read through a mapping (``intake.mapping.MappingSpec``): a
saved one given to ``receive``, or one made on the mapping page for a file kept by
``keep_for_mapping`` and applied by ``apply_mapping``. The spec as applied stays on
the delivery, so that the preview and the confirmation read the file the same way.
A file into published submissions corrects them: every figure it changes needs a
reason, the row's own or the upload's (``services.corrections``).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions
from ..intake import files, reading
from ..intake.mapping import MappingSpec
from ..intake.problems import Problem, Rejected
from ..models import Channel, Delivery, DeliveryKind, DeliveryStatus, Role, Status, Submission, User
from ..notifications import send_in_languages
from ..selectors.deliveries import upload_changes
from ..selectors.submissions import cells_of
from ..translation import translated
from .corrections import unexplained_changes
from .submissions import import_upload, not_part_message


class PreviewOutdated(Exception):
    """The stored figures changed since the sender's preview: they must look again before confirming."""


def entry_problems(uploads, *, user, channel=Channel.EXCEL, reason=""):
    """Refusals that depend on who sends the file and when, before anyone looks at a preview.

    The same rule as every channel's (``permissions.upload_refusal``), for each country and
    period of the file; a figure of another country is worded for a file. Into a published
    submission, every figure changed needs a reason (the row's, else ``reason``).
    """
    problems = []
    submissions = {
        (submission.country_id, submission.period_id): submission
        for submission in Submission.objects.filter(
            country__in={upload.country for upload in uploads}, period__in={upload.period for upload in uploads}
        )
    }
    for upload in uploads:
        country, period = upload.country, upload.period
        submission = submissions.get((country.pk, period.pk)) or Submission(country=country, period=period)
        refusal = permissions.upload_refusal(submission, user, channel)
        if refusal is not None and refusal.forbidden:
            problems.append(
                Problem(_("The file holds figures of %(country)s: you may send figures only for your own country.")
                        % {"country": translated(country.name)})
                if submission.status != Status.PUBLISHED else Problem(refusal.message)
            )  # fmt: skip
            continue  # nothing more is compared with another country's figures
        elif refusal is not None:
            problems.append(Problem(refusal.message))
            continue
        problems += _indicators_not_part(upload, submission, user=user)
        if submission.pk and submission.status == Status.PUBLISHED:
            for indicator in upload.cells:
                problems += unexplained_changes(upload, indicator, cells_of(submission, indicator), reason=reason)
    return problems


def _indicators_not_part(upload, submission, *, user):
    """The upload's indicators that ``submission`` lacks (would lack, opened now), unless the secretariat adds them."""
    if permissions.can_add_indicator_to_submissions(user):
        return []
    if submission.pk:
        part = set(submission.submission_indicators.values_list("indicator_id", flat=True))
    else:
        part = {indicator.pk for indicator in upload.cells if upload.period.frequency in (indicator.frequencies or [])}
    return [Problem(not_part_message(submission, indicator)) for indicator in upload.cells if indicator.pk not in part]


def read_checked(data, *, user, spec=None, reason=""):
    """The file's Reading (through ``spec``, a MappingSpec, if given) once every check has passed, else Rejected."""
    read = reading.read_file(data, mapping=spec)
    problems = entry_problems(read.uploads, user=user, reason=reason)
    if problems:
        raise Rejected(problems)
    return read


def receive(data, *, original_name, user, mapping=None, spec=None, reason=""):
    """Check an uploaded file whole and keep it, pending the sender's confirmation: (delivery, its changes).

    ``mapping``: a saved TableMapping to read a publisher's export through; ``spec``: a
    MappingSpec (the mapping's own by default). ``reason``: why published figures change,
    for the rows of the file that give none.
    """
    _check_sender(user, mapping=mapping, spec=spec)
    if spec is None and mapping is not None:
        spec = MappingSpec.from_json(mapping.spec)
    read = read_checked(data, user=user, spec=spec, reason=reason)
    delivery = _new_delivery(data, original_name=original_name, user=user, kind=read.kind)
    _describe(delivery, read, mapping=mapping, spec=spec, reason=reason)
    delivery.file.save(original_name, ContentFile(data), save=False)
    delivery.save()
    return delivery, upload_changes(read.uploads)


def keep_for_mapping(data, *, original_name, user):
    """Keep a table whose columns the sender maps next (status MAPPING): only the file itself is checked."""
    _check_sender(user, mapping=None, spec=MappingSpec())
    reading.check_table_file(data)
    delivery = _new_delivery(data, original_name=original_name, user=user, kind=DeliveryKind.TABLE)
    delivery.status = DeliveryStatus.MAPPING
    delivery.file.save(original_name, ContentFile(data), save=False)
    delivery.save()
    return delivery


@transaction.atomic
def apply_mapping(delivery, *, user, spec, mapping=None, reason=""):
    """Read a kept table through ``spec``: pending confirmation with its changes, or Rejected (still MAPPING)."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    _check_sender(user, mapping=mapping, spec=spec)
    _check_status(delivery, user, DeliveryStatus.MAPPING)
    read = read_checked(_data(delivery), user=user, spec=spec, reason=reason)
    _describe(delivery, read, mapping=mapping, spec=spec, reason=reason)
    delivery.status = DeliveryStatus.PENDING
    delivery.save()
    return delivery, upload_changes(read.uploads)


def pending_changes(delivery, *, user):
    """(Reading, UploadChanges) of a pending delivery, read again from the kept file as it was mapped."""
    spec = MappingSpec.from_json(delivery.mapping_spec) if delivery.mapping_spec else None
    read = read_checked(_data(delivery), user=user, spec=spec, reason=delivery.reason)
    return read, upload_changes(read.uploads)


@transaction.atomic
def confirm(delivery, *, user, fingerprint):
    """Store every figure of a pending delivery, or none; returns the accepted delivery and the warnings."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    _check_status(delivery, user, DeliveryStatus.PENDING)
    read, counts = _reading_as_previewed(delivery, user=user, fingerprint=fingerprint)
    warnings, submissions = [], []
    for upload in read.uploads:
        submission, found = import_upload(
            upload, user=user, channel=Channel.EXCEL, delivery=delivery, reason=delivery.reason
        )
        warnings += [(upload, warning) for warning in found]
        submissions.append(submission)
    delivery.status = DeliveryStatus.ACCEPTED
    delivery.accepted_at = timezone.now()
    delivery.added, delivery.changed, delivery.unchanged = counts
    delivery.warnings = len(warnings)
    delivery.save()
    delivery.submissions.set(submissions)
    send_receipt(delivery, {upload.country for upload in read.uploads})
    return delivery, warnings


def _reading_as_previewed(delivery, *, user, fingerprint):
    """(the delivery's file read again, its (added, changed, unchanged) counts) if it changes what the sender
    saw on the preview; PreviewOutdated if not. The changes themselves are let go before the figures are
    stored: a long table's 40,000 took 20 MB while its 250 submissions were written."""
    read, changes = pending_changes(delivery, user=user)
    if changes.fingerprint != fingerprint:
        raise PreviewOutdated
    return read, (changes.added, changes.changed, changes.unchanged)


@transaction.atomic
def discard(delivery, *, user):
    """The sender drops a pending delivery, or one waiting for its mapping; its file goes with it."""
    delivery = Delivery.objects.select_for_update().get(pk=delivery.pk)
    _check_status(delivery, user, DeliveryStatus.PENDING, DeliveryStatus.MAPPING)
    delivery.file.delete(save=False)
    delivery.status = DeliveryStatus.DISCARDED
    delivery.save()


def _check_sender(user, *, mapping, spec):
    if not permissions.can_use_submissions(user):
        raise PermissionDenied
    if (mapping is not None or spec is not None) and not permissions.can_use_table_mappings(user):
        raise PermissionDenied


def _new_delivery(data, *, original_name, user, kind):
    return Delivery(
        kind=kind,
        original_name=original_name[:255],
        sha256=Delivery.checksum(data),
        size=len(data),
        sender=user,
        created_at=timezone.now(),
    )


def _describe(delivery, read, *, mapping, spec, reason):
    """What a checked reading tells of its delivery: kind, country, and how it was read."""
    countries = {upload.country for upload in read.uploads}
    delivery.kind = read.kind
    delivery.country = countries.pop() if len(countries) == 1 else None
    mapped = spec is not None and read.kind == DeliveryKind.TABLE  # a template is read by its own map
    delivery.mapping = mapping if mapped else None
    delivery.mapping_spec = spec.to_json() if mapped else {}
    delivery.reason = reason.strip()


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


def _check_status(delivery, user, *statuses):
    if not permissions.can_complete_delivery(user, delivery):
        raise PermissionDenied
    if delivery.status == DeliveryStatus.MAPPING and delivery.status not in statuses:
        raise Rejected.because(_("Map the columns of this table first."))
    if delivery.status not in statuses:
        raise Rejected.because(_("This upload was already confirmed or discarded."))


def _data(delivery):
    with delivery.file.open("rb") as file:
        return file.read()


def send_receipt(delivery, countries):
    administrators = User.objects.filter(country__in=countries, role=Role.COUNTRY_ADMIN, is_active=True)
    context = {"delivery": delivery, "base_url": settings.DSM_BASE_URL}
    send_in_languages(administrators, "dsm_data/email/delivery_receipt", context)
