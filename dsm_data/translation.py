"""Texts of the data catalogue, stored in every interface language in one JSON field.

Pages are translated with wagtail-localize (a page per language). Catalogue
records (countries, indicators, categories, national metadata) are referenced by
the data, so each stays one row and keeps its texts as {"en": "...", "ru": "..."}.
Forms show one input per language of settings.LANGUAGES: adding a language to the
settings adds the inputs, and the translators fill them in.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def joined(*texts):
    """The texts that are not blank, as paragraphs (what the models give the search)."""
    return "\n\n".join(text for text in texts if text and text.strip())


def all_languages(*fields):
    """Every language's text of translated fields ({language: text}), as paragraphs."""
    return joined(*[text for field in fields for text in (field or {}).values()])


def translated(texts, language=None):
    """The text in ``language`` (default: the active one), else the default language's, else any."""
    if not texts:
        return ""
    if isinstance(texts, str):
        return texts
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return texts.get(language) or texts.get(settings.LANGUAGE_CODE) or next(iter(texts.values()), "")


class TranslatedTextWidget(forms.MultiWidget):
    template_name = "dsm_data/widgets/translated_text.html"

    def __init__(self, multiline=False, attrs=None):
        widget_class = forms.Textarea if multiline else forms.TextInput
        widgets = {
            code: widget_class(attrs={"lang": code, "rows": 3} if multiline else {"lang": code})
            for code, _ in settings.LANGUAGES
        }
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code, _name in settings.LANGUAGES]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, (_code, language_name) in zip(context["widget"]["subwidgets"], settings.LANGUAGES, strict=True):
            subwidget["language_name"] = language_name
        return context


class TranslatedFormField(forms.MultiValueField):
    """One input per language; the default language's text is the one that is required."""

    def __init__(self, multiline=False, max_length=None, **kwargs):
        fields = [forms.CharField(required=False, max_length=max_length) for _ in settings.LANGUAGES]
        kwargs.setdefault("widget", TranslatedTextWidget(multiline=multiline))
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, values):
        return {
            code: value.strip()
            for (code, _name), value in zip(settings.LANGUAGES, values or [], strict=False)
            if value and value.strip()
        }

    def validate(self, value):
        if self.required and not (value or {}).get(settings.LANGUAGE_CODE):
            language_name = dict(settings.LANGUAGES)[settings.LANGUAGE_CODE]
            raise ValidationError(
                _("The %(language)s text is required.") % {"language": language_name}, code="required"
            )


class TranslatedField(models.JSONField):
    """A text in each language, as {"en": "...", "ru": "..."}; show it with ``translated()``."""

    def __init__(self, *args, multiline=False, max_length=None, **kwargs):
        self.multiline = multiline
        self.text_max_length = max_length
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.multiline:
            kwargs["multiline"] = True
        if self.text_max_length:
            kwargs["max_length"] = self.text_max_length
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, dict) or not all(isinstance(text, str) for text in value.values()):
            raise ValidationError(_("Expected a text for each language."), code="invalid")

    def formfield(self, **kwargs):
        return TranslatedFormField(
            multiline=self.multiline,
            max_length=self.text_max_length,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )
