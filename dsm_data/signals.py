"""What dsm_data does when something happens elsewhere; connected by importing this module (``apps.ready``).

The project wires every signal the same way: an app's ``signals.py`` with ``@receiver``
handlers, each with a ``dispatch_uid``, imported once by its AppConfig.
"""

from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .services.accounts import ensure_content_locales


@receiver(post_migrate, dispatch_uid="dsm_data_content_locales")
def content_locales_after_migrate(sender, **kwargs):
    """A content language added to the settings gets its Wagtail locale at the next ``migrate``."""
    if sender.name == "dsm_data":
        ensure_content_locales()
