"""Background work of the reports (django-tasks): building a report's file after the request that asked for it.

With the immediate backend (development, tests) it runs when enqueued; with
DSM_TASKS=database a worker (`manage.py db_worker`) runs it, and the report's page
shows its progress meanwhile.
"""

from django_tasks import task

from .builder import build_report
from .models import Report, ReportStatus


@task()
def build_report_task(report_id):
    """Build the report, unless it is gone or already built; returns its status."""
    report = Report.objects.select_related("country", "requester").filter(pk=report_id).first()
    if report is None:
        return None
    if report.status == ReportStatus.READY:
        return report.status
    return build_report(report).status
