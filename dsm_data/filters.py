import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import TOTAL_CODE, Category, Country, Frequency, Indicator, Period, Value
from .translation import translated

LIST = forms.SelectMultiple(attrs={"size": 6})
YEAR = forms.NumberInput(attrs={"min": 1900, "max": 2100, "size": 5})


def _indicator_choices():
    return [(indicator.code, translated(indicator.name)) for indicator in Indicator.objects.all()]


def _country_choices():
    return [(country.code, translated(country.name)) for country in Country.objects.all()]


def _period_choices():
    return [(code, code) for code in Period.objects.order_by("-start", "frequency").values_list("code", flat=True)]


def _category_choices():
    categories = Category.objects.exclude(code=TOTAL_CODE).select_related("dimension")
    grouped = {}
    for category in categories:
        grouped.setdefault(translated(category.dimension.name), []).append(
            (f"{category.dimension.code}={category.code}", translated(category.name))
        )
    return list(grouped.items())


class ValueFilter(django_filters.FilterSet):
    """The data browser's filters; every parameter is a code, so URLs read well and last.

    No filter can match a value twice (a series has one category per dimension),
    so none asks for DISTINCT, which would cost a sort of every matching row.
    """

    indicator = django_filters.MultipleChoiceFilter(
        field_name="indicator__code", label=_("Indicator"), choices=_indicator_choices, widget=LIST, distinct=False
    )
    country = django_filters.MultipleChoiceFilter(
        field_name="country__code", label=_("Country"), choices=_country_choices, widget=LIST, distinct=False
    )
    frequency = django_filters.ChoiceFilter(
        field_name="period__frequency", label=_("Frequency"), choices=Frequency.choices, empty_label=_("Any")
    )
    year_from = django_filters.NumberFilter(
        field_name="period__start__year", lookup_expr="gte", label=_("From year"), widget=YEAR
    )
    year_to = django_filters.NumberFilter(
        field_name="period__end__year", lookup_expr="lte", label=_("To year"), widget=YEAR
    )
    # Exact periods come from links (?period=2024); the form keeps them without listing every period.
    period = django_filters.MultipleChoiceFilter(
        field_name="period__code", choices=_period_choices, widget=forms.MultipleHiddenInput, distinct=False
    )
    breakdown = django_filters.MultipleChoiceFilter(
        label=_("Breakdown"), choices=_category_choices, method="filter_breakdown", widget=LIST, distinct=False
    )
    totals_only = django_filters.BooleanFilter(
        label=_("Totals only"), method="filter_totals_only", widget=forms.CheckboxInput
    )

    class Meta:
        model = Value
        fields = []

    def filter_breakdown(self, queryset, name, values):
        """Cells that are in every chosen category (female AND Afghanistan)."""
        for value in values:
            dimension_code, category_code = value.split("=", 1)
            queryset = queryset.filter(
                series__categories__dimension__code=dimension_code, series__categories__code=category_code
            )
        return queryset

    def filter_totals_only(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(series__is_grand_total=True)
