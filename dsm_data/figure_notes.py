"""Numbered notes under a table of figures: each figure's footnote and each row's source, said once.

A page marks a figure with its note's number (``<sup><a href="#note-3">3</a></sup>``) and lists
the notes under the table, so that the table stays narrow enough for a phone while every
figure still points to what explains it. The same text keeps its number: ten years of one
source are one note.
"""

from django.utils.translation import gettext as _


class Notes:
    """The notes of one page, numbered from 1 in the order they are first asked for."""

    def __init__(self):
        self._numbers = {}

    def number(self, text):
        """The number of the note saying ``text``; None when there is nothing to say."""
        text = (text or "").strip()
        if not text:
            return None
        return self._numbers.setdefault(text, len(self._numbers) + 1)

    def source(self, source):
        """The number of the note naming a data source; None when it is not described."""
        return self.number(_("Source: %(source)s") % {"source": source.strip()}) if (source or "").strip() else None

    def listed(self):
        """[(number, text)] in their numbers' order, for the list under the table."""
        return [(number, text) for text, number in self._numbers.items()]
