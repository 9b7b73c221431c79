from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DsmDataConfig(AppConfig):
    name = "dsm_data"
    verbose_name = _("Indicator data")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401 (connects the handlers; models are loaded only now)
