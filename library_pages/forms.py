from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .models import DocumentType
from .models.documents import language_name


class OptionsSelect(forms.Select):
    """A select that writes its options in Python: Django renders a template for every
    option, which took the e-library's index longer than its query for the documents."""

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            ((code, mark_safe(" selected") if str(code) in selected else "", label) for code, label in self.choices),
        )
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html("<select{}>\n{}\n</select>", flatatt(final_attrs), options)


class LibraryFilterForm(forms.Form):
    """The e-library's filters: GET parameters, so that a filtered list is a link."""

    section = forms.ChoiceField(label=_("Section"), required=False, widget=OptionsSelect)
    country = forms.ChoiceField(label=_("Country"), required=False, widget=OptionsSelect)
    type = forms.ChoiceField(label=_("Type"), required=False, widget=OptionsSelect)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None, widget=OptionsSelect)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=OptionsSelect)

    def __init__(self, data, sections, countries, years, languages):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["section"].choices = everything + [(section.slug, section.title) for section in sections]
        self.fields["country"].choices = everything + [(country.code, str(country)) for country in countries]
        self.fields["type"].choices = everything + list(DocumentType.choices)
        self.fields["year"].choices = everything + [(year, year) for year in years]
        self.fields["language"].choices = everything + [(code, language_name(code)) for code in languages]
