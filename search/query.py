"""A reader's query, parsed once: its words with their index tokens (and, for a Cyrillic word, every likely
lemma), its stop words, and its quoted phrases. Every backend, the snippets and the suggestions read it.

A word's ``token`` is what the index holds for that same word (``search.text.token``), always the first of
its ``alternatives``: the query side adds the other likely lemmas ("стали": стать or сталь), OR'ed in the match.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from . import text

# A phrase in straight or typographic quotes ("…", «…», “…”, „…“); an unclosed one runs to the end.
QUOTED = re.compile(r'["«“„]([^"«»“”„]*)["»”“]?')


@dataclass(frozen=True)
class QueryWord:
    text: str
    token: str
    alternatives: tuple
    stop: bool
    quoted: int | None  # the index of its quoted group, or None outside quotes


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    words: tuple

    @property
    def required(self):
        """The alternatives of each non-stop word outside quotes (of every word when all are stop words)."""
        kept = [word for word in self.words if word.quoted is None and not word.stop]
        if not kept and not self.phrases:
            kept = [word for word in self.words if word.quoted is None]
        return tuple(word.alternatives for word in kept)

    @property
    def phrases(self):
        """Each quoted group's tokens in order, stop words included."""
        groups = {}
        for word in self.words:
            if word.quoted is not None:
                groups.setdefault(word.quoted, []).append(word.token)
        return tuple(tuple(tokens) for _number, tokens in sorted(groups.items()) if tokens)

    @property
    def sequence(self):
        return tuple(word.token for word in self.words)

    @property
    def kept_tokens(self):
        """The tokens of the non-stop words, in order (of every word when all are stop words)."""
        return tuple(word.token for word in self.words if not word.stop) or self.sequence

    @property
    def highlight_tokens(self):
        return frozenset(token for word in self.words for token in word.alternatives)

    def without(self, positions):
        """The query less the words at ``positions`` (the words taken as metadata: a year, a country)."""
        kept = tuple(word for number, word in enumerate(self.words) if number not in positions)
        return ParsedQuery(self.text, kept)


@lru_cache(maxsize=2048)
def parse_query(query):
    """``query`` as typed; an unbalanced quote counts as closed at the end of the query."""
    parsed, position = [], 0
    for group, match in enumerate(QUOTED.finditer(query)):
        parsed += _words(query[position : match.start()], quoted=None)
        parsed += _words(match.group(1), quoted=group)
        position = match.end()
    parsed += _words(query[position:], quoted=None)
    return ParsedQuery(query, tuple(parsed))


def _words(part, *, quoted):
    found = []
    for word in text.words(part):
        stop = text.fold(word) in text.STOP_WORDS
        found.append(QueryWord(word, text.token(word), text.token_alternatives(word), stop, quoted))
    return found
