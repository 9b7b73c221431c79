"""Russian and Ukrainian lemmas (pymorphy3), so that "беженцев", "беженцами" and "беженцы" are one token.

The analysers are costly to build (≈ 0.3 s and ≈ 30 MB each): each is built once per process, at its
first use, never at import. The language is chosen by the word alone, never by the document, so a word
gets the same lemma in every text and in every query.
"""

import functools

UKRAINIAN_LETTERS = frozenset("іїєґ")
# Parses less likely than this are not offered as a query's alternatives (стали: стать 0.975, сталь 0.011).
MIN_ALTERNATIVE_SCORE = 0.01
MAX_ALTERNATIVES = 3
APOSTROPHES = "'’ʼ"


@functools.cache
def analyzer(language):
    """The pymorphy3 analyser of "ru" or "uk", built at its first use."""
    import pymorphy3  # here: only the processes that normalise text load it

    return pymorphy3.MorphAnalyzer(lang=language)


def language_of(folded):
    """ "uk" for a word with a Ukrainian letter or known only to the Ukrainian dictionary, else "ru"."""
    if UKRAINIAN_LETTERS.intersection(folded):
        return "uk"
    if analyzer("ru").word_is_known(folded):
        return "ru"
    return "uk" if analyzer("uk").word_is_known(folded) else "ru"


def _clean(normal_form):
    return normal_form.replace("ё", "е").translate(str.maketrans("", "", APOSTROPHES))


@functools.lru_cache(maxsize=300_000)
def lemma(folded):
    """The normal form of the most likely parse of ``folded`` (a folded Cyrillic word)."""
    return _clean(analyzer(language_of(folded)).parse(folded)[0].normal_form)


@functools.lru_cache(maxsize=20_000)
def lemmas(folded):
    """The likely normal forms of ``folded``, ``lemma(folded)`` first; at most three."""
    found = [lemma(folded)]
    for parse in analyzer(language_of(folded)).parse(folded):
        normal = _clean(parse.normal_form)
        if parse.score >= MIN_ALTERNATIVE_SCORE and normal not in found:
            found.append(normal)
    return tuple(found[:MAX_ALTERNATIVES])


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
