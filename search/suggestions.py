"""Did you mean …?: when a query finds little, the index's own nearest words for those it does not know.

A word of the query outside quotes, not a stop word, that the vocabulary (``search.vocabulary``) does not hold
is replaced by its nearest known word of the same script (one edit for a word of up to five letters, else two).
The new query is offered only if a real search, trimmed to what the reader may read and with the same filters,
finds more than the reader's query did: the vocabulary is global, so a word of a document the reader may not
read is never suggested to them.
"""

from dataclasses import dataclass

from django.utils.html import escape

from . import text, vocabulary
from .backends import Query, get_backend
from .query import parse_query

# A query with fewer results than this gets a suggestion, when one finds more.
FEW_RESULTS = 3
SHORT_WORD = 5


@dataclass(frozen=True)
class Suggestion:
    text: str
    html: str  # the changed words marked with <strong>


def suggest(query, *, user, total):
    """The Suggestion for ``query`` (which found ``total`` results for ``user``), or None."""
    if total >= FEW_RESULTS or not query.text:
        return None
    replacements = _replacements(query.text)
    if not replacements:
        return None
    suggestion = _rewritten(query.text, replacements)
    check = Query(text=suggestion.text, filters=query.filters, per_page=1)
    if get_backend().search(check, user=user).total <= total:
        return None
    return suggestion


def _replacements(query_text):
    """{number of the word in the query: its nearest known word} for the words the index does not know."""
    replacements = {}
    for number, word in enumerate(parse_query(query_text).words):
        folded = text.fold(word.text)
        script = vocabulary.script_of(folded)
        if word.quoted is not None or word.stop or not script or not folded.isalpha():
            continue
        if len(folded) < vocabulary.MIN_LENGTH or vocabulary.is_known(folded):
            continue
        nearest = vocabulary.nearest(folded, script=script, max_distance=1 if len(folded) <= SHORT_WORD else 2)
        if nearest:
            replacements[number] = nearest[0][0]
    return replacements


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
