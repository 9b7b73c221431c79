"""Search over 10,000 library documents of about 50 KB of text each, half Russian.

Prints the indexing throughput, then the median and 95th percentile of 20 typical
queries (with facets, snippets, permission trimming: ``search.searching.search_page``)
and of the bare full-text query on the same database (best 10 by rank: the match and the metadata words,
nothing else), and their ratio. Held to: p95 under 150 ms, at most 2x the bare query (medians). The bare
query with the ranking tiers (phrase, near, title) and a quoted phrase's time are shown too.

First, on an empty index, the relevance corpus of tests/search/relevance_corpus.py: the share of its
queries whose wanted document comes first (held to at least 0.9) and the mean reciprocal rank.

    python bench/search.py [--documents 10000]
    DSM_BENCH_DATABASE_URL=postgres://... python bench/search.py
"""

import argparse
import datetime
import random
import re
import sys
import time

from _common import median, percentile, report, setup_django, timings_ms

RUSSIAN = re.findall(
    r"\S+",
    "закон беженец беженцы беженцев беженцами ходатайство ходатайства ходатайств убежище убежища миграция "
    "миграции мигрантов трудовой трудовых разрешение разрешения разрешений гражданство гражданства граница "
    "границы пограничный контроль въезд выезд статистика статистики учет учета регистрация иностранный "
    "иностранных граждан гражданин решение решения статус статуса защита защиты дополнительной временной "
    "постоянной проживание проживания вид жительство жительства депортация реадмиссия соглашение соглашения "
    "министерство внутренних дел служба государственная программа политика концепция стратегия данные "
    "показатель показатели методология перепись населения домохозяйств выборочное обследование квота квоты",
)
ENGLISH = re.findall(
    r"\S+",
    "law refugee refugees asylum application applications migration migrant migrants labour work permit "
    "permits citizenship border control entry exit statistics registration foreign foreigners citizen "
    "decision decisions status protection subsidiary temporary permanent residence deportation readmission "
    "agreement ministry interior service state programme policy concept strategy data indicator indicators "
    "methodology census population household survey quota quotas report annual national regional",
)
FILLER = [
    f"{stem}{suffix}"
    for stem in ("abc", "dex", "mor", "tal", "vin", "kor", "зар", "лен", "мок", "сит")
    for suffix in ("a", "e", "o", "ia", "um", "ов", "ами", "ая", "ой", "ых")
]
QUERIES = [
    ("беженцев", {}),
    ("ходатайство", {}),
    ("трудовых мигрантов", {}),
    ("вид на жительство", {}),
    ("реадмиссия соглашение", {}),
    ("статистика учета", {"country": "KAZ"}),
    ("депортация", {"type": "law"}),
    ("гражданства", {"year": "2015"}),
    ("перепись населения", {"language": "ru"}),
    ("квоты", {}),
    ("refugees", {}),
    ("asylum applications", {}),
    ("work permits", {"country": "UZB"}),
    ("readmission", {}),
    ("census household survey", {}),
    ("border control", {"type": "decree"}),
    ("residence permit", {}),
    ("migration policy strategy", {"language": "en"}),
    ("deportation", {"year": "2020"}),
    ("quota", {}),
]
COUNTRIES = ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"]
TYPES = ["law", "decree", "regulation", "policy", "statistical-report", "publication"]


def paragraphs(vocabulary, count, rng):
    words = vocabulary * 3 + FILLER
    return [" ".join(rng.choices(words, k=500)).capitalize() + "." for _ in range(count)]


def make_entries(count, countries, rng):
    """SearchEntry objects (unsaved) with ~50 KB bodies, half Russian, some restricted."""
    from search.models import SearchEntry

    pools = {"ru": paragraphs(RUSSIAN, 200, rng), "en": paragraphs(ENGLISH, 200, rng)}
    for number in range(count):
        language = "ru" if number % 2 else "en"
        vocabulary = RUSSIAN if language == "ru" else ENGLISH
        body = "\n\n".join(rng.choices(pools[language], k=9))  # about 50 KB
        title = " ".join(rng.choices(vocabulary, k=6)).capitalize()
        summary = " ".join(rng.choices(vocabulary, k=40)).capitalize() + "."
        date = datetime.date(2000 + number % 25, 1 + number % 12, 1)
        visibility = ("public", "public", "public", "participating", "national")[number % 5]
        yield SearchEntry(
            key=f"bench:{number}",
            kind="document",
            titles={language: title},
            summaries={language: summary},
            urls={language: f"/{language}/library/bench-{number}/"},
            title=title,
            summary=summary,
            body=body,
            country=countries[COUNTRIES[number % len(COUNTRIES)]],
            type=TYPES[number % len(TYPES)],
            year=date.year,
            language=language,
            section=("national-legislation", "policy-papers", "publications")[number % 3],
            date=date,
            visibility=visibility,
        )


