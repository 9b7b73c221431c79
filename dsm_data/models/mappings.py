"""Saved mappings: how a publisher's export is read as a long table, kept for its next file."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TableMapping(models.Model):
    """The columns, fixed values, recodings and suppression marks of one publisher's export.

    ``spec`` is the JSON of ``dsm_data.intake.mapping.MappingSpec`` (read and written
    there alone). Columns are named by their header text, not their letter, so the
    next year's file, with a column more or in another order, is read the same way.
    Mappings are shared by everyone who uploads figures: a publisher's layout is
    no national secret, and every country loads the same UNHCR or UN DESA exports.
    """

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("The publisher and the export it reads, e.g. “UNHCR asylum, CSV”.")
    )
    spec = models.JSONField(_("mapping"), default=dict)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("table mapping")
        verbose_name_plural = _("table mappings")
        ordering = ["name"]

    def __str__(self):
        return self.name
