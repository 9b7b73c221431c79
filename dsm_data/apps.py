from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DsmDataConfig(AppConfig):
    name = "dsm_data"
    verbose_name = _("Indicator data")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .services import accounts

        post_migrate.connect(accounts.ensure_content_locales, sender=self)
