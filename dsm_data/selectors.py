"""Reads of dsm_data."""

from .models import Country


def participating_countries():
    return Country.objects.filter(is_participating=True)
