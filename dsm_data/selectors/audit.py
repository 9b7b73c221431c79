"""Reads of the audit trail (dsm_data.models.audit): its page, its CSV, and what an export holds.

Every listing starts from ``permissions.readable_audit_entries``, the one rule of who
reads which entries, before any filter, count or page.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .. import permissions
from ..models import AuditEntry, Confidentiality, Country
from ..models.audit import AUDIT_ACTIONS

# The keys of an entry's data, as the page names them; any other key is shown as it is.
DETAIL_LABELS = {
    "from": _("from"),
    "to": _("to"),
    "comment": _("comment"),
    "format": _("format"),
    "rows": _("rows"),
    "filters": _("filters"),
    "confidentialities": _("confidentiality"),
    "embargoed": _("not yet released"),
    "kind": _("kind"),
    "visibility": _("visibility"),
}


def action_choices():
    """[(action, label)] of the trail's events, for the filter."""
    return [(action, label) for action, (label, _message) in AUDIT_ACTIONS.items()]


def audit_entries(user, *, action="", user_name="", date_from=None, date_to=None, country_code="", address=""):
    """The entries ``user`` may read, narrowed by the filters, newest first."""
    entries = permissions.readable_audit_entries(user, AuditEntry.objects.all())
    if action:
        entries = entries.filter(action=action)
    if user_name:
        entries = entries.filter(
            Q(user__username__icontains=user_name)
            | Q(user__first_name__icontains=user_name)
            | Q(user__last_name__icontains=user_name)
        )
    if date_from:
        entries = entries.filter(timestamp__date__gte=date_from)
    if date_to:
        entries = entries.filter(timestamp__date__lte=date_to)
    if country_code:
        entries = entries.filter(country__code=country_code)
    if address:
        entries = entries.filter(ip_address__startswith=address)
    return entries.select_related("user", "country", "content_type").order_by("-timestamp", "-pk")


def entries_page(entries, *, number, size):
    """Page ``number`` (from 1) of ``size`` entries, and whether another follows: no COUNT over the trail."""
    start = (number - 1) * size
    rows = list(entries[start : start + size + 1])
    return rows[:size], len(rows) > size


@dataclass
class AuditRow:
    """One entry as the page and the CSV show it."""

    time: object
    user: str
    action: str
    action_label: str
    object_type: str
    object_id: str
    object_label: str
    country_code: str
    country: str
    address: str
    details: str


def audit_row(entry):
    """An entry as the page and the CSV show it: labels in the reader's language, data as one line."""
    label = AUDIT_ACTIONS.get(entry.action, (entry.action, ""))[0]
    return AuditRow(
        time=entry.timestamp,
        user=entry.user_display_name if entry.user_id else "",
        action=entry.action,
        action_label=str(label),
        object_type=_object_type(entry),
        object_id=entry.object_id,
        object_label=entry.label,
        country_code=entry.country.code if entry.country_id else "",
        country=str(entry.country) if entry.country_id else "",
        address=entry.ip_address or "",
        details=details_text(entry.data),
    )


def _object_type(entry):
    """The kind of object an entry is about ("submission"), or "" when it is about none."""
    if entry.content_type_id is None:
        return ""
    model = entry.content_type.model_class()
    return str(model._meta.verbose_name) if model else entry.content_type.model


def details_text(data):
    """An entry's data as one line: "from: draft; to: submitted; comment: …".

    Keys in DETAIL_LABELS' order, then the others by name: PostgreSQL's jsonb keeps no order.
    """
    data = data or {}
    order = list(DETAIL_LABELS)
    keys = sorted(data, key=lambda key: (order.index(key) if key in order else len(order), key))
    parts = []
    for key, value in ((key, data[key]) for key in keys):
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(item) for item in value)
        parts.append(f"{DETAIL_LABELS.get(key, key)}: {value}")
    return "; ".join(parts)


def figures_summary(values, *, now):
    """What ``values`` (a queryset of Value) hold, in one query.

    {"rows": how many, "confidentialities": [levels], "embargoed": how many not yet
    released, "restricted_countries": [pks of the countries whose figures are not
    public]}. The audit trail records an export that ``holds_restricted_figures``.
    """
    groups = (
        values.order_by()
        .values("confidentiality", "country")
        .annotate(rows=Count("pk"), unreleased=Count("pk", filter=Q(released_at__isnull=True) | Q(released_at__gt=now)))
    )
    summary = {"rows": 0, "confidentialities": set(), "embargoed": 0, "restricted_countries": set()}
    for group in groups:
        summary["rows"] += group["rows"]
        summary["embargoed"] += group["unreleased"]
        summary["confidentialities"].add(group["confidentiality"])
        if group["unreleased"] or group["confidentiality"] != Confidentiality.PUBLIC:
            summary["restricted_countries"].add(group["country"])
    summary["confidentialities"] = sorted(summary["confidentialities"])
    summary["restricted_countries"] = sorted(summary["restricted_countries"])
    return summary


def holds_restricted_figures(summary):
    """Whether a ``figures_summary`` includes a value that is not public, or not yet released."""
    return bool(summary["restricted_countries"])


def country_choices():
    """[(code, name)] of every country, for the system administrators' filter."""
    return [(country.code, str(country)) for country in Country.objects.order_by("code")]
