from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Country


class CountryViewSet(SnippetViewSet):
    """Countries in the admin, with their name in every language."""

    model = Country
    icon = "site"
    menu_label = _("Countries")
    list_display = ["__str__", "code", "is_participating"]
    list_filter = ["is_participating"]
    search_fields = ["code"]
    add_to_admin_menu = True
    menu_order = 300


register_snippet(CountryViewSet)
