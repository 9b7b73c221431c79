"""Language-neutral stemming and highlighting, the same for indexing and for queries.

No database offers Russian and English stemming in one configuration (SQLite FTS5
has no Russian stemmer at all), so words are stemmed here, in Python, and the
databases index the stems with their plain ("simple", "unicode61") tokenisers.
Every word is lower-cased, ё is folded into е, and Cyrillic words go through the
Russian Snowball stemmer, Latin ones through the English one: a query in either
language finds every document, whatever the reader's interface language.
"""

import functools
import re
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape

# Letters and digits; "_" and punctuation separate words, as in FTS5's unicode61 and PostgreSQL's parser.
WORD = re.compile(r"[^\W_]+")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LATIN = re.compile(r"[a-z]")

_russian = snowballstemmer.stemmer("russian")
_english = snowballstemmer.stemmer("english")

# Left out of queries only (documents keep them): "law on refugees" must find "Law on Refugees".
STOP_WORDS = frozenset(
    re.findall(
        r"\S+",
        "a an and are as at be by for from in into is it of on or the to with "
        "в во и или к на не о об от по с со у за из для до как что это",
    )
)
# Longest word kept in the index: longer "words" are base64 or hashes, and PostgreSQL skips them anyway.
MAX_WORD_LENGTH = 60


def fold(word):
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def stem(word):
    """The stem of one word: Russian for Cyrillic, English for Latin, the folded word otherwise."""
    folded = fold(word)
    if CYRILLIC.search(folded):
        return _russian.stemWord(folded)
    if LATIN.search(folded):
        return _english.stemWord(folded)
    return folded


def words(text):
    return [word for word in WORD.findall(text or "") if len(word) <= MAX_WORD_LENGTH]


def stemmed_text(text):
    """The text as the index stores it: its stems separated by spaces."""
    return " ".join(map(stem, words(text)))


def query_stems(query):
    """The distinct stems of a query, in order, without stop words (unless the query is only those)."""
    all_words = words(query)
    kept = [word for word in all_words if fold(word) not in STOP_WORDS] or all_words
    return list(dict.fromkeys(stem(word) for word in kept))


@functools.lru_cache(maxsize=64)
def _candidate_pattern(stems):
    """A regex finding words that may have one of ``stems``; each candidate is then checked by stemming it.

    A stem is nearly always a prefix of its words (English "happi" of "happy" is not:
    hence the last letter dropped), and a regex scan runs in C, so long texts stay fast.
    """
    prefixes = sorted({(item[:-1] if len(item) > 3 else item) for item in stems}, key=len, reverse=True)
    alternatives = "|".join(re.escape(prefix).replace("е", "[её]") for prefix in prefixes)
    return re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*", re.IGNORECASE)


def matches(text, stems):
    """[(start, end)] of the words of ``text`` whose stem is one of ``stems``."""
    if not text or not stems:
        return []
    wanted = set(stems)
    return [found.span() for found in _candidate_pattern(tuple(stems)).finditer(text) if stem(found.group()) in wanted]


def highlight(text, spans):
    """``text`` escaped, with each span wrapped in <mark>; safe to show as HTML."""
    parts, position = [], 0
    for start, end in spans:
        parts += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def snippet(text, stems, length=240):
    """A passage of ``text`` around its first matches, matched words marked; "" when nothing matches."""
    if not text:
        return ""
    first = _first_matches(text, stems, length)
    if not first:
        return ""
    start = max(0, first[0][0] - length // 4)
    if start:  # begin at a word boundary
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first[0][0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", first[-1][1], end)
        end = space if space > 0 else end
    spans = [(match_start - start, match_end - start) for match_start, match_end in first if match_end <= end]
    passage = " ".join(highlight(text[start:end], spans).split())
    return ("… " if start else "") + passage + (" …" if end < len(text) else "")


def _first_matches(text, stems, length):
    """The first match and those following it within ``length`` characters."""
    if not stems:
        return []
    wanted = set(stems)
    found = []
    for candidate in _candidate_pattern(tuple(stems)).finditer(text):
        if found and candidate.start() - found[0][0] > length // 2:
            break
        if stem(candidate.group()) in wanted:
            found.append(candidate.span())
    return found
