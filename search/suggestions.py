"""Did you mean …?: when a query finds little, the index's own nearest words for those it does not know.

A word of the query outside quotes, not a stop word, that the vocabulary (``search.vocabulary``) does not hold
(any such word when the query found nothing) is replaced by a known word of the same script near it (one edit
for a word of up to five letters, else two); the three nearest are tried in turn. A new query is offered only if
a real search, trimmed to what the reader may read and with the same filters, finds more than the reader's query
did: the vocabulary is global, so a word of a document the reader may not read is never suggested to them, and a
word only such documents hold is treated as any unknown word.
"""

from dataclasses import dataclass

from django.utils.html import escape

from . import text, vocabulary
from .backends import Query, get_backend
from .query import parse_query

# A query with fewer results than this gets a suggestion, when one finds more.
FEW_RESULTS = 3
SHORT_WORD = 5
# At most this many words of a query are replaced, and this many suggestions are checked by a search.
MAX_REPLACED_WORDS = 3
CANDIDATES = 3


@dataclass(frozen=True)
class Suggestion:
    text: str
    html: str  # the changed words marked with <strong>


def suggest(query, *, user, total):
    """The Suggestion for ``query`` (which found ``total`` results for ``user``), or None."""
    if total >= FEW_RESULTS or not query.text:
        return None
    backend = get_backend()
    for replacements in _replacements(query.text, everything=total == 0):
        suggestion = _rewritten(query.text, replacements)
        check = Query(text=suggestion.text, filters=query.filters, per_page=1)
        if backend.search(check, user=user).total > total:
            return suggestion
    return None


def _replacements(query_text, *, everything):
    """Up to ``CANDIDATES`` {number of the word in the query: a known word near it}, the nearest first.

    The words replaced are those the vocabulary does not hold, or, when the query found nothing
    (``everything``), every word: the vocabulary is global, so holding back a known word there would tell a
    reader that some document they may not read has it.
    """
    nearest_words = {}
    for number, word in enumerate(parse_query(query_text).words):
        folded = text.fold(word.text)
        script = vocabulary.kept_script(folded)
        if word.quoted is not None or word.stop or not script or not folded.isalpha():
            continue
        if len(folded) < vocabulary.MIN_LENGTH or (not everything and vocabulary.is_known(folded)):
            continue
        found = vocabulary.nearest(folded, script=script, max_distance=1 if len(folded) <= SHORT_WORD else 2)
        if found:
            nearest_words[number] = [known for known, _distance in found]
        if len(nearest_words) == MAX_REPLACED_WORDS:
            break
    if not nearest_words:
        return []
    return [
        {number: choices[min(attempt, len(choices) - 1)] for number, choices in nearest_words.items()}
        for attempt in range(min(CANDIDATES, max(len(choices) for choices in nearest_words.values())))
    ]


def _rewritten(query_text, replacements):
    """The query with the words at the numbers of ``replacements`` replaced, everything else as typed."""
    plain, marked, position, number = [], [], 0, 0
    for match in text.WORD.finditer(query_text):
        if len(match.group()) > text.MAX_WORD_LENGTH:
            continue  # not a word of the parsed query
        if number in replacements:
            before = query_text[position : match.start()]
            plain += [before, replacements[number]]
            marked += [escape(before), f"<strong>{escape(replacements[number])}</strong>"]
            position = match.end()
        number += 1
    plain.append(query_text[position:])
    marked.append(escape(query_text[position:]))
    return Suggestion(text="".join(plain), html="".join(marked))
