"""A write of figures by API, kept under the key its client gave, so that a retry never stores twice.

A system that posts figures and loses the answer (a timeout on a slow link) sends the same
request again with the same ``Idempotency-Key``. The first write stored the figures and this
row in one transaction; the retry finds the row and gets the first answer again, with nothing
stored a second time. The same key with a different request is a client's mistake, refused.
The row is made in the write's own transaction, so two retries racing each other meet at the
unique constraint and one of them fails whole.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

KEY_LENGTH = 200


def request_fingerprint(*parts):
    """A checksum of what makes two requests the same write (address, media type, body, reason)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else str(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


class ApiWrite(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("idempotency key"), max_length=KEY_LENGTH)
    fingerprint = models.CharField(max_length=64, help_text=_("Checksum of the request the key was first used for."))
    delivery = models.ForeignKey("dsm_data.Delivery", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    status_code = models.PositiveSmallIntegerField()
    response = models.JSONField(help_text=_("The answer the first request got, given again to a retry."))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("API write")
        verbose_name_plural = _("API writes")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="api_write_key_once_per_user")]

    def __str__(self):
        return f"{self.user_id}: {self.key}"
