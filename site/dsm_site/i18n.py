"""Where the same page lives in another language."""

from django.urls import translate_url
from wagtail.models import Page


def url_in_language(request, language_code, page=None, translations=None):
    """The URL of what the user is looking at, in ``language_code``.

    A Wagtail page links to its live translation; anything else (and a page not
    yet translated) keeps its path under the other language prefix. ``translations``
    ({language code: page}) saves the query when the caller has read them already.
    """
    if isinstance(page, Page):
        if translations is not None:
            translation = translations.get(language_code)
        else:
            translation = (
                page.get_translations(inclusive=True).live().filter(locale__language_code=language_code).first()
            )
        if translation is not None:
            return translation.get_url(request)
    return translate_url(request.get_full_path(), language_code)
