"""What a report is asked for with, checked once for the page and the command alike.

Each refusal says what is wrong, where, and what is allowed: the years the portal has
periods for, the countries by code.
"""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from dsm_data.models import Country
from dsm_data.translation import translated

from . import selectors
from .models import ReportFormat, ReportKind


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=ReportKind.choices, widget=forms.RadioSelect)
    # Text, not a choice: an unknown code gets our message, with the codes there are.
    country = forms.CharField(
        label=_("Country"), required=False, widget=forms.Select, help_text=_("For a country report.")
    )
    first_year = forms.IntegerField(label=_("From year"), required=False, help_text=_("For a country report."))
    last_year = forms.IntegerField(label=_("To year"), required=False, help_text=_("For a country report."))
    year = forms.IntegerField(label=_("Year"), required=False, help_text=_("For the regional report."))
    file_format = forms.ChoiceField(label=_("Format"), choices=ReportFormat.choices, widget=forms.RadioSelect)
    language = forms.ChoiceField(label=_("Language of the report"), choices=settings.LANGUAGES)
    as_public = forms.BooleanField(
        label=_("As the public reads it"),
        required=False,
        help_text=_("Only published figures and documents open to everyone: a report you may pass on."),
    )

    def __init__(self, data=None, *, user, **kwargs):
        kwargs.setdefault("initial", {})
        super().__init__(data, **kwargs)
        self.countries = {country.code: country for country in Country.objects.all()}
        self.fields["country"].widget.choices = [("", "—")] + [
            (code, f"{translated(country.name)} ({code})") for code, country in self.countries.items()
        ]
        self.first, self.last = selectors.year_range()
        if self.first is not None:
            default = min(selectors.latest_public_year() or self.last, self.last)
            for name in ("first_year", "last_year", "year"):
                self.fields[name].widget.attrs.update({"min": self.first, "max": self.last})
            self.initial.setdefault("first_year", max(self.first, default - 9))
            self.initial.setdefault("last_year", default)
            self.initial.setdefault("year", default)
        self.initial.setdefault("kind", ReportKind.COUNTRY)
        self.initial.setdefault("file_format", ReportFormat.PDF)
        self.initial.setdefault("language", (get_language() or settings.LANGUAGE_CODE).split("-")[0])
        for name, choices in (("file_format", ReportFormat.choices), ("language", settings.LANGUAGES)):
            self.fields[name].error_messages["invalid_choice"] = _(
                "“%(value)s” is not offered: use one of {choices}."
            ).format(choices=", ".join(code for code, _label in choices))
        if not user.is_authenticated:
            del self.fields["as_public"]  # an anonymous reader's report is the public's anyway

    def clean_country(self):
        code = (self.cleaned_data.get("country") or "").strip().upper()
        if code and code not in self.countries:
            raise forms.ValidationError(
                _("Unknown country “%(code)s”: use one of %(codes)s."),
                params={"code": code, "codes": ", ".join(self.countries)},
                code="unknown_country",
            )
        return self.countries.get(code)

    def clean(self):
        data = super().clean()
        if self.first is None:
            raise forms.ValidationError(_("The portal has no yearly periods yet: there is nothing to report."))
        if data.get("kind") == ReportKind.REGION:
            self._check_year("year", data.get("year"))
            if data.get("year") is not None and not selectors.year_period(data["year"]):
                self.add_error("year", _("There is no yearly period %(year)s.") % {"year": data["year"]})
        elif data.get("kind") == ReportKind.COUNTRY:
            if "country" not in self.errors and data.get("country") is None:
                self.add_error("country", _("Choose the country of the report."))
            first_ok = self._check_year("first_year", data.get("first_year"))
            last_ok = self._check_year("last_year", data.get("last_year"))
            if first_ok and last_ok and data["first_year"] > data["last_year"]:
                self.add_error(
                    "last_year",
                    _("The last year (%(last)s) comes before the first (%(first)s).")
                    % {"first": data["first_year"], "last": data["last_year"]},
                )
        return data

    def _check_year(self, name, year):
        if name in self.errors:
            return False
        if year is None:
            self.add_error(name, _("Give a year between %(first)s and %(last)s.") % self._range())
            return False
        if not self.first <= year <= self.last:
            message = _("%(year)s is outside the years the portal holds: give a year between %(first)s and %(last)s.")
            self.add_error(name, message % {"year": year, **self._range()})
            return False
        return True

    def _range(self):
        return {"first": self.first, "last": self.last}

    def report_inputs(self):
        """The keyword arguments of ``services.request_report`` from the cleaned form."""
        data = self.cleaned_data
        is_region = data["kind"] == ReportKind.REGION
        return {
            "kind": data["kind"],
            "country": None if is_region else data["country"],
            "first_year": data["year"] if is_region else data["first_year"],
            "last_year": data["year"] if is_region else data["last_year"],
            "file_format": data["file_format"],
            "language": data["language"],
            "as_public": data.get("as_public", False),
        }
