"""The index's own vocabulary (``SearchWord``), for "Did you mean …?" (``search.suggestions``).

Every stored entry adds its words (folded, alphabetic, 3 to 60 letters, Cyrillic or Latin) here, each counted
once per entry. The counts are approximate: an entry stored again counts again, and a removed one is not taken
off. That is harmless: a suggestion is checked by a real, permission-trimmed search before it is offered.
The words are compared by their optimal string alignment distance (rapidfuzz's OSA: a swap of two neighbouring
letters counts as one edit), over the same script and a length within two letters.
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import Q
from django.db.models.functions import Substr
from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import text
from .models import SearchWord
from .scripts import CYRILLIC, LATIN, script_of

MIN_LENGTH = 3
# Rows upserted per statement (4 parameters each, well under SQLite's limit).
BATCH = 500
SEARCHED_FIELDS = ("title", "summary", "body")


def kept_script(folded):
    """The script of a folded word the vocabulary keeps, or "" (no letters, or letters of both scripts left)."""
    if CYRILLIC.search(folded) and LATIN.search(folded):
        return ""
    return script_of(folded)


def vocabulary_words(content):
    """The distinct folded words of ``content`` that the vocabulary keeps."""
    kept = set()
    for word in set(text.words(content)):  # each distinct word folded once: a 50 KB text repeats its words
        folded = text.fold(word)
        if len(folded) >= MIN_LENGTH and folded.isalpha() and kept_script(folded):
            kept.add(folded)
    return kept


def record(entries):
    """Upsert the entries' folded words (alphabetic, 3 to 60 letters), each counted once more per entry."""
    counts = Counter()
    for entry in entries:
        words = set()
        for name in SEARCHED_FIELDS:
            words |= vocabulary_words(getattr(entry, name, ""))
        counts.update(words)
    rows = [(word, kept_script(word), len(word), count) for word, count in counts.items()]
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            values = ", ".join(["(%s, %s, %s, %s)"] * len(batch))
            # One statement for SQLite and PostgreSQL alike: a known word only adds to its count.
            cursor.execute(
                f"INSERT INTO {table} (word, script, length, entries) VALUES {values} "
                f"ON CONFLICT (word) DO UPDATE SET entries = {table}.entries + excluded.entries",
                [value for row in batch for value in row],
            )


def clear():
    """Forget the vocabulary (before the index is rebuilt)."""
    SearchWord.objects.all().delete()


def is_known(word):
    return SearchWord.objects.filter(word=text.fold(word)).exists()


def nearest(word, *, script, max_distance):
    """[(word, distance)] of the vocabulary's words of ``script`` within ``max_distance`` edits, best first
    (the fewest edits, then the word found in the most entries); at most five.

    Only words that share one of their first two letters with one of ``word``'s first two are read: a typo
    rarely changes both, and this keeps the read to a small part of a vocabulary of a hundred thousand words.
    """
    word = text.fold(word)
    length, beginning = len(word), list(word[:2])
    candidates = (
        SearchWord.objects.filter(script=script, length__range=(length - max_distance, length + max_distance))
        .annotate(first=Substr("word", 1, 1), second=Substr("word", 2, 1))
        .filter(Q(first__in=beginning) | Q(second__in=beginning))
        .values_list("word", "entries")
    )
    entries = dict(candidates)
    found = process.extract(word, list(entries), scorer=OSA.distance, score_cutoff=max_distance, limit=None)
    ranked = sorted(
        ((choice, distance) for choice, distance, _index in found if choice != word),
        key=lambda pair: (pair[1], -entries[pair[0]], pair[0]),
    )
    return ranked[:5]
