"""Home, methodology, training modules and events."""

from itertools import groupby

from django.db import models
from django.db.models import Case, F, Q, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

from dsm_data.translation import joined

from ..page_trees import in_reader_language
from ..plain_text import plain
from .base import BasePage, IndexPage, TextPage
from .documents import DocumentPage


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
        context = super().get_context(request, *args, **kwargs)
        context["latest_documents"] = list(DocumentPage.objects.readable_by(request.user).in_listing_order()[:5])
        context["events"] = EventPage.objects.upcoming_and_recent()
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
    search_kind = "methodology"

    class Meta:
        verbose_name = _("methodology page")

    def search_texts(self):
        return self.intro, plain(self.body)


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
    search_kind = "training"
    parent_page_types = ["library_pages.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training module")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attachments"] = DocumentPage.objects.readable_by(request.user).behind_links(self.attachments.all())
        return context

    def search_texts(self):
        return plain(self.objectives), joined(self.audience, self.duration, plain(self.content))


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
        context = super().get_context(request, *args, **kwargs)
        events = EventPage.objects.filter(pk__in=context["children"].values("pk"))
        context["upcoming"], context["past"] = events.upcoming(), events.past()
        return context


def _is_upcoming(today):
    """Not over yet on ``today`` (default: today): an event without an end date lasts one day."""
    today = today or timezone.localdate()
    return Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today)


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, *, today=None):
        """The events not over yet, soonest first."""
        return self.filter(_is_upcoming(today)).order_by("start_date")

    def past(self, *, today=None):
        """The events over, latest first."""
        return self.exclude(_is_upcoming(today)).order_by("-start_date")

    def upcoming_and_recent(self, *, limit=3, today=None):
        """The next events in the reader's language, soonest first, then the latest past ones: ``limit``
        in all, in one query (past events have no first sort key, and those sort last)."""
        soonest_upcoming = Case(When(_is_upcoming(today), then=F("start_date")))
        events = in_reader_language(self)
        return list(events.order_by(soonest_upcoming.asc(nulls_last=True), "-start_date")[:limit])


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
    search_kind = "event"
    parent_page_types = ["library_pages.EventIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(EventPageQuerySet)()

    class Meta:
        verbose_name = _("event")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["agenda_days"] = agenda_by_day(self.agenda_items.all())
        context["documents"] = DocumentPage.objects.readable_by(request.user).behind_links(self.linked_documents.all())
        return context

    def search_texts(self):
        agenda = [joined(item.title, item.speakers) for item in self.agenda_items.all()]
        return self.summary, joined(self.place, *agenda)

    def search_facets(self, translations):
        return {"type": self.search_kind, "date": self.start_date}


def agenda_by_day(items):
    """[(day, [items])], ordered as the editor ordered them within each day."""
    items = sorted(items, key=lambda item: (item.day, item.sort_order or 0))
    return [(day, list(day_items)) for day, day_items in groupby(items, key=lambda item: item.day)]


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
