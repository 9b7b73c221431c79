"""The addresses of values' pages (each value's history), for many values at once.

One reverse, then each pk in its place: a page reversed each of its figures, and an
indicator page's charts hold 180 of them (the reverses took a tenth of that page).
"""

from django.urls import reverse

_PLACEHOLDER = 987_654_321


def value_urls(pks):
    """{pk: the address of the value's page} of the values ``pks``."""
    pattern = reverse("dsm_data:value", args=[_PLACEHOLDER])
    return {pk: pattern.replace(str(_PLACEHOLDER), str(pk)) for pk in pks}
