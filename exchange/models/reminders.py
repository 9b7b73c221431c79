"""The reminders the portal has e-mailed: one row per reminder, so that none goes out twice.

``manage.py dsm_send_reminders`` runs daily, perhaps twice by mistake, perhaps two at once. Each
reminder has a key naming what it is about and for whom (``deadline:<user>:<period>:<country>:<days>``,
``validation:<user>:<submission>:<submitted on>``, ``digest:<user>:<ISO year-week>``); the row is
written in the transaction that queues the e-mail, and the unique key lets only the first run have it.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReminderKind(models.TextChoices):
    DEADLINE = "deadline", _("Deadline approaching")
    VALIDATION = "validation", _("Waiting for validation")
    DIGEST = "digest", _("Weekly digest of late states")


class ReminderSent(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=ReminderKind.choices)
    key = models.CharField(_("key"), max_length=200, unique=True)
    # A reminder is kept as long as its recipient's account: the record is what stops a second e-mail to them.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="+"
    )
    # What it was about, when a period, a state or a submission (the digest names none of them).
    period = models.ForeignKey(
        "dsm_data.Period", verbose_name=_("period"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    country = models.ForeignKey(
        "dsm_data.Country", verbose_name=_("country"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    submission = models.ForeignKey(
        "dsm_data.Submission", verbose_name=_("submission"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    sent_on = models.DateField(_("day of the run"))
    created_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        ordering = ["-sent_on", "-pk"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            # The key starts with the kind, so that two kinds can never share a key.
            models.CheckConstraint(condition=Q(key__startswith=F("kind")), name="reminder_key_starts_with_kind"),
        ]

    def __str__(self):
        return self.key
