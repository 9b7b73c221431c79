"""A reader's query, parsed once: its words with their index tokens (and, for a Cyrillic word, every likely
lemma), its stop words, and its quoted phrases. Every backend, the snippets and the suggestions read it.

Step 0 of issue 17 (see /work/notes/issue17_plan.md, section 4.1): the shapes are final, the tokens are
still today's stems until ``search.text.token`` and ``search.morphology`` replace them.
"""

import re
from dataclasses import dataclass
from functools import cache

from . import text

QUOTED = re.compile(r'"([^"]*)"?')


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
        return tuple(word.token for word in self.words if not word.stop)

    @property
    def highlight_tokens(self):
        return frozenset(token for word in self.words for token in word.alternatives)

    def without(self, positions):
        """The query less the words at ``positions`` (the words taken as metadata: a year, a country)."""
        kept = tuple(word for number, word in enumerate(self.words) if number not in positions)
        return ParsedQuery(self.text, kept)


@cache
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
        token = text.stem(word)
        found.append(QueryWord(word, token, (token,), token in text.STOP_WORDS, quoted))
    return found
