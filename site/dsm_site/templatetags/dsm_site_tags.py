from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
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


@register.inclusion_tag("dsm_site/includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The site's sections; restricted ones only for those the permissions module lets in."""
    request = context["request"]
    user = request.user
    browse = reverse("dsm_data:browse")
    items = site_menu(request) + [
        (_("Data"), browse),
        (_("Indicators"), reverse("dsm_data:indicators")),
        (_("Compare countries"), reverse("dsm_data:compare")),
        (_("Reports"), reverse("reports:request")),
    ]
    if permissions.can_use_submissions(user):
        items.append((_("Submissions"), reverse("dsm_data:submissions")))
    if permissions.can_read_completeness(user):
        items.append((_("Completeness"), reverse("dsm_data:completeness")))
    if permissions.can_send_request(user):
        items.append((_("Requests"), reverse("exchange:requests")))
    if permissions.can_read_proposals(user):
        items.append((_("Indicator proposals"), reverse("proposals:list")))
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
