"""Full-text search in the database: SQLite FTS5, or PostgreSQL's tsvector with a GIN index.

Both index the tokens of ``search.text`` with their plain tokenisers, so both find the
same entries. Relevance weighs title over summary over body: bm25 column weights on
SQLite, ts_rank weights on PostgreSQL. PostgreSQL ranks on a small vector (title,
summary, the beginning of the body), kept in the row (migration 0003), because ranking
on whole 50 KB bodies would read every matched body from TOAST; matching always uses
the whole text, through the GIN index.

Permission trimming and facet filters are an ordinary queryset (``readable_entries``), whose
SQL the full-text query wraps: one statement finds and ranks the matches once, counts
them per facet value and cuts the page, so only a few dozen rows come back however many
entries match.
"""

from django.db import connection, transaction
from django.db.models import BooleanField, FloatField, IntegerField
from django.db.models.expressions import RawSQL

from dsm_data import permissions
from dsm_data.models import Country

from .. import text
from ..models import SearchEntry
from . import FACETS, Match, Query, Results, fulltext, plan_of
from .fulltext import RERANK_WINDOW, vendor

# Longest body (in characters) indexed: a tsvector holds at most 1 MB.
MAX_BODY_CHARS = 500_000
# How much of the body PostgreSQL ranks on.
RANK_BODY_CHARS = 2_000
TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 10.0, 4.0, 1.0
# ts_rank's weights, in the order {D, C, B, A}: body (C), summary (B), title (A).
POSTGRESQL_WEIGHTS = "{0.0, 0.1, 0.4, 1.0}"
# The columns of the facets, in the order of FACETS.
FACET_COLUMNS = ("country_id", "type", "year", "language", "section")
# The page's order (see search.backends.fulltext for the tiers); the id last so that equal entries keep one
# order from page to page.
PAGE_ORDERS = {
    "relevance": "phrase_tier DESC, title_tier DESC, metadata DESC, score DESC, date IS NULL, date DESC, id DESC",
    "date": "date IS NULL, date DESC, score DESC, id DESC",
}


FACET_LOOKUPS = {
    "country": "country__code",
    "type": "type",
    "year": "year",
    "language": "language",
    "section": "section",
}


def readable_entries(user, filters):
    """The entries ``user`` may read, narrowed by the facet filters: what the full-text query searches."""
    entries = permissions.readable_documents(user, SearchEntry.objects.all())
    return entries.filter(**{FACET_LOOKUPS[name]: value for name, value in filters.items() if name in FACET_LOOKUPS})


class DatabaseBackend:
    name = "database"

    def search(self, query, *, user):
        plan = plan_of(query)
        if plan.empty:
            return Results(matches=[], total=0, facets={name: [] for name in FACETS})
        entries = readable_entries(user, query.filters)
        total, facets, page = 0, {name: [] for name in FACETS}, []
        for facet, value, count, entry_id, score in search_rows(entries, plan, query):
            if facet == "total":
                total = count
            elif not facet:
                page.append((count, Match(entry_id, score)))
            elif value not in (None, ""):
                facets[facet].append((value, count))
        for counts in facets.values():
            counts.sort(key=lambda item: (-item[1], item[0]))
        return Results(matches=[match for _position, match in sorted(page)], total=total, facets=facets)

    def index(self, entries):
        write_fulltext(entries)

    def remove(self, entry_ids):
        if vendor() == "sqlite" and entry_ids:
            with connection.cursor() as cursor:
                cursor.executemany("DELETE FROM dsm_search_fulltext WHERE rowid = %s", [(pk,) for pk in entry_ids])

    def clear(self):
        if vendor() == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM dsm_search_fulltext")


def matched_sql(entries, plan):
    """(SQL, params) of the readable entries the plan matches: id, date, facet columns, score, metadata, title_tier.

    Every required word must be in the text, and each metadata word in the text or in the entry's facets.
    """
    expression = fulltext.match_expression(plan.text_query)
    title = fulltext.title_expression(plan.text_query)
    if vendor() == "sqlite" and expression:
        return _sqlite_matched_sql(entries, plan, expression, title)
    table = connection.ops.quote_name(entries.model._meta.db_table)
    id_column = f"{table}.id"
    conditions = fulltext.metadata_conditions(table, id_column, plan.facet_terms)
    if expression:  # PostgreSQL (SQLite joins its FTS5 table): the GIN index finds the matches
        conditions.insert(0, (f"{table}.search_vector @@ to_tsquery('simple', %s)", [expression]))
        score = (
            f"ts_rank('{POSTGRESQL_WEIGHTS}', {table}.rank_vector, to_tsquery('simple', %s))",
            [expression],
        )
    else:
        score = fulltext.text_metadata_score(id_column, plan.facet_terms)
    for phrase in plan.text_query.phrases if vendor() == "postgresql" else ():
        conditions.append(fulltext.phrase_in_text(id_column, phrase))
    if title is None:
        title_tier = ("0", [])
    elif vendor() == "sqlite":
        title_tier = fulltext.counted([fulltext.has_text(id_column, title)])
    else:
        title_tier = fulltext.counted([(f"{table}.rank_vector @@ to_tsquery('simple', %s)", [title])])
    matched = entries
    for sql, params in conditions:
        matched = matched.filter(RawSQL(sql, params, output_field=BooleanField()))
    matched = matched.annotate(
        score=RawSQL(score[0], score[1], output_field=FloatField()),
        metadata=RawSQL(*fulltext.metadata_tier(table, plan.facet_terms), output_field=IntegerField()),
        title_tier=RawSQL(*title_tier, output_field=IntegerField()),
    )
    return matched.values_list("id", "date", *FACET_COLUMNS, "score", "metadata", "title_tier").query.sql_with_params()


