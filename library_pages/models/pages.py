"""Home, methodology, training modules and events."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from .base import BasePage, IndexPage, TextPage


class HomePage(BasePage):
    """The root of each language's page tree: the latest documents and events, links into the data."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "library_pages.LibraryIndexPage",
        "library_pages.MethodologyIndexPage",
        "library_pages.TrainingIndexPage",
        "library_pages.EventIndexPage",
        "library_pages.CountryIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import latest_documents, upcoming_and_recent_events

        context = super().get_context(request, *args, **kwargs)
        context["latest_documents"] = latest_documents(request.user)
        context["events"] = upcoming_and_recent_events()
        return context


class MethodologyIndexPage(IndexPage):
    template = "library_pages/index_page.html"
    subpage_types = ["library_pages.MethodologyPage"]

    class Meta:
        verbose_name = _("methodology index")


class MethodologyPage(TextPage):
    """A chapter of the DSM methodology."""

    parent_page_types = ["library_pages.MethodologyIndexPage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("methodology page")


class DocumentLink(TranslatableMixin, Orderable):
    """Abstract: a link to a library document; the reader sees it only if they may read that document."""

    document_page = models.ForeignKey(
        "library_pages.DocumentPage", verbose_name=_("library document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("document_page", "library_pages.DocumentPage")]

    class Meta(TranslatableMixin.Meta):
        abstract = True


class TrainingIndexPage(IndexPage):
    template = "library_pages/index_page.html"
    subpage_types = ["library_pages.TrainingModulePage"]

    class Meta:
        verbose_name = _("training index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = context["children"].order_by("trainingmodulepage__number")
        return context


class TrainingModulePage(BasePage):
    """One of the training modules of the General Model (seed, Annex 2)."""

    number = models.PositiveSmallIntegerField(_("number"), default=0)
    audience = models.CharField(_("audience"), max_length=300, blank=True)
    duration = models.CharField(_("duration"), max_length=100, blank=True)
    objectives = RichTextField(_("objectives"), blank=True)
    content = RichTextField(_("content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("number"),
        FieldPanel("audience"),
        FieldPanel("duration"),
        FieldPanel("objectives"),
        FieldPanel("content"),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
    ]
    search_fields = Page.search_fields + [index.SearchField("objectives"), index.SearchField("content")]
    parent_page_types = ["library_pages.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training module")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import readable_links

        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = readable_links(request.user, self.attachments.all())
        return context


class TrainingAttachment(DocumentLink):
    page = ParentalKey(TrainingModulePage, on_delete=models.CASCADE, related_name="attachments")

    class Meta(DocumentLink.Meta):
        verbose_name = _("attachment")
        unique_together = [("translation_key", "locale")]


class EventIndexPage(IndexPage):
    subpage_types = ["library_pages.EventPage"]

    class Meta:
        verbose_name = _("event index")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import events_by_time

        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.filter(pk__in=context["children"].values("pk"))
        context["upcoming"], context["past"] = events_by_time(events)
        return context


class EventPage(BasePage):
    """A meeting, with its agenda and documents (seed, Annexes 6-8)."""

    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("place")], heading=_("When and where")
        ),
        FieldPanel("summary"),
        InlinePanel("agenda_items", heading=_("Agenda"), label=_("Agenda item")),
        InlinePanel("linked_documents", heading=_("Documents"), label=_("Document")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("place")]
    parent_page_types = ["library_pages.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import agenda_by_day, readable_links

        context = super().get_context(request, *args, **kwargs)
        context["agenda_days"] = agenda_by_day(self.agenda_items.all())
        context["documents"] = readable_links(request.user, self.linked_documents.all())
        return context


class AgendaItem(TranslatableMixin, Orderable):
    """One item of an event's agenda: when, what, who speaks."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="agenda_items")
    day = models.PositiveSmallIntegerField(_("day"), default=1)
    start_time = models.TimeField(_("start"), null=True, blank=True)
    end_time = models.TimeField(_("end"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    speakers = models.CharField(_("speakers"), max_length=300, blank=True)

    panels = [
        FieldPanel("day"),
        FieldPanel("start_time"),
        FieldPanel("end_time"),
        FieldPanel("title"),
        FieldPanel("speakers"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("agenda item")
        unique_together = [("translation_key", "locale")]


class EventDocument(DocumentLink):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="linked_documents")

    class Meta(DocumentLink.Meta):
        verbose_name = _("event document")
        unique_together = [("translation_key", "locale")]
