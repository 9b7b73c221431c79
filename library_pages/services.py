"""Writes of library_pages: the site's sections, country pages, and who may edit them."""

import uuid

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from dsm_data.models import Role
from dsm_data.roles import ROLE_GROUP_NAMES
from dsm_data.services.accounts import country_admin_group

from .models import (
    CountryIntranetPage,
    CountryProfilePage,
    EventIndexPage,
    LibraryIndexPage,
    MethodologyIndexPage,
    PagesVersion,
    TrainingIndexPage,
)

# Editors publish the library, methodology, training and events (design.md, "Who uses it").
EDITOR_SECTIONS = (LibraryIndexPage, MethodologyIndexPage, TrainingIndexPage, EventIndexPage)
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page")
# Country administrators edit and publish their country's profile and intranet; they add nothing.
COUNTRY_ADMIN_PAGE_PERMISSIONS = ("change_page", "publish_page")


def grant_page_permissions(group, page, codenames):
    """``group`` gets ``codenames`` on ``page`` and its subtree, in every language's tree."""
    permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    for translation in page.get_translations(inclusive=True):
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=translation, permission=permission)


def grant_section_rights(page):
    """The rights that go with a section root or a country profile; called whenever one is published."""
    page = page.specific
    if isinstance(page, EDITOR_SECTIONS):
        grant_page_permissions(Group.objects.get(name=ROLE_GROUP_NAMES[Role.EDITOR]), page, EDITOR_PAGE_PERMISSIONS)
    elif isinstance(page, CountryProfilePage):
        grant_page_permissions(country_admin_group(page.country), page, COUNTRY_ADMIN_PAGE_PERMISSIONS)


def child_with_slug(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def publish(page):
    page.save_revision().publish()
    return page


@transaction.atomic
def ensure_country_pages(country, country_index):
    """A profile for ``country`` under ``country_index`` and an intranet below it (default language)."""
    profile = CountryProfilePage.objects.child_of(country_index).filter(country=country).first()
    if profile is None:
        profile = country_index.add_child(
            instance=CountryProfilePage(title=str(country), slug=country.code.lower(), country=country)
        )
        publish(profile)
    intranet = CountryIntranetPage.objects.child_of(profile).first()
    if intranet is None:
        intranet = profile.add_child(instance=CountryIntranetPage(title=str(country), slug="intranet", country=country))
        publish(intranet)
    grant_section_rights(profile)
    return profile, intranet


def pages_changed():
    """A new ``PagesVersion`` token: what the selectors keep in the cache is out of date.

    Called on every save, move or deletion of a page or a country (``signals``), in the
    transaction of the change; call it after writes that bypass ``save()``.
    """
    token = uuid.uuid4()
    if not PagesVersion.objects.filter(pk=1).update(token=token):
        PagesVersion.objects.update_or_create(pk=1, defaults={"token": token})
