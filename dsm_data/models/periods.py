import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .catalogue import Frequency


class Period(models.Model):
    """A reference period (2024, 2024-Q1, 2024-03) with its submission deadline.

    Entry stays open until ``lock_days`` after the deadline; then only a country
    with a ``PeriodLockException`` may still change its figures.
    """

    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices)
    code = models.CharField(_("code"), max_length=10, unique=True, help_text=_("2024, 2024-Q1 or 2024-03."))
    start = models.DateField(_("first day"))
    end = models.DateField(_("last day"))
    deadline = models.DateField(_("submission deadline"))
    lock_days = models.PositiveSmallIntegerField(
        _("days open after the deadline"),
        default=30,
        help_text=_("Entry locks this many days after the deadline."),
    )

    class Meta:
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        ordering = ["start", "frequency"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="period_ends_after_start"),
        ]

    def __str__(self):
        return self.code

    @property
    def locks_on(self):
        """The first day on which entry is closed."""
        return self.deadline + datetime.timedelta(days=self.lock_days + 1)


class PeriodLockException(models.Model):
    """Lets one country keep entering figures for a locked period, until a date."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="lock_exceptions")
    country = models.ForeignKey("dsm_data.Country", on_delete=models.CASCADE, related_name="lock_exceptions")
    until = models.DateField(_("open until"))
    reason = models.TextField(_("reason"))
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lock exception")
        verbose_name_plural = _("lock exceptions")
        constraints = [
            models.UniqueConstraint(fields=["period", "country"], name="lock_exception_unique"),
        ]

    def __str__(self):
        return _("%(country)s, %(period)s, open until %(date)s") % {
            "country": self.country,
            "period": self.period,
            "date": self.until,
        }
