"""The six indicators of the seed's Annex 10, their breakdowns and rules, in en and ru (data/catalogue.json)."""

from django.db import transaction

from dsm_data.models import Category, Confidentiality, Frequency, ValidationRule
from dsm_data.services.catalogue import save_dimension, save_indicator

from .tables import read


def _save_rule(indicators, rule):
    """A validation rule (left side at most the right side), unless its indicator has one already."""
    indicator = indicators[rule["indicator"]]
    if ValidationRule.objects.filter(indicator=indicator).exists():
        return
    saved = ValidationRule.objects.create(indicator=indicator, message=rule["message"])
    categories = Category.objects.filter(dimension__code=rule["dimension"])
    saved.left.set(categories.filter(code__in=rule["left"]))
    saved.right.set(categories.filter(code__in=rule["right"]))


@transaction.atomic
def load_catalogue():
    data = read("catalogue")
    for dimension in data["dimensions"]:
        categories = [(category["code"], category["name"]) for category in dimension["categories"]]
        save_dimension(dimension["code"], name=dimension["name"], categories=categories)
    indicators = [
        save_indicator(
            sort_order=order,
            **{
                **definition,
                "frequencies": [Frequency(value) for value in definition["frequencies"]],
                "default_confidentiality": Confidentiality(definition["default_confidentiality"]),
            },
        )
        for order, definition in enumerate(data["indicators"], start=1)
    ]
    by_code = {indicator.code: indicator for indicator in indicators}
    for rule in data["rules"]:
        _save_rule(by_code, rule)
    return indicators
