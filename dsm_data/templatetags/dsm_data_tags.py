from django import template

from ..numbers import format_entry
from ..translation import translated as translated_text

register = template.Library()


@register.filter
def translated(texts):
    """{{ country.name|translated }}: the text in the reader's language."""
    return translated_text(texts)


@register.filter
def entry_text(value):
    """A value or revision as typed in the grid: "1,234 p", ":", "c", "z"."""
    return format_entry(value)
