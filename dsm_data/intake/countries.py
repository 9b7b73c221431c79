"""A country's ISO 3166 alpha-3 code from whatever a publisher wrote for it.

``country_code`` reads ISO alpha-3 and alpha-2 codes, UN M49 numeric codes ("51",
"051", 51.0) and names in English and Russian with their common variants, from
pycountry (the ISO 3166 data and its Russian translation, the iso3166-1 gettext
catalogue) and from the portal's own countries (their names in every language).
Case, spaces, punctuation, accents and word order do not matter ("Moldova, Rep. of"
is "Republic of Moldova"), and footnote marks after a name are dropped ("Georgia*",
"Georgia (1)", "Georgia 1/").
"""

import functools
import gettext
import re
import unicodedata

import pycountry

# Former and short names in everyday use that ISO 3166 does not list.
COMMON_VARIANTS = {
    "RUS": ("Russia", "Россия"),
    "TUR": ("Turkey", "Turkiye"),
    "BLR": ("Byelorussia", "Белоруссия"),
    "MDA": ("Moldavia",),
    "KGZ": ("Kirghizia", "Кыргызская Республика"),
    "GBR": ("United Kingdom", "Great Britain", "Великобритания"),
    "USA": ("United States", "США"),
    "CZE": ("Czech Republic", "Чехия"),
    "MKD": ("Macedonia",),
    "SWZ": ("Swaziland",),
    "CIV": ("Ivory Coast",),
    "CPV": ("Cape Verde",),
    "KOR": ("South Korea", "Южная Корея"),
    "PRK": ("North Korea", "Северная Корея"),
    "COD": ("DR Congo", "Democratic Republic of the Congo"),
    "PSE": ("Palestine",),
}
# Words of a name that say nothing of which country it is, dropped before comparing.
FILLER_WORDS = {"of", "the", "and", "и"}
ABBREVIATIONS = {"rep": "republic", "dem": "democratic", "fed": "federation", "is": "islands", "st": "saint",
                 "pdr": "people s democratic republic", "resp": "республика"}  # fmt: skip
# Words of a state's form, dropped to give a short name: "Республика Кыргызстан" -> "Кыргызстан".
FORM_WORDS = {"republic", "республика"}
_FOOTNOTE_MARK = re.compile(
    r"(\s*(\*+|\(\s*[0-9a-z]{1,2}\s*\)|\[\s*[0-9a-z]{1,2}\s*\]|[0-9a-z]{1,2}/|[0-9¹²³⁰-⁹]+))+$", re.IGNORECASE
)
_NOT_A_LETTER = re.compile(r"[^\w]+|_")
_NUMBER = re.compile(r"[0-9]{1,3}(\.0+)?")


def name_key(text):
    """The words of a name, lower case, without accents, fillers or order: "Moldova, Rep. of" -> "moldova republic"."""
    text = unicodedata.normalize("NFKD", str(text).casefold().replace("ё", "е").replace("й", "\0"))
    text = "".join(character for character in text if not unicodedata.combining(character)).replace("\0", "й")
    words = []
    for word in _NOT_A_LETTER.sub(" ", text).split():
        words.extend(ABBREVIATIONS.get(word, word).split())
    return " ".join(sorted(set(words) - FILLER_WORDS))


def short_key(key):
    """A name's key without the words of a state's form, or "" when nothing else is left."""
    words = [word for word in key.split() if word not in FORM_WORDS]
    return " ".join(words) if len(words) < len(key.split()) else ""


def without_footnote_marks(text):
    """ "Georgia*", "Georgia (1)", "Georgia 1/", "Georgia¹" -> "Georgia"; a text that is only a number stays."""
    stripped = _FOOTNOTE_MARK.sub("", text).strip()
    return stripped or text


@functools.lru_cache(maxsize=1)
def _iso_names():
    """({name key: alpha-3}, {short key: alpha-3}) of every ISO 3166 country, in English and Russian."""
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    names = {}
    for country in pycountry.countries:
        texts = [getattr(country, attribute, "") for attribute in ("name", "official_name", "common_name")]
        texts = [text for text in texts if text]
        texts += [russian.gettext(text) for text in texts] + list(COMMON_VARIANTS.get(country.alpha_3, ()))
        for text in texts:
            names.setdefault(name_key(text), set()).add(country.alpha_3)
    return _unambiguous(names)


def _unambiguous(names):
    """Keys naming one country only, and the short keys (without "republic") that still name one only."""
    full = {key: codes.pop() for key, codes in names.items() if len(codes) == 1}
    shorts = {}
    for key, code in full.items():
        short = short_key(key)
        if short and short not in full:
            shorts.setdefault(short, set()).add(code)
    return full, {key: codes.pop() for key, codes in shorts.items() if len(codes) == 1}


def portal_names():
    """{name key: code} of the portal's own countries: their codes and their names in every language."""
    from ..models import Country

    names = {}
    for code, texts in Country.objects.values_list("code", "name"):
        for text in [code, *(texts or {}).values()]:
            if text:
                names[name_key(text)] = code
    return names


def country_code(text, *, portal=None):
    """The ISO alpha-3 code (or the portal's own code) of what ``text`` names, or None.

    ``portal``: ``portal_names()`` when the caller looks many texts up (one query);
    without it the portal's countries are read at each call.
    """
    if text is None or isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        text = str(int(text)) if float(text).is_integer() else str(text)
    text = str(text).strip()
    if not text:
        return None
    return _code_of_text(text, portal if portal is not None else portal_names())


def _code_of_text(text, portal):
    if _NUMBER.fullmatch(text):
        found = pycountry.countries.get(numeric=str(int(float(text))).zfill(3))
        return found.alpha_3 if found else None
    text = without_footnote_marks(text)
    upper = text.upper()
    if upper in portal.values():
        return upper
    if len(upper) in (2, 3) and upper.isascii() and upper.isalpha():
        found = pycountry.countries.get(alpha_3=upper) if len(upper) == 3 else pycountry.countries.get(alpha_2=upper)
        if found:
            return found.alpha_3
    key = name_key(text)
    if key in portal:
        return portal[key]
    full, shorts = _iso_names()
    return full.get(key) or shorts.get(key) or shorts.get(short_key(key))
