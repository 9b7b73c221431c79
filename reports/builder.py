"""Building a report's file: read its content for its reader, lay it out, store it, say how far it got.

The task (``tasks.build_report_task``) and the command call ``build_report``; the
services call it through the task. Nothing half-written is served: the file is built
in memory and stored only when whole, and only then is the report marked ready.
"""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import selectors
from .models import ReportFormat, ReportKind, ReportStatus, year_span

logger = logging.getLogger(__name__)

# The share of the progress bar each step takes: reading the figures, then laying them out.
READING_SHARE, LAYOUT_SHARE = 60, 35


def build_report(report):
    """Build ``report``'s file now; it ends ready (its file stored) or failed (its error kept). Returns the report."""
    now = timezone.now()
    _set_progress(report, 1, status=ReportStatus.BUILDING)
    try:
        with translation.override(report.language):
            digest = report_fingerprint(report, now=now)
            content = report_content(
                report, now=now, progress=lambda share: _set_progress(report, READING_SHARE * share)
            )
            data = _file_bytes(report, content, now=now)
        if report.file:
            report.file.delete(save=False)  # an earlier, failed or outdated build of the same row
        report.file.save(file_name(report), ContentFile(data), save=False)
    except Exception as error:  # a report that fails says so, and is asked again as a new one
        logger.exception("Building report %s failed", report.pk)
        report.status, report.error, report.finished_at = ReportStatus.FAILED, f"{type(error).__name__}: {error}", now
        report.save(update_fields=["status", "error", "finished_at"])
        return report
    report.fingerprint, report.status, report.progress = digest, ReportStatus.READY, 100
    report.error, report.finished_at = "", timezone.now()
    report.save(update_fields=["fingerprint", "status", "progress", "error", "finished_at", "file"])
    return report


def report_fingerprint(report, *, now):
    """What the report reads, as a digest (``selectors.fingerprint``), for the report's own inputs."""
    return selectors.fingerprint(
        report.requester,
        kind=report.kind,
        country=report.country,
        first_year=report.first_year,
        last_year=report.last_year,
        file_format=report.file_format,
        language=report.language,
        now=now,
    )


def report_content(report, *, now, progress=lambda share: None):
    """The report's ``ReportContent`` in the active language, with the language and format on its cover."""
    if report.kind == ReportKind.COUNTRY:
        content = selectors.country_report(
            report.requester,
            country=report.country,
            first_year=report.first_year,
            last_year=report.last_year,
            now=now,
            progress=progress,
        )
    else:
        content = selectors.regional_report(report.requester, year=report.first_year, now=now, progress=progress)
    content.inputs += [
        (_("Language"), dict(settings.LANGUAGES)[report.language]),
        (_("Format"), report.get_file_format_display()),
    ]
    return content


def _file_bytes(report, content, *, now):
    built_at = date_format(timezone.localtime(now), "DATETIME_FORMAT")

    def progress(share):
        _set_progress(report, READING_SHARE + LAYOUT_SHARE * share)

    # The writers bring fpdf or openpyxl (26 or 16 MB): imported by the build, not by every web worker
    # whose URLconf reaches this module through the reports' views.
    if report.file_format == ReportFormat.PDF:
        from .pdf import report_pdf

        return report_pdf(content, language=report.language, built_at=built_at, progress=progress)
    from .xlsx import report_xlsx

    return report_xlsx(content, built_at=built_at, progress=progress)


def file_name(report):
    """ "dsm-kaz-2015-2024-ru.pdf", "dsm-region-2024-en.xlsx": what the download is called."""
    where = report.country.code.lower() if report.country_id else "region"
    years = year_span(report.first_year, report.last_year, separator="-")
    return f"dsm-{where}-{years}-{report.language}.{report.file_format}"


def _set_progress(report, percent, **fields):
    """Store how far the build got, at once (the status page reads it while the worker builds)."""
    report.progress = min(int(percent), 99)
    for name, value in fields.items():
        setattr(report, name, value)
    type(report).objects.filter(pk=report.pk).update(progress=report.progress, **fields)
