"""Every change of a country's national metadata, kept with who made it and when.

A version is a snapshot of all the texts (every field in every language) as they stood after the
change, so any version reads on its own and two neighbours compare without replaying the history.
Written only by ``services.national_metadata.save_national_metadata`` (the portal's form and the
Wagtail admin alike).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .catalogue import NationalMetadata


class NationalMetadataVersion(models.Model):
    metadata = models.ForeignKey(
        NationalMetadata, verbose_name=_("national metadata"), on_delete=models.CASCADE, related_name="versions"
    )
    # {field name: {language: text}} for every one of NationalMetadata.TEXT_FIELDS.
    texts = models.JSONField(_("texts"), default=dict)
    # None only for the texts found before the history was kept (recorded at their first change):
    # who wrote them is not known. PROTECT: a person who changed methodology is not deleted from it.
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The author's country then (None: the secretariat): a user may later move, their version stays theirs.
    changed_by_country = models.ForeignKey(
        "dsm_data.Country",
        verbose_name=_("changed by (country)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    note = models.CharField(_("what changed"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("version of national metadata")
        verbose_name_plural = _("versions of national metadata")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["metadata", "-changed_at"], name="metadata_version_latest")]
        constraints = [
            # The texts found before the history was kept are recorded once, at their first change.
            models.UniqueConstraint(
                fields=["metadata"], condition=Q(changed_by__isnull=True), name="metadata_version_one_baseline"
            ),
        ]

    def __str__(self):
        return f"{self.metadata} @ {self.changed_at:%Y-%m-%d %H:%M}"

    @property
    def is_baseline(self):
        """The texts as they were found when the history started (author unknown)."""
        return self.changed_by_id is None