def build_index(count, countries):
    """Store and index ``count`` entries in batches; returns (seconds, megabytes of text)."""
    from django.db import transaction

    from search import vocabulary
    from search.backends import get_backend
    from search.models import SearchEntry

    backend, rng, batch, megabytes = get_backend(), random.Random(42), [], 0.0
    started = time.perf_counter()
    for entry in make_entries(count, countries, rng):
        batch.append(entry)
        megabytes += len(entry.body.encode()) / 1e6
        if len(batch) == 200:
            with transaction.atomic():
                stored = SearchEntry.objects.bulk_create(batch)
                backend.index(stored)
                vocabulary.record(stored)
            batch = []
    if batch:
        with transaction.atomic():
            stored = SearchEntry.objects.bulk_create(batch)
            backend.index(stored)
            vocabulary.record(stored)
    return time.perf_counter() - started, megabytes


def relevance(countries):
    """The relevance corpus stored as entries, scored through the search page, then removed: (first share, MRR)."""
    from django.contrib.auth.models import AnonymousUser

    from search import indexing, vocabulary
    from search.backends import Query
    from search.searching import search_page
    from tests.search.relevance_corpus import DOCUMENTS, evaluate

    keys = []
    for document in DOCUMENTS:
        key, language = f"relevance:{document['key']}", document["language"]
        titles = {language: document["title"], **({"en": document["title_en"]} if document["title_en"] else {})}
        indexing.store(
            key,
            {
                "kind": "document",
                "titles": titles,
                "summaries": {language: document["summary"]},
                "urls": {code: f"/{code}/relevance/{document['key']}/" for code in titles},
                "title": " ".join(titles.values()),
                "summary": document["summary"],
                "body": f"{document['text']} {document['topics']}",
                "country": countries.get(document["country"]),
                "type": document["type"],
                "year": document["date"].year,
                "language": language,
                "section": "national-legislation",
                "date": document["date"],
            },
        )
        keys.append(key)

    def run(text):
        page = search_page(AnonymousUser(), Query(text=text))
        keys = [hit.url.rstrip("/").rsplit("/", 1)[-1] for hit in page.hits]
        return keys, page.suggestion.text if page.suggestion else None

    score = evaluate(run)
    for query, wanted, found, note in score.misses:
        print(f"relevance miss: {query!r} wants {wanted}, found {found} ({note})")
    indexing.remove(keys)
    vocabulary.clear()
    return score


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    arguments = parser.parse_args()
    database_url = setup_django()
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.utils import translation

    from dsm_data.models import Role
    from dsm_data.services.accounts import assign_role, save_country
    from search.backends import Query
    from search.backends.database import bare_query
    from search.searching import search_page

    countries = {code: save_country(code, {"en": code, "ru": code}) for code in COUNTRIES}
    translation.activate("ru")
    score = relevance(countries)
    seconds, megabytes = build_index(arguments.documents, countries)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE dsm_search_searchentry")

    from dsm_data.models import User

    official = User.objects.create_user("kaz-user", password="x" * 20)
    assign_role(official, Role.DATA_USER, countries["KAZ"])
    readers = [AnonymousUser(), official]
    full, bare, bare_with_tiers = [], [], []
    for number, (text, filters) in enumerate(QUERIES):
        reader = readers[number % 2]
        query = Query(text=text, filters=filters)
        full += timings_ms(lambda query=query, reader=reader: search_page(reader, query), repeat=10, warmup=1)
        bare += timings_ms(lambda text=text: bare_query(text, tiers=False), repeat=10, warmup=1)
        bare_with_tiers += timings_ms(lambda text=text: bare_query(text), repeat=10, warmup=1)
    quoted = Query(text='"вид на жительство"')
    quoted_phrase = timings_ms(lambda: search_page(AnonymousUser(), quoted), repeat=10, warmup=1)
    sample = search_page(AnonymousUser(), Query(text="беженцев"))
    figures = {
        "database": connection.vendor,
        "documents": arguments.documents,
        "text_mb": round(megabytes, 1),
        "index_documents_per_s": round(arguments.documents / seconds, 1),
        "index_mb_per_s": round(megabytes / seconds, 2),
        "sample_hits_беженцев": sample.total,
        "median_ms": median(full),
        "p95_ms": round(percentile(full, 0.95), 2),
        "bare_median_ms": median(bare),
        "bare_p95_ms": round(percentile(bare, 0.95), 2),
        "ratio_to_bare": round(median(full) / median(bare), 2),
        "bare_with_tiers_median_ms": median(bare_with_tiers),
        "quoted_phrase_ms": median(quoted_phrase),
        "relevance_first_share": score.first_share,
        "relevance_mrr": score.mrr,
    }
    del database_url
    return report("search", figures, {"p95_ms": 150, "ratio_to_bare": 2}, minimums={"relevance_first_share": 0.9})


if __name__ == "__main__":
    sys.exit(main())
