import django_tables2 as tables
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .cells import Cell, format_entry
from .figure_notes import Notes


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
    unit = tables.Column(verbose_name=_("Unit"), empty_values=(), orderable=False)
    source = tables.Column(verbose_name=_("Source"), empty_values=(), orderable=False)

    class Meta:
        attrs = {"class": "data"}
        template_name = "dsm_data/value_table.html"
        order_by = ("indicator", "country", "-period")

    def __init__(self, *args, labels, **kwargs):
        super().__init__(*args, **kwargs)
        self.labels = labels  # selectors.catalogue.CatalogueLabels: names, units and sources
        self.notes = []  # the footnotes of the page shown, each once, in the order their marks are numbered

    def describe_page(self, history_urls):
        """Gives each row of the page shown the texts of its cells: names, the figure as typed, its history
        page, unit, source and footnote mark. The same footnote on several rows is one note with one number.

        Looked up here once a row rather than by the template: its lookups cost more than the query.
        """
        labels, notes, not_collected = self.labels, Notes(), gettext("not collected")
        for row in self.page.object_list:
            value = row.record
            indicator, country, footnote = value["indicator__code"], value["country__code"], value["footnote"]
            value["indicator_name"] = labels.indicators.get(indicator, indicator)
            value["country_name"] = labels.countries.get(country, country)
            value["breakdown_name"] = breakdown_label(value["series__key"], labels.categories)
            value["entry"] = format_entry(Cell.from_value(value)) or not_collected
            value["history_url"] = history_urls[value["pk"]]
            value["unit"] = labels.units.get(indicator, "")
            value["source"] = labels.sources.get((indicator, country), "")
            value["note_number"] = notes.number(footnote)
        self.notes = [text for _number, text in notes.listed()]


def breakdown_label(series_key, category_names):
    """ "Female × Afghanistan" from "SEX=F.CITIZENSHIP=AFG" (a total is named as such)."""
    if not series_key:
        return ""
    return " × ".join(category_names.get(part, part) for part in series_key.split("."))
