"""Language-neutral normalising and highlighting, the same for indexing and for queries.

No database offers Russian, Ukrainian and English word forms in one configuration (SQLite FTS5
has none), so words are normalised here, in Python, and every backend indexes the resulting tokens
with its plain tokeniser ("unicode61", "simple", Elasticsearch's "whitespace"). A word's token depends
on the word alone: it is folded (look-alike letters of the other script mapped, lower case, ё as е,
apostrophes dropped), then a Cyrillic word becomes its lemma (``search.morphology``: беженцев and
беженцами are "беженец"), a Latin one its English Snowball stem. Exactly one token per word, stop words
kept, so that positions agree for phrases.
"""

import re
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape

from . import morphology
from .scripts import APOSTROPHES, look_alike_class, script_of, unmix

# Letters and digits, with the apostrophes inside a Ukrainian word ("сім'ї"); "_" and the rest separate words.
WORD = re.compile(rf"[^\W_]+(?:[{APOSTROPHES}][^\W_]+)*")
SINGLE_TOKEN = re.compile(r"[^\W_]+")
_DROP_APOSTROPHES = str.maketrans("", "", APOSTROPHES)
_english = snowballstemmer.stemmer("english")

# Left out of queries only (documents keep them): "law on refugees" must find "Law on Refugees".
STOP_WORDS = frozenset(
    re.findall(
        r"\S+",
        "a an and are as at be by for from in into is it of on or the to with "
        "в во и или к на не о об от по с со у за из для до как что это "
        "і й та у з до про що як або від це",
    )
)
# Longest word kept in the index: longer "words" are base64 or hashes, and PostgreSQL skips them anyway.
MAX_WORD_LENGTH = 60
# The snippet reads at most this much of a text, and stops after this many matched words.
SNIPPET_MAX_CHARS = 600_000
SNIPPET_MAX_SPANS = 2_000


def fold(word):
    """``word`` in one script, lower case, ё as е, without apostrophes."""
    return unmix(word).lower().replace("ё", "е").translate(_DROP_APOSTROPHES)


def _folded_for_analysis(word):
    """As ``fold``, but a Ukrainian apostrophe kept (as "'") so that the dictionary knows сім'я."""
    folded = unmix(word).lower().replace("ё", "е")
    return re.sub(f"[{APOSTROPHES}]", "'", folded)


@lru_cache(maxsize=200_000)
def token(word, language=None):
    """The index token of one word of a text in ``language`` (or of a query): the lemma of a Cyrillic word, the
    English stem of a Latin one, else the word folded. A word with a digit (2009г, COVID-19) is only folded."""
    folded = fold(word)
    script = "" if any(character.isdigit() for character in folded) else script_of(folded)
    if script == "cyrillic":
        found = morphology.lemma(_folded_for_analysis(word), language)
    elif script == "latin":
        found = _english.stemWord(folded)
    else:
        found = folded
    return found if SINGLE_TOKEN.fullmatch(found) else folded


@lru_cache(maxsize=20_000)
def token_alternatives(word, language=None):
    """Query side: ``token(word, language)`` first, then, for a Cyrillic word, its other likely lemmas."""
    first, folded = token(word, language), fold(word)
    if any(character.isdigit() for character in folded) or script_of(folded) != "cyrillic":
        return (first,)
    found = [first, *morphology.lemmas(_folded_for_analysis(word), language)]
    return tuple(dict.fromkeys(item for item in found if SINGLE_TOKEN.fullmatch(item)))


def words(text):
    return [word for word in WORD.findall(text or "") if len(word) <= MAX_WORD_LENGTH]


def normalised_text(text, language=None):
    """The text (in ``language``, when known) as the index stores it: one token per word, separated by spaces."""
    language = language if language in morphology.LANGUAGES else None  # the others read as a query does
    return " ".join(token(word, language) for word in words(text))


# Matching and snippets: where a query's words stand in a text.


def _query_groups(query):
    """(groups, stop words) of a ``search.query.ParsedQuery``: each kept word's alternatives, in order
    (every word's when all are stop words), and the query's stop words."""
    kept = [word.alternatives for word in query.words if not word.stop] or [word.alternatives for word in query.words]
    stops = {fold(word.text) for word in query.words if word.stop}
    return tuple(dict.fromkeys(tuple(group) for group in kept)), frozenset(stops)


def _letters_pattern(word):
    """A regex of ``word`` as a text may write it: ё for е, look-alike letters, apostrophes between letters."""
    parts = []
    for letter in word:
        part = "[еёe]" if letter == "е" else look_alike_class(letter)
        parts.append(part if script_of(letter) != "cyrillic" else part + f"[{APOSTROPHES}]?")
    return "".join(parts)


