"""What is measured: indicators, their breakdowns, and each country's national metadata.

A value is keyed by indicator x country x period x one category per dimension of
the indicator, as DHIS2 category combinations or SDMX series keys are: a
``Series`` is one such combination of categories for one indicator. Every
dimension has a total category (code ``_T``, as in SDMX), so a total and its
breakdown are series of the same indicator.
"""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from ..translation import TranslatedField, all_languages, joined, translated
from ..version_tokens import read_together

TOTAL_CODE = "_T"

code_validator = RegexValidator(r"^[A-Z0-9_]+$", _("Use capital letters, digits and underscores only."))


class Frequency(models.TextChoices):
    ANNUAL = "annual", _("Annual")
    QUARTERLY = "quarterly", _("Quarterly")
    MONTHLY = "monthly", _("Monthly")


class Confidentiality(models.TextChoices):
    """Who may read a value once it is published, from the widest to the narrowest."""

    PUBLIC = "public", _("Public")
    SHARED = "shared", _("Shared with participating states")
    NATIONAL = "national", _("National only")


class Dimension(models.Model):
    """A breakdown such as sex, age group or citizenship."""

    code = models.CharField(_("code"), max_length=30, unique=True, validators=[code_validator])
    name = TranslatedField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["code"]

    def __str__(self):
        return translated(self.name)


class Category(models.Model):
    """One item of a dimension (female, 18-34, Uzbekistan, ...), or its total (``_T``)."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="categories")
    code = models.CharField(_("code"), max_length=30, validators=[code_validator])
    name = TranslatedField(_("name"), max_length=200)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["dimension", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "code"], name="category_code_unique_in_dimension"),
        ]

    def __str__(self):
        return translated(self.name)

    @property
    def is_total(self):
        return self.code == TOTAL_CODE


class Indicator(ClusterableModel):
    code = models.CharField(_("code"), max_length=40, unique=True, validators=[code_validator])
    name = TranslatedField(_("name"), max_length=300)
    definition = TranslatedField(_("definition"), multiline=True, blank=True)
    unit = TranslatedField(_("unit of measure"), max_length=100)
    frequencies = models.JSONField(
        _("frequencies"),
        default=list,
        help_text=_("How often it is collected: any of annual, quarterly, monthly."),
    )
    default_confidentiality = models.CharField(
        _("default confidentiality"),
        max_length=10,
        choices=Confidentiality.choices,
        default=Confidentiality.SHARED,
    )
    change_warning_share = models.DecimalField(
        _("change that needs a comment"),
        max_digits=5,
        decimal_places=2,
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("A total that moves by more than this share from the previous period (0.5 = 50%) needs a comment."),
    )
    dimensions = models.ManyToManyField(Dimension, through="IndicatorDimension", related_name="indicators")
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    # What the portal's search finds it by (``search.indexing`` asks; plain data, nothing of the search).
    search_kind = "indicator"
    search_related = ()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return translated(self.name)

    def search_texts(self):
        """(title, summary, body) searched: every language's text together."""
        return all_languages(self.name), all_languages(self.definition), joined(self.code, all_languages(self.unit))

    def search_shown(self, language):
        """(title, summary, link) shown in ``language`` (the active language)."""
        url = reverse("dsm_data:indicator", args=[self.code])
        return translated(self.name, language), translated(self.definition, language), url

    def search_facets(self):
        return {}


class IndicatorDimension(Orderable):
    """A breakdown of an indicator; the first one in order gives the columns of its grid."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="indicator_dimensions")
    dimension = models.ForeignKey(Dimension, verbose_name=_("dimension"), on_delete=models.PROTECT, related_name="+")

    panels = [FieldPanel("dimension")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["indicator", "dimension"], name="indicator_dimension_unique"),
        ]

    def __str__(self):
        return f"{self.indicator_id}: {self.dimension_id}"


class Series(models.Model):
    """One cell of an indicator's grid: one category of each of its dimensions.

    ``key`` spells the categories as ``SEX=F.CITIZENSHIP=UZB`` in the indicator's
    dimension order (empty for an indicator without breakdown).
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="series")
    key = models.CharField(max_length=300)
    categories = models.ManyToManyField(Category, related_name="series")
    is_total = models.BooleanField(default=False, help_text=_("True when any of its categories is a total."))
    is_grand_total = models.BooleanField(default=False, help_text=_("True when all of its categories are totals."))
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        ordering = ["indicator", "sort_order"]
        constraints = [models.UniqueConstraint(fields=["indicator", "key"], name="series_key_unique")]

    def __str__(self):
        return f"{self.indicator.code} {self.key}".strip()


