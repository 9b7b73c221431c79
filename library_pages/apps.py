from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryPagesConfig(AppConfig):
    name = "library_pages"
    verbose_name = _("Library and pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
