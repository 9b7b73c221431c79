import django_tables2 as tables
from django.utils.translation import gettext_lazy as _


class ValueTable(tables.Table):
    """The data browser's columns, their sorting and paging.

    The template ``dsm_data/value_table.html`` writes the cells itself, straight from
    each value: django-tables2's per-cell rendering cost more than the query.
    """

    indicator = tables.Column(verbose_name=_("Indicator"), order_by=("indicator__sort_order", "indicator__code"))
    country = tables.Column(verbose_name=_("Country"), order_by=("country__code",))
    period = tables.Column(verbose_name=_("Period"), order_by=("period__start", "period__frequency"))
    breakdown = tables.Column(verbose_name=_("Breakdown"), empty_values=(), order_by=("series__sort_order",))
    number = tables.Column(verbose_name=_("Value"), empty_values=(), attrs={"td": {"class": "number"}})
    footnote = tables.Column(verbose_name=_("Note"), orderable=False)

    class Meta:
        attrs = {"class": "data"}
        template_name = "dsm_data/value_table.html"
        order_by = ("indicator", "country", "-period")

    def __init__(self, *args, labels, **kwargs):
        super().__init__(*args, **kwargs)
        self.labels = labels  # selectors.catalogue.CatalogueLabels
        self.history_urls = {}  # value pk -> its history page, set by the view for the page shown


def breakdown_label(series_key, category_names):
    """ "Female × Afghanistan" from "SEX=F.CITIZENSHIP=AFG" (a total is named as such)."""
    if not series_key:
        return ""
    return " × ".join(category_names.get(part, part) for part in series_key.split("."))
