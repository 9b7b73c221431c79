"""Russian and Ukrainian lemmas (pymorphy3), so that "беженцев", "беженцами" and "беженцы" are one token.

The analysers are costly to build (≈ 0.3 s and ≈ 30 MB each): each is built once per process, at its
first use, never at import.

Which dictionary reads a word: a word with a Ukrainian letter (і ї є ґ) is Ukrainian. Otherwise the text's
language decides when its dictionary knows the word, because many Ukrainian forms are also Russian words of
another lexeme (особи: Russian особь, Ukrainian особа; ради: Russian ради, Ukrainian рада). Without a language
(a query, an indicator), the Russian dictionary reads what it knows, the Ukrainian one the rest. A query's word
matches every likely lemma of both dictionaries (``lemmas``), so either reading finds it.
"""

import functools
from collections import Counter

from .scripts import APOSTROPHES

UKRAINIAN_LETTERS = frozenset("іїєґ")
LANGUAGES = ("ru", "uk")
# Parses less likely than this are not offered as a query's alternatives (стали: стать 0.975, сталь 0.011).
MIN_ALTERNATIVE_SCORE = 0.01
MAX_ALTERNATIVES = 4
_DROP_APOSTROPHES = str.maketrans("", "", APOSTROPHES)


@functools.cache
def analyzer(language):
    """The pymorphy3 analyser of "ru" or "uk", built at its first use."""
    import pymorphy3  # here: only the processes that normalise text load it

    return pymorphy3.MorphAnalyzer(lang=language)


def language_of(folded, preferred=None):
    """The dictionary that reads ``folded``: "uk" for a Ukrainian letter; ``preferred`` ("ru", "uk" or None)
    when it knows the word; else "ru" when the Russian one knows it, "uk" when only the Ukrainian one does."""
    if UKRAINIAN_LETTERS.intersection(folded):
        return "uk"
    if preferred in LANGUAGES and analyzer(preferred).word_is_known(folded):
        return preferred
    if analyzer("ru").word_is_known(folded):
        return "ru"
    return "uk" if analyzer("uk").word_is_known(folded) else "ru"


def _clean(normal_form):
    return normal_form.replace("ё", "е").translate(_DROP_APOSTROPHES)


@functools.lru_cache(maxsize=300_000)
def lemma(folded, language=None):
    """The lemma of ``folded`` (a folded Cyrillic word) in a text of ``language`` (see the module)."""
    return _clean(_normal_form(folded, language_of(folded, language)))


def _normal_form(folded, language):
    parses = analyzer(language).parse(folded)
    if language == "ru":
        return parses[0].normal_form  # the most likely parse
    # The Ukrainian dictionary has no probabilities: its parses come in dictionary order. The normal form most
    # of them share wins (роки: рік), then the word itself (рік, not ріка), then the first.
    votes = Counter(parse.normal_form for parse in parses)
    return max(votes, key=lambda form: (votes[form], form == folded))


@functools.lru_cache(maxsize=20_000)
def lemmas(folded, language=None):
    """The likely lemmas of ``folded`` in both dictionaries, ``lemma(folded, language)`` first; at most four."""
    found = [lemma(folded, language)]
    if not UKRAINIAN_LETTERS.intersection(folded):
        found += [
            _clean(parse.normal_form)
            for parse in analyzer("ru").parse(folded)
            if parse.is_known and parse.score >= MIN_ALTERNATIVE_SCORE
        ]
    if analyzer("uk").word_is_known(folded):
        found.append(_clean(_normal_form(folded, "uk")))
        found += [_clean(parse.normal_form) for parse in analyzer("uk").parse(folded)]
    return tuple(dict.fromkeys(found))[:MAX_ALTERNATIVES]


@functools.lru_cache(maxsize=20_000)
def forms(lemma_token):
    """The surface forms (folded) of the lexemes whose normal form is ``lemma_token``, Russian and Ukrainian.

    Only dictionary lexemes count when there is one: a Russian word is not given the forms the Ukrainian
    analyser would guess for it. An unknown word (a name, a typo) gets its own language's guess.
    """
    parses = {language: analyzer(language).parse(lemma_token) for language in ("ru", "uk")}
    known = [parse for found in parses.values() for parse in found if parse.is_known]
    chosen = known or parses[language_of(lemma_token)]
    found = {lemma_token}
    for parse in chosen:
        if _clean(parse.normal_form) == lemma_token:
            found.update(_clean(form.word) for form in parse.lexeme)
    return frozenset(found)
