"""A request or consultation from one state (or the secretariat) to others, and its thread.

The sender writes to one state, several, all, or the secretariat (a recipient row without a
country). Each receiving state's administrators assign it to one of their users, who answers.
Every message stays in the thread, with its files in private storage. "Overdue" is not stored:
it is an open request whose wished reply date has passed, as of the day it is read.
Who reads, assigns, answers and closes is decided in dsm_data.permissions.requests.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dsm_data.files import private_storage


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class Request(models.Model):
    subject = models.CharField(_("subject"), max_length=200)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("sender")
    )
    sender_country = models.ForeignKey(
        "dsm_data.Country",
        verbose_name=_("sending state"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty when the secretariat sends it."),
    )
    indicator = models.ForeignKey(
        "dsm_data.Indicator", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("indicator"),
    )  # fmt: skip
    period = models.ForeignKey(
        "dsm_data.Period", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("period")
    )
    reply_by = models.DateField(_("reply wished by"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    # Once closed, the sender may let every participating state read it: a shared question and answer.
    is_shared = models.BooleanField(_("shared with all participating states"), default=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        constraints = [
            models.CheckConstraint(
                condition=~Q(is_shared=True) | Q(status="closed"), name="request_shared_only_when_closed"
            ),
            models.CheckConstraint(
                condition=Q(status="closed", closed_at__isnull=False)
                | (~Q(status="closed") & Q(closed_at__isnull=True)),
                name="request_closed_when_and_only_when_closed_at",
            ),
        ]

    def __str__(self):
        return self.subject

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.status == RequestStatus.OPEN and self.reply_by is not None and self.reply_by < today

    def recipient_country_ids(self):
        """The receiving states' ids; None stands for the secretariat."""
        return {recipient.country_id for recipient in self.recipients.all()}


class RequestRecipient(models.Model):
    """A state the request is sent to (or the secretariat: no country), and whom it assigned to answer."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="recipients", verbose_name=_("request"))
    country = models.ForeignKey(
        "dsm_data.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("receiving state"),
    )  # fmt: skip
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("answered by"),
    )  # fmt: skip
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("receiving state")
        verbose_name_plural = _("receiving states")
        constraints = [
            models.UniqueConstraint(fields=["request", "country"], name="request_recipient_once"),
            models.UniqueConstraint(
                fields=["request"], condition=Q(country__isnull=True), name="request_secretariat_once"
            ),
        ]

    def __str__(self):
        return f"{self.request}: {self.country or _('the secretariat')}"


class RequestMessage(models.Model):
    """One message of the thread: the request itself first, then the answers and follow-ups."""

    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="messages", verbose_name=_("request"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    country = models.ForeignKey(
        "dsm_data.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("state")
    )
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request}: {self.author}"


def attachment_path(attachment, filename):
    """Stored under a name of our own; the sender's file name is kept in ``original_name`` only."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"requests/{timezone.now():%Y/%m}/{attachment.sha256[:16]}.{extension}"


class RequestAttachment(models.Model):
    message = models.ForeignKey(
        RequestMessage, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("message")
    )
    file = models.FileField(_("file"), storage=private_storage, upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))

    class Meta:
        verbose_name = _("file of a request")
        verbose_name_plural = _("files of requests")

    def __str__(self):
        return self.original_name
