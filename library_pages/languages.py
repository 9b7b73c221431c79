"""The reader's and the default content language, without a query per page, and languages' names."""

from django.conf import settings
from django.utils.translation import get_language, get_language_info
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_codes_by_locale_id = {}


def reader_language():
    return get_supported_content_language_variant(get_language() or settings.LANGUAGE_CODE)


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def language_of(page):
    """The language code of ``page``'s locale; locales are few and never change, so they are read once."""
    if page.locale_id not in _codes_by_locale_id:
        _codes_by_locale_id.clear()
        _codes_by_locale_id.update(Locale.objects.values_list("pk", "language_code"))
    return _codes_by_locale_id.get(page.locale_id) or page.locale.language_code


def language_name(code):
    """The language's name in the reader's language, or its code when Django does not know it."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code
