"""The catalogue in the Wagtail admin, for the system administrators (superusers)."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import permissions
from .models import (
    AuditEntry,
    Category,
    Country,
    Dimension,
    Indicator,
    NationalMetadata,
    Period,
    PeriodLockException,
    Submission,
    User,
)
from .models.audit import AUDIT_ACTIONS
from .services.catalogue import ensure_series, join_open_submissions
from .services.national_metadata import save_national_metadata
from .views.calendar import create_periods_view


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    menu_label = _("Countries")
    list_display = ["__str__", "code", "is_participating"]
    list_filter = ["is_participating"]
    search_fields = ["code"]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indicators")
    list_display = ["__str__", "code", "default_confidentiality"]
    edit_handler = ObjectList(
        [
            *(
                FieldPanel(name)
                for name in ("code", "name", "definition", "unit", "frequencies")
                + ("default_confidentiality", "change_warning_share", "sort_order")
            ),
            InlinePanel("indicator_dimensions", heading=_("Breakdowns, in order: the first gives the columns")),
        ]
    )


class DimensionViewSet(SnippetViewSet):
    model = Dimension
    icon = "list-ul"
    menu_label = _("Dimensions")
    list_display = ["__str__", "code"]


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "list-ul"
    menu_label = _("Categories")
    list_display = ["__str__", "dimension", "code", "sort_order"]
    list_filter = ["dimension"]


class NationalMetadataAdminForm(WagtailAdminModelForm):
    """Saves through ``save_national_metadata``, so an edit made here is versioned like one made on the portal.

    Why the form and not the ``after_edit_snippet`` hook or a ``post_save`` signal: the version before the
    first recorded change is the texts as they stood, and only before the row is written can they be read
    (the service reads them from the locked row); and the form's save runs inside the admin's transaction,
    so the texts, the breaks and the version are written together or not at all (the hook runs after it).
    """

    def save(self, commit=True):
        metadata = super().save(commit=False)  # the texts, indicator, country and breaks, in memory
        if commit:
            texts = {name: getattr(metadata, name) for name in NationalMetadata.TEXT_FIELDS}
            save_national_metadata(metadata, user=self.for_user, texts=texts)  # saves the breaks with it
            self.save_m2m()
        return metadata


class NationalMetadataViewSet(SnippetViewSet):
    model = NationalMetadata
    icon = "doc-full"
    menu_label = _("National metadata")
    list_display = ["__str__", "updated_at"]
    list_filter = ["indicator", "country"]
    edit_handler = ObjectList(NationalMetadata.panels, base_form_class=NationalMetadataAdminForm)


class PeriodViewSet(SnippetViewSet):
    model = Period
    icon = "date"
    menu_label = _("Periods")
    list_display = ["code", "frequency", "deadline", Column("locks_on", label=_("Locks on"))]
    list_filter = ["frequency"]


class LockExceptionForm(WagtailAdminModelForm):
    """Records who granted the exception: the signed-in administrator."""

    def save(self, commit=True):
        if self.instance.granted_by_id is None:
            self.instance.granted_by = self.for_user
        return super().save(commit=commit)


class PeriodLockExceptionViewSet(SnippetViewSet):
    model = PeriodLockException
    icon = "lock-open"
    menu_label = _("Lock exceptions")
    list_display = ["__str__", "reason", "granted_by"]
    edit_handler = ObjectList(
        [FieldPanel("period"), FieldPanel("country"), FieldPanel("until"), FieldPanel("reason")],
        base_form_class=LockExceptionForm,
    )


class DataViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Indicator data")
    menu_icon = "table"
    menu_order = 300
    items = (
        CountryViewSet,
        IndicatorViewSet,
        DimensionViewSet,
        CategoryViewSet,
        NationalMetadataViewSet,
        PeriodViewSet,
        PeriodLockExceptionViewSet,
    )

    def get_submenu_items(self):
        items = super().get_submenu_items()
        return [*items, CalendarMenuItem(_("Create periods"), reverse_lazy("dsm_calendar"), icon_name="date")]


class CalendarMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.can_manage_calendar(request.user)


register_snippet(DataViewSetGroup)


@hooks.register("register_admin_urls")
def register_calendar_url():
    return [path("dsm/periods/create/", create_periods_view, name="dsm_calendar")]


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def create_new_series(request, instance):
    """A new breakdown or category gives indicators new cells: create their series.

    A new indicator, or a frequency added to one, joins the open submissions of its frequencies.
    """
    if isinstance(instance, Indicator):
        ensure_series(instance)
        join_open_submissions(instance)
    elif isinstance(instance, Category):
        for indicator in Indicator.objects.filter(indicator_dimensions__dimension=instance.dimension_id):
            ensure_series(indicator)


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    """The audit trail's events, and its log model for users and submissions (dsm_data.models.audit)."""
    for action, (label, message) in AUDIT_ACTIONS.items():
        actions.register_action(action, label, message)
    actions.register_model(User, AuditEntry)
    actions.register_model(Submission, AuditEntry)


@hooks.register("after_create_snippet")
def set_up_new_country(request, instance):
    """A participating state added in the admin gets its administrators' group, as ``save_country`` gives."""
    if isinstance(instance, Country):
        from .services.accounts import country_admin_group
        from .services.audit import record

        country_admin_group(instance)
        record("dsm.country_added", user=request.user, instance=instance, country=instance)
