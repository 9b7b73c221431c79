"""Who hears of what, and the users an administrator manages."""

from dataclasses import dataclass

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.db.models import Q
from django.utils import timezone
from django_otp import device_classes

from .. import permissions
from ..models import (
    Role,
    User,
)


def users_to_notify(submission, roles):
    """Active users of the submission's country in ``roles`` (system administrators if asked) with an e-mail."""
    return people_to_notify(roles, country=submission.country)


def people_to_notify(roles, *, country=None):
    """Active users with an e-mail: those of ``country`` in ``roles``, and the system administrators if ``roles``
    holds theirs (``country`` None: the system administrators alone)."""
    query = Q(country=country, role__in=roles) if country is not None else Q(pk__in=[])
    if Role.SYSTEM_ADMIN in roles:
        query |= Q(role=Role.SYSTEM_ADMIN)
    return User.objects.filter(query, is_active=True).exclude(email="")


def managed_users(actor, *, country=None, role=""):
    """The accounts ``actor`` manages (``permissions.manageable_users``), by country and name.

    ``country`` and ``role`` narrow the list (a system administrator's filters).
    """
    users = permissions.manageable_users(actor, User.objects.select_related("country"))
    if country is not None:
        users = users.filter(country=country)
    if role:
        users = users.filter(role=role)
    return users.order_by("country__code", "last_name", "first_name", "username")


def invitation_pending(user):
    """Invited and not yet accepted: no password chosen and never signed in (``pending_invitations``, as a filter)."""
    return not user.has_usable_password() and user.last_login is None


def pending_invitations(actor):
    """The active accounts ``actor`` manages whose invitation is pending (``invitation_pending``), oldest first."""
    users = permissions.manageable_users(actor, User.objects.filter(is_active=True, last_login__isnull=True))
    return users.filter(password__startswith=UNUSABLE_PASSWORD_PREFIX).order_by("date_joined", "pk")


def users_with_second_factor(users):
    """The ids of ``users`` with a confirmed second factor (any django-otp device)."""
    ids = [user.pk for user in users]
    found = set()
    for model in device_classes():
        found.update(model.objects.filter(user_id__in=ids, confirmed=True).values_list("user_id", flat=True))
    return found


def locked_out_usernames(usernames):
    """The ``usernames`` django-axes now refuses from some address: AXES_FAILURE_LIMIT failures in the cool-off."""
    recent = AccessAttempt.objects.filter(
        username__in=list(usernames),
        failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
        attempt_time__gte=timezone.now() - get_cool_off(),
    )
    return set(recent.values_list("username", flat=True))


@dataclass(frozen=True)
class UserRow:
    """One account on the users' pages, with what its administrator must know of its security."""

    user: User
    has_second_factor: bool
    invitation_pending: bool
    locked_out: bool


def user_rows(users):
    """A ``UserRow`` for each of ``users`` (a page of them), in three queries whatever their number."""
    users = list(users)
    second_factor = users_with_second_factor(users)
    locked_out = locked_out_usernames(user.get_username() for user in users)
    return [
        UserRow(
            user=user,
            has_second_factor=user.pk in second_factor,
            invitation_pending=invitation_pending(user),
            locked_out=user.get_username() in locked_out,
        )
        for user in users
    ]
