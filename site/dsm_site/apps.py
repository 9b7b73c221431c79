from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DsmSiteConfig(AppConfig):
    name = "dsm_site"
    verbose_name = _("Portal")
