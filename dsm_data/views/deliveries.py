"""Uploads of figures: the file, the preview of what it changes, the confirmation and its receipt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import exports, files, permissions
from ..cells import format_entry
from ..forms import ConfirmUploadForm, UploadForm
from ..intake.problems import Rejected
from ..intake.reading import check_size
from ..models import Delivery, DeliveryKind, DeliveryStatus, Value
from ..selectors.deliveries import receipt_changes, saved_mappings
from ..services import audit_events
from ..services import deliveries as services
from .parameters import whole_number

PREVIEW_ROWS = 500
RECEIPT_ROWS = 500  # changes listed on a receipt's page; its CSV holds them all
RECEIPT_CSV_CHUNK = 2000
RECEIPT_HEADER = [
    "country", "period", "indicator", "figure", "before", "after", "reason", "correction", "changed_by", "changed_at",
]  # fmt: skip


@login_required
def upload(request):
    """Send a file: it is checked whole, and kept only to be previewed and confirmed (or first mapped)."""
    if not permissions.can_use_submissions(request.user):
        raise PermissionDenied
    mappings = saved_mappings(request.user)
    initial = {}
    if request.method == "GET" and (chosen := whole_number(request.GET.get("mapping"))):
        initial["mapping"] = mappings.filter(pk=chosen).first()
    form = UploadForm(request.POST or None, request.FILES or None, mappings=mappings, initial=initial)
    groups = []
    if request.method == "POST" and form.is_valid():
        uploaded, mapping = form.cleaned_data["file"], form.cleaned_data["mapping"]
        reason = form.cleaned_data["reason"].strip()
        try:
            check_size(uploaded.size)  # before reading it into memory
            if form.cleaned_data["map_columns"]:
                delivery = services.keep_for_mapping(uploaded.read(), original_name=uploaded.name, user=request.user)
                request.session[mapping_session_key(delivery)] = {"reason": reason, "mapping": mapping and mapping.pk}
                return redirect("dsm_data:delivery_mapping", delivery.pk)
            delivery, _changes = services.receive(
                uploaded.read(), original_name=uploaded.name, user=request.user, mapping=mapping, reason=reason
            )
        except Rejected as rejected:
            groups = rejected.groups
        else:
            return redirect("dsm_data:delivery", delivery.pk)
    return render(
        request,
        "dsm_data/upload.html",
        {
            "form": form,
            "groups": groups,
            "problems": [str(problem) for group in groups for problem in group.problems],
            "problem_count": sum(group.count for group in groups),
            # A refused table may be a publisher's: point to the mapping step, unless it was just used.
            "can_map": bool(groups) and not form.cleaned_data.get("map_columns"),
            "has_mappings": mappings.exists(),
        },
        status=400 if groups else 200,
    )


def mapping_session_key(delivery):
    """Where the upload form leaves its reason and saved mapping for the mapping step of ``delivery``."""
    return f"dsm-upload-{delivery.pk}"


def _readable_delivery(request, pk):
    delivery = get_object_or_404(Delivery.objects.select_related("country", "sender"), pk=pk)
    if not permissions.can_read_delivery(request.user, delivery):
        raise Http404
    return delivery


@login_required
def delivery_detail(request, pk):
    """A pending upload's preview with the confirm button, or an accepted upload's receipt with every change."""
    delivery = _readable_delivery(request, pk)
    if delivery.status == DeliveryStatus.MAPPING and permissions.can_complete_delivery(request.user, delivery):
        return redirect("dsm_data:delivery_mapping", delivery.pk)
    context = {"delivery": delivery, "submissions": delivery.submissions.select_related("country", "period")}
    if delivery.status == DeliveryStatus.PENDING and permissions.can_complete_delivery(request.user, delivery):
        try:
            _reading, changes = services.pending_changes(delivery, user=request.user)
        except Rejected as rejected:  # the period closed, or the catalogue changed, since the upload
            context["groups"] = rejected.groups
        else:
            context.update(
                changes=changes,
                shown_changes=changes.changes[:PREVIEW_ROWS],
                hidden_changes=max(len(changes.changes) - PREVIEW_ROWS, 0),
                confirm_form=ConfirmUploadForm(initial={"fingerprint": changes.fingerprint}),
            )
    elif delivery.status == DeliveryStatus.ACCEPTED:
        total = delivery.revisions.count()
        context.update(
            receipt_changes=receipt_changes(delivery, limit=RECEIPT_ROWS),
            receipt_total=total,
            receipt_hidden=max(total - RECEIPT_ROWS, 0),
        )
    return render(request, "dsm_data/delivery.html", context)


@login_required
def delivery_changes_csv(request, pk):
    """Every change of an accepted upload, as CSV; figures not yet public in it enter the audit trail."""
    delivery = _readable_delivery(request, pk)
    if delivery.status != DeliveryStatus.ACCEPTED:
        raise Http404
    total = delivery.revisions.count()

    def rows():
        for offset in range(0, total, RECEIPT_CSV_CHUNK):
            for change in receipt_changes(delivery, offset=offset, limit=RECEIPT_CSV_CHUNK):
                revision = change.revision
                yield [
                    revision.value.country.code,
                    revision.value.period.code,
                    revision.value.indicator.code,
                    change.label,
                    format_entry(change.before) if change.before else "",
                    format_entry(revision),
                    revision.reason,
                    "yes" if revision.is_correction else "no",
                    revision.changed_by.get_username(),
                    revision.changed_at.isoformat(),
                ]

    values = Value.objects.filter(revisions__delivery=delivery).distinct()
    audit_events.record_export(values, file_format="csv", instance=delivery)
    return exports.csv_response(f"dsm-receipt-{delivery.number}", RECEIPT_HEADER, rows())


@login_required
@require_POST
def delivery_confirm(request, pk):
    delivery = _readable_delivery(request, pk)
    form = ConfirmUploadForm(request.POST)
    if not form.is_valid():
        return redirect("dsm_data:delivery", delivery.pk)
    try:
        delivery, warnings = services.confirm(delivery, user=request.user, fingerprint=form.cleaned_data["fingerprint"])
    except services.PreviewOutdated:
        messages.warning(request, _("The stored figures changed since this preview. Check the changes again."))
    except Rejected as rejected:
        for group in rejected.groups:
            messages.error(request, group.summary)
    else:
        messages.success(
            request, _("Stored. Your receipt is %(number)s; your country administrator has a copy.")
            % {"number": delivery.number}
        )  # fmt: skip
        for upload, warning in warnings:
            messages.warning(request, str(upload.place_of(warning)))
    return redirect("dsm_data:delivery", delivery.pk)


@login_required
@require_POST
def delivery_discard(request, pk):
    delivery = _readable_delivery(request, pk)
    try:
        services.discard(delivery, user=request.user)
    except Rejected:
        pass  # already confirmed or discarded: the page says which
    else:
        messages.success(request, _("Discarded: nothing was stored."))
    return redirect("dsm_data:upload")


@login_required
def delivery_file(request, pk):
    """The file exactly as it was sent, for those who may read its receipt; each download enters the audit trail."""
    delivery = _readable_delivery(request, pk)
    if not delivery.file:
        raise Http404
    kind = "scan" if delivery.kind == DeliveryKind.PAPER_SCAN else "delivery"
    audit_events.record_download(delivery, kind=kind, country=delivery.country)
    return files.private_file_response(delivery.file, delivery.original_name)
