from django import template

from ..translation import translated as translated_text

register = template.Library()


@register.filter
def translated(texts):
    """{{ country.name|translated }}: the text in the reader's language."""
    return translated_text(texts)
