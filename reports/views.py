"""The reports' pages: asking for one, following it while it is built, and fetching its file.

Who may see a report and its file is ``permissions.can_read_report``; whose reading a
new report holds, ``permissions.report_audience`` (through the services).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from dsm_data import permissions
from dsm_data.files import private_file_response
from dsm_data.services import audit_events

from . import selectors, services
from .builder import file_name
from .forms import ReportForm
from .models import Report, ReportStatus

# Seconds between two refreshes of a report's page while it is built (no JavaScript needed).
REFRESH_SECONDS = 5
# Parameters a link may preset the form with (a country page's "report of this country").
PRESETS = ("kind", "country", "first_year", "last_year", "year", "file_format", "language")


@require_http_methods(["GET", "POST"])
def request_report(request):
    """The form; a good request leads to the report's page (an existing one when nothing changed)."""
    if request.method == "POST":
        form = ReportForm(request.POST, user=request.user)
        if form.is_valid():
            report = services.request_report(request.user, **form.report_inputs())
            return redirect("reports:report", report.pk)
    else:
        presets = {name: request.GET[name] for name in PRESETS if request.GET.get(name)}
        form = ReportForm(user=request.user, initial=presets)
    return render(
        request,
        "reports/request.html",
        {"form": form, "reports": selectors.reports_of(request.user)},
        status=400 if form.errors else 200,
    )


def _readable_report(request, pk):
    report = get_object_or_404(Report.objects.select_related("country", "requester"), pk=pk)
    if not permissions.can_read_report(request.user, report):
        raise Http404  # an account's report: not even whether it exists
    return report


def _outdated(request, report):
    """A redirect to the report of the same inputs today, when ``report`` no longer holds what its reader
    may read (``services.current_report``); None while it does."""
    current = services.current_report(report)
    if current.pk == report.pk:
        return None
    messages.info(
        request,
        _("The figures or the access rights behind this report have changed since it was built: it is built again."),
    )
    return redirect("reports:report", current.pk)


def report(request, pk):
    """The report's state: progress while it is built (the page refreshes itself), its link when ready."""
    report = _readable_report(request, pk)
    if outdated := _outdated(request, report):
        return outdated
    in_progress = report.status in (ReportStatus.QUEUED, ReportStatus.BUILDING)
    return render(
        request,
        "reports/report.html",
        {
            "report": report,
            "refresh_seconds": REFRESH_SECONDS if in_progress else None,
            "is_ready": report.status == ReportStatus.READY and bool(report.file),
            "is_failed": report.status == ReportStatus.FAILED,
            "file_name": file_name(report),
        },
    )


def report_file(request, pk):
    """The report's file, once whole; an account's report enters the audit trail when fetched."""
    report = _readable_report(request, pk)
    if report.status != ReportStatus.READY or not report.file:
        return redirect("reports:report", report.pk)
    if outdated := _outdated(request, report):
        return outdated
    if report.requester_id is not None:
        audit_events.record_download(
            report, kind="report", country=report.country, format=report.file_format, language=report.language
        )
    return private_file_response(report.file, file_name(report))
