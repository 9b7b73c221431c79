"""Writes and state changes of dsm_data."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models import COUNTRY_ROLES, Country, Role
from ..roles import ROLE_GROUP_NAMES


def ensure_content_locales():
    """Create a Wagtail locale for every content language (run after each migrate).

    A language added to settings.WAGTAIL_CONTENT_LANGUAGES gets its locale here;
    `sync_locale_trees` then gives it the page tree.
    """
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)


def save_country(code, names):
    """Create or update a country (and its administrators' group); ``names`` maps language codes to its name."""
    country = Country.objects.filter(code=code).first() or Country(code=code)
    country.name = names
    country.full_clean()
    country.save()
    country_admin_group(country)
    return country


def country_admin_group_name(country_code):
    return f"{country_code} country administrators"


def country_admin_group(country):
    """The group of ``country``'s administrators, which holds the Wagtail rights on that country's pages.

    Every country administrator is also in the role's group "Country administrators"
    (admin access); this group only carries the page permissions that the pages' app
    grants on the country's profile and intranet.
    """
    group, _created = Group.objects.get_or_create(name=country_admin_group_name(country.code))
    return group


@transaction.atomic
def assign_role(user, role, country=None):
    """Give ``user`` exactly one role (and its country), and the matching group."""
    if role in COUNTRY_ROLES and country is None:
        raise ValidationError(_("The role “%(role)s” needs a country.") % {"role": Role(role).label})
    if role not in COUNTRY_ROLES and country is not None:
        raise ValidationError(_("The role “%(role)s” has no country.") % {"role": Role(role).label})
    user.role = role
    user.country = country
    user.is_superuser = role == Role.SYSTEM_ADMIN
    user.save()
    country_groups = [country_admin_group_name(code) for code in Country.objects.values_list("code", flat=True)]
    user.groups.remove(*Group.objects.filter(name__in=[*ROLE_GROUP_NAMES.values(), *country_groups]))
    user.groups.add(Group.objects.get(name=ROLE_GROUP_NAMES[role]))
    if role == Role.COUNTRY_ADMIN:
        user.groups.add(country_admin_group(country))
    return user
