"""The portal's codes a long table's texts are read as, a mapping's recodes applied, and hints naming them.

``Codes`` is built once per file: it reads the catalogue (indicators, countries,
periods, each dimension's categories) in a few queries and answers each text from
memory. A country is found by ``countries.country_code`` (codes, M49, names in English
and Russian); so is a category of a dimension whose codes are countries (citizenship:
"Afghanistan" -> AFG). A category is also found by its name in any language.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import TOTAL_CODE, Country, Dimension, Indicator, Period
from . import countries
from .mapping import EVERY_OTHER, LEAVE_OUT


def text_key(text):
    """A text as recodes and names are compared: stripped, one space between words, any case."""
    return " ".join(str(text).split()).casefold()


@dataclass(frozen=True)
class Found:
    """What a text was read as: ``item`` (None if unknown), the code looked up, whether a recode gave it."""

    item: object = None
    code: str = ""
    recoded: bool = False
    left_out: bool = False  # a recode to LEAVE_OUT: the row is dropped


LEFT_OUT = Found(left_out=True, recoded=True)


class _DimensionCodes:
    """One dimension's categories by code, by name (any language) and, for a dimension of countries, by country."""

    def __init__(self, dimension, portal):
        self.dimension = dimension
        self.categories = list(dimension.categories.all())
        self.by_code = {category.code.upper(): category for category in self.categories}
        self.by_name = {}
        for category in self.categories:
            for name in (category.name or {}).values():
                self.by_name.setdefault(text_key(name), category)
        self.portal = portal
        codes = [category.code for category in self.categories if category.code != TOTAL_CODE]
        self.of_countries = bool(codes) and sum(_is_country_code(code) for code in codes) * 2 > len(codes)

    def find(self, text):
        if text == "":
            return self.by_code.get(TOTAL_CODE)
        found = self.by_code.get(text.upper()) or self.by_name.get(text_key(text))
        if found is None and self.of_countries:
            found = self.by_code.get(countries.country_code(text, portal=self.portal) or "")
        return found


def _is_country_code(code):
    return len(code) == 3 and code.isalpha() and countries.country_code(code, portal={}) == code.upper()


class Codes:
    """The catalogue's codes, looked up with a mapping's recodes (``{field: {text: code}}``)."""

    def __init__(self, recode=None):
        self.indicators = {indicator.code.upper(): indicator for indicator in Indicator.objects.all()}
        self.countries = {country.code: country for country in Country.objects.all()}
        self.periods = {period.code.upper(): period for period in Period.objects.all()}
        self.portal = countries.portal_names()
        self.dimensions = {
            dimension.code.upper(): _DimensionCodes(dimension, self.portal)
            for dimension in Dimension.objects.prefetch_related("categories")
        }
        self.recode = {
            name.upper() if name.upper() in self.dimensions else name: {
                text_key(text): code for text, code in texts.items()
            }
            for name, texts in (recode or {}).items()
        }
        self._found = {}

    def look_up(self, field, text):
        """The Found of ``text`` (stripped) read for ``field``: "indicator", "country", "period" or a dimension."""
        key = (field, text)
        if key not in self._found:
            self._found[key] = self._look_up(field, text)
        return self._found[key]

    def _look_up(self, field, text):
        recodes = self.recode.get(field, {})
        code = recodes.get(text_key(text)) if text else None
        if code is None:
            item = self.find(field, text)
            if item is not None or EVERY_OTHER not in recodes:
                return Found(item=item, code=text)
            code = recodes[EVERY_OTHER]
        if code == LEAVE_OUT:
            return LEFT_OUT
        return Found(item=self.find(field, code), code=code, recoded=code != text)

    def find(self, field, text):
        """The catalogue's item ``text`` names for ``field``, or None."""
        if field == "indicator":
            return self.indicators.get(text.upper())
        if field == "country":
            return self.countries.get(countries.country_code(text, portal=self.portal) or "")
        if field == "period":
            return self.periods.get(text.upper())
        dimension = self.dimensions.get(field)
        return dimension.find(text) if dimension else None

    def hint(self, field):
        """What ``field`` takes, for a problem's hint: the codes, the periods in runs, the countries."""
        if field == "indicator":
            return _("known indicators: %(codes)s") % {"codes": ", ".join(sorted(self.indicators))}
        if field == "country":
            return _("use ISO 3166 codes, M49 codes or country names; the portal's countries: %(codes)s") % {
                "codes": ", ".join(sorted(self.countries))
            }
        if field == "period":
            return period_hint(self.periods.values())
        dimension = self.dimensions.get(field)
        if dimension is None:
            return ""
        codes = [category.code for category in dimension.categories if category.code != TOTAL_CODE]
        return _("codes of %(dimension)s: %(codes)s (empty or %(total)s for the total)") % {
            "dimension": field,
            "codes": ", ".join(codes),
            "total": TOTAL_CODE,
        }

    def country_outside_the_portal(self, text):
        """The ISO code ``text`` names when it is a country the portal does not hold, else ""."""
        code = countries.country_code(text, portal=self.portal)
        return code if code and code not in self.countries else ""


PERIOD_HINTS = {
    "annual": lambda runs: _("known annual periods: %(periods)s") % {"periods": runs},
    "quarterly": lambda runs: _("known quarterly periods: %(periods)s") % {"periods": runs},
    "monthly": lambda runs: _("known monthly periods: %(periods)s") % {"periods": runs},
}


def period_hint(periods):
    """ "known annual periods: 2015–2025; known quarterly periods: 2024-Q1–2025-Q2", runs compressed."""
    by_frequency = {}
    for period in periods:
        by_frequency.setdefault(period.frequency, []).append(period.code)
    if not by_frequency:
        return _("the portal has no periods yet")
    parts = []
    for frequency, make in PERIOD_HINTS.items():
        if frequency in by_frequency:
            parts.append(make(period_runs(by_frequency.pop(frequency))))
    parts += [period_runs(codes) for codes in by_frequency.values()]
    return "; ".join(parts)


def _ordinal(code):
    """A period code's place in its frequency's sequence: 2024 -> 2024, 2024-Q1 -> 8097, 2024-03 -> 24291."""
    year, _dash, rest = code.partition("-")
    if not year.isdigit():
        return None
    if not rest:
        return int(year)
    if rest[:1] in "Qq" and rest[1:].isdigit():
        return int(year) * 4 + int(rest[1:]) - 1
    return int(year) * 12 + int(rest) - 1 if rest.isdigit() else None


def period_runs(codes):
    """Codes of one frequency with consecutive ones joined: ["2015", "2016", "2017", "2020"] -> "2015–2017, 2020"."""
    ordered = sorted(codes, key=lambda code: (_ordinal(code) is None, _ordinal(code) or 0, code))
    runs = []
    for code in ordered:
        ordinal = _ordinal(code)
        if runs and ordinal is not None and runs[-1][2] is not None and ordinal == runs[-1][2] + 1:
            runs[-1] = (runs[-1][0], code, ordinal)
        else:
            runs.append((code, code, ordinal))
    return ", ".join(first if first == last else f"{first}–{last}" for first, last, _ordinal_ in runs)
