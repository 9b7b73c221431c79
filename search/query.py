"""A reader's query, parsed once: its words with their index tokens (and, for a Cyrillic word, every likely
lemma), its stop words, and its quoted phrases. Every backend, the snippets and the suggestions read it.

A word's ``token`` is what the index holds for that same word (``search.text.token``), always the first of
its ``alternatives``: the query side adds the other likely lemmas ("стали": стать or сталь; "особи": особь or
особа), OR'ed in the match. A query with a Ukrainian word is read as Ukrainian, so that its tokens, which the
phrase and near tiers compare, are those of a Ukrainian text ("Верховної Ради").
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from . import morphology, text
from .scripts import script_of

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

    def without(self, positions):
        """The query less the words at ``positions`` (the words taken as metadata: a year, a country)."""
        kept = tuple(word for number, word in enumerate(self.words) if number not in positions)
        return ParsedQuery(self.text, kept)


@lru_cache(maxsize=2048)
def parse_query(query):
    """``query`` as typed; an unbalanced quote counts as closed at the end of the query."""
    parts, position = [], 0  # (text, its quoted group or None)
    for group, match in enumerate(QUOTED.finditer(query)):
        parts += [(query[position : match.start()], None), (match.group(1), group)]
        position = match.end()
    parts.append((query[position:], None))
    found = [(word, quoted) for part, quoted in parts for word in text.words(part)]
    language = query_language(word for word, _quoted in found)
    return ParsedQuery(query, tuple(_query_word(word, quoted, language) for word, quoted in found))


def query_language(words):
    """ "uk" when one of ``words`` is read as Ukrainian (``search.morphology.language_of``), else None."""
    for word in words:
        folded = text.fold(word)
        if script_of(folded) == "cyrillic" and morphology.language_of(folded) == "uk":
            return "uk"
    return None


def _query_word(word, quoted, language):
    stop = text.fold(word) in text.STOP_WORDS
    return QueryWord(word, text.token(word, language), text.token_alternatives(word, language), stop, quoted)
