"""The task list: what waits for a person, from the figures' workflow (``dsm_data.selectors.tasks``) and from
the exchange between the states (requests to assign, to answer, answers to read and close; proposals to
decide)."""

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dsm_data import permissions
from dsm_data.selectors.tasks import Task, TaskGroup, figure_tasks

from ..models import Request, RequestRecipient, RequestStatus
from .proposals import open_proposals_for


def tasks_for(user, *, today):
    """Every non-empty group of tasks waiting for ``user`` on ``today``: the page a signed-in person lands on."""
    groups = figure_tasks(user, today=today) + request_tasks(user, today=today) + [_proposals_to_decide(user)]
    return [group for group in groups if group.tasks]


def request_tasks(user, *, today):
    return [_to_assign(user, today), _to_answer(user, today), _answers_received(user, today)]


def _request_task(request, text, today):
    return Task(
        text,
        reverse("exchange:request", args=[request.pk]),
        due=request.reply_by,
        is_late=request.is_overdue(today),
    )


def _from(request):
    return str(request.sender_country) if request.sender_country else _("the secretariat")


def _to_assign(user, today):
    recipients = permissions.assignable_recipients(
        user, RequestRecipient.objects.filter(assignee__isnull=True, answered_at__isnull=True)
    ).select_related("request__sender_country")
    tasks = [
        _request_task(
            recipient.request,
            _("“%(subject)s” from %(sender)s: choose who answers")
            % {"subject": recipient.request.subject, "sender": _from(recipient.request)},
            today,
        )
        for recipient in recipients.order_by(F("request__reply_by").asc(nulls_last=True), "request__created_at", "pk")
    ]
    return TaskGroup("requests_to_assign", gettext_lazy("Requests to assign"), tasks)


def _to_answer(user, today):
    readable = permissions.readable_requests(user, Request.objects.exclude(status=RequestStatus.CLOSED))
    recipients = RequestRecipient.objects.filter(assignee=user, answered_at__isnull=True, request__in=readable)
    tasks = [
        _request_task(
            recipient.request,
            _("“%(subject)s” from %(sender)s: to answer")
            % {"subject": recipient.request.subject, "sender": _from(recipient.request)},
            today,
        )
        for recipient in recipients.select_related("request__sender_country").order_by(
            F("request__reply_by").asc(nulls_last=True), "request__created_at", "pk"
        )
    ]
    return TaskGroup("requests_to_answer", gettext_lazy("Requests to answer"), tasks)


def _answers_received(user, today):
    """Answered requests of the reader's own side (their state, or the secretariat's), to read and close."""
    sent = Request.objects.filter(status=RequestStatus.ANSWERED, sender_country=permissions.country_of(user))
    tasks = [
        _request_task(request, _("“%(subject)s”: answered, to read and close") % {"subject": request.subject}, today)
        for request in permissions.closable_requests(user, sent).order_by("created_at", "pk")
    ]
    return TaskGroup("answers_received", gettext_lazy("Answers received"), tasks)


def _proposals_to_decide(user):
    tasks = [
        Task(
            _("%(proposal)s, proposed by %(country)s") % {"proposal": proposal, "country": proposal.country},
            reverse("proposals:detail", args=[proposal.pk]),
        )
        for proposal in open_proposals_for(user).select_related("country")
    ]
    return TaskGroup("proposals_to_decide", gettext_lazy("Indicator proposals to decide"), tasks)
