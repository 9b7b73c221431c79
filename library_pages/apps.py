from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryPagesConfig(AppConfig):
    name = "library_pages"
    verbose_name = _("Library and pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        page_published.connect(_grant_section_rights, dispatch_uid="library_pages_section_rights")


def _grant_section_rights(sender, instance, **kwargs):
    """A section root or country profile published (a new one, or a new translation) gets its group's rights."""
    from .services import grant_section_rights

    grant_section_rights(instance)
