from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DocumentType
from .models.documents import language_name


class LibraryFilterForm(forms.Form):
    """The e-library's filters: GET parameters, so that a filtered list is a link."""

    section = forms.ChoiceField(label=_("Section"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data, sections, countries, years, languages):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["section"].choices = everything + [(section.slug, section.title) for section in sections]
        self.fields["country"].choices = everything + [(country.code, str(country)) for country in countries]
        self.fields["type"].choices = everything + list(DocumentType.choices)
        self.fields["year"].choices = everything + [(year, year) for year in years]
        self.fields["language"].choices = everything + [(code, language_name(code)) for code in languages]
