import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .numbers import format_entry
from .translation import translated


class ValueTable(tables.Table):
    """The data browser's rows; labels come translated, numbers formatted as in the grid."""

    indicator = tables.Column(verbose_name=_("Indicator"), order_by=("indicator__sort_order", "indicator__code"))
    country = tables.Column(verbose_name=_("Country"), order_by=("country__code",))
    period = tables.Column(verbose_name=_("Period"), order_by=("period__start", "period__frequency"))
    breakdown = tables.Column(verbose_name=_("Breakdown"), empty_values=(), order_by=("series__sort_order",))
    number = tables.Column(verbose_name=_("Value"), empty_values=(), attrs={"td": {"class": "number"}})
    footnote = tables.Column(verbose_name=_("Note"), orderable=False)

    class Meta:
        attrs = {"class": "data"}
        template_name = "django_tables2/table.html"
        order_by = ("indicator", "country", "-period")

    def __init__(self, *args, category_names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.category_names = category_names or {}

    def render_indicator(self, record):
        return translated(record.indicator.name)

    def render_country(self, record):
        return translated(record.country.name)

    def render_period(self, record):
        return record.period.code

    def render_breakdown(self, record):
        return breakdown_label(record.series.key, self.category_names)

    def render_number(self, record):
        return format_html('<a href="{}">{}</a>', reverse("dsm_data:value", args=[record.pk]), format_entry(record))


def breakdown_label(series_key, category_names):
    """ "Female × Afghanistan" from "SEX=F.CITIZENSHIP=AFG" (a total is named as such)."""
    if not series_key:
        return ""
    return " × ".join(category_names.get(part, part) for part in series_key.split("."))
