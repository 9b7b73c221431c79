"""Figures as countries deliver them: submissions, their values, and every change to both."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .catalogue import Confidentiality


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    VALIDATED = "validated", _("Validated")
    PUBLISHED = "published", _("Published")


EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)


class Channel(models.TextChoices):
    FORM = "form", _("Web form")
    EXCEL = "excel", _("Excel upload")
    PAPER = "paper", _("Paper form")
    API = "api", _("API")


class Absence(models.TextChoices):
    """Why a cell holds no number. A blank cell is not a zero, and not one of these either."""

    NOT_AVAILABLE = "not_available", _("Not available")
    CONFIDENTIAL = "confidential", _("Confidential")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class Submission(models.Model):
    """One country's figures for one period, moving draft -> submitted -> validated -> published."""

    country = models.ForeignKey("dsm_data.Country", on_delete=models.PROTECT, related_name="submissions")
    period = models.ForeignKey("dsm_data.Period", on_delete=models.PROTECT, related_name="submissions")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    release_at = models.DateTimeField(
        _("release time"), null=True, blank=True, help_text=_("Published figures are embargoed until then.")
    )
    validated_at = models.DateTimeField(_("last validated"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    missing_reason = models.TextField(
        _("why some figures were not collected"),
        blank=True,
        help_text=_("Given once, when a submission with cells or indicators left blank is submitted."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-period__start", "country__code"]
        constraints = [
            models.UniqueConstraint(fields=["country", "period"], name="submission_unique_per_country_period"),
        ]

    def __str__(self):
        return f"{self.country.code} {self.period.code}"

    @property
    def is_editable(self):
        return self.status in EDITABLE_STATUSES


class SubmissionIndicator(models.Model):
    """An indicator delivered in a submission, with who may read its values."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="submission_indicators")
    indicator = models.ForeignKey("dsm_data.Indicator", on_delete=models.PROTECT, related_name="+")
    confidentiality = models.CharField(_("confidentiality"), max_length=10, choices=Confidentiality.choices)

    class Meta:
        ordering = ["indicator__sort_order", "indicator__code"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "indicator"], name="submission_indicator_unique"),
        ]

    def __str__(self):
        return f"{self.submission} {self.indicator_id}"


class Transition(models.Model):
    """A step of a submission's workflow: who moved it, when, and why."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=Status.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.submission}: {self.from_status} -> {self.to_status}"


class Value(models.Model):
    """The current state of one cell; ``ValueRevision`` keeps every state it had.

    Country, period, indicator, confidentiality and release time repeat the
    submission's so that the data browser reads one table; only services write them.
    ``released_at`` is null until the submission is published.
    """

    # No index of their own for submission, indicator and country: each leads a composite index below
    # (the unique constraint, value_browse, value_country_series), which serves the same look-ups, and
    # every index more is paid on each of the 100,000 rows an upload inserts.
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values", db_index=False)
    series = models.ForeignKey("dsm_data.Series", on_delete=models.PROTECT, related_name="values")
    indicator = models.ForeignKey("dsm_data.Indicator", on_delete=models.PROTECT, related_name="+", db_index=False)
    country = models.ForeignKey("dsm_data.Country", on_delete=models.PROTECT, related_name="+", db_index=False)
    period = models.ForeignKey("dsm_data.Period", on_delete=models.PROTECT, related_name="+")
    number = models.DecimalField(_("value"), max_digits=18, decimal_places=3, null=True, blank=True)
    absence = models.CharField(_("missing because"), max_length=20, choices=Absence.choices, blank=True)
    is_provisional = models.BooleanField(_("provisional"), default=False)
    is_estimated = models.BooleanField(_("estimated"), default=False)
    footnote = models.TextField(_("footnote"), blank=True)
    comment = models.TextField(_("comment for the validator"), blank=True)
    confidentiality = models.CharField(max_length=10, choices=Confidentiality.choices)
    released_at = models.DateTimeField(null=True, blank=True)
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("value")
        verbose_name_plural = _("values")
        constraints = [
            models.UniqueConstraint(fields=["submission", "series"], name="value_unique_per_submission_series"),
            models.CheckConstraint(
                condition=models.Q(number__isnull=True) | models.Q(absence=""), name="value_number_or_absence"
            ),
        ]
        indexes = [
            models.Index(fields=["indicator", "period", "country"], name="value_browse"),
            models.Index(fields=["country", "indicator", "period"], name="value_country_series"),
        ]

    def __str__(self):
        shown = self.number if self.number is not None else self.absence
        return f"{self.series} {self.country_id} {self.period_id}: {shown}"


class ValueRevision(models.Model):
    """One state of a value: what it became, who set it, when, through which channel, and why."""

    # Its look-ups are served by value_revision_unique, which it leads.
    value = models.ForeignKey(Value, on_delete=models.CASCADE, related_name="revisions", db_index=False)
    revision = models.PositiveIntegerField()
    number = models.DecimalField(max_digits=18, decimal_places=3, null=True, blank=True)
    absence = models.CharField(max_length=20, choices=Absence.choices, blank=True)
    is_provisional = models.BooleanField(default=False)
    is_estimated = models.BooleanField(default=False)
    footnote = models.TextField(blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    reason = models.TextField(_("reason"), blank=True)
    is_correction = models.BooleanField(_("correction of a published value"), default=False)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)
    # The file that brought this state, so that its receipt lists every change it made.
    delivery = models.ForeignKey(
        "dsm_data.Delivery", on_delete=models.SET_NULL, null=True, blank=True, related_name="revisions"
    )

    class Meta:
        ordering = ["value", "revision"]
        constraints = [
            models.UniqueConstraint(fields=["value", "revision"], name="value_revision_unique"),
        ]

    def __str__(self):
        return f"{self.value_id} r{self.revision}"
