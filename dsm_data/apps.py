from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DsmDataConfig(AppConfig):
    name = "dsm_data"
    verbose_name = _("Indicator data")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Connects the handlers, and the audit trail's sign-in events; models are loaded only now.
        from . import sign_in_events, signals  # noqa: F401
