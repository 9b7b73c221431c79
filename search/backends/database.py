"""Full-text search in the database: SQLite FTS5, or PostgreSQL's tsvector with a GIN index.

Both index the stems of ``search.text`` with their plain tokenisers, so both find the
same entries. Relevance weighs title over summary over body: bm25 column weights on
SQLite, ts_rank weights on PostgreSQL. PostgreSQL ranks on a small vector (title,
summary, the beginning of the body) because ranking on whole 50 KB bodies would read
every matched body from TOAST; matching always uses the whole text.

Permission trimming and facet filters are an ordinary queryset (``entries``), whose
SQL the full-text query wraps: one query returns every readable match with its facet
values, from which the facets are counted and the page is cut.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connection

from ..text import query_stems, stemmed_text
from . import FACETS, Match, Results, facet_counts

# Longest body (in characters) indexed: a tsvector holds at most 1 MB.
MAX_BODY_CHARS = 500_000
# How much of the body PostgreSQL ranks on.
RANK_BODY_CHARS = 2_000
TITLE_WEIGHT, SUMMARY_WEIGHT, BODY_WEIGHT = 10.0, 4.0, 1.0
# ts_rank's weights, in the order {D, C, B, A}: body (C), summary (B), title (A).
POSTGRESQL_WEIGHTS = "{0.0, 0.1, 0.4, 1.0}"
ROW_COLUMNS = ("id", "date", "country__code", *[name for name in FACETS if name != "country"])


class DatabaseBackend:
    name = "database"

    def search(self, query, entries):
        """``entries``: the SearchEntry queryset already trimmed to what the reader may read and filtered."""
        stems = query_stems(query.text)
        if not stems:
            return Results(matches=[], total=0, facets={name: [] for name in FACETS})
        rows = matching_rows(entries.values_list(*ROW_COLUMNS), stems)
        facets = {name: facet_counts(row[2 + index] for row in rows) for index, name in enumerate(FACETS)}
        if query.order == "date":
            rows.sort(key=lambda row: (row[1] is not None, row[1] and row[1].toordinal(), row[-1]), reverse=True)
        else:
            rows.sort(key=lambda row: (row[-1], row[1] is not None, row[1] and row[1].toordinal()), reverse=True)
        page = rows[query.offset : query.offset + query.per_page]
        return Results(matches=[Match(row[0], row[-1]) for row in page], total=len(rows), facets=facets)

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


def matching_rows(rows_queryset, stems):
    """[(*columns of ``rows_queryset``, score)] for its rows whose text has every stem."""
    subquery, params = rows_queryset.query.sql_with_params()
    if _vendor() == "sqlite":
        sql = (
            f"SELECT entry.*, -bm25(dsm_search_fulltext, {TITLE_WEIGHT}, {SUMMARY_WEIGHT}, {BODY_WEIGHT}) "
            f"FROM dsm_search_fulltext JOIN ({subquery}) AS entry ON entry.id = dsm_search_fulltext.rowid "
            "WHERE dsm_search_fulltext MATCH %s"
        )
    else:
        sql = (
            f"SELECT entry.*, ts_rank('{POSTGRESQL_WEIGHTS}', indexed.rank_vector, fulltext_query) "
            f"FROM ({subquery}) AS entry JOIN dsm_search_searchentry AS indexed ON indexed.id = entry.id, "
            "to_tsquery('simple', %s) AS fulltext_query WHERE indexed.search_vector @@ fulltext_query"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, (*params, fulltext_expression(stems)))
        return [tuple(row) for row in cursor.fetchall()]


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
    with connection.cursor() as cursor:
        cursor.execute(sql, (fulltext_expression(stems), limit))
        return [row[0] for row in cursor.fetchall()]


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
