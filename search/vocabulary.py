"""The index's own vocabulary (``SearchWord``), for "Did you mean …?". Step 0 of issue 17: the signatures are
final; the bodies come with the suggestions (see /work/notes/issue17_plan.md, point 3a)."""


def record(entries):
    """Upsert the entries' folded words (alphabetic, 3 to 60 letters), each counted once more per entry."""


def clear():
    """Forget the vocabulary (before the index is rebuilt)."""


def nearest(word, *, script, max_distance):
    """[(word, distance)] of the vocabulary's words of ``script`` within ``max_distance`` edits, best first."""
    return []
