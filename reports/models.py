"""A report asked for, and the file built for it.

A report is built once for its inputs (kind, country, years, format, language,
audience) and the data it read (``fingerprint``): asked again while nothing it
holds has changed, the same file is served; when something has, a new one is built.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dsm_data.files import private_storage


class ReportKind(models.TextChoices):
    COUNTRY = "country", _("Country report")
    REGION = "region", _("Annual statistics and policy trends")


class ReportFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel"


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be built")
    BUILDING = "building", _("Being built")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


def report_path(report, filename):
    return f"reports/{report.requested_at:%Y/%m}/{report.pk}-{filename}"


def year_span(first_year, last_year, *, separator="–"):
    """ "2024", or "2015–2024": a report's years as its pages, cover and file name write them."""
    return str(first_year) if first_year == last_year else f"{first_year}{separator}{last_year}"


class Report(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=ReportKind.choices)
    country = models.ForeignKey(
        "dsm_data.Country", verbose_name=_("country"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    first_year = models.PositiveSmallIntegerField(_("from year"))
    last_year = models.PositiveSmallIntegerField(_("to year"))
    file_format = models.CharField(_("format"), max_length=4, choices=ReportFormat.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # Whose reading the report holds: None is the public (what anyone may read), else this account's.
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # What the report read: a digest of the figures, metadata and documents it holds (services.reports).
    fingerprint = models.CharField(max_length=64)
    status = models.CharField(_("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    file = models.FileField(storage=private_storage, upload_to=report_path, max_length=200, blank=True)
    error = models.TextField(blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(last_year__gte=models.F("first_year")), name="report_years"),
            models.CheckConstraint(
                condition=models.Q(kind="country", country__isnull=False)
                | models.Q(kind="region", country__isnull=True, first_year=models.F("last_year")),
                name="report_country_or_one_year_of_the_region",
            ),
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="report_progress_is_a_share"),
        ]
        indexes = [
            models.Index(
                fields=["kind", "country", "first_year", "last_year", "file_format", "language", "fingerprint"],
                name="report_same_inputs",
            ),
        ]

    def __str__(self):
        years = year_span(self.first_year, self.last_year, separator="-")
        where = self.country.code if self.country_id else _("region")
        return f"{self.get_kind_display()} {where} {years} ({self.file_format}, {self.language})"

    @property
    def is_one_year(self):
        return self.first_year == self.last_year

    @property
    def years(self):
        return year_span(self.first_year, self.last_year)
