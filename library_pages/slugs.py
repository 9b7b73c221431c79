"""Web addresses (slugs) of pages whose titles are written in Cyrillic.

Django's ``slugify`` drops every letter that is not ASCII, so a Russian title gave "document", "document-2", …
Titles are first transliterated with ICAO Doc 9303 (the passports' scheme: no diacritics, easy to type in an
address) by ``iuliia``. iuliia knows only the Russian alphabet and leaves the Ukrainian і ї є ґ and the Kazakh
letters as they are, so those are mapped first by the small tables below; a Ukrainian title also reads г as h and
и as y, as ICAO does for Ukrainian.
"""

import iuliia
from django.utils.text import slugify

MAX_LENGTH = 70
FALLBACK = "document"

# Letters of other Cyrillic alphabets that iuliia's Russian scheme leaves untouched (ICAO Doc 9303 where it has them).
OTHER_LETTERS = {
    "і": "i",
    "ї": "i",
    "є": "ie",
    "ґ": "g",
    "ә": "a",
    "ғ": "g",
    "қ": "k",
    "ң": "n",
    "ө": "o",
    "ұ": "u",
    "ү": "u",
    "һ": "h",
}
# Ukrainian letters written alike but read otherwise than in Russian.
UKRAINIAN_LETTERS = {"г": "h", "и": "y"}


def _mapped(text, table):
    """``text`` with each letter of ``table`` replaced, upper case kept as upper case."""
    table = table | {letter.upper(): latin.capitalize() for letter, latin in table.items()}
    return text.translate(str.maketrans(table))


def transliterated_slug(title, language):
    """The slug of ``title`` (at most 70 characters), written in Latin letters; "document" if nothing is left."""
    text = title
    if language == "uk":
        text = _mapped(text, UKRAINIAN_LETTERS)
    text = _mapped(text, OTHER_LETTERS)
    text = iuliia.ICAO_DOC_9303.translate(text)
    return slugify(text)[:MAX_LENGTH].strip("-") or FALLBACK