def _sqlite_matched_sql(entries, plan, expression, title):
    """SQLite with text words: the FTS5 table joined to the readable entries, for bm25."""
    columns, params = entries.values_list("id", "date", *FACET_COLUMNS).query.sql_with_params()
    metadata, metadata_params = fulltext.metadata_tier("entry", plan.facet_terms)
    title_tier, title_params = fulltext.counted([fulltext.has_text("entry.id", title)]) if title else ("0", [])
    conditions = fulltext.metadata_conditions("entry", "entry.id", plan.facet_terms)
    where = "".join(f" AND {sql}" for sql, _params in conditions)
    sql = (
        f"SELECT entry.*, -bm25(dsm_search_fulltext, {TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {BODY_WEIGHT}) AS score, "
        f"{metadata} AS metadata, {title_tier} AS title_tier "
        # CROSS JOIN: SQLite reads the FTS5 matches once and looks each entry up, never the reverse (a seek
        # into FTS5 per readable entry of a filtered country: 150 ms against 60 ms, bench/search.py).
        f"FROM dsm_search_fulltext CROSS JOIN ({columns}) AS entry ON entry.id = dsm_search_fulltext.rowid "
        f"WHERE dsm_search_fulltext MATCH %s{where}"
    )
    condition_params = [param for _sql, params in conditions for param in params]
    return sql, (*metadata_params, *title_params, *params, expression, *condition_params)


def ranked_sql(entries, plan, order):
    """(SQL, params) of the CTEs ``matched`` (every match, for the counts) and ``ranked`` (with the phrase tier)."""
    matched, params = matched_sql(entries, plan)
    if order != "relevance":
        return (
            f"WITH matched AS MATERIALIZED ({matched}), ranked AS (SELECT matched.*, 0 AS phrase_tier FROM matched)",
            params,
        )
    tier, tier_params = fulltext.phrase_tier("matched.id", plan.text_query)
    sql = (
        f"WITH matched AS MATERIALIZED ({matched}), "
        f"best AS MATERIALIZED (SELECT id FROM matched ORDER BY score DESC, id DESC LIMIT {RERANK_WINDOW}), "
        f"ranked AS MATERIALIZED (SELECT matched.*, "
        f"CASE WHEN matched.id IN (SELECT id FROM best) THEN {tier} ELSE 0 END AS phrase_tier FROM matched)"
    )
    return sql, (*params, *tier_params)


# PostgreSQL types a UNION's columns from its branches: where there is no id and score, typed NULLs.
NO_MATCH = "CAST(NULL AS INTEGER), CAST(NULL AS REAL)"


def search_rows(entries, plan, query):
    """One statement for the matches: their number, their count per facet value, and the page.

    The matches are found and ranked once (materialised CTEs); the database counts and cuts
    them, so a query that matches thousands of entries sends back a few dozen rows.
    Rows: ("total", None, count, None, None), (facet, value, count, None, None), where
    the value may be blank, and for the page ("", None, position, entry id, score).
    """
    ranked, params = ranked_sql(entries, plan, query.order)
    order = PAGE_ORDERS[query.order]
    sql = (
        f"{ranked} {counts_sql()} "
        # The page's rows are numbered after the LIMIT: numbering every match would sort them all.
        f"UNION ALL SELECT '', NULL, ROW_NUMBER() OVER (ORDER BY {order}), id, score FROM "
        f"(SELECT id, score, date, phrase_tier, title_tier, metadata FROM ranked ORDER BY {order} "
        "LIMIT %s OFFSET %s) AS page"
    )
    return fetch_all(sql, (*params, query.per_page, query.offset))


