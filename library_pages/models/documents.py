"""The e-library's documents, and the file model behind them (its index and sections: ``library``)."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from dsm_data import permissions
from dsm_data.files import private_storage
from dsm_data.translation import joined

from ..languages import language_name, language_of
from ..page_trees import in_reader_language
from .base import BasePage, refuse

LANGUAGE_CODE_PATTERN = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")


class LibraryDocument(AbstractDocument):
    """Wagtail's document, kept in the private storage: no file of the library has a public URL.

    Files are sent by ``library_pages.views.document_file`` (and Wagtail's own serve
    view, through the ``before_serve_document`` hook) after the permission check.
    ``extracted_text`` is filled by the full-text search, which reads the file.
    """

    class Extraction(models.TextChoices):
        PENDING = "pending", _("Pending")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        UNSUPPORTED = "unsupported", _("Unsupported file type")

    file = models.FileField(_("file"), upload_to="documents", storage=private_storage)
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    extraction_status = models.CharField(
        _("text extraction"), max_length=12, choices=Extraction.choices, default=Extraction.PENDING, editable=False
    )
    extraction_error = models.TextField(_("text extraction error"), blank=True, editable=False)

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document file")
        verbose_name_plural = _("document files")


class DocumentType(models.TextChoices):
    LAW = "law", _("Law")
    DECREE = "decree", _("Decree")
    REGULATION = "regulation", _("Regulation")
    POLICY = "policy", _("Policy paper")
    STATISTICAL_REPORT = "statistical-report", _("Statistical report")
    PUBLICATION = "publication", _("Publication")
    AGENDA = "agenda", _("Agenda")
    MINUTES = "minutes", _("Minutes")
    TRAINING = "training", _("Training material")


class Visibility(models.TextChoices):
    """Who may read a document and its file; the rule is ``permissions.can_read_document``."""

    PUBLIC = permissions.DOCUMENT_PUBLIC, _("Public")
    PARTICIPATING = permissions.DOCUMENT_PARTICIPATING, _("Participating states")
    NATIONAL = permissions.DOCUMENT_NATIONAL, _("One country only")


def validate_language_code(value):
    if not LANGUAGE_CODE_PATTERN.match(value or ""):
        raise ValidationError(_("Enter a language code such as “en” or “ru”."), code="invalid")


def validate_visibility(visibility, country):
    """A document for one country only names that country (``country``: the country or its key)."""
    if visibility == Visibility.NATIONAL and country is None:
        raise ValidationError({"visibility": _("A document for one country only needs a country.")})


def _choice_label(choices, value):
    """The label of ``value`` among the ``choices`` enumeration, or ``value`` itself, as ``get_FOO_display``."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


class DocumentPageQuerySet(PageQuerySet):
    """Reads of library documents; every listing goes through ``readable_by`` before it is
    counted or paginated, so a count or a page number never reveals a hidden document."""

    def readable_by(self, user):
        """Live documents ``user`` may read, one per document, in the reader's language."""
        return permissions.readable_documents(user, in_reader_language(self)).select_related("country")

    def in_listing_order(self):
        return self.order_by(*self.model.LISTING_ORDER)

    def behind_links(self, links):
        """These documents behind ``links`` (to any translation), in the links' order.

        Two queries whatever the number of links: the linked pages' translation keys, then
        these documents with those keys (on ``readable_by``: each in the reader's language,
        or in the default language while it has no live translation).
        """
        linked_ids = [link.document_page_id for link in links]
        if not linked_ids:
            return []
        keys = dict(self.model.objects.filter(pk__in=linked_ids).values_list("pk", "translation_key"))
        documents = (
            self.filter(translation_key__in=list(keys.values()))
            # The links offer the file; its extracted text can weigh 50 KB a document.
            .select_related("document")
            .defer("document__extracted_text")
        )
        found = {page.translation_key: page for page in documents}
        return [found[keys[page_id]] for page_id in linked_ids if keys.get(page_id) in found]


# From the widest to the narrowest: translations that disagree are searched as the narrowest.
VISIBILITY_ORDER = [Visibility.PUBLIC, Visibility.PARTICIPATING, Visibility.NATIONAL]