def _prefixes(alternative):
    """Prefixes that every form of ``alternative`` starts with (or the forms themselves when they share none)."""
    if script_of(alternative) != "cyrillic":
        return {alternative[:-1] if len(alternative) > 3 else alternative}
    found = morphology.forms(alternative) | {alternative}
    common = min(found, key=len)
    for form in found:
        while not form.startswith(common):
            common = common[:-1]
    return {common} if len(common) >= 3 else found


@lru_cache(maxsize=256)
def _matcher(groups):
    """(candidate regex, [(tokens, forms)] per group) for the query words ``groups``."""
    prefixes = {prefix for group in groups for alternative in group for prefix in _prefixes(alternative)}
    alternation = "|".join(_letters_pattern(prefix) for prefix in sorted(prefixes, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternation})[^\W_]*(?:[{APOSTROPHES}][^\W_]+)*", re.IGNORECASE)
    checks = []
    for group in groups:
        cyrillic = [alternative for alternative in group if script_of(alternative) == "cyrillic"]
        checks.append((frozenset(group), frozenset().union(*(morphology.forms(item) for item in cyrillic))))
    return pattern, checks


def _spans(text, groups):
    """[(start, end, frozenset of the groups matched)] of the words of ``text`` that are query words."""
    if not text or not groups:
        return []
    pattern, checks = _matcher(groups)
    found = []
    for candidate in pattern.finditer(text[:SNIPPET_MAX_CHARS]):
        word = candidate.group()
        if len(word) > MAX_WORD_LENGTH:
            continue
        word_token, folded = token(word), fold(word)
        matched = frozenset(
            number for number, (tokens, forms) in enumerate(checks) if word_token in tokens or folded in forms
        )
        if matched:
            found.append((*candidate.span(), matched))
            if len(found) >= SNIPPET_MAX_SPANS:
                break
    return found


def matches(text, query):
    """[(start, end)] of the words of ``text`` that are one of the query's words (in any of their forms)."""
    groups, _stops = _query_groups(query)
    return [(start, end) for start, end, _matched in _spans(text, groups)]


def highlight(text, spans):
    """``text`` escaped, with each span wrapped in <mark>; safe to show as HTML."""
    parts, position = [], 0
    for start, end in spans:
        parts += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    parts.append(escape(text[position:]))
    return "".join(parts)


def snippet(text, query, length=240):
    """The passage of ``text`` where the query's words stand best together, marked; "" when nothing matches.

    Each passage beginning at a matched word is scored by: does it hold the query's words in order, side
    by side (only spaces, punctuation or the query's stop words between them); how many of the query's
    words it holds; how early it comes.
    """
    if not text:
        return ""
    groups, stops = _query_groups(query)
    spans = _spans(text, groups)
    if not spans:
        return ""
    first = _best_passage(text, spans, len(groups), stops, length)
    start = max(0, spans[first][0] - length // 4)
    if start:  # begin at a word boundary
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < spans[first][0] else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", spans[first][1], end)
        end = space if space > 0 else end
    shown = [
        (span_start - start, span_end - start)
        for span_start, span_end, _ in spans
        if start <= span_start and span_end <= end
    ]
    passage = " ".join(highlight(text[start:end], shown).split())
    return ("… " if start else "") + passage + (" …" if end < len(text) else "")


def _best_passage(text, spans, group_count, stops, length):
    """The index of the span that begins the best passage (see ``snippet``)."""
    adjacent = [_only_stop_words(text[spans[i][1] : spans[i + 1][0]], stops) for i in range(len(spans) - 1)]
    # next_phrase[i]: the first span at or after i where the query's words stand side by side (its end is the earliest).
    next_phrase, following = [None] * (len(spans) + 1), None
    for i in range(len(spans) - 1, -1, -1):
        following = i if _phrase_at(spans, adjacent, i, group_count) else following
        next_phrase[i] = following
    reach = length - length // 4
    best, best_score, last = 0, None, 0
    for first, (start, _end, _matched) in enumerate(spans):
        last = max(last, first)
        while last + 1 < len(spans) and spans[last + 1][1] <= start + reach:
            last += 1
        in_window = spans[first : last + 1]
        phrase = next_phrase[first]
        has_phrase = phrase is not None and phrase + group_count - 1 <= last
        distinct = len(frozenset().union(*(matched for _s, _e, matched in in_window)))
        score = (has_phrase, distinct, -start)
        if best_score is None or score > best_score:
            best, best_score = first, score
    return best


def _phrase_at(spans, adjacent, first, group_count):
    """Whether the query's words, in order, stand side by side from span ``first`` on."""
    if group_count < 2 or first + group_count > len(spans):
        return False
    return all(
        number in spans[first + number][2] and (number == 0 or adjacent[first + number - 1])
        for number in range(group_count)
    )


def _only_stop_words(gap, stops):
    return all(fold(word) in stops for word in WORD.findall(gap))
