"""The audit trail's page and its CSV: system administrators read every entry, country administrators theirs."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .. import exports, permissions
from ..audit_forms import AuditFilterForm
from ..selectors import audit

CSV_HEADER = [
    "time", "user", "action", "action_label", "object_type", "object_id", "object",
    "country_code", "country", "address", "details",
]  # fmt: skip


def _filter_form(request):
    """The filters of the URL; the country filter for those who read every country only."""
    if not permissions.can_read_audit(request.user):
        raise PermissionDenied
    reads_all = permissions.is_system_admin(request.user)
    return AuditFilterForm(request.GET, country_choices=audit.country_choices() if reads_all else None), reads_all


@login_required
def audit_trail(request):
    """The entries the reader may read, filtered, newest first, a bounded page at a time."""
    form, reads_all = _filter_form(request)
    rows, has_next, page = [], False, 1
    if form.is_valid():
        page = form.cleaned_data["page"]
        entries = audit.audit_entries(request.user, **form.filters())
        found, has_next = audit.entries_page(entries, number=page, size=form.cleaned_data["per_page"])
        rows = [audit.audit_row(entry) for entry in found]
    query = request.GET.copy()
    for name in ("page", "export"):
        query.pop(name, None)
    return render(
        request,
        "dsm_data/audit/trail.html",
        {
            "form": form,
            "rows": rows,
            "page": page,
            "has_previous": page > 1,
            "has_next": has_next,
            "query": query.urlencode(),
            "shows_site_history": reads_all,
        },
        status=200 if form.is_valid() else 400,
    )


@login_required
def audit_trail_csv(request):
    """Every filtered entry the reader may read, streamed, as CSV (safe against formula injection)."""
    form, _reads_all = _filter_form(request)
    if not form.is_valid():
        return audit_trail(request)  # the page names what is wrong
    entries = audit.audit_entries(request.user, **form.filters())
    rows = (
        [
            row.time.isoformat(),
            row.user,
            row.action,
            row.action_label,
            row.object_type,
            row.object_id,
            row.object_label,
            row.country_code,
            row.country,
            row.address,
            row.details,
        ]
        for row in map(audit.audit_row, entries.iterator(chunk_size=2000))
    )
    return exports.csv_response("dsm-audit", CSV_HEADER, rows)
