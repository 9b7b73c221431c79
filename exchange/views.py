"""The requests' pages: the list a reader may read, a request's thread, and its files."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from dsm_data import permissions
from dsm_data.files import private_file_response
from dsm_data.services import audit_events

from . import selectors
from .models import Request, RequestAttachment, RequestStatus


@login_required
def request_list(request):
    status = request.GET.get("status", "")
    status = status if status in {*RequestStatus.values, "overdue"} else ""
    requests = selectors.requests_for(request.user, status=status, indicator=request.GET.get("indicator", ""))
    return render(
        request,
        "exchange/request_list.html",
        {"requests": requests[:200], "status": status, "statuses": RequestStatus.choices},
    )


def _readable(user, pk):
    """The request, or 404 for one the reader may not read: its existence is not told either."""
    found = get_object_or_404(Request, pk=pk)
    if not permissions.can_read_request(user, found):
        raise Http404
    return found


@login_required
def request_detail(request, pk):
    found = selectors.thread(_readable(request.user, pk))
    return render(request, "exchange/request_detail.html", {"exchange_request": found})


@login_required
def attachment(request, pk):
    """A file of a thread, for those who read the request; each download enters the audit trail."""
    file = get_object_or_404(RequestAttachment.objects.select_related("message__request"), pk=pk)
    _readable(request.user, file.message.request_id)
    audit_events.record_download(file, kind="request attachment")
    return private_file_response(file.file, file.original_name)
