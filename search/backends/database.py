"""Full-text search in the database: SQLite FTS5, or PostgreSQL's tsvector with a GIN index.

Both index the stems of ``search.text`` with their plain tokenisers, so both find the
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

from django.core.exceptions import ImproperlyConfigured
from django.db import connection, transaction
from django.db.models import BooleanField, FloatField
from django.db.models.expressions import RawSQL

from dsm_data import permissions
from dsm_data.models import Country

from ..models import SearchEntry
from ..text import query_stems, stemmed_text
from . import FACETS, Match, Results

# Longest body (in characters) indexed: a tsvector holds at most 1 MB.
MAX_BODY_CHARS = 500_000
# How much of the body PostgreSQL ranks on.
RANK_BODY_CHARS = 2_000
TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 10.0, 4.0, 1.0
# ts_rank's weights, in the order {D, C, B, A}: body (C), summary (B), title (A).
POSTGRESQL_WEIGHTS = "{0.0, 0.1, 0.4, 1.0}"
# The columns of the facets, in the order of FACETS.
FACET_COLUMNS = ("country_id", "type", "year", "language", "section")
# The page's order; the id last so that equal entries keep one order from page to page.
PAGE_ORDERS = {
    "relevance": "score DESC, date IS NULL, date DESC, id DESC",
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
        stems = query_stems(query.text)
        if not stems:
            return Results(matches=[], total=0, facets={name: [] for name in FACETS})
        entries = readable_entries(user, query.filters)
        total, facets, page = 0, {name: [] for name in FACETS}, []
        for facet, value, count, entry_id, score in search_rows(entries, stems, query):
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
        if connection.vendor == "sqlite" and entry_ids:
            with connection.cursor() as cursor:
                cursor.executemany("DELETE FROM dsm_search_fulltext WHERE rowid = %s", [(pk,) for pk in entry_ids])

    def clear(self):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM dsm_search_fulltext")


def _vendor():
    if connection.vendor not in ("sqlite", "postgresql"):
        raise ImproperlyConfigured(f"The database search backend needs SQLite or PostgreSQL, not {connection.vendor}.")
    return connection.vendor


def fulltext_expression(stems):
    """The query as the database's full-text engine reads it: every stem must occur."""
    if _vendor() == "sqlite":
        return " ".join(f'"{item}"' for item in stems)
    return " & ".join(f"'{item}'" for item in stems)


def matched_sql(entries, stems):
    """(SQL, params) of the readable entries whose text has every stem: id, date, facet columns, score."""
    expression = fulltext_expression(stems)
    if _vendor() == "sqlite":
        columns, params = entries.values_list("id", "date", *FACET_COLUMNS).query.sql_with_params()
        sql = (
            f"SELECT entry.*, -bm25(dsm_search_fulltext, {TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {BODY_WEIGHT}) AS score "
            f"FROM dsm_search_fulltext JOIN ({columns}) AS entry ON entry.id = dsm_search_fulltext.rowid "
            "WHERE dsm_search_fulltext MATCH %s"
        )
        return sql, (*params, expression)
    table = connection.ops.quote_name(entries.model._meta.db_table)
    matched = entries.filter(
        RawSQL(f"{table}.search_vector @@ to_tsquery('simple', %s)", (expression,), output_field=BooleanField())
    ).annotate(
        score=RawSQL(
            f"ts_rank('{POSTGRESQL_WEIGHTS}', {table}.rank_vector, to_tsquery('simple', %s))",
            (expression,),
            output_field=FloatField(),
        )
    )
    return matched.values_list("id", "date", *FACET_COLUMNS, "score").query.sql_with_params()


# PostgreSQL types a UNION's columns from its branches: where there is no id and score, typed NULLs.
NO_MATCH = "CAST(NULL AS INTEGER), CAST(NULL AS REAL)"


def search_rows(entries, stems, query):
    """One statement for the matches: their number, their count per facet value, and the page.

    The matches are found and ranked once (a materialised CTE); the database counts and cuts
    them, so a query that matches thousands of entries sends back a few dozen rows.
    Rows: ("total", None, count, None, None), (facet, value, count, None, None), where
    the value may be blank, and for the page ("", None, position, entry id, score).
    """
    matched, params = matched_sql(entries, stems)
    order = PAGE_ORDERS[query.order]
    sql = (
        f"WITH matched AS MATERIALIZED ({matched}) {counts_sql()} "
        # The page's rows are numbered after the LIMIT: numbering every match would sort them all.
        f"UNION ALL SELECT '', NULL, ROW_NUMBER() OVER (ORDER BY {order}), id, score FROM "
        f"(SELECT id, score, date FROM matched ORDER BY {order} LIMIT %s OFFSET %s) AS page"
    )
    return fetch_all(sql, (*params, query.per_page, query.offset))


def counts_sql():
    """SQL of the rows ("total", None, count, ...) and (facet, value, count, ...) of the CTE ``matched``."""
    country = connection.ops.quote_name(Country._meta.db_table)
    columns = dict(zip(FACETS, FACET_COLUMNS, strict=True))
    if _vendor() == "postgresql":
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


def bare_query(stems, limit=10):
    """The plain full-text query, best first, without permissions or facets: the benchmark's yardstick."""
    if _vendor() == "sqlite":
        sql = (
            "SELECT rowid FROM dsm_search_fulltext WHERE dsm_search_fulltext MATCH %s "
            f"ORDER BY bm25(dsm_search_fulltext, {TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {BODY_WEIGHT}) LIMIT %s"
        )
    else:
        sql = (
            "SELECT id FROM dsm_search_searchentry, to_tsquery('simple', %s) AS fulltext_query "
            "WHERE search_vector @@ fulltext_query "
            f"ORDER BY ts_rank('{POSTGRESQL_WEIGHTS}', rank_vector, fulltext_query) DESC LIMIT %s"
        )
    return [row[0] for row in fetch_all(sql, (fulltext_expression(stems), limit))]


def fetch_all(sql, params):
    """The rows of a full-text statement.

    On PostgreSQL the GIN index must find the matches: when half the entries match, the
    planner costs a sequential scan as cheaper, not knowing that it reads every entry's
    vector back from TOAST (110 ms against 11 ms for 10,000 entries, bench/search.py).
    Turning sequential scans off makes the plan's cost huge wherever one is left (the
    twelve countries), which would start the JIT compiler: half a second, so it is off.
    """
    if _vendor() == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off; SET LOCAL jit = off")
        cursor.execute(sql, params)
        return cursor.fetchall()


def write_fulltext(entries):
    """Index the stems of ``entries`` (SearchEntry objects already saved)."""
    rows = [
        (entry.pk, stemmed_text(entry.title), stemmed_text(entry.summary), stemmed_text(entry.body[:MAX_BODY_CHARS]))
        for entry in entries
    ]
    if not rows:
        return
    with connection.cursor() as cursor:
        if _vendor() == "sqlite":
            cursor.executemany("DELETE FROM dsm_search_fulltext WHERE rowid = %s", [(row[0],) for row in rows])
            cursor.executemany(
                "INSERT INTO dsm_search_fulltext (rowid, title, summary, body) VALUES (%s, %s, %s, %s)", rows
            )
        else:
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
