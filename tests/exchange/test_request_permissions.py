"""Who reads, assigns, answers and closes a request, role x state: Kazakhstan's data user asks Armenia; Georgia
is the third state that reads nothing of it until the request is closed and shared."""

import pytest
from django.utils import timezone

from dsm_data import permissions
from dsm_data.models import Role
from dsm_data.services.accounts import save_country
from exchange.models import Request, RequestRecipient, RequestStatus

pytestmark = pytest.mark.django_db

# person -> (role, state)
PEOPLE = {
    "kaz_user": (Role.DATA_USER, "KAZ"),
    "kaz_admin": (Role.COUNTRY_ADMIN, "KAZ"),
    "arm_admin": (Role.COUNTRY_ADMIN, "ARM"),
    "arm_focal": (Role.FOCAL_POINT, "ARM"),
    "geo_admin": (Role.COUNTRY_ADMIN, "GEO"),
    "editor": (Role.EDITOR, None),
    "sysadmin": (Role.SYSTEM_ADMIN, None),
}
# person -> may read, assign (Armenia's row), reply, close: the request open.
OPEN_MATRIX = {
    "kaz_user": (True, False, True, True),
    "kaz_admin": (True, False, True, True),
    "arm_admin": (True, True, True, False),
    "arm_focal": (True, False, False, False),  # answers once chosen by Armenia's administrators
    "geo_admin": (False, False, False, False),
    "editor": (False, False, False, False),
    "sysadmin": (True, False, True, True),  # the secretariat assigns only what is sent to it
}


@pytest.fixture
def exchange(kazakhstan, armenia, make_user):
    georgia = save_country("GEO", {"en": "Georgia", "ru": "Грузия"})
    states = {"KAZ": kazakhstan, "ARM": armenia, "GEO": georgia}
    people = {
        name: make_user(role, states.get(state), username=name.replace("_", "-"))
        for name, (role, state) in PEOPLE.items()
    }
    request = Request.objects.create(
        subject="Border crossings 2024", sender=people["kaz_user"], sender_country=kazakhstan
    )
    armenia_row = RequestRecipient.objects.create(request=request, country=armenia)
    return people, request, armenia_row


def may(person, request, step, recipient):
    return permissions.request_refusal(person, request, step, recipient=recipient) is None


@pytest.mark.parametrize("name", list(PEOPLE))
def test_each_person_reads_and_acts_on_an_open_request_as_their_state_may(exchange, name):
    people, request, armenia_row = exchange
    person = people[name]
    reads, assigns, replies, closes = OPEN_MATRIX[name]
    assert permissions.can_read_request(person, request) is reads
    assert (request in permissions.readable_requests(person, Request.objects.all())) is reads
    assert may(person, request, permissions.REQUEST_ASSIGN, armenia_row) is assigns
    assert may(person, request, permissions.REQUEST_REPLY, armenia_row) is replies
    assert may(person, request, permissions.REQUEST_CLOSE, armenia_row) is closes


@pytest.mark.parametrize("name", list(PEOPLE))
def test_a_closed_request_shared_by_its_sender_is_read_by_every_participating_state(exchange, name):
    people, request, armenia_row = exchange
    request.status, request.is_shared, request.closed_at = RequestStatus.CLOSED, True, timezone.now()
    request.save()
    person = people[name]
    assert permissions.can_read_request(person, request) is (name != "editor")
    assert (request in permissions.readable_requests(person, Request.objects.all())) is (name != "editor")
    assert not may(person, request, permissions.REQUEST_REPLY, armenia_row)  # closed: nobody answers
    assert not may(person, request, permissions.REQUEST_ASSIGN, armenia_row)


def test_only_the_sending_state_shares_its_request_not_the_receiving_one_nor_the_secretariat(exchange):
    people, request, _armenia_row = exchange
    assert permissions.request_refusal(people["kaz_user"], request, permissions.REQUEST_SHARE) is None
    assert permissions.request_refusal(people["kaz_admin"], request, permissions.REQUEST_SHARE) is None
    assert permissions.request_refusal(people["arm_admin"], request, permissions.REQUEST_SHARE).forbidden
    assert permissions.request_refusal(people["sysadmin"], request, permissions.REQUEST_SHARE).forbidden


def test_the_official_chosen_to_answer_may_reply_for_their_state(exchange):
    people, request, armenia_row = exchange
    assert not may(people["arm_focal"], request, permissions.REQUEST_REPLY, armenia_row)
    armenia_row.assignee = people["arm_focal"]
    armenia_row.save()
    request = Request.objects.prefetch_related("recipients").get(pk=request.pk)
    assert may(people["arm_focal"], request, permissions.REQUEST_REPLY, armenia_row)


def test_a_request_to_the_secretariat_is_assigned_by_the_secretariat(exchange):
    people, request, _armenia_row = exchange
    secretariat_row = RequestRecipient.objects.create(request=request, country=None)
    assert may(people["sysadmin"], request, permissions.REQUEST_ASSIGN, secretariat_row)
    assert not may(people["arm_admin"], request, permissions.REQUEST_ASSIGN, secretariat_row)


def test_a_request_is_shared_only_once_closed_in_the_database_too(exchange):
    from django.db import IntegrityError, transaction

    _people, request, _row = exchange
    request.is_shared = True
    with pytest.raises(IntegrityError), transaction.atomic():
        request.save()
