"""Uploads of figures: the file, the preview of what it changes, the confirmation and its receipt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import files, permissions
from ..forms import ConfirmUploadForm, UploadForm
from ..intake.problems import Rejected
from ..intake.reading import check_size
from ..models import Delivery, DeliveryKind, DeliveryStatus
from ..services import audit_events
from ..services import deliveries as services

PREVIEW_ROWS = 500


@login_required
def upload(request):
    """Send a file: it is checked whole, and kept only to be previewed and confirmed."""
    if not permissions.can_use_submissions(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            check_size(uploaded.size)  # before reading it into memory
            delivery, _changes = services.receive(uploaded.read(), original_name=uploaded.name, user=request.user)
        except Rejected as rejected:
            problems = [str(problem) for problem in rejected.problems]
        else:
            return redirect("dsm_data:delivery", delivery.pk)
    return render(
        request, "dsm_data/upload.html", {"form": form, "problems": problems}, status=400 if problems else 200
    )


def _readable_delivery(request, pk):
    delivery = get_object_or_404(Delivery.objects.select_related("country", "sender"), pk=pk)
    if not permissions.can_read_delivery(request.user, delivery):
        raise Http404
    return delivery


@login_required
def delivery_detail(request, pk):
    """A pending upload's preview with the confirm button, or an accepted upload's receipt."""
    delivery = _readable_delivery(request, pk)
    context = {"delivery": delivery, "submissions": delivery.submissions.select_related("country", "period")}
    if delivery.status == DeliveryStatus.PENDING and delivery.sender_id == request.user.pk:
        try:
            _reading, changes = services.pending_changes(delivery, user=request.user)
        except Rejected as rejected:  # the period closed, or the catalogue changed, since the upload
            context["problems"] = [str(problem) for problem in rejected.problems]
        else:
            context.update(
                changes=changes,
                shown_changes=changes.changes[:PREVIEW_ROWS],
                hidden_changes=max(len(changes.changes) - PREVIEW_ROWS, 0),
                confirm_form=ConfirmUploadForm(initial={"fingerprint": changes.fingerprint}),
            )
    return render(request, "dsm_data/delivery.html", context)


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
        for problem in rejected.problems:
            messages.error(request, str(problem))
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
