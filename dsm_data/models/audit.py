"""The audit trail: who did what, when, from which address, for which country.

It is a log model of Wagtail's own audit log (``BaseLogEntry``), so its entries
are registered actions ("dsm.sign_in", ...) like Wagtail's page and snippet
actions, which stay in Wagtail's own log. Two things Wagtail's entries lack are
added: the country an event concerns (a country administrator reads their own
country's events only) and the address it came from. ``services.audit.record``
writes entries; nothing else does.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models.audit_log import BaseLogEntry, BaseLogEntryManager

from ..request_context import current_address


class AuditEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        """Wagtail's ``log()`` for a model registered to this log (users, submissions)."""
        kwargs.setdefault("country", getattr(instance, "country", None))
        kwargs.setdefault("ip_address", current_address())
        return super().log_action(instance, action, object_id=str(instance.pk), **kwargs)

    def for_instance(self, instance):
        return self.filter(content_type__model=instance._meta.model_name, object_id=str(instance.pk))


class AuditEntry(BaseLogEntry):
    object_id = models.CharField(max_length=255, blank=True)
    country = models.ForeignKey(
        "dsm_data.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # the trail outlives a country taken out of the cluster
        related_name="+",
    )
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)

    objects = AuditEntryManager()

    class Meta(BaseLogEntry.Meta):
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        indexes = [
            models.Index(fields=["country", "-timestamp"], name="audit_country_time"),
            models.Index(fields=["action", "-timestamp"], name="audit_action_time"),
        ]


# The events of the trail: action -> (label, message), registered with Wagtail's log
# registry by dsm_data.wagtail_hooks. Add an event here before recording it.
AUDIT_ACTIONS = {
    "dsm.sign_in": (_("Sign-in"), _("Signed in")),
    "dsm.sign_in_failed": (_("Sign-in refused"), _("A sign-in was refused")),
    "dsm.sign_out": (_("Sign-out"), _("Signed out")),
    "dsm.locked_out": (_("Lockout"), _("Locked out after failed sign-ins")),
    "dsm.unlocked": (_("Account unlocked"), _("Unlocked an account")),
    "dsm.second_factor_enrolled": (_("Second factor set"), _("A second factor was set up")),
    "dsm.second_factor_verified": (_("Second factor verified"), _("Verified a second factor")),
    "dsm.second_factor_failed": (_("Second factor refused"), _("A second-factor code was refused")),
    "dsm.second_factor_reset": (_("Second factor reset"), _("Reset a second factor")),
    "dsm.backup_codes_made": (_("Backup codes made"), _("Made new backup codes")),
    "dsm.invited": (_("Invitation"), _("Invited a user")),
    "dsm.invitation_resent": (_("Invitation resent"), _("Resent an invitation")),
    "dsm.invitation_accepted": (_("Invitation accepted"), _("Accepted an invitation")),
    "dsm.role_changed": (_("Role change"), _("Changed a role")),
    "dsm.deactivated": (_("Deactivation"), _("Deactivated a user")),
    "dsm.reactivated": (_("Reactivation"), _("Reactivated a user")),
    "dsm.password_changed": (_("Password change"), _("Changed a password")),
    "dsm.password_reset_requested": (_("Password reset asked"), _("Asked for a password reset")),
    "dsm.api_token_made": (_("API token made"), _("Made a personal API token")),
    "dsm.api_token_revoked": (_("API token revoked"), _("Revoked a personal API token")),
    "dsm.country_added": (_("Country added"), _("Added a participating state")),
    "dsm.transition": (_("Submission step"), _("Moved a submission")),
    "dsm.export": (_("Export"), _("Exported figures that are not public")),
    "dsm.download": (_("Download"), _("Downloaded a restricted file")),
}
