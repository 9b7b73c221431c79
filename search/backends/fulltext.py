"""The full-text expressions of the database backend, for SQLite FTS5 and PostgreSQL tsquery alike.

Ranking puts first what both engines compute exactly, so that SQLite and PostgreSQL give the same first
results (their base scores, bm25 and ts_rank, never agree number for number):

- the phrase tier: 2 when the whole query stands in the text word for word (stop words included),
  1 when every two neighbouring kept words stand within ``NEAR_DISTANCE`` words of each other;
- the title tier: 1 when the title holds every required word;
- the metadata tier: how many of the query's metadata words (a year, a country) the entry's facets equal.

The phrase tier is read only for the ``RERANK_WINDOW`` best entries by base score: its cost stays bounded.
PostgreSQL reads phrases in passages (``dsm_search_passage``, migration 0005), because a tsvector caps word
positions at 16,383 and keeps at most 256 positions of a word: a phrase deep in a long code would be lost.
A phrase of at most ``PASSAGE_OVERLAP`` words and a pair within ``NEAR_DISTANCE`` always lie in one passage.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from dsm_data.models import Country

NEAR_DISTANCE = 5
RERANK_WINDOW = 200
# At most 256 tokens: a tsvector keeps 256 positions of a lexeme, and a stop word can fill them within 2,000.
PASSAGE_TOKENS = 256
PASSAGE_OVERLAP = 16
FULLTEXT_TABLE = "dsm_search_fulltext"
ENTRY_TABLE = "dsm_search_searchentry"
PASSAGE_TABLE = "dsm_search_passage"


def vendor():
    if connection.vendor not in ("sqlite", "postgresql"):
        raise ImproperlyConfigured(f"The database search backend needs SQLite or PostgreSQL, not {connection.vendor}.")
    return connection.vendor


# Expressions ---------------------------------------------------------------------------------------


def _lexeme(token):
    return f'"{token}"' if vendor() == "sqlite" else f"'{token}'"


def any_of(alternatives, weight=""):
    """One required word: any of its alternatives (``weight`` "A" narrows PostgreSQL to the title)."""
    suffix = f":{weight}" if weight and vendor() == "postgresql" else ""
    lexemes = [_lexeme(token) + suffix for token in dict.fromkeys(alternatives)]
    if len(lexemes) == 1:
        return lexemes[0]
    return "(" + (" OR " if vendor() == "sqlite" else " | ").join(lexemes) + ")"


def all_of(parts):
    return (" AND " if vendor() == "sqlite" else " & ").join(parts)


def phrase(tokens):
    """The tokens side by side, in order: the first ``PASSAGE_OVERLAP`` of them, which PostgreSQL always finds
    within one passage, so that both engines agree on a longer phrase too (its other words are only required)."""
    tokens = tokens[:PASSAGE_OVERLAP]
    if vendor() == "sqlite":
        return '"' + " ".join(tokens) + '"'
    return " <-> ".join(_lexeme(token) for token in tokens)


def match_expression(text_query):
    """Every required word (any of its alternatives) and every quoted phrase; None when there is neither."""
    parts = [any_of(alternatives) for alternatives in text_query.required]
    parts += [_lexeme(token) for tokens in text_query.phrases for token in dict.fromkeys(tokens)]
    if vendor() == "sqlite":  # PostgreSQL checks the phrase itself in the passages (``phrase_in_text``)
        parts += [phrase(tokens) for tokens in text_query.phrases]
    return all_of(parts) if parts else None


def title_expression(text_query):
    """The title holds every required word; None when there is none."""
    if not text_query.required:
        return None
    if vendor() == "sqlite":
        return "{title} : (" + all_of(any_of(alternatives) for alternatives in text_query.required) + ")"
    return all_of(any_of(alternatives, weight="A") for alternatives in text_query.required)


def near_pairs(tokens):
    """Each two neighbouring tokens within NEAR_DISTANCE words, in either order: one expression per pair."""
    pairs = [(first, second) for first, second in zip(tokens, tokens[1:], strict=False) if first != second]
    if vendor() == "sqlite":
        return [f"NEAR({_lexeme(first)} {_lexeme(second)}, {NEAR_DISTANCE - 1})" for first, second in pairs]
    return [
        "("
        + " | ".join(
            f"{_lexeme(left)} <{distance}> {_lexeme(right)}"
            for left, right in ((first, second), (second, first))
            for distance in range(1, NEAR_DISTANCE + 1)
        )
        + ")"
        for first, second in pairs
    ]


# Conditions on an entry ----------------------------------------------------------------------------


def has_text(id_column, expression):
    """(SQL, params): the entry's whole text (title, summary, body) matches ``expression``."""
    if vendor() == "sqlite":
        return f"{id_column} IN (SELECT rowid FROM {FULLTEXT_TABLE} WHERE {FULLTEXT_TABLE} MATCH %s)", [expression]
    return (
        f"{id_column} IN (SELECT id FROM {ENTRY_TABLE} WHERE search_vector @@ to_tsquery('simple', %s))",
        [expression],
    )


