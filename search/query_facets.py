"""Metadata that readers type into the query: a year, a country's name, a document type.

"Казахстан беженцы 2009" means the 2009 Kazakh law on refugees, whose text names neither the year nor
the country: they are its facets. Each such word becomes a ``FacetTerm``, which the backends turn into
the condition "the text has these tokens OR the entry's facet equals this value" (``search.backends``).

The names are read in every language of the site (``Country.name``, the document types' labels), plus the
Ukrainian and Russian country names of pycountry's ISO 3166 catalogues, and go through the same tokens as
the query (``search.query.parse_query``), so every inflection the tokens fold together matches.
"""

import gettext
import re
from dataclasses import dataclass
from functools import cache

import pycountry
from django.conf import settings
from django.utils import translation

from dsm_data.models import Country
from library_pages.models import DocumentType

from .query import parse_query

YEAR = re.compile(r"^(19|20)\d\d$")
# Words of a country's official name that say nothing of which country it is.
GENERIC_NAME_WORDS = (
    "republic of the federation federal state kingdom democratic people's islamic united "
    "республика республики федерация государство демократическая народная исламская объединенные "
    "республіка республіки федерація держава демократична народна"
)
# Languages of pycountry's catalogues read beside the site's languages: the documents' languages.
PYCOUNTRY_LANGUAGES = ("ru", "uk")
# Words readers use for a document type that its label does not hold.
TYPE_SYNONYMS = {
    "law": ("кодекс", "code", "закон"),
    "regulation": ("постановление", "постанова", "положення", "правила"),
    "decree": ("указ",),
    "policy": ("концепция", "концепція", "стратегия", "стратегія", "strategy", "concept"),
}


@dataclass(frozen=True)
class FacetTerm:
    positions: tuple  # the query words it takes, by their index in ParsedQuery.words
    tokens: tuple  # their tokens: the text may hold them instead of the facet
    facet: str  # "year", "country" or "type"
    value: str  # the facet's value as the URL gives it: "2009", "KAZ", "law"


def facet_terms(parsed):
    """The metadata words of ``parsed`` (unquoted words only), longest names first, each word taken once."""
    names = _names(_countries_signature())
    taken, terms = set(), []
    words = parsed.words
    for start, word in enumerate(words):
        if word.quoted is None and YEAR.match(word.text):
            terms.append(FacetTerm((start,), (word.token,), "year", word.text))
            taken.add(start)
    for tokens, facet, value in names:
        for start in range(len(words) - len(tokens) + 1):
            positions = tuple(range(start, start + len(tokens)))
            if taken.intersection(positions) or any(words[number].quoted is not None for number in positions):
                continue
            if all(tokens[offset] in words[number].alternatives for offset, number in enumerate(positions)):
                terms.append(FacetTerm(positions, tokens, facet, value))
                taken.update(positions)
    return sorted(terms, key=lambda term: term.positions)


def _countries_signature():
    """What the cached names depend on: the countries (their codes and names)."""
    return tuple(
        (code, tuple(sorted(name.items())) if isinstance(name, dict) else ((settings.LANGUAGE_CODE, name),))
        for code, name in Country.objects.order_by("code").values_list("code", "name")
    )


def _tokens(name):
    generic = set(_tokens_of(GENERIC_NAME_WORDS))
    return tuple(token for token in _tokens_of(name) if token not in generic)


def _tokens_of(text):
    return [word.token for word in parse_query(text).words]


@cache
def _pycountry_names(code, language):
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return ()
    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return ()
    names = {country.name, getattr(country, "official_name", country.name)}
    return tuple(catalogue.gettext(name) for name in names)


@cache
def _names(countries):
    """[(tokens, facet, value)], longest first: every country name and document type word of every language."""
    found = set()
    for code, name in countries:
        translated = [text for _language, text in name if text]
        pycountry_names = [
            text for language in PYCOUNTRY_LANGUAGES + ("en",) for text in _pycountry_names(code, language)
        ]
        for text in translated + pycountry_names:
            tokens = _tokens(str(text))
            if tokens:
                found.add((tokens, "country", code))
    for language, _label in settings.LANGUAGES:
        with translation.override(language):
            for value, label in DocumentType.choices:
                tokens = tuple(_tokens_of(str(label)))
                if tokens:
                    found.add((tokens, "type", value))
    for value, words in TYPE_SYNONYMS.items():
        for word in words:
            found.add((tuple(_tokens_of(word)), "type", value))
    return sorted(found, key=lambda item: (-len(item[0]), item))
