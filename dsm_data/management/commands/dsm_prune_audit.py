"""``python manage.py dsm_prune_audit``: delete audit entries older than DSM_AUDIT_RETENTION_DAYS."""

from django.conf import settings
from django.core.management.base import BaseCommand

from dsm_data.services.audit_events import prune_audit_trail


class Command(BaseCommand):
    help = "Delete the audit trail's entries older than DSM_AUDIT_RETENTION_DAYS (run it daily)."

    def handle(self, *args, **options):
        days = settings.DSM_AUDIT_RETENTION_DAYS
        deleted = prune_audit_trail(days=days)
        self.stdout.write(f"Deleted {deleted} audit entries older than {days} days.")
