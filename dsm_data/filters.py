import copy

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters import fields as filter_fields

from . import markup
from .models import TOTAL_CODE, Absence, Category, Country, Frequency, Indicator, Period, Series, Value
from .selectors.ordered_pages import Combinations
from .widgets import QuickCheckboxInput, QuickMultipleHiddenInput, QuickNumberInput, QuickSelect

LIST = QuickSelect(attrs={"size": 6}, multiple=True)
FIRST_YEAR, LAST_YEAR = 1900, 2100
YEAR = QuickNumberInput(attrs={"min": FIRST_YEAR, "max": LAST_YEAR, "size": 5})
# The rows shown while rows without a figure are hidden: a number, or an absence that says something.
SHOWN_BY_DEFAULT = Q(number__isnull=False) | Q(absence__in=[Absence.CONFIDENTIAL, Absence.NOT_APPLICABLE])
# The filters that narrow the combinations a page walks (``ValueFilter.combinations``), and the combinations
# made for their values in this process, at most MAX_KEPT_COMBINATIONS of them: the same for every page of a table.
COMBINATION_FILTERS = ("indicator", "country", "frequency", "year_from", "year_to", "period")
KEPT_COMBINATIONS = {}
MAX_KEPT_COMBINATIONS = 256


class SharedField:
    """A form field whose copies share all it holds: its widget, messages, validators and choices (the
    catalogue's names, the same for every form of a catalogue version: ``ValueFilter.get_form_class``).
    Django deep-copies every field for each form, in case a form changes them; no form of the data
    browser's does, and deep copies of its nine fields and their widgets were a third of its form's time."""

    def __deepcopy__(self, memo):
        return copy.copy(self)


class SharedChoiceField(SharedField, filter_fields.ChoiceField):
    """django-filter's choice field, shared by its copies."""


class SharedMultipleChoiceField(SharedField, filter_fields.MultipleChoiceField):
    """django-filter's multiple choice field, shared by its copies."""


class SharedIntegerField(SharedField, forms.IntegerField):
    """Django's whole number field, shared by its copies."""


class SharedNullBooleanField(SharedField, forms.NullBooleanField):
    """Django's switch of three states (django-filter's boolean filters' field), shared by its copies."""


class LightFilter:
    """A filter copied (for each filter set, as django-filter copies them) without copying what no filter set
    changes: its arguments and widget. Copying each filter whole took a quarter of the filter's time."""

    def __deepcopy__(self, memo):
        copied = copy.copy(self)
        copied.extra = dict(self.extra)
        if self.method is not None:
            copied.method = self.method  # the copy's method is looked up on the copy's filter set, not this one's
        return copied


class CodesFilter(LightFilter, django_filters.MultipleChoiceFilter):
    """Codes, any of those chosen: one condition ``IN`` them, where django-filter joins one for each code
    with OR (the same rows; building three conditions took twice as long as one)."""

    field_class = SharedMultipleChoiceField

    def filter(self, queryset, value):
        if not value:
            return queryset
        return queryset.filter(**{f"{self.field_name}__in": sorted(set(value))})


class ChoiceFilter(LightFilter, django_filters.ChoiceFilter):
    """One choice."""

    field_class = SharedChoiceField


class BooleanFilter(LightFilter, django_filters.BooleanFilter):
    """A switch."""

    field_class = SharedNullBooleanField


class YearFilter(LightFilter, django_filters.NumberFilter):
    """A whole year between FIRST_YEAR and LAST_YEAR: anything else is a form error, never a date out of range."""

    field_class = SharedIntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, min_value=FIRST_YEAR, max_value=LAST_YEAR, widget=YEAR, **kwargs)


def _period_choices():
    return [(code, code) for code in Period.objects.order_by("-start", "frequency").values_list("code", flat=True)]


