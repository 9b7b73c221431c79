"""What dsm_data does when something happens elsewhere; connected by importing this module (``apps.ready``).

The project wires every signal the same way: an app's ``signals.py`` with ``@receiver``
handlers, each with a ``dispatch_uid``, imported once by its AppConfig.
"""

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from .models import Category, Country, Dimension, Indicator, NationalMetadata, Transition
from .services import audit
from .services.accounts import ensure_content_locales
from .services.catalogue import catalogue_changed


@receiver(post_migrate, dispatch_uid="dsm_data_content_locales")
def content_locales_after_migrate(sender, **kwargs):
    """A content language added to the settings gets its Wagtail locale at the next ``migrate``."""
    if sender.name == "dsm_data":
        ensure_content_locales()


@receiver(post_save, sender=Transition, dispatch_uid="dsm_data_audit_transition")
def audit_transition(sender, instance, created, **kwargs):
    """Every step of a submission's workflow enters the audit trail, in the transaction of the step."""
    if not created or kwargs.get("raw"):
        return
    submission = instance.submission
    audit.record(
        "dsm.transition",
        user=instance.actor,
        instance=submission,
        country=submission.country,
        data={"from": instance.from_status, "to": instance.to_status, "comment": instance.comment},
    )


# What the catalogue's cached names are read from (``selectors.catalogue.catalogue_labels``).
CATALOGUE_MODELS = (Indicator, Country, Dimension, Category, NationalMetadata)


@receiver(post_save, dispatch_uid="dsm_data_catalogue_saved")
@receiver(post_delete, dispatch_uid="dsm_data_catalogue_deleted")
def catalogue_model_changed(sender, instance, **kwargs):
    """A name of the catalogue may have changed: renew the token its cached copy is kept under."""
    if isinstance(instance, CATALOGUE_MODELS):
        catalogue_changed()
