"""Who sees what in the Wagtail admin: the rules of ``permissions`` for the admin's pages and files.

They are built from the rules of ``roles``. The admin, its choosers, reports, bulk
actions and API ask these functions (through ``library_pages.admin_trimming``); none of
them compares roles or countries itself.

Editors and system administrators see every page, file and collection. The others who
may enter the admin, the country administrators, see their own country's: the pages
they hold Wagtail rights on (their country's profile and intranet, in every language),
the pages above those, by which they reach them, and the files of their own country's
documents. Never another country's pages or files, nor the library's documents.
"""

from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from .roles import country_of, is_editor


def sees_whole_admin(user):
    """Editors and system administrators see every page, file and collection in the admin."""
    return is_editor(user)


def admin_pages(user, pages):
    """The rows of ``pages`` (Wagtail pages) that ``user`` sees in the admin.

    The explorer, the page chooser, the reports and the admin API list these; a page
    outside them is refused before its title is shown (``can_see_admin_page``).
    """
    if sees_whole_admin(user):
        return pages
    if not user.is_active or not page_permission_policy.instances_with_direct_explore_permission(user):
        return pages.none()
    return pages.filter(pk__in=page_permission_policy.explorable_instances(user).values("pk"))


def can_see_admin_page(user, page):
    """Whether ``user`` may see ``page`` (its title, its children) in the admin; see ``admin_pages``."""
    return admin_pages(user, Page.objects.filter(pk=page.pk)).exists()


def can_act_on_admin_page(user, page):
    """Bulk actions and moves: a country administrator acts only on pages they may edit,
    never on the pages above them; editors and system administrators as Wagtail allows."""
    return sees_whole_admin(user) or page.permissions_for_user(user).can_edit()


def can_see_whole_site_reports(user):
    """The reports over every page of the site (page types usage): editors and system administrators."""
    return sees_whole_admin(user)


def admin_documents(user, documents, *, document_pages):
    """The rows of ``documents`` (the library's files) that ``user`` sees in the admin's choosers and API.

    ``document_pages``: the library's documents (with ``country`` and ``document``); a
    country administrator sees the files of their own country's documents only.
    """
    if sees_whole_admin(user):
        return documents
    own_country = country_of(user)
    if own_country is None:
        return documents.none()
    return documents.filter(pk__in=document_pages.filter(country=own_country).values("document"))


def can_translate_admin_page(user, page):
    """Submitting ``page`` for translation, or updating its translations (wagtail-localize).

    Only those who may edit the page: a country's profile and intranet are translated by
    its administrators and the system administrators, never by an editor as such.
    """
    return bool(user.is_active) and page.permissions_for_user(user).can_edit()
