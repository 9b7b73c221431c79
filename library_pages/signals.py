"""What follows a change of the pages: section rights, and the token of what is cached."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, post_page_move

from dsm_data.models import Country

from .services import grant_section_rights, pages_changed


@receiver(page_published, dispatch_uid="library_pages_section_rights")
def section_published(sender, instance, **kwargs):
    """A section root or country profile published (a new one, or a new translation) gets its group's rights."""
    grant_section_rights(instance)


# Publishing, unpublishing, editing and deleting all save or delete the page.
@receiver(post_save, dispatch_uid="library_pages_pages_saved")
@receiver(post_delete, dispatch_uid="library_pages_pages_deleted")
@receiver(post_page_move, dispatch_uid="library_pages_pages_moved")
def page_or_country_changed(sender, instance, **kwargs):
    """A page or a country changed: renew the token of what the selectors keep in the cache."""
    if isinstance(instance, (Page, Country)):
        pages_changed()
