"""The e-library's filter form.

It imports nothing of the models: the library's pages build it (``models.library``)
and hand it every choice, so that the models package can use it without an import loop.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from dsm_data.widgets import QuickSelect

from .languages import language_name


class LibraryFilterForm(forms.Form):
    """The e-library's filters: GET parameters, so that a filtered list is a link."""

    section = forms.ChoiceField(label=_("Section"), required=False, widget=QuickSelect)
    country = forms.ChoiceField(label=_("Country"), required=False, widget=QuickSelect)
    type = forms.ChoiceField(label=_("Type"), required=False, widget=QuickSelect)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None, widget=QuickSelect)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=QuickSelect)

    def __init__(self, data, *, sections, countries, types, years, languages):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["section"].choices = everything + [(section.slug, section.title) for section in sections]
        self.fields["country"].choices = everything + [(country.code, str(country)) for country in countries]
        self.fields["type"].choices = everything + list(types)
        self.fields["year"].choices = everything + [(year, year) for year in years]
        self.fields["language"].choices = everything + [(code, language_name(code)) for code in languages]
