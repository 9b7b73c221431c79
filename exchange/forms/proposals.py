"""The proposals' forms: a proposal (new indicator or change), a comment, a decline. What is allowed and what
clashes with the catalogue is decided by the services (exchange.services.proposals); the forms read what was
typed, and the new breakdowns' lines into data."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dsm_data.models import Confidentiality, Dimension, Frequency
from dsm_data.translation import TranslatedFormField

from ..models import ProposalStatus


def breakdowns_help():
    languages = " | ".join(name for _code, name in settings.LANGUAGES)
    return _(
        "One breakdown per line as “CODE: %(languages)s”, then its categories, one per line, each starting "
        "with a dash: “- CODE: %(languages)s”. Codes: capital letters, digits and underscores. The total is "
        "added by itself."
    ) % {"languages": languages}


class ProposalForm(forms.Form):
    code = forms.CharField(label=_("Code"), max_length=40, help_text=_("E.g. WORK_PERMITS_SEASONAL."))
    name = TranslatedFormField(label=_("Name of the indicator"), max_length=300)
    definition = TranslatedFormField(label=_("Definition"), multiline=True)
    unit = TranslatedFormField(label=_("Unit of measure"), max_length=100)
    dimensions = forms.MultipleChoiceField(
        label=_("Existing breakdowns"), required=False, widget=forms.CheckboxSelectMultiple
    )
    new_breakdowns = forms.CharField(
        label=_("New breakdowns"), required=False, widget=forms.Textarea(attrs={"rows": 6, "lang": "zxx"})
    )
    frequencies = forms.MultipleChoiceField(
        label=_("Frequency"), choices=Frequency.choices, widget=forms.CheckboxSelectMultiple
    )
    default_confidentiality = forms.ChoiceField(
        label=_("Default confidentiality"), choices=Confidentiality.choices, initial=Confidentiality.SHARED
    )
    explanation = forms.CharField(
        label=_("Why"), required=False, widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the indicator would show, and who collects it."),
    )  # fmt: skip

    def __init__(self, *args, indicator=None, **kwargs):
        self.indicator = indicator
        if indicator is not None and not kwargs.get("data") and not (args and args[0]):
            links = indicator.indicator_dimensions.select_related("dimension")
            kwargs["initial"] = {
                "name": indicator.name,
                "definition": indicator.definition,
                "unit": indicator.unit,
                "dimensions": [link.dimension.code for link in links],
                "frequencies": indicator.frequencies,
                "default_confidentiality": indicator.default_confidentiality,
            }
        super().__init__(*args, **kwargs)
        dimensions = Dimension.objects.prefetch_related("categories")
        self.fields["dimensions"].choices = [
            (dimension.code, f"{dimension.code}: {dimension} ({', '.join(map(str, dimension.categories.all()))})")
            for dimension in dimensions
        ]
        self.fields["new_breakdowns"].help_text = breakdowns_help()
        if indicator is not None:
            del self.fields["code"]  # a change keeps the indicator's code: figures, files and links use it

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()

    def clean_new_breakdowns(self):
        return parse_breakdowns(self.cleaned_data["new_breakdowns"])

    def proposal_fields(self):
        """The service's keyword arguments (``exchange.services.proposals.propose``)."""
        data = self.cleaned_data
        return {
            "indicator": self.indicator,
            "code": self.indicator.code if self.indicator else data["code"],
            "name": data["name"],
            "definition": data["definition"],
            "unit": data["unit"],
            "dimension_codes": data["dimensions"],
            "new_dimensions": data["new_breakdowns"],
            "frequencies": data["frequencies"],
            "default_confidentiality": data["default_confidentiality"],
            "explanation": data["explanation"],
        }


def parse_breakdowns(text):
    """[{"code", "name": {language: text}, "categories": [{"code", "name"}]}] from the lines typed.

    A line "CODE: name | name" starts a breakdown, a line "- CODE: name | name" adds it a category; a name
    is given for each language of the portal, in the order of settings.LANGUAGES.
    """
    breakdowns, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        is_category = line.startswith("-")
        code, names, error = _parse_line(line.lstrip("-").strip())
        if error:
            errors.append(_("Line %(number)s: %(error)s") % {"number": number, "error": error})
        elif is_category and not breakdowns:
            errors.append(_("Line %(number)s: a category comes after its breakdown.") % {"number": number})
        elif is_category:
            breakdowns[-1]["categories"].append({"code": code, "name": names})
        else:
            breakdowns.append({"code": code, "name": names, "categories": []})
    if errors:
        raise ValidationError(errors)
    return breakdowns


def _parse_line(line):
    """(code, {language: name}, error) of "CODE: name | name"."""
    code, colon, names = line.partition(":")
    languages = [language for language, _name in settings.LANGUAGES]
    texts = [name.strip() for name in names.split("|")]
    if not colon or not code.strip():
        return None, None, _("write “CODE: names”.")
    if len(texts) != len(languages) or not all(texts):
        expected = " | ".join(name for _code, name in settings.LANGUAGES)
        return None, None, _("give a name in each language (%(languages)s).") % {"languages": expected}
    return code.strip().upper(), dict(zip(languages, texts, strict=True)), None


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 4}))


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Told to the proposing state and to those who supported it."),
        error_messages={"required": _("Say why the proposal is declined.")},
    )  # fmt: skip


class StatusFilter(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("any")), *ProposalStatus.choices])
