"""Reads of dsm_data."""

from wagtail.models import Locale

from .models import Country


def localized_country(country):
    """The country's row in the active language, falling back to the canonical row."""
    if country is None:
        return None
    return (
        Country.objects.filter(translation_key=country.translation_key, locale=Locale.get_active()).first() or country
    )


def participating_countries():
    """Canonical rows of the participating countries, in the active language's order."""
    return Country.objects.canonical().filter(is_participating=True).order_by("code")
