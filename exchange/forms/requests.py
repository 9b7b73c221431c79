"""The requests' forms: a new request, and a reply with its files. What is allowed is decided by the services
(dsm_data.permissions.requests); the forms only read what was typed."""

from django import forms
from django.utils.translation import gettext_lazy as _

from dsm_data import permissions
from dsm_data.models import Indicator, Period
from dsm_data.selectors.catalogue import all_countries


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class FilesField(forms.FileField):
    """Several files in one field (Django's documented pattern); none is fine."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class RequestForm(forms.Form):
    countries = forms.MultipleChoiceField(label=_("To the states"), required=False, widget=forms.CheckboxSelectMultiple)
    to_secretariat = forms.BooleanField(label=_("To the secretariat"), required=False)
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 6}))
    indicator = forms.ModelChoiceField(
        label=_("About the indicator"),
        queryset=Indicator.objects.order_by("sort_order", "code"),
        to_field_name="code",
        required=False,
        empty_label=_("none in particular"),
    )
    period = forms.ModelChoiceField(
        label=_("About the period"),
        queryset=Period.objects.order_by("-start"),
        to_field_name="code",
        required=False,
        empty_label=_("none in particular"),
    )
    reply_by = forms.DateField(
        label=_("Reply wished by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    files = FilesField(label=_("Files"), required=False)

    def __init__(self, *args, own_country=None, is_secretariat=False, **kwargs):
        super().__init__(*args, **kwargs)
        if is_secretariat:
            del self.fields["to_secretariat"]
        self.countries_by_code = {
            country.code: country
            for country in all_countries()
            if permissions.can_receive_request(country) and country != own_country
        }
        self.fields["countries"].choices = [(code, str(country)) for code, country in self.countries_by_code.items()]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("countries") and not cleaned.get("to_secretariat", False):
            self.add_error("countries", _("Choose at least one other state, or the secretariat."))
        return cleaned

    def chosen_countries(self):
        return [self.countries_by_code[code] for code in self.cleaned_data["countries"]]


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}))
    files = FilesField(label=_("Files"), required=False)


class RequestFilterForm(forms.Form):
    """The list's filters: status (or overdue), a state sending or receiving, an indicator, dates sent."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    country = forms.ChoiceField(label=_("State"), required=False)
    indicator = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.order_by("sort_order", "code"),
        to_field_name="code",
        required=False,
        empty_label=_("any"),
    )
    sent_from = forms.DateField(label=_("Sent from"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sent_until = forms.DateField(label=_("Sent until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("any")), *statuses, ("overdue", _("Overdue"))]
        self.countries_by_code = {
            country.code: country for country in all_countries() if permissions.can_receive_request(country)
        }
        states = [(code, str(country)) for code, country in self.countries_by_code.items()]
        self.fields["country"].choices = [("", _("any")), *states]

    def filters(self):
        """The chosen filters as the selector's keywords; an invalid one is ignored (the form shows why)."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "status": data["status"],
            "country": self.countries_by_code.get(data["country"]),
            "indicator": data["indicator"],
            "sent_from": data["sent_from"],
            "sent_until": data["sent_until"],
        }
