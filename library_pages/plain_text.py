"""Plain text of the pages' fields: what the page types give the search (``search_texts``)."""

import html
import re

TAG = re.compile(r"<[^>]+>")


def plain(rich_text):
    """Text of rich text: tags become spaces, entities characters."""
    return html.unescape(TAG.sub(" ", rich_text or "")).strip()
