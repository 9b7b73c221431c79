"""Figures posted by another system: one country's figures for one period, through the intake every channel shares.

A request's body is JSON, SDMX-CSV or a long table (CSV or xlsx). JSON and SDMX-CSV are
first written as the long table they mean (``as_long_table``), so that one reader checks
every channel whole and names each problem by row and column (``dsm_data.intake``). Then,
as for a file on the web:
1. who may write into this submission now: ``permissions.upload_refusal`` (403 when never,
   409 when not now), and for each country and period the file holds (``entry_problems``);
2. the figures stored all or nothing by ``import_upload``, with channel "API", under a
   delivery whose receipt comes back in the answer and shows on the submission's page;
3. a dry run does all of it in a transaction it rolls back: its answer (counts, warnings)
   is the one the write would get, and nothing stays;
4. an ``Idempotency-Key`` keeps the answer (``ApiWrite``) in the write's own transaction: a
   retry gets it again and stores nothing twice.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from dsm_data import permissions
from dsm_data.intake import reading
from dsm_data.intake.problems import Problem, Rejected
from dsm_data.models import Channel, Delivery, DeliveryKind, DeliveryStatus
from dsm_data.selectors.deliveries import upload_changes
from dsm_data.services import submissions as submission_services
from dsm_data.services.deliveries import entry_problems, send_receipt
from dsm_data.services.submissions import import_upload, lock_submission
from dsm_data.translation import translated

from ..models import ApiWrite
from ..models.writes import request_fingerprint
from . import long_tables
from .long_tables import JSON, SDMX_CSV

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MEDIA_TYPES = (JSON, SDMX_CSV, CSV, XLSX)
FILE_NAMES = {
    JSON: "api-request.json",
    SDMX_CSV: "api-request-sdmx.csv",
    CSV: "api-request.csv",
    XLSX: "api-request.xlsx",
}


class NotNow(Exception):
    """The submission does not take figures now (closed period, already submitted): 409, the reason said."""


class NothingSent(Exception):
    """Nothing was sent for this country and period: there is no submission to submit (404)."""


class KeyReused(Exception):
    """The Idempotency-Key was first used for another request: 422, nothing stored."""


@dataclass
class Answer:
    """What the API answers a write: its status code, its body, and whether it repeats a first answer."""

    status_code: int
    body: dict = field(default_factory=dict)
    replayed: bool = False


def post_figures(data, *, media_type, user, submission, key="", dry_run=False, reason="", base_url=""):
    """Check and store the figures of ``data`` (bytes of ``media_type``) into ``submission`` (maybe unsaved).

    Raises PermissionDenied (never), NotNow, KeyReused or Rejected (every problem); returns an Answer.
    """
    country, period = submission.country, submission.period
    fingerprint = request_fingerprint(country.code, period.code, media_type, data, reason)
    if key and not dry_run:  # a retry gets its first answer, even if the period closed since
        earlier = ApiWrite.objects.filter(user=user, key=key).first()
        if earlier is not None:
            return _replayed(earlier, fingerprint=fingerprint)
    _check_submission(submission, user)
    table = long_tables.as_long_table(data, media_type=media_type, country=country, period=period)
    reason = reason or table.reason
    read = _read(table, country=country, period=period, user=user, reason=reason)
    write = _Write(data, media_type=media_type, user=user, table=table, reason=reason, base_url=base_url)
    if dry_run:
        with transaction.atomic():
            body = write.store(read, delivery=None)
            transaction.set_rollback(True)  # the answer is the write's; nothing of it stays
        if submission.pk is None:  # the draft it opened is gone with the rollback
            body["submission"]["url"] = None
        return Answer(200, body)
    delivery = write.new_delivery(country)
    try:
        with transaction.atomic():
            body = write.store(read, delivery=delivery)
            answer = Answer(201 if body["receipt"]["added"] or body["receipt"]["changed"] else 200, body)
            if key:
                ApiWrite.objects.create(
                    user=user, key=key, fingerprint=fingerprint, delivery=delivery,
                    status_code=answer.status_code, response=body,
                )  # fmt: skip
    except BaseException as error:
        delivery.file.delete(save=False)  # the body's copy goes with the write that failed
        earlier = ApiWrite.objects.filter(user=user, key=key).first() if key else None
        if isinstance(error, IntegrityError) and earlier is not None:  # a retry that raced the first write
            return _replayed(earlier, fingerprint=fingerprint)
        raise
    return answer


@dataclass
class _Write:
    """One write's figures stored, with what its answer tells: the submission, the receipt, the warnings."""

    data: bytes
    media_type: str
    user: object
    table: long_tables.LongTable
    reason: str
    base_url: str

    def new_delivery(self, country):
        """The request's body kept as it came, as an accepted file's is: its receipt's number and checksum."""
        now = timezone.now()
        delivery = Delivery(
            kind=DeliveryKind.API,
            status=DeliveryStatus.ACCEPTED,
            country=country,
            original_name=FILE_NAMES[self.media_type],
            sha256=Delivery.checksum(self.data),
            size=len(self.data),
            sender=self.user,
            created_at=now,
            accepted_at=now,
        )
        delivery.file.save(FILE_NAMES[self.media_type], ContentFile(self.data), save=False)
        return delivery

    def store(self, read, *, delivery):
        """Store every upload (in the caller's transaction); ``delivery`` None: a dry run, with no receipt."""
        if delivery is not None:
            delivery.save()
        for upload in read.uploads:
            lock_submission(upload.country, upload.period)
        counts = upload_changes(read.uploads)
        warnings, submissions = [], []
        for upload in read.uploads:
            stored_in, found = import_upload(
                upload, user=self.user, channel=Channel.API, delivery=delivery, reason=self.reason
            )
            warnings += [self.table.warning_of(upload, warning) for warning in found]
            submissions.append(stored_in)
        if delivery is not None:
            _accept(delivery, counts=counts, warnings=len(warnings), submissions=submissions)
        return {
            "dry_run": delivery is None,
            "submission": submission_json(submissions[0], base_url=self.base_url),
            "receipt": _receipt_json(delivery, counts, len(warnings), base_url=self.base_url),
            "warnings": warnings,
        }


