from django import template
from django.conf import settings
from django.utils.translation import get_language

from ..i18n import url_in_language

register = template.Library()


@register.inclusion_tag("dsm_site/includes/language_links.html", takes_context=True)
def language_links(context):
    """Links to this page in each language, for the switcher and for <link rel=alternate>."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    return {
        "languages": [
            {
                "code": code,
                "name": name,
                "url": url_in_language(request, code, page),
                "is_current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]
    }