def counts_sql():
    """SQL of the rows ("total", None, count, ...) and (facet, value, count, ...) of the CTE ``matched``."""
    country = connection.ops.quote_name(Country._meta.db_table)
    columns = dict(zip(FACETS, FACET_COLUMNS, strict=True))
    if vendor() == "postgresql":
        # One pass over the matches for every count. Grouped by plain columns: PostgreSQL
        # before 18 may not null an expression that is not grouped in a grouping set.
        which = " ".join(f"WHEN GROUPING({column}) = 0 THEN '{name}'" for name, column in columns.items())
        values = ", ".join(f"CAST({column} AS TEXT)" for column in columns.values())
        grouping_sets = ", ".join(f"({column})" for column in columns.values())
        return (
            f"SELECT counted.facet, COALESCE({country}.code, counted.value), counted.number, {NO_MATCH} FROM "
            f"(SELECT CASE {which} ELSE 'total' END AS facet, COALESCE({values}) AS value, COUNT(*) AS number "
            f"FROM matched GROUP BY GROUPING SETS ({grouping_sets}, ())) AS counted LEFT JOIN {country} "
            f"ON counted.facet = 'country' AND CAST({country}.id AS TEXT) = counted.value"
        )
    return " UNION ALL ".join(
        [f"SELECT 'total', NULL, COUNT(*), {NO_MATCH} FROM matched"]
        + [
            f"SELECT '{name}', CAST({column} AS TEXT), COUNT(*), {NO_MATCH} FROM matched GROUP BY {column}"
            for name, column in columns.items()
            if name != "country"
        ]
        + [
            f"SELECT 'country', {country}.code, COUNT(*), {NO_MATCH} FROM matched "
            f"JOIN {country} ON {country}.id = matched.country_id GROUP BY {country}.code"
        ]
    )


def bare_query(text, limit=10, tiers=True):
    """The full-text query's best ``limit`` entries, without permissions or facets: the benchmark's yardstick.

    It runs the same plan as a search (the match, the metadata words, the tiers unless ``tiers`` is False).
    """
    plan = plan_of(Query(text=text))
    if plan.empty:
        return []
    if tiers:
        order, ranked_order = PAGE_ORDERS["relevance"], "relevance"
    else:
        order, ranked_order = "score DESC, id DESC", "date"  # "date" leaves the tiers out
    ranked, params = ranked_sql(SearchEntry.objects.all(), plan, ranked_order)
    return [row[0] for row in fetch_all(f"{ranked} SELECT id FROM ranked ORDER BY {order} LIMIT %s", (*params, limit))]


def fetch_all(sql, params):
    """The rows of a full-text statement.

    On PostgreSQL the GIN index must find the matches: when half the entries match, the
    planner costs a sequential scan as cheaper, not knowing that it reads every entry's
    vector back from TOAST (110 ms against 11 ms for 10,000 entries, bench/search.py).
    Turning sequential scans off makes the plan's cost huge wherever one is left (the
    twelve countries), which would start the JIT compiler: half a second, so it is off.
    """
    if vendor() == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL jit = off")
        cursor.execute(sql, params)
        return cursor.fetchall()


def indexed_texts(entry):
    """(title, summary, body) of ``entry`` as the index holds them: tokens, read in the entry's language."""
    fields = (entry.title, entry.summary, entry.body[:MAX_BODY_CHARS])
    return tuple(text.normalised_text(value, entry.language) for value in fields)


def write_fulltext(entries):
    """Index the tokens of ``entries`` (SearchEntry objects already saved); on PostgreSQL, their passages too."""
    rows = [(entry.pk, *indexed_texts(entry)) for entry in entries]
    if not rows:
        return
    with connection.cursor() as cursor:
        if vendor() == "sqlite":
            cursor.executemany("DELETE FROM dsm_search_fulltext WHERE rowid = %s", [(row[0],) for row in rows])
            cursor.executemany(
                "INSERT INTO dsm_search_fulltext (rowid, title, summary, body) VALUES (%s, %s, %s, %s)", rows
            )
            return
        cursor.executemany(
            "UPDATE dsm_search_searchentry SET "
            "search_vector = setweight(to_tsvector('simple', %(title)s), 'A') "
            "|| setweight(to_tsvector('simple', %(summary)s), 'B') "
            "|| setweight(to_tsvector('simple', %(body)s), 'C'), "
            "rank_vector = setweight(to_tsvector('simple', %(title)s), 'A') "
            "|| setweight(to_tsvector('simple', %(summary)s), 'B') "
            "|| setweight(to_tsvector('simple', %(rank_body)s), 'C') "
            "WHERE id = %(id)s",
            [
                {
                    "id": pk,
                    "title": title,
                    "summary": summary,
                    "body": body,
                    "rank_body": body[:RANK_BODY_CHARS].rsplit(" ", 1)[0],
                }
                for pk, title, summary, body in rows
            ],
        )
        write_passages(cursor, rows)


def write_passages(cursor, rows):
    """PostgreSQL: the entries' passages, replaced (see search.backends.fulltext)."""
    cursor.execute("DELETE FROM dsm_search_passage WHERE entry_id = ANY(%s)", [[row[0] for row in rows]])
    cursor.executemany(
        "INSERT INTO dsm_search_passage (entry_id, number, vector) VALUES (%s, %s, to_tsvector('simple', %s))",
        [
            (pk, number, passage)
            for pk, title, summary, body in rows
            for number, passage in fulltext.passages(title, summary, body)
        ],
    )