class DocumentPage(BasePage):
    """A legal or policy document: its facts, a summary, and its file or an external link."""

    document_type = models.CharField(_("type"), max_length=20, choices=DocumentType.choices)
    country = models.ForeignKey(
        "dsm_data.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Leave empty for a regional or international body."),
    )
    issuing_body = models.CharField(_("issuing body"), max_length=300, blank=True)
    date = models.DateField(_("date adopted or published"), null=True, blank=True)
    language = models.CharField(
        _("language of the file"),
        max_length=12,
        default=settings.LANGUAGE_CODE,
        validators=[validate_language_code],
        help_text=_("A language code: en, ru, kk, ..."),
    )
    topics = models.CharField(_("topics"), max_length=500, blank=True, help_text=_("Separated by semicolons."))
    summary = models.TextField(_("summary"), blank=True)
    document = models.ForeignKey(
        LibraryDocument,
        verbose_name=_("file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_url = models.URLField(_("external link"), blank=True)
    visibility = models.CharField(_("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC)
    # The page's title, copied by ``save()``: the listings sort on it with the date, and
    # one index can cover both only if both are columns of this table.
    sort_title = models.CharField(max_length=255, blank=True, default="", editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("document_type"),
                FieldPanel("country"),
                FieldPanel("issuing_body"),
                FieldPanel("date"),
                FieldPanel("language"),
                FieldPanel("topics"),
            ],
            heading=_("Facts"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("document"), FieldPanel("external_url")], heading=_("File or link")),
        FieldPanel("visibility"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("issuing_body"),
        index.SearchField("topics"),
        index.FilterField("visibility"),
        index.FilterField("country"),
        index.FilterField("document_type"),
        index.FilterField("date"),
    ]
    parent_page_types = ["library_pages.LibrarySectionPage"]
    subpage_types = []
    search_kind = "document"

    objects = PageManager.from_queryset(DocumentPageQuerySet)()

    class Meta:
        verbose_name = _("library document")
        ordering = ["-date"]
        # The listings' order, ``LISTING_ORDER``: a page of the e-library walks this
        # index and stops after its rows, instead of sorting every readable document.
        indexes = [models.Index(fields=["-date", "sort_title"], name="library_document_order")]

    # Newest first, then by title: every listing of documents.
    # Undated documents last on every database (PostgreSQL puts NULL first when descending).
    LISTING_ORDER = (models.F("date").desc(nulls_last=True), "sort_title", "pk")

    def save(self, *args, **kwargs):
        self.sort_title = self.title
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_title"}
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        validate_visibility(self.visibility, self.country_id)
        if self.document_id is None and not self.external_url:
            raise ValidationError({"document": _("Give a file or an external link.")})

    # Django's get_FOO_display hashes every choice's lazy label, so translates each of
    # them, for every document of a listing: these translate one.
    def get_document_type_display(self):
        return _choice_label(DocumentType, self.document_type)

    def get_visibility_display(self):
        return _choice_label(Visibility, self.visibility)

    @property
    def topic_list(self):
        return [topic.strip() for topic in self.topics.split(";") if topic.strip()]

    @property
    def language_name(self):
        return language_name(self.language)

    @property
    def file_url(self):
        """Our permission-checked download, never a media URL."""
        if self.document_id is None:
            return ""
        return reverse("library_document_file", args=[self.pk, self.document.filename])

    def search_texts(self):
        return self.summary, joined(self.issuing_body, self.topics)

    def search_facets(self, translations):
        return {
            "type": self.document_type,
            "country": self.country,
            "date": self.date,
            "language": self.language,
            "section": self.get_parent().slug,
            "visibility": max((page.visibility for page in translations), key=VISIBILITY_ORDER.index),
        }

    @classmethod
    def search_leading_texts(cls, translations):
        # The file's text first: a snippet shows the body's first match, better a sentence than a topic list.
        files = {page.document_id: page.document for page in translations if page.document_id}
        return [document.extracted_text for document in files.values()]

    def is_shown_untranslated(self, reader_language):
        # A page in the document's own language is the original, not a missing translation.
        if language_of(self) == self.language.split("-")[0]:
            return False
        return super().is_shown_untranslated(reader_language)

    def is_readable_by(self, user):
        return permissions.can_read_document(user, self.visibility, self.country)

    def serve(self, request, *args, **kwargs):
        if not self.is_readable_by(request.user):
            return refuse(request)
        return super().serve(request, *args, **kwargs)