class ValueFilter(django_filters.FilterSet):
    """The data browser's filters; every parameter is a code, so URLs read well and last.

    No filter can match a value twice (a series has one category per dimension),
    so none asks for DISTINCT, which would cost a sort of every matching row.
    """

    indicator = CodesFilter(field_name="indicator__code", label=_("Indicator"), widget=LIST, distinct=False)
    country = CodesFilter(field_name="country__code", label=_("Country"), widget=LIST, distinct=False)
    frequency = ChoiceFilter(
        field_name="period__frequency",
        label=_("Frequency"),
        choices=Frequency.choices,
        empty_label=_("Any"),
        widget=QuickSelect(),  # Django's select renders a template for each option
    )
    year_from = YearFilter(field_name="period__start__year", lookup_expr="gte", label=_("From year"))
    year_to = YearFilter(field_name="period__end__year", lookup_expr="lte", label=_("To year"))
    # Exact periods come from links (?period=2024); the form keeps them without listing every period.
    period = CodesFilter(
        field_name="period__code", choices=_period_choices, widget=QuickMultipleHiddenInput(), distinct=False
    )
    breakdown = CodesFilter(label=_("Breakdown"), method="filter_breakdown", widget=LIST, distinct=False)
    totals_only = BooleanFilter(label=_("Totals only"), method="filter_totals_only", widget=QuickCheckboxInput())
    # Unticked (the default), rows that hold no figure at all are left out of the page and its exports.
    empty_rows = BooleanFilter(
        label=_("Show rows without a figure (: not available, or not collected)"),
        method="filter_empty_rows",
        widget=QuickCheckboxInput(),
    )

    class Meta:
        model = Value
        fields = []

    def __init__(self, data, queryset, labels):
        """``labels``: selectors.catalogue.catalogue_labels(), read once for the page and reused here."""
        super().__init__(data, queryset=queryset)
        self.labels = labels

    def get_form_class(self):
        """The form of the catalogue's names in ``labels``: made once for them (for a catalogue version and
        a language) in this process, as the labels are, rather than its fields and choices for each page."""
        form_class = self.labels.derived.get("value_filter_form")
        if form_class is None:
            self.filters["indicator"].extra["choices"] = list(self.labels.indicators.items())
            self.filters["country"].extra["choices"] = list(self.labels.countries.items())
            self.filters["breakdown"].extra["choices"] = self.labels.breakdown_choices
            form_class = self.labels.derived["value_filter_form"] = super().get_form_class()
        return form_class

    def fields_html(self):
        """The form's fields as HTML (``markup.filter_fields``), their labels written once for the form's class."""
        return markup.filter_fields(self.form, self.labels.derived.setdefault("filter_labels", {}))

    def combinations(self):
        """(indicators, countries, periods) the filters leave, as querysets (``ordered_pages.Combinations``): the
        data browser's page walks their combinations in order (``selectors.ordered_pages``). Only a narrowing:
        the values are filtered again, by every filter, so these may hold more than the values' own, never fewer.

        Made once for the same values of the filters and kept in this process, their SQL with them: querysets
        never run, only compiled once (``Combinations.compiled``) and copied by the walk."""
        # Only the filters of the key are read: one left out of COMBINATION_FILTERS narrows less, never wrongly.
        data = {name: self.form.cleaned_data.get(name) for name in COMBINATION_FILTERS}
        key = tuple(tuple(value) if isinstance(value, list) else value for value in data.values())
        combinations = KEPT_COMBINATIONS.get(key)
        if combinations is None:
            if len(KEPT_COMBINATIONS) >= MAX_KEPT_COMBINATIONS:  # a bound on the memory of filters no longer asked
                KEPT_COMBINATIONS.clear()
            combinations = KEPT_COMBINATIONS[key] = Combinations(*self.filtered_combinations(data))
        return combinations

    @staticmethod
    def filtered_combinations(data):
        """(indicators, countries, periods) narrowed by the filters' cleaned ``data``."""
        indicators, countries, periods = Indicator.objects.all(), Country.objects.all(), Period.objects.all()
        if data.get("indicator"):
            indicators = indicators.filter(code__in=data["indicator"])
        if data.get("country"):
            countries = countries.filter(code__in=data["country"])
        if data.get("frequency"):
            periods = periods.filter(frequency=data["frequency"])
        if data.get("year_from") is not None:
            periods = periods.filter(start__year__gte=data["year_from"])
        if data.get("year_to") is not None:
            periods = periods.filter(end__year__lte=data["year_to"])
        if data.get("period"):
            periods = periods.filter(code__in=data["period"])
        return indicators, countries, periods

    def filter_breakdown(self, queryset, name, values):
        """Cells in any chosen category of a dimension, and in every dimension chosen:
        (female OR male) AND Afghanistan."""
        by_dimension = {}
        for value in values:
            dimension_code, category_code = value.split("=", 1)
            by_dimension.setdefault(dimension_code, []).append(category_code)
        for dimension_code, category_codes in by_dimension.items():
            categories = Category.objects.filter(dimension__code=dimension_code, code__in=category_codes)
            queryset = queryset.filter(series__in=Series.objects.filter(categories__in=categories))
        return queryset

    def filter_empty_rows(self, queryset, name, value):
        """Hides the rows that are only ":" or blank: a table of real data pulled from a source that fills
        every cell it lacks with ":" would otherwise open on pages of nothing. "c" and "z" stay: they
        say something (a figure withheld, a question that does not apply)."""
        if value:
            return queryset
        return queryset.filter(SHOWN_BY_DEFAULT)

    def filter_totals_only(self, queryset, name, value):
        """Totals in every dimension not chosen as a breakdown (all of them when none is)."""
        if not value:
            return queryset
        chosen = {item.split("=", 1)[0] for item in self.form.cleaned_data.get("breakdown") or []}
        if not chosen:
            return queryset.filter(series__is_grand_total=True)
        details = Category.objects.exclude(code=TOTAL_CODE).exclude(dimension__code__in=chosen)
        return queryset.exclude(series__in=Series.objects.filter(categories__in=details))
