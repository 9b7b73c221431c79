"""Requests and consultations between the states (the exchange app): who sends, reads, assigns,
answers and closes. Written against field names and attributes only, so that dsm_data imports
nothing of the app above it; ``readable_requests`` is the rule as a queryset filter,
``can_read_request`` the same rule for one request (its thread and its files alike).
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from ..models import Role
from .refusals import Refusal
from .roles import can_read_shared_data, country_of, is_system_admin

CLOSED = "closed"  # exchange.models.RequestStatus.CLOSED
REQUEST_ASSIGN, REQUEST_REPLY, REQUEST_CLOSE, REQUEST_SHARE = "assign", "reply", "close", "share"


def can_send_request(user):
    """Officials of the participating states, and the secretariat: those who read what the states share."""
    return can_read_shared_data(user)


def can_receive_request(country):
    """A request goes to participating states only: their officials are the ones who may read it."""
    return country.is_participating


def readable_requests(user, requests):
    """The requests ``user`` may read, of the queryset ``requests``: the rule, once.

    The sending state, the receiving states and the secretariat read a request; a request
    closed and shared by its sender is read by every participating state's officials too.
    """
    if is_system_admin(user):
        return requests
    own_country = country_of(user)
    if own_country is None:
        return requests.none()
    readable = Q(sender_country=own_country) | Q(recipients__country=own_country)
    if can_read_shared_data(user):
        readable |= Q(status=CLOSED, is_shared=True)
    return requests.filter(pk__in=requests.filter(readable).values("pk"))


def assignable_recipients(user, recipients):
    """The receiving rows of the queryset ``recipients`` whose answerer ``user`` may choose (ASSIGN, as a filter):
    their own state's rows for a country administrator, the secretariat's rows for the secretariat."""
    if is_system_admin(user):
        return recipients.filter(country__isnull=True).exclude(request__status=CLOSED)
    own_country = country_of(user)
    if own_country is None or user.role != Role.COUNTRY_ADMIN:
        return recipients.none()
    return recipients.filter(country=own_country).exclude(request__status=CLOSED)


def closable_requests(user, requests):
    """The requests of the queryset ``requests`` that ``user`` may close (CLOSE, as a filter): the sending
    state's, still open or answered; every one for the secretariat."""
    requests = requests.exclude(status=CLOSED)
    if is_system_admin(user):
        return requests
    own_country = country_of(user)
    return requests.filter(sender_country=own_country) if own_country else requests.none()


def can_read_request(user, request):
    if is_system_admin(user):
        return True
    own_country = country_of(user)
    if own_country is None:
        return False
    if own_country.pk == request.sender_country_id or own_country.pk in request.recipient_country_ids():
        return True
    return request.status == CLOSED and request.is_shared and can_read_shared_data(user)


def sent_by_own_side(user, request):
    """Whether ``request`` was sent by ``user``'s state, or by the secretariat and ``user`` is of it."""
    own_country = country_of(user)
    if own_country is None:
        return is_system_admin(user) and request.sender_country_id is None
    return own_country.pk == request.sender_country_id


def answerers(recipient, users):
    """Who of the queryset ``users`` may be chosen to answer for a receiving row: the state's active officials,
    or the secretariat's members for a request sent to the secretariat."""
    users = users.filter(is_active=True)
    if recipient.country_id is None:
        return users.filter(role=Role.SYSTEM_ADMIN)
    return users.filter(country_id=recipient.country_id)


def request_refusal(user, request, step, *, recipient=None):
    """Why ``user`` may not take ``step`` (REQUEST_*) with ``request`` now; None when they may.

    ASSIGN: the administrators of a receiving state choose who of theirs answers (``recipient``:
    their state's row); the secretariat for a request sent to it. REPLY, while not closed: the
    sending state's officials (a follow-up), a receiving state's administrators and the one they
    chose to answer, and the secretariat. CLOSE: the sending state's officials, or the secretariat.
    SHARE (when closing): the side that sent it only, as its question is the one made public.
    """
    if not can_read_request(user, request):
        return Refusal(_("You may not act on this request."), forbidden=True)
    own_country = country_of(user)
    own_pk = own_country.pk if own_country else None
    sender_side = is_system_admin(user) or sent_by_own_side(user, request)
    if step == REQUEST_ASSIGN:
        allowed = recipient is not None and (
            (recipient.country_id is None and is_system_admin(user))
            or (recipient.country_id == own_pk and user.role == Role.COUNTRY_ADMIN)
        )
    elif step == REQUEST_REPLY:
        allowed = sender_side or _answers_for_own_state(user, request, own_pk)
    elif step == REQUEST_SHARE:
        allowed = sent_by_own_side(user, request)
    else:
        allowed = sender_side
    if not allowed:
        return Refusal(_("You may not act on this request."), forbidden=True)
    if step != REQUEST_SHARE and request.status == CLOSED:
        return Refusal(_("This request is closed."))
    return None


def _answers_for_own_state(user, request, own_pk):
    """A receiving state's administrator, or the official they chose to answer."""
    rows = [row for row in request.recipients.all() if row.country_id is not None and row.country_id == own_pk]
    return bool(rows) and (user.role == Role.COUNTRY_ADMIN or any(row.assignee_id == user.pk for row in rows))