class ValidationRule(models.Model):
    """A declared check: within one dimension, the sum of some categories may not exceed others.

    E.g. for work permits, granted + refused <= applications, checked for every
    combination of the indicator's other dimensions.
    """

    class Severity(models.TextChoices):
        ERROR = "error", _("Error: blocks submission")
        WARNING = "warning", _("Warning: needs a comment")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="validation_rules")
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices, default=Severity.ERROR)
    left = models.ManyToManyField(Category, related_name="+", verbose_name=_("these categories together"))
    right = models.ManyToManyField(Category, related_name="+", verbose_name=_("may not exceed these"))
    message = TranslatedField(_("message"), max_length=300)

    class Meta:
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")

    def __str__(self):
        return translated(self.message)


class NationalMetadata(ClusterableModel):
    """How one country produces one indicator: what makes its figures comparable, or not.

    Its breaks in series (``breaks``) are edited with it: charts mark them, reports list them.
    """

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="national_metadata")
    country = models.ForeignKey("dsm_data.Country", on_delete=models.CASCADE, related_name="national_metadata")
    national_definition = TranslatedField(_("national definition"), multiline=True, blank=True)
    data_source = TranslatedField(_("data source"), multiline=True, blank=True)
    owner_institution = TranslatedField(_("owner institution"), multiline=True, blank=True)
    legal_basis = TranslatedField(_("legal basis"), multiline=True, blank=True)
    collection_method = TranslatedField(_("collection method"), multiline=True, blank=True)
    caveats = TranslatedField(_("caveats and breaks in series"), multiline=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    TEXT_FIELDS = [
        "national_definition",
        "data_source",
        "owner_institution",
        "legal_basis",
        "collection_method",
        "caveats",
    ]

    class Meta:
        verbose_name = _("national metadata")
        verbose_name_plural = _("national metadata")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "country"], name="national_metadata_unique"),
        ]

    # What the portal's search finds it by (``search.indexing`` asks; plain data, nothing of the search).
    search_kind = "metadata"
    search_related = ("indicator", "country")

    def __str__(self):
        return f"{self.indicator.code} / {self.country.code}"

    panels = [
        FieldPanel("indicator"),
        FieldPanel("country"),
        *(FieldPanel(name) for name in TEXT_FIELDS),
        InlinePanel("breaks", label=_("Breaks in series")),
    ]

    def search_texts(self):
        """(title, summary, body) searched. Shown as "Indicator: Country", but the indicator's name is
        body text: a query for a word of that name would otherwise rank every country's notes above
        the laws that use it."""
        other_texts = [getattr(self, name) for name in self.TEXT_FIELDS[1:]]
        return (
            all_languages(self.country.name),
            all_languages(self.national_definition),
            all_languages(self.indicator.name, *other_texts),
        )

    def search_shown(self, language):
        """(title, summary, link) shown in ``language`` (the active language): the country's row of the indicator."""
        indicator, country = self.indicator, self.country
        title = f"{translated(indicator.name, language)}: {translated(country.name, language)}"
        url = reverse("dsm_data:indicator", args=[indicator.code]) + f"#{country.code}"
        return title, translated(self.national_definition, language), url

    def search_facets(self):
        return {"country": self.country}


class SeriesBreak(Orderable):
    """A break in one country's series of one indicator: from ``period`` on, the figures are counted
    differently (a new law, a new register). Charts mark the period; reports list the note."""

    metadata = ParentalKey(NationalMetadata, on_delete=models.CASCADE, related_name="breaks")
    period = models.ForeignKey(
        "dsm_data.Period",
        verbose_name=_("first period counted the new way"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = TranslatedField(_("what changed"), multiline=True)

    class Meta(Orderable.Meta):
        verbose_name = _("break in series")
        verbose_name_plural = _("breaks in series")
        constraints = [
            models.UniqueConstraint(fields=["metadata", "period"], name="series_break_unique_per_period"),
        ]

    def __str__(self):
        return f"{self.metadata} / {self.period.code}"


@read_together  # with the pages' token: the data pages read both
class CatalogueVersion(models.Model):
    """One row whose token changes whenever the catalogue's names change (indicators, countries,
    dimensions, categories, national metadata).

    What every data page reads of the catalogue (``selectors.catalogue.catalogue_labels``) is kept in
    Django's cache under this token, so no process of the server reads it after a change:
    ``services.catalogue.catalogue_changed`` renews it on every save or deletion (``signals``), in the
    transaction of the change; a write that bypasses ``save()`` calls it itself.
    """

    token = models.UUIDField()

    def __str__(self):
        return str(self.token)