def submit(submission, *, user, missing_reason=""):
    """Submit ``submission`` to its validator, as the focal point's page does (never validate: not by API).

    A state that may never submit there hears so before anything tells whether figures were sent.
    """
    refusal = permissions.workflow_refusal(submission, user, permissions.SUBMIT)
    if refusal is not None and refusal.forbidden:
        raise PermissionDenied(refusal.message)
    if submission.pk is None:
        raise NothingSent(
            _("Nothing was sent for %(country)s for %(period)s yet.")
            % {"country": submission.country.code, "period": submission.period.code}
        )
    return submission_services.submit(submission, user=user, missing_reason=missing_reason)


def _check_submission(submission, user):
    """The one rule of loading figures into a submission (maybe not yet opened), for the API's channel."""
    refusal = permissions.upload_refusal(submission, user, Channel.API)
    if refusal is not None and refusal.forbidden:
        raise PermissionDenied(refusal.message)
    if refusal is not None:
        raise NotNow(refusal.message)


def _replayed(earlier, *, fingerprint):
    if earlier.fingerprint != fingerprint:
        raise KeyReused(
            _("This Idempotency-Key was first used on %(date)s for another request: use a new key for new figures.")
            % {"date": timezone.localtime(earlier.created_at).strftime("%Y-%m-%d %H:%M")}
        )
    return Answer(earlier.status_code, earlier.response, replayed=True)


def _read(table, *, country, period, user, reason):
    """The uploads of the long table once every check passed: its cells, its place, who sends it."""
    try:
        read = reading.read_file(table.data)
    except Rejected as rejected:
        raise Rejected([table.placed(problem) for problem in rejected.problems]) from None
    others = [upload for upload in read.uploads if (upload.country, upload.period) != (country, period)]
    if others:
        raise Rejected([_elsewhere(upload, country=country, period=period) for upload in others])
    problems = entry_problems(read.uploads, user=user, channel=Channel.API, reason=reason)
    if problems:
        raise Rejected([table.placed(problem) for problem in problems])
    return read


def _elsewhere(upload, *, country, period):
    names = {
        "other": translated(upload.country.name),
        "other_period": upload.period.code,
        "country": translated(country.name),
        "period": period.code,
    }
    return Problem(
        _("The request holds figures of %(other)s for %(other_period)s: this address takes only %(country)s "
          "for %(period)s.") % names
    )  # fmt: skip


def _accept(delivery, *, counts, warnings, submissions):
    delivery.added, delivery.changed, delivery.unchanged = counts.added, counts.changed, counts.unchanged
    delivery.warnings = warnings
    delivery.save(update_fields=["added", "changed", "unchanged", "warnings"])
    delivery.submissions.set(submissions)
    send_receipt(delivery, {submission.country for submission in submissions})


def submission_json(submission, *, base_url):
    return {
        "country": submission.country.code,
        "period": submission.period.code,
        "status": submission.status,
        "missing_reason": submission.missing_reason,
        "url": base_url + reverse("dsm_data:submission", args=[submission.pk]),
    }


def _receipt_json(delivery, counts, warnings, *, base_url):
    receipt = {"added": counts.added, "changed": counts.changed, "unchanged": counts.unchanged, "warnings": warnings}
    if delivery is None:  # a dry run: what a write would do, with no number
        return receipt
    return {
        "number": delivery.number,
        "sha256": delivery.sha256,
        "size": delivery.size,
        "accepted_at": delivery.accepted_at.isoformat(),
        **receipt,
        "url": base_url + reverse("dsm_data:delivery", args=[delivery.pk]),
    }


def problems_json(problems):
    """Every problem of a refused write, as JSON: its message, where (row and column, or JSON item), what is right."""
    return [
        {key: value for key, value in problem_json(problem).items() if value not in ("", None)} for problem in problems
    ]


def problem_json(problem):
    return {"message": str(problem.message), "severity": problem.severity, "where": problem.cell, "hint": problem.hint}
