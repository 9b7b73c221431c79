"""The requests' pages: the list a reader may read, a request's thread, and its files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dsm_data import permissions
from dsm_data.files import private_file_response
from dsm_data.intake.problems import Rejected
from dsm_data.services import audit_events

from .. import selectors
from ..forms.requests import ReplyForm, RequestFilterForm, RequestForm
from ..models import Request, RequestAttachment, RequestStatus
from ..services import requests as services

LIST_LIMIT = 200


@login_required
def request_list(request):
    """The requests the reader may read, filtered, with how many each state sent and received."""
    filters = RequestFilterForm(request.GET, statuses=RequestStatus.choices)
    requests = selectors.requests_for(request.user, **filters.filters())
    context = {
        "filters": filters,
        "requests": requests[:LIST_LIMIT],
        "total": requests.count(),
        "limit": LIST_LIMIT,
        "counts": selectors.counts_by_state(requests),
        "can_send": permissions.can_send_request(request.user),
    }
    return render(request, "exchange/request_list.html", context)


def _readable(user, pk):
    """The request, or 404 for one the reader may not read: its existence is not told either."""
    found = get_object_or_404(Request, pk=pk)
    if not permissions.can_read_request(user, found):
        raise Http404
    return found


@login_required
def request_new(request):
    if not permissions.can_send_request(request.user):
        raise PermissionDenied
    form = RequestForm(
        request.POST or None,
        request.FILES or None,
        own_country=permissions.country_of(request.user),
        is_secretariat=permissions.is_system_admin(request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.send(
                request.user,
                countries=form.chosen_countries(),
                to_secretariat=form.cleaned_data.get("to_secretariat", False),
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                indicator=form.cleaned_data["indicator"],
                period=form.cleaned_data["period"],
                reply_by=form.cleaned_data["reply_by"],
                uploads=form.cleaned_data["files"],
            )
        except Rejected as rejected:
            for problem in rejected.problems:
                form.add_error(None, str(problem))
        else:
            messages.success(request, _("Your request was sent."))
            return redirect("exchange:request", sent.pk)
    return render(request, "exchange/request_new.html", {"form": form})


@login_required
def request_detail(request, pk):
    found = selectors.thread(_readable(request.user, pk))
    form = ReplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reply(found, user=request.user, body=form.cleaned_data["body"], uploads=form.cleaned_data["files"])
        except Rejected as rejected:
            for problem in rejected.problems:
                form.add_error(None, str(problem))
        else:
            messages.success(request, _("Your message was added."))
            return redirect("exchange:request", found.pk)
    assignable = [
        (recipient, selectors.possible_assignees(recipient))
        for recipient in found.recipients.all()
        if permissions.request_refusal(request.user, found, permissions.REQUEST_ASSIGN, recipient=recipient) is None
    ]
    context = {
        "exchange_request": found,
        "assignable": assignable,
        "reply_form": form
        if permissions.request_refusal(request.user, found, permissions.REQUEST_REPLY) is None
        else None,
        "can_close": permissions.request_refusal(request.user, found, permissions.REQUEST_CLOSE) is None,
        "can_share": permissions.request_refusal(request.user, found, permissions.REQUEST_SHARE) is None,
    }
    return render(request, "exchange/request_detail.html", context)


@login_required
@require_POST
def request_assign(request, pk, recipient_pk):
    """A receiving state's administrator (or the secretariat, for its row) chooses who answers."""
    found = _readable(request.user, pk)
    recipient = get_object_or_404(found.recipients, pk=recipient_pk)
    chosen = request.POST.get("assignee", "")
    assignee = selectors.possible_assignees(recipient).filter(pk=chosen).first() if chosen.isdigit() else None
    try:
        services.assign(found, user=request.user, recipient=recipient, assignee=assignee)
    except Rejected as rejected:
        messages.error(request, str(rejected.problems[0]))
    else:
        messages.success(request, _("%(name)s will answer.") % {"name": assignee.get_full_name() or assignee})
    return redirect("exchange:request", found.pk)


@login_required
@require_POST
def request_close(request, pk):
    found = _readable(request.user, pk)
    try:
        services.close(found, user=request.user, share=request.POST.get("share") == "on")
    except Rejected as rejected:
        messages.error(request, str(rejected.problems[0]))
    else:
        messages.success(request, _("The request is closed."))
    return redirect("exchange:request", found.pk)


@login_required
def attachment(request, pk):
    """A file of a thread, for those who read the request; each download enters the audit trail."""
    file = get_object_or_404(RequestAttachment.objects.select_related("message__request"), pk=pk)
    _readable(request.user, file.message.request_id)
    audit_events.record_download(file, kind="request attachment")
    return private_file_response(file.file, file.original_name)
