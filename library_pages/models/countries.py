"""Country profiles (public) and country intranets (the country's users only)."""

from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin

from dsm_data import permissions
from dsm_data.charts.links import chart_download_url
from dsm_data.figure_notes import Notes
from dsm_data.selectors.browsing import latest_public_totals
from dsm_data.selectors.charts import country_trends
from dsm_data.translation import joined

from ..page_trees import in_reader_language
from ..plain_text import plain
from .base import BasePage, IndexPage, refuse
from .documents import DocumentPage
from .library import LibraryIndexPage


class CountryIndexPage(IndexPage):
    template = "library_pages/index_page.html"
    subpage_types = ["library_pages.CountryProfilePage"]

    class Meta:
        verbose_name = _("country index")


class CountryProfilePage(BasePage):
    """A participating state's public page: overview, institutions, its documents and figures.

    The country is set when the page is created (``services.ensure_country_pages``) and
    is read-only in the admin: it decides who may read and edit the intranet below.
    """

    country = models.ForeignKey(
        "dsm_data.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    overview = RichTextField(_("overview"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("country", read_only=True),
        FieldPanel("overview"),
        InlinePanel("institutions", heading=_("Migration institutions"), label=_("Institution")),
    ]
    parent_page_types = ["library_pages.CountryIndexPage"]
    subpage_types = ["library_pages.CountryIntranetPage"]
    search_kind = "country"

    class Meta:
        verbose_name = _("country profile")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = DocumentPage.objects.readable_by(request.user).filter(country=self.country)
        context["documents"] = list(documents.in_listing_order()[:20])
        # The e-library in the reader's language (or the default one), for links into its listing.
        context["library"] = in_reader_language(LibraryIndexPage.objects.all()).first()
        context.update(self.public_figures())
        if permissions.can_read_intranet_of(request.user, self.country):
            context["intranet"] = CountryIntranetPage.objects.child_of(self).live().first()
        return context

    def public_figures(self):
        """The latest public figure of each indicator with its unit, source and footnote (numbered notes),
        and a chart of each indicator's public figures over the years.

        The public's reading whoever asks: the profile is the country's public face (the data
        pages show a signed-in reader more); its charts' files are the public's too (``public=1``).
        """
        notes = Notes()
        trends = country_trends(AnonymousUser(), country=self.country)
        sources = {figure.indicator.pk: figure.source for figure in trends}
        latest = [
            (value, notes.number(value.footnote), notes.source(sources.get(value.indicator_id)))
            for value in latest_public_totals(self.country)
        ]
        charts = [
            (figure.chart, chart_download_url(
                "country-trend", country=self.country.code, indicator=figure.indicator.code, public="1"))
            for figure in trends
            if not figure.chart.is_empty
        ]  # fmt: skip
        return {"figures": latest, "charts": charts, "notes": notes.listed()}

    def search_facets(self, translations):
        return {"type": self.search_kind, "country": self.country}

    def search_texts(self):
        institutions = [joined(item.name, item.role) for item in self.institutions.all()]
        return "", joined(plain(self.overview), *institutions)


class MigrationInstitution(TranslatableMixin, Orderable):
    page = ParentalKey(CountryProfilePage, on_delete=models.CASCADE, related_name="institutions")
    name = models.CharField(_("name"), max_length=300)
    role = models.TextField(_("role"), blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("website")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("migration institution")
        unique_together = [("translation_key", "locale")]


class CountryIntranetPage(BasePage):
    """The country's own pages: its network of contacts (Annex 4) and its work plan (Annex 5).

    Read by that country's users and the system administrators
    (``permissions.can_read_intranet_of``); edited in the admin by the country's
    administrators, whose per-country group holds the page permissions.
    """

    country = models.ForeignKey(
        "dsm_data.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("country", read_only=True),
        FieldPanel("intro"),
        InlinePanel("contacts", heading=_("National network contacts"), label=_("Contact")),
        InlinePanel("work_plan_items", heading=_("Inter-ministerial work plan"), label=_("Work plan item")),
    ]
    parent_page_types = ["library_pages.CountryProfilePage"]
    subpage_types = []
    max_count_per_parent = 1
    search_fields = []  # Never in the public search.

    class Meta:
        verbose_name = _("country intranet")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["can_edit"] = permissions.can_edit_intranet_of(request.user, self.country)
        return context

    def serve(self, request, *args, **kwargs):
        if not permissions.can_read_intranet_of(request.user, self.country):
            return refuse(request)
        response = super().serve(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response


class NetworkContact(TranslatableMixin, Orderable):
    """A person of the national network of institutions dealing with migration data (Annex 4)."""

    page = ParentalKey(CountryIntranetPage, on_delete=models.CASCADE, related_name="contacts")
    institution = models.CharField(_("institution"), max_length=300)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel(name) for name in ("institution", "name", "title", "address", "phone", "email", "website")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("network contact")
        unique_together = [("translation_key", "locale")]


class WorkPlanStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in-progress", _("In progress")
    DONE = "done", _("Done")


class WorkPlanItem(TranslatableMixin, Orderable):
    """An item of the inter-ministerial working group's work plan (Annex 5)."""

    page = ParentalKey(CountryIntranetPage, on_delete=models.CASCADE, related_name="work_plan_items")
    item = models.TextField(_("item"))
    timeline = models.CharField(_("timeline"), max_length=200, blank=True)
    responsible_entity = models.CharField(_("responsible entity"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=WorkPlanStatus.choices, default=WorkPlanStatus.PLANNED
    )

    panels = [FieldPanel(name) for name in ("item", "timeline", "responsible_entity", "status")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("work plan item")
        unique_together = [("translation_key", "locale")]
