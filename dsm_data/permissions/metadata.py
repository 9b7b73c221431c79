"""National metadata (how each country produces each indicator): who edits it, who reads its history.

The texts are public methodology: the indicator pages, the API and the search show them to everyone,
and so are their earlier versions (``can_read_national_metadata``). Who wrote a version is a person:
their name is shown to the officials of the participating states and the secretariat only
(``can_see_metadata_authors``); the public reads the texts, the dates and the notes.
"""

from ..models import Country, Role
from .roles import can_read_shared_data, country_of, is_system_admin


def can_edit_national_metadata(user, country):
    """A country's administrators edit their own country's metadata; the secretariat edits any country's."""
    if is_system_admin(user):
        return True
    own_country = country_of(user)
    return own_country is not None and own_country.pk == country.pk and user.role == Role.COUNTRY_ADMIN


def editable_metadata_countries(user, countries=None):
    """The countries, of the queryset ``countries`` (default: all), whose metadata ``user`` may edit: the rule
    above as a queryset filter."""
    countries = Country.objects.all() if countries is None else countries
    if is_system_admin(user):
        return countries
    own_country = country_of(user)
    if own_country is None or user.role != Role.COUNTRY_ADMIN:
        return countries.none()
    return countries.filter(pk=own_country.pk)


def can_read_national_metadata(user):
    """Everyone, signed in or not: the texts and their earlier versions are public methodology."""
    return True


def can_see_metadata_authors(user):
    """Who changed a text (their name): the participating states' officials and the secretariat."""
    return can_read_shared_data(user)
