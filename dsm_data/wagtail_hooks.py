from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Country


class CountryViewSet(SnippetViewSet):
    """Countries in the admin; names are translated with wagtail-localize's editor."""

    model = Country
    icon = "site"
    menu_label = _("Countries")
    list_display = ["name", "code", "is_participating", "locale"]
    list_filter = ["is_participating", "locale"]
    search_fields = ["name", "code"]
    add_to_admin_menu = True
    menu_order = 300


register_snippet(CountryViewSet)
