"""A small library and the queries its readers type, to score what search puts first (issue 17, point 6).

Written before any ranking was tuned: the texts read like the documents they stand for (excerpts of laws,
conventions and reports in Russian, Ukrainian and English), and the queries are typed as readers type them:
inflected, in Ukrainian, quoted, with a country and a year, with a typo or a Latin letter inside a Russian word.
Each query has one document that a reader would want first.

No Django import here: ``bench/search.py`` and ``tests/search/test_relevance.py`` both read it (the
documents are in ``relevance_documents``).
``evaluate(run)`` scores any search: ``run(text)`` returns the keys of the hits, best first, and the text
of its "Did you mean" suggestion (or None), which is followed once when there are no hits.
"""

from dataclasses import dataclass

from .relevance_documents import DOCUMENTS

__all__ = ["CASES", "DOCUMENTS", "RECORDED_FIRST", "evaluate"]

# (query as a reader types it, the key of the document they want first, what the case checks)
CASES = [
    ("беженцы", "kaz-refugees", "ru plural"),
    ("беженцев", "kaz-refugees", "ru genitive plural"),
    ("беженцами", "kaz-refugees", "ru instrumental plural"),
    ("закон о беженцах", "kaz-refugees", "ru with a stop word"),
    ("статус беженца", "kaz-refugees", "ru two words"),
    ("Казахстан беженцы 2009", "kaz-refugees", "country and year as metadata"),
    ("бежнцев", "kaz-refugees", "ru typo: a letter dropped"),
    ("бeженцев", "kaz-refugees", "ru with a Latin e"),
    ("иностранцев", "kaz-foreigners", "ru genitive plural"),
    ("иностранец", "kaz-foreigners", "ru nominative singular"),
    ("правовое положение иностранцев", "kaz-foreigners", "ru phrase of the title, inflected"),
    ("разрешение на работу", "kaz-labour-code", "phrase deep in the text against a title with both words"),
    ('"разрешение на работу"', "kaz-labour-code", "quoted phrase"),
    ("разрешения на работу иностранцам", "kaz-labour-code", "inflected phrase"),
    ("трудовые споры", "kaz-labour-disputes", "ru plural of the title's words"),
    ("миграция населения", "kaz-migration", "ru title words"),
    ("закон о миграции населения 2011", "kaz-migration", "title and year"),
    ("трудовые мигранты", "kaz-migration", "ru two words in the text"),
    ("незаконная миграция уголовная ответственность", "kaz-criminal-code", "ru words of one article"),
    ("торговля людьми", "kaz-criminal-code", "ru phrase"),
    ("біженці", "ukr-refugees", "uk plural"),
    ("біженців", "ukr-refugees", "uk genitive plural"),
    ("закон України про біженців", "ukr-refugees", "uk title words"),
    ("додатковий захист", "ukr-refugees", "uk inflected phrase"),
    ("іноземців", "ukr-foreigners", "uk genitive plural"),
    ("правовий статус іноземців", "ukr-foreigners", "uk title phrase"),
    ("громадянство України", "ukr-citizenship", "uk title"),
    ("Верховної Ради", "ukr-citizenship", "uk: ради is also a Russian word (the preposition)"),
    ("особа без громадянства", "ukr-foreigners", "uk: особи is also a Russian form (of особь)"),
    ("статус осіб без громадянства", "ukr-foreigners", "uk title words, inflected"),
    ("набуття громадянства", "ukr-citizenship", "uk inflected"),
    ("refugees convention", "refugee-convention", "en"),
    ("status of refugees 1951", "refugee-convention", "en with a year"),
    ("refugess convention", "refugee-convention", "en typo"),
    ("1967 protocol refugees", "refugee-protocol", "en year first"),
    ("migrant workers", "migrant-workers-convention", "en phrase"),
    ("rights of migrant workers and their families", "migrant-workers-convention", "en long query"),
    ("trafficking protocol 2000", "trafficking-protocol", "en with a year in the text"),
    ("trafficking in women and children", "trafficking-protocol", "en phrase with stop words"),
    ("smuggling of migrants", "smuggling-protocol", "en phrase"),
    ("asylum applications Armenia", "arm-asylum-statistics", "en with a country"),
]

# The first key each query gets, as recorded (SQLite, 2026-12-03, issue 17 whole: lemmas, look-alike letters,
# tiers, metadata words, "Did you mean"): SQLite and PostgreSQL must both give it. Today, every wanted document.
RECORDED_FIRST = {query: wanted for query, wanted, _note in CASES}


@dataclass(frozen=True)
class Score:
    first_share: float  # the share of queries whose wanted document comes first
    mrr: float  # mean reciprocal rank (0 when not in the hits)
    misses: list  # [(query, wanted key, the keys found first, note)]
    firsts: dict  # query -> the first key found, or None


def evaluate(run, cases=CASES):
    """Score ``run(text) -> (keys best first, suggestion text or None)`` over ``cases``."""
    firsts, reciprocal, misses = {}, 0.0, []
    for query, wanted, note in cases:
        keys, suggestion = run(query)
        if not keys and suggestion:
            keys, _suggestion = run(suggestion)  # the reader clicks "Did you mean"
        keys = list(keys)
        firsts[query] = keys[0] if keys else None
        if wanted in keys:
            reciprocal += 1 / (keys.index(wanted) + 1)
        if not keys or keys[0] != wanted:
            misses.append((query, wanted, keys[:3], note))
    count = len(cases)
    return Score(
        first_share=round((count - len(misses)) / count, 3),
        mrr=round(reciprocal / count, 3),
        misses=misses,
        firsts=firsts,
    )
