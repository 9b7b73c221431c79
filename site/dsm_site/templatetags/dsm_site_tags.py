from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from dsm_data import permissions
from library_pages.selectors import site_menu

from ..i18n import url_in_language

register = template.Library()


@register.inclusion_tag("dsm_site/includes/language_links.html", takes_context=True)
def language_links(context):
    """Links to this page in each language, for the switcher and for <link rel=alternate>."""
    request = context["request"]
    page = context.get("page")
    current = get_language()
    # A page's live translations in one query, rather than one per language.
    translations = None
    if isinstance(page, Page):
        translations = {
            translation.locale.language_code: translation
            for translation in page.get_translations(inclusive=True).live().select_related("locale")
        }
    return {
        "languages": [
            {
                "code": code,
                "name": name,
                # The current language is named, not linked: its address is not looked up.
                "url": None if code == current else url_in_language(request, code, page, translations),
                "is_current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]
    }


# The menu's own links (name, URL name), then the restricted ones with the permission that shows each.
MENU_LINKS = [
    (_("Data"), "dsm_data:browse"),
    (_("Indicators"), "dsm_data:indicators"),
    (_("Compare countries"), "dsm_data:compare"),
    (_("Reports"), "reports:request"),
]
RESTRICTED_MENU_LINKS = [
    (_("Submissions"), "dsm_data:submissions", permissions.can_use_submissions),
    (_("Completeness"), "dsm_data:completeness", permissions.can_read_completeness),
    (_("Requests"), "exchange:requests", permissions.can_send_request),
    (_("Indicator proposals"), "proposals:list", permissions.can_read_proposals),
]
# {(language, URL configuration, script prefix): {URL name: (label, URL)}}: the menu's links translated and
# reversed once in this process, not on every page (eight look-ups of the URL patterns and catalogues).
KEPT_MENU_LINKS = {}


def menu_links():
    """{URL name: (label, URL)} of MENU_LINKS and RESTRICTED_MENU_LINKS, in the active language."""
    key = (get_language(), get_urlconf(), get_script_prefix())
    links = KEPT_MENU_LINKS.get(key)
    if links is None:
        named = MENU_LINKS + [(label, name) for label, name, _allowed in RESTRICTED_MENU_LINKS]
        links = KEPT_MENU_LINKS[key] = {name: (str(label), reverse(name)) for label, name in named}
    return links


@register.inclusion_tag("dsm_site/includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The site's sections; restricted ones only for those the permissions module lets in."""
    request = context["request"]
    user = request.user
    links = menu_links()
    items = site_menu(request) + [links[name] for _label, name in MENU_LINKS]
    items += [links[name] for _label, name, allowed in RESTRICTED_MENU_LINKS if allowed(user)]
    browse = links["dsm_data:browse"][1]
    return {
        "items": [
            {
                "label": label,
                "url": url,
                "is_current": request.path.startswith(url) and url != browse or request.path == url,
            }
            for label, url in items
        ]
    }
