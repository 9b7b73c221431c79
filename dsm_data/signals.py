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


def catalogue_model_changed(sender, instance, **kwargs):
    """A name of the catalogue may have changed: renew the token its cached copy is kept under."""
    catalogue_changed()


# What the catalogue's cached names are read from (``selectors.catalogue.catalogue_labels``).
for catalogue_model in (Indicator, Country, Dimension, Category, NationalMetadata):
    name = catalogue_model.__name__
    post_save.connect(catalogue_model_changed, sender=catalogue_model, dispatch_uid=f"dsm_data_saved_{name}")
    post_delete.connect(catalogue_model_changed, sender=catalogue_model, dispatch_uid=f"dsm_data_deleted_{name}")
