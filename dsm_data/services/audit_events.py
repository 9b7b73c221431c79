"""The audit trail's export and download events, recorded by the views that send figures or files, and its retention.

Each goes through ``services.audit.record``, like every other event of the trail.
"""

from datetime import timedelta

from django.utils import timezone

from .. import permissions
from ..models import AuditEntry, Country
from ..selectors.audit import figures_summary, holds_restricted_figures
from . import audit


def record_export(values, *, file_format, filters="", instance=None, label="", reader=None):
    """Record an export of ``values`` (a queryset of Value) if any is not public or not yet released.

    A ``reader`` who sees public, released figures only (``permissions.sees_public_figures_only``)
    cannot export anything else: no query (counting 340,000 figures took longer than writing them).
    Otherwise one query decides; the entry names the country whose restricted figures left, when
    there is one (else the instance's, or the exporter's); ``label``: the file's name when
    no ``instance`` names it. Returns the entry, or None.
    """
    if reader is not None and permissions.sees_public_figures_only(reader):
        return None
    summary = figures_summary(values, now=timezone.now())
    if not holds_restricted_figures(summary):
        return None
    countries = summary["restricted_countries"]
    country = Country.objects.get(pk=countries[0]) if len(countries) == 1 else None
    return audit.record(
        "dsm.export",
        instance=instance,
        country=country,
        label=label,
        data={
            "format": file_format,
            "rows": summary["rows"],
            "filters": filters,
            "confidentialities": summary["confidentialities"],
            "embargoed": summary["embargoed"],
        },
    )


def record_download(instance, *, kind, country=None, **details):
    """Record the download of a restricted file: a library document, a delivery or a paper scan."""
    return audit.record("dsm.download", instance=instance, country=country, data={"kind": kind, **details})


def prune_audit_trail(*, days):
    """Delete the entries older than ``days`` days; returns how many."""
    deleted, _by_model = AuditEntry.objects.filter(timestamp__lt=timezone.now() - timedelta(days=days)).delete()
    return deleted
