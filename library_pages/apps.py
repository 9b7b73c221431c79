from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryPagesConfig(AppConfig):
    name = "library_pages"
    verbose_name = _("Library and pages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, post_page_move

        page_published.connect(_grant_section_rights, dispatch_uid="library_pages_section_rights")
        # Publishing, unpublishing, editing and deleting all save or delete the page.
        post_save.connect(_pages_changed, dispatch_uid="library_pages_pages_saved")
        post_delete.connect(_pages_changed, dispatch_uid="library_pages_pages_deleted")
        post_page_move.connect(_pages_changed, dispatch_uid="library_pages_pages_moved")


def _grant_section_rights(sender, instance, **kwargs):
    """A section root or country profile published (a new one, or a new translation) gets its group's rights."""
    from .services import grant_section_rights

    grant_section_rights(instance)


def _pages_changed(sender, instance, **kwargs):
    """A page or a country changed: renew the token of what the selectors keep in the cache."""
    from wagtail.models import Page

    from dsm_data.models import Country

    from .services import pages_changed

    if isinstance(instance, (Page, Country)):
        pages_changed()
