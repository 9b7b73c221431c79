"""Reminders sent by ``manage.py dsm_send_reminders``: each due reminder recorded and e-mailed once.

Each reminder has its own transaction: its ``ReminderSent`` row is written and its e-mail queued (sent after
the commit, in the recipient's language, by ``dsm_data.notifications``) together. When another run wrote the
same key first, the unique constraint refuses the row, that transaction rolls back, and its e-mail with it.
One transaction per reminder, not one for the run: a failure stops one e-mail, never the others.
"""

from django.db import IntegrityError, transaction

from dsm_data.models import User
from dsm_data.notifications import send_in_languages

from ..models import ReminderSent
from ..selectors.reminders import reminders_due


def send_due_reminders(*, today, dry_run=False):
    """Send every reminder due on ``today`` that was not sent before; returns those sent (``dry_run``: those
    that would be, sending and recording nothing)."""
    due = reminders_due(today)
    if dry_run:
        return due
    return [reminder for reminder in due if _send_once(reminder, today=today)]


def _send_once(reminder, *, today):
    """Record the reminder and queue its e-mail in one transaction; False when it was recorded already."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                kind=reminder.kind,
                key=reminder.key,
                recipient=reminder.recipient,
                period=reminder.period,
                country=reminder.country,
                submission=reminder.submission,
                sent_on=today,
            )
            send_in_languages(User.objects.filter(pk=reminder.recipient.pk), reminder.template, reminder.context)
    except IntegrityError:
        return False
    return True
