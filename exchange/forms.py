"""The requests' forms: a new request, and a reply with its files. What is allowed is decided by the services
(dsm_data.permissions.requests); the forms only read what was typed."""

from django import forms
from django.utils.translation import gettext_lazy as _

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
    reply_by = forms.DateField(
        label=_("Reply wished by"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    files = FilesField(label=_("Files"), required=False)

    def __init__(self, *args, own_country=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.countries_by_code = {
            country.code: country for country in all_countries() if country.is_participating and country != own_country
        }
        self.fields["countries"].choices = [(code, str(country)) for code, country in self.countries_by_code.items()]

    def chosen_countries(self):
        return [self.countries_by_code[code] for code in self.cleaned_data["countries"]]


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}))
    files = FilesField(label=_("Files"), required=False)
