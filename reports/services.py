"""Asking for a report: the same inputs, reader and data give the report already built (or being built);
anything else, a new one, built in the background (``tasks.build_report_task``).
"""

from datetime import timedelta

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from dsm_data import permissions

from . import selectors
from .builder import build_report, report_fingerprint
from .models import Report, ReportStatus
from .tasks import build_report_task

# A report still queued or building after this long is taken for lost (its worker stopped): asked again, it is
# built anew rather than waited for forever.
STALLED_AFTER = timedelta(minutes=30)

__all__ = ["build_report", "current_report", "request_report"]


def request_report(
    user, *, kind, country=None, first_year, last_year, file_format, language, as_public=False, build_now=False
):
    """The Report for these inputs and ``user``'s reading (the public's with ``as_public``, or for anonymous users).

    The same inputs, reader and fingerprint: the existing report (queued, building or
    ready). Else a new one, enqueued; ``build_now`` (the command) builds it here instead.
    The inputs are checked by the caller (``forms.ReportForm``).
    """
    requester = permissions.report_audience(user, as_public=as_public)
    inputs = {
        "kind": kind,
        "country": country,
        "first_year": first_year,
        "last_year": last_year,
        "file_format": file_format,
        "language": language,
    }
    digest = selectors.fingerprint(requester, **inputs, now=timezone.now())
    existing = _reusable(requester, inputs, digest)
    if existing is not None:
        if build_now and existing.status != ReportStatus.READY:
            build_report(existing)
        return existing
    report = Report.objects.create(requester=requester, fingerprint=digest, **inputs)
    if build_now:
        build_report(report)
    else:
        build_report_task.enqueue(report.pk)
        report.refresh_from_db()
    return report


def current_report(report):
    """``report`` while what it holds is what its reader may read now; else the report of the same inputs for
    that reader today (one already asked for, or a new one, built in the background).

    A reader whose rights shrank since (a system administrator made a country's user), a figure withdrawn
    from the public or corrected: the file built before is not served again.
    """
    if report.status != ReportStatus.READY or report_fingerprint(report, now=timezone.now()) == report.fingerprint:
        return report
    return request_report(
        report.requester or AnonymousUser(),
        kind=report.kind,
        country=report.country,
        first_year=report.first_year,
        last_year=report.last_year,
        file_format=report.file_format,
        language=report.language,
        as_public=report.requester_id is None,
    )


def _reusable(requester, inputs, digest):
    """The newest report of the same inputs, reader and data that is ready (its file stored), or on its way and
    not stalled."""
    same = Report.objects.filter(requester=requester, fingerprint=digest, **inputs).select_related("country")
    on_its_way = same.filter(
        status__in=[ReportStatus.QUEUED, ReportStatus.BUILDING], requested_at__gte=timezone.now() - STALLED_AFTER
    )
    ready = same.filter(status=ReportStatus.READY).first()
    if ready is not None and ready.file and ready.file.storage.exists(ready.file.name):
        return ready
    return on_its_way.first()  # a ready report whose file is gone is built anew
