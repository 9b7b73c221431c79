"""The audit page's filters (a GET form) and its paging, bounded whatever the URL asks."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .selectors.audit import action_choices

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_NUMBER = 100_000
ADDRESS_PATTERN = re.compile(r"^[0-9A-Fa-f.:]+$")


class DateInput(forms.DateInput):
    input_type = "date"  # the browser's own date picker; plain text where there is none

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class AuditFilterForm(forms.Form):
    """Filters of the audit page. ``country_choices``: [(code, name)], or None to leave the country out."""

    action = forms.ChoiceField(label=_("Action"), required=False)
    user_name = forms.CharField(label=_("User name contains"), required=False, max_length=150)
    date_from = forms.DateField(label=_("From"), required=False, widget=DateInput())
    date_to = forms.DateField(label=_("To"), required=False, widget=DateInput())
    country = forms.ChoiceField(label=_("Country"), required=False)
    address = forms.CharField(
        label=_("Address"), required=False, max_length=45, help_text=_("An address, or its beginning.")
    )
    page = forms.IntegerField(
        label=_("Page"), required=False, min_value=1, max_value=MAX_PAGE_NUMBER, widget=forms.HiddenInput
    )
    per_page = forms.IntegerField(label=_("Entries per page"), required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, data=None, *, country_choices=None):
        super().__init__(data)
        self.fields["action"].choices = [("", _("Any action")), *action_choices()]
        if country_choices is None:
            del self.fields["country"]
        else:
            self.fields["country"].choices = [("", _("Any country")), *country_choices]

    def clean_address(self):
        address = self.cleaned_data["address"].strip()
        if address and not ADDRESS_PATTERN.match(address):
            raise ValidationError(_("Enter an address such as 192.0.2.10 or 2001:db8::1, or its beginning."))
        return address

    def clean_per_page(self):
        """Never more than DSM_MAX_PAGE_SIZE rows a page, whatever the URL asks: the CSV has them all."""
        size = self.cleaned_data["per_page"] or DEFAULT_PAGE_SIZE
        return min(size, settings.DSM_MAX_PAGE_SIZE)

    def clean_page(self):
        return self.cleaned_data["page"] or 1

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The end date comes before the start date."))
        return cleaned

    def filters(self):
        """The valid filters as keyword arguments of ``selectors.audit.audit_entries``."""
        data = self.cleaned_data
        return {
            "action": data["action"],
            "user_name": data["user_name"].strip(),
            "date_from": data["date_from"],
            "date_to": data["date_to"],
            "country_code": data.get("country", ""),
            "address": data["address"],
        }