def in_passage(id_column, expression):
    """(SQL, params): PostgreSQL: one passage of the entry matches ``expression`` (a phrase, a pair)."""
    return (
        f"EXISTS (SELECT 1 FROM {PASSAGE_TABLE} WHERE {PASSAGE_TABLE}.entry_id = {id_column} "
        "AND vector @@ to_tsquery('simple', %s))",
        [expression],
    )


def phrase_in_text(id_column, tokens):
    """(SQL, params): the tokens stand side by side somewhere in the entry's texts."""
    if vendor() == "sqlite":
        return has_text(id_column, phrase(tokens))
    return in_passage(id_column, phrase(tokens))


def facet_equals(row, term):
    """(SQL, params): the entry's facet equals the metadata word's value."""
    if term.facet == "year":
        return f"{row}.year = %s", [int(term.value)]
    if term.facet == "country":
        country = connection.ops.quote_name(Country._meta.db_table)
        return f"{row}.country_id IN (SELECT id FROM {country} WHERE code = %s)", [term.value]
    return f"{row}.{term.facet} = %s", [term.value]


def metadata_conditions(row, id_column, terms):
    """[(SQL, params)]: for each metadata word, its text is in the entry or its facet equals it."""
    conditions = []
    for term in terms:
        text_sql, text_params = phrase_in_text(id_column, term.tokens)
        facet_sql, facet_params = facet_equals(row, term)
        conditions.append((f"({text_sql} OR {facet_sql})", text_params + facet_params))
    return conditions


def counted(conditions):
    """(SQL, params): how many of the conditions an entry meets, 0 without any."""
    if not conditions:
        return "0", []
    sql = " + ".join(f"(CASE WHEN {condition} THEN 1 ELSE 0 END)" for condition, _params in conditions)
    return "(" + sql + ")", [param for _sql, params in conditions for param in params]


def metadata_tier(row, terms):
    return counted([facet_equals(row, term) for term in terms])


def text_metadata_score(id_column, terms):
    """The base score of a query of metadata words only: how many of them its text holds."""
    return counted([phrase_in_text(id_column, term.tokens) for term in terms])


def phrase_tier(id_column, parsed):
    """(SQL, params) of the phrase tier (2 phrase, 1 near, 0) of the entry ``id_column``."""
    kept = parsed.kept_tokens
    if len(kept) < 2:
        return "0", []
    whole_sql, whole_params = phrase_in_text(id_column, parsed.sequence)
    pairs = near_pairs(kept)
    if not pairs:
        return f"(CASE WHEN {whole_sql} THEN 2 ELSE 0 END)", whole_params
    if vendor() == "sqlite":
        near_sql, near_params = has_text(id_column, all_of(pairs))
    else:
        each = [in_passage(id_column, pair) for pair in pairs]
        near_sql = " AND ".join(sql for sql, _params in each)
        near_params = [param for _sql, params in each for param in params]
    return f"(CASE WHEN {whole_sql} THEN 2 WHEN {near_sql} THEN 1 ELSE 0 END)", whole_params + near_params


def passages(title, summary, body):
    """PostgreSQL's passages of an entry's tokens: [(number, text)], the title 0, the summary 1, the body from 2."""
    found = [(0, title), (1, summary)]
    tokens = body.split()
    step = PASSAGE_TOKENS - PASSAGE_OVERLAP
    for number, start in enumerate(range(0, max(len(tokens) - PASSAGE_OVERLAP, 1), step), start=2):
        found.append((number, " ".join(tokens[start : start + PASSAGE_TOKENS])))
    return [(number, text) for number, text in found if text]
