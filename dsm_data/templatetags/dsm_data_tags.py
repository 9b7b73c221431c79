from django import template
from django.utils.translation import gettext as _

from .. import permissions
from ..cells import Cell, format_entry
from ..models import Status
from ..tables import breakdown_label
from ..translation import translated as translated_text

register = template.Library()


@register.filter
def translated(texts):
    """{{ country.name|translated }}: the text in the reader's language."""
    return translated_text(texts)


@register.filter
def entry_text(value):
    """A value, a revision or a value's row (a dict) as typed in the grid: "1,234 p", ":", "c", "z"."""
    return format_entry(Cell.from_value(value) if isinstance(value, dict) else value)


@register.filter
def field_text(instance, field_name):
    """{{ metadata|field_text:"legal_basis" }}: a translated text field of a record."""
    return translated(getattr(instance, field_name))


@register.filter
def state_label(state):
    """The name of a completeness state: a submission status, or "missing"."""
    return Status(state).label if state in Status.values else _("Missing")


@register.filter
def breakdown(series_key, category_names):
    """{{ value.series.key|breakdown:names }}: "Female × Afghanistan"."""
    return breakdown_label(series_key, category_names)


@register.filter
def label(names, code):
    """{{ names|label:code }}: the name of a code in a {code: name} dictionary."""
    return names.get(code, code)


@register.filter
def can_read_audit(user):
    """{% if user|can_read_audit %}: whether the audit trail's page is open to ``user``."""
    return permissions.can_read_audit(user)


@register.filter
def can_manage_users(user):
    """{% if user|can_manage_users %}: a system or country administrator, who has the users' pages."""
    return permissions.can_manage_users_of(user, permissions.country_of(user))
