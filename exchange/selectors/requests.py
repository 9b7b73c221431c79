"""Reads of the requests: a reader's list with its filters and counts by state, one request's thread,
and who may answer for a receiving state."""

import datetime

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from dsm_data import permissions
from dsm_data.models import Country, User

from ..models import Request, RequestMessage, RequestRecipient, RequestStatus


def requests_for(user, *, status="", country=None, indicator=None, sent_from=None, sent_until=None, today=None):
    """The requests ``user`` may read, newest first, narrowed by status (or "overdue"), by a state that sent or
    received them, by indicator (an Indicator or its code) and by the days they were sent."""
    requests = permissions.readable_requests(user, Request.objects.all())
    if status == "overdue":
        requests = requests.filter(status=RequestStatus.OPEN, reply_by__lt=today or timezone.localdate())
    elif status:
        requests = requests.filter(status=status)
    if country is not None:
        requests = requests.filter(
            Q(sender_country=country) | Q(pk__in=RequestRecipient.objects.filter(country=country).values("request"))
        )
    if indicator:
        requests = requests.filter(**{"indicator__code" if isinstance(indicator, str) else "indicator": indicator})
    if sent_from:
        requests = requests.filter(created_at__gte=_start_of(sent_from))
    if sent_until:
        requests = requests.filter(created_at__lt=_start_of(sent_until + datetime.timedelta(days=1)))
    return requests.select_related("sender_country", "indicator", "period").prefetch_related("recipients__country")


def counts_by_state(requests):
    """Per state, of the queryset ``requests``: how many it sent and received, and how many of those are not
    closed. Rows in the states' order, only states with a request; the secretariat as the state None."""
    pks = requests.order_by().values("pk")
    not_closed = ~Q(status=RequestStatus.CLOSED)
    sent = Request.objects.filter(pk__in=pks).values("sender_country").order_by()
    sent = sent.annotate(all=Count("pk"), open=Count("pk", filter=not_closed))
    received = RequestRecipient.objects.filter(request__in=pks).values("country").order_by()
    received = received.annotate(all=Count("pk"), open=Count("pk", filter=~Q(request__status=RequestStatus.CLOSED)))
    rows = {}
    for row in sent:
        rows.setdefault(row["sender_country"], {})["sent"] = (row["all"], row["open"])
    for row in received:
        rows.setdefault(row["country"], {})["received"] = (row["all"], row["open"])
    countries = {country.pk: country for country in Country.objects.filter(pk__in=[pk for pk in rows if pk])}
    ordered = [pk for pk in countries if pk in rows] + ([None] if None in rows else [])
    return [
        {
            "country": countries.get(pk),
            "sent": rows[pk].get("sent", (0, 0))[0],
            "received": rows[pk].get("received", (0, 0))[0],
            "not_closed": rows[pk].get("sent", (0, 0))[1] + rows[pk].get("received", (0, 0))[1],
        }
        for pk in ordered
    ]


def thread(request):
    """The request's messages in order, each with its author, state and files."""
    messages = RequestMessage.objects.select_related("author", "country").prefetch_related("attachments")
    return Request.objects.prefetch_related(
        Prefetch("messages", queryset=messages), "recipients__country", "recipients__assignee"
    ).get(pk=request.pk)


def possible_assignees(recipient):
    """Who may be chosen to answer for a receiving row (``permissions.answerers``), by name."""
    return permissions.answerers(recipient, User.objects.order_by("last_name", "first_name", "username", "pk"))


def _start_of(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
