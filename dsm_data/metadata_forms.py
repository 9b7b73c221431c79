"""The portal's form of a country's national metadata: each text in each language, grouped by language."""

from django import forms
from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import NationalMetadata

TEXT_FIELDS = NationalMetadata.TEXT_FIELDS
# A long methodological note fits; a pasted document does not (it belongs in the library).
MAX_TEXT_LENGTH = 10000


class NationalMetadataForm(forms.Form):
    """One text area per text field per language of settings.LANGUAGES (``<field>_<language>``), and an
    optional note of what changed, kept with the version."""

    note = forms.CharField(
        label=_("What changed (optional)"),
        required=False,
        max_length=300,
        help_text=_("A short note kept with this version, e.g. “New law on migration statistics, 2025”."),
    )

    def __init__(self, *args, metadata=None, **kwargs):
        initial = {}
        for name in TEXT_FIELDS:
            texts = getattr(metadata, name) if metadata else {}
            for code, _language_name in settings.LANGUAGES:
                initial[f"{name}_{code}"] = (texts or {}).get(code, "")
        super().__init__(*args, initial=initial, **kwargs)
        note = self.fields.pop("note")
        for code, language_name in settings.LANGUAGES:
            for name in TEXT_FIELDS:
                label = capfirst(NationalMetadata._meta.get_field(name).verbose_name)
                self.fields[f"{name}_{code}"] = forms.CharField(
                    label=f"{label} ({language_name})",
                    required=False,
                    max_length=MAX_TEXT_LENGTH,
                    widget=forms.Textarea(attrs={"lang": code, "rows": 4}),
                )
        self.fields["note"] = note

    def language_groups(self):
        """[(language code, language name, [bound fields])], in the settings' order: one fieldset each."""
        return [
            (code, language_name, [self[f"{name}_{code}"] for name in TEXT_FIELDS])
            for code, language_name in settings.LANGUAGES
        ]

    def texts(self):
        """{field: {language: text}} as typed (the service cleans and compares them)."""
        return {
            name: {code: self.cleaned_data[f"{name}_{code}"] for code, _language_name in settings.LANGUAGES}
            for name in TEXT_FIELDS
        }
