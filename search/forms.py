from django import forms
from django.utils.translation import gettext_lazy as _

from .backends import FACETS, ORDERS, Query

MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000


class SearchForm(forms.Form):
    """The GET parameters of the search page: the words, the facet filters, the order, the page."""

    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY_LENGTH, required=False)
    order = forms.ChoiceField(
        label=_("Order"),
        choices=[("relevance", _("Relevance")), ("date", _("Date"))],
        required=False,
    )
    page = forms.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        for name in FACETS:
            self.fields[name] = forms.CharField(max_length=255, required=False)
        self.fields["year"] = forms.IntegerField(min_value=1, max_value=9999, required=False)

    def to_query(self, per_page=10):
        data = self.cleaned_data
        return Query(
            text=data["q"].strip(),
            filters={name: str(data[name]) for name in FACETS if data.get(name) not in (None, "")},
            order=data["order"] if data["order"] in ORDERS else "relevance",
            page=data["page"] or 1,
            per_page=per_page,
        )
