"""Reads of the requests: a reader's requests, one request's thread, who may answer one."""

from django.db.models import Prefetch
from django.utils import timezone

from dsm_data import permissions
from dsm_data.models import Role, User

from ..models import Request, RequestMessage, RequestStatus


def requests_for(user, *, status=None, indicator=None):
    """The requests ``user`` may read, newest first, narrowed by status (or "overdue") and indicator."""
    requests = permissions.readable_requests(user, Request.objects.all())
    if status == "overdue":
        requests = requests.filter(status=RequestStatus.OPEN, reply_by__lt=timezone.localdate())
    elif status:
        requests = requests.filter(status=status)
    if indicator:
        requests = requests.filter(indicator__code=indicator)
    return requests.select_related("sender_country", "indicator", "period").prefetch_related("recipients__country")


def thread(request):
    """The request's messages in order, each with its author, state and files."""
    messages = RequestMessage.objects.select_related("author", "country").prefetch_related("attachments")
    return Request.objects.prefetch_related(
        Prefetch("messages", queryset=messages), "recipients__country", "recipients__assignee"
    ).get(pk=request.pk)


def possible_assignees(recipient):
    """Who may answer for a receiving state (its active officials), or for the secretariat (its members)."""

    users = User.objects.filter(is_active=True).order_by("last_name", "username")
    if recipient.country_id is None:
        return users.filter(role=Role.SYSTEM_ADMIN)
    return users.filter(country_id=recipient.country_id)
