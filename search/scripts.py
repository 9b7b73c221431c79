"""Which script a word is written in, and words typed with letters of both.

A reader (or a scanned document) may type a Latin "e" in a Cyrillic word, or a Cyrillic "о" in
an English one: the two look alike but are different letters, and such a word would match nothing.
``unmix`` maps the look-alikes into the script the word is mostly written in, before folding, so
the index and the query agree.
"""

import re

# Apostrophes inside a Ukrainian word (сім'я, сім’я, сімʼя): part of the word, never a separator.
APOSTROPHES = "'’ʼ"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[a-zA-Z]")

# Cyrillic letter -> the Latin letter that looks the same (і, ј and ѕ are Ukrainian and Macedonian letters).
CYRILLIC_TO_LATIN = dict(zip("АВЕКМНОРСТХУаеорсухкІіЈјЅѕ", "ABEKMHOPCTXYaeopcyxkIiJjSs", strict=True))
LATIN_TO_CYRILLIC = {latin: cyrillic for cyrillic, latin in CYRILLIC_TO_LATIN.items()}
_TO_LATIN = str.maketrans(CYRILLIC_TO_LATIN)
_TO_CYRILLIC = str.maketrans(LATIN_TO_CYRILLIC)


def script_of(word):
    """ "cyrillic" when the word has a Cyrillic letter (and more than Latin ones), "latin" for Latin, else ""."""
    cyrillic, latin = len(CYRILLIC.findall(word)), len(LATIN.findall(word))
    if not cyrillic and not latin:
        return ""
    return "cyrillic" if cyrillic >= latin else "latin"


def unmix(word):
    """``word`` with its look-alike letters in the script of its other letters; an unmixed word is unchanged.

    The script that has more letters *without* a look-alike wins (a tie goes to Cyrillic): "бeженцев" with a
    Latin "e" becomes all Cyrillic, "rеfugee" with a Cyrillic "е" all Latin.
    """
    if not (CYRILLIC.search(word) and LATIN.search(word)):
        return word
    own_cyrillic = sum(1 for letter in word if CYRILLIC.match(letter) and letter not in CYRILLIC_TO_LATIN)
    own_latin = sum(1 for letter in word if LATIN.match(letter) and letter not in LATIN_TO_CYRILLIC)
    if own_cyrillic >= own_latin:
        return word.translate(_TO_CYRILLIC)
    return word.translate(_TO_LATIN)


def look_alike_class(letter):
    """A regex character class of ``letter`` and its look-alike in the other script (for highlighting)."""
    other = CYRILLIC_TO_LATIN.get(letter) or LATIN_TO_CYRILLIC.get(letter)
    return f"[{letter}{other}]" if other else re.escape(letter)
