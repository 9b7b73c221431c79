"""Files that brought figures in, and the receipts their senders keep."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..files import private_storage


class DeliveryKind(models.TextChoices):
    TEMPLATE = "template", _("Excel template")
    TABLE = "table", _("Long table (CSV or Excel)")
    PAPER_SCAN = "paper_scan", _("Scanned paper form")
    API = "api", _("Sent by API")


class DeliveryStatus(models.TextChoices):
    MAPPING = "mapping", _("Waiting for its columns to be mapped")
    PENDING = "pending", _("Waiting for confirmation")
    ACCEPTED = "accepted", _("Accepted")
    DISCARDED = "discarded", _("Discarded")


def delivery_path(delivery, filename):
    """Stored under a name of our own: the sender's file name is kept in ``original_name`` only."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"deliveries/{delivery.created_at:%Y/%m}/{delivery.sha256[:16]}.{extension}"


class Delivery(models.Model):
    """One file as it arrived, kept unchanged, with its receipt once accepted.

    An upload is checked whole, then waits (pending) while its sender reviews the
    changes it would make; confirming stores the figures and makes the receipt.
    A long table may fill several submissions, hence the many-to-many.
    """

    kind = models.CharField(_("kind"), max_length=12, choices=DeliveryKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    country = models.ForeignKey(
        "dsm_data.Country",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for a long table that spans several countries."),
    )
    submissions = models.ManyToManyField("dsm_data.Submission", related_name="deliveries", blank=True)
    file = models.FileField(_("file"), storage=private_storage, upload_to=delivery_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256 checksum"), max_length=64)
    size = models.PositiveIntegerField(_("size in bytes"))
    institution = models.CharField(
        _("institution"), max_length=200, blank=True, help_text=_("Who filled in a paper form.")
    )
    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    mapping = models.ForeignKey(
        "dsm_data.TableMapping",
        verbose_name=_("mapping"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The saved mapping the table was read with, if any."),
    )
    # The mapping as applied (MappingSpec JSON): what the receipt and a re-read use, even if the saved one changes.
    mapping_spec = models.JSONField(default=dict, blank=True)
    reason = models.TextField(
        _("reason for corrections"),
        blank=True,
        help_text=_("Why published figures change, for the rows of the file that give no reason of their own."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    added = models.PositiveIntegerField(_("values added"), default=0)
    changed = models.PositiveIntegerField(_("values changed"), default=0)
    unchanged = models.PositiveIntegerField(_("values unchanged"), default=0)
    warnings = models.PositiveIntegerField(_("warnings"), default=0)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.number

    @property
    def number(self):
        """The delivery number on the receipt: short, unique, and readable over the phone."""
        return f"DSM-{self.pk:06d}" if self.pk else ""

    @staticmethod
    def checksum(data):
        return hashlib.sha256(data).hexdigest()
