"""Writes and state changes of dsm_data."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from ..models import COUNTRY_ROLES, Country, Role
from ..roles import ROLE_GROUP_NAMES


def ensure_content_locales(**kwargs):
    """Create a Wagtail locale for every content language (run after each migrate).

    A language added to settings.WAGTAIL_CONTENT_LANGUAGES gets its locale here;
    `sync_locale_trees` then gives it the page tree.
    """
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)


def save_country(code, names):
    """Create or update a country; ``names`` maps language codes to its name."""
    country = Country.objects.filter(code=code).first() or Country(code=code)
    country.name = names
    country.full_clean()
    country.save()
    return country


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
    role_groups = Group.objects.filter(name__in=ROLE_GROUP_NAMES.values())
    user.groups.remove(*role_groups)
    user.groups.add(Group.objects.get(name=ROLE_GROUP_NAMES[role]))
    return user
