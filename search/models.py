"""The search index: one row per thing a reader can find, whatever the backend.

An entry stands for one page in all its translations (same ``translation_key``), or
one indicator, or one country's metadata of an indicator: so a hit is counted once in
results and facets, and is shown in the reader's language when that translation exists.
Its texts hold every live translation, so a query in either language finds it.

The full-text structure beside it depends on the database (``search.backends.database``):
an FTS5 table on SQLite, a ``tsvector`` column on PostgreSQL; Elasticsearch keeps its own index.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from dsm_data import permissions


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Library document")
        METHODOLOGY = "methodology", _("Methodology")
        TRAINING = "training", _("Training module")
        EVENT = "event", _("Event")
        COUNTRY = "country", _("Country profile")
        INDICATOR = "indicator", _("Indicator")
        METADATA = "metadata", _("National metadata")

    key = models.CharField(max_length=100, unique=True, help_text="page:<translation key>, indicator:<code>, ...")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # Facets.
    country = models.ForeignKey("dsm_data.Country", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    type = models.CharField(max_length=24, blank=True, help_text="The document type, else the kind.")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    language = models.CharField(max_length=12, blank=True, help_text="The language of a document's file.")
    section = models.CharField(max_length=255, blank=True, help_text="The slug of a document's library section.")
    date = models.DateField(null=True, blank=True)
    # Who may find it: ``permissions.readable_documents`` reads these two and ``country``.
    visibility = models.CharField(max_length=16, default=permissions.DOCUMENT_PUBLIC)
    updated_at = models.DateTimeField(auto_now=True)
    # Texts come last: SQLite then reads the facet columns above without following a long body's
    # overflow pages (a search reads them for every match). What is shown, per language: {"en": ..., "ru": ...}.
    titles = models.JSONField(default=dict)
    summaries = models.JSONField(default=dict)
    urls = models.JSONField(default=dict)
    # What is searched: every language's text together. Body is the file's text for documents.
    title = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return self.key


class SearchWord(models.Model):
    """A word form of the index's own vocabulary, for "Did you mean …?" (``search.suggestions``).

    ``word`` is the folded surface form (lower case, ё as е, look-alike letters unmixed). ``entries`` is
    approximate (how many stored entries had it): a suggestion is checked by a real, permission-trimmed search
    before it is offered, so a miscount never shows a word a reader may not find.
    """

    word = models.CharField(max_length=60, unique=True)
    script = models.CharField(max_length=8, help_text="cyrillic or latin")
    length = models.PositiveSmallIntegerField()
    entries = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["script", "length"], name="search_word_script_length")]

    def __str__(self):
        return self.word
