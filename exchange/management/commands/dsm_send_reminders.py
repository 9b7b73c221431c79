"""``python manage.py dsm_send_reminders [--today YYYY-MM-DD] [--dry-run]``: the day's reminders, each once.

Run it daily (cron, a systemd timer; README, "Reminders"). Running it twice, or two at once, sends nothing twice.
"""

import argparse
import datetime
from collections import Counter

from django.core.management.base import BaseCommand
from django.utils import timezone

from exchange.models import ReminderKind
from exchange.services.reminders import send_due_reminders


def iso_date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"“{text}” is not a day: give it as YYYY-MM-DD.") from error


class Command(BaseCommand):
    help = (
        "E-mail the reminders due today: focal points before a deadline, country administrators of submissions "
        "waiting for validation, the secretariat's weekly digest of late states. Each is sent once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=iso_date, help="Act as on this day (YYYY-MM-DD); default: today.")
        parser.add_argument("--dry-run", action="store_true", help="List who would get what; send nothing.")

    def handle(self, *args, today=None, dry_run=False, **options):
        today = today or timezone.localdate()
        reminders = send_due_reminders(today=today, dry_run=dry_run)
        verb = "Would send" if dry_run else "Sent"
        for reminder in reminders:
            recipient = reminder.recipient
            self.stdout.write(
                f"{verb} {reminder.kind} to {recipient.get_username()} <{recipient.email}>: {reminder.summary}"
            )
        counts = Counter(reminder.kind for reminder in reminders)
        kinds = ", ".join(f"{kind} {counts[kind]}" for kind in ReminderKind.values)
        self.stdout.write(f"{verb} {len(reminders)} reminders on {today.isoformat()} ({kinds}).")
