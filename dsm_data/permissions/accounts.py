"""Managing accounts, signing in, and reading the audit trail."""

from django.conf import settings
from django.utils.translation import gettext as _

from ..models import COUNTRY_ROLES, Role
from ..translation import translated
from .refusals import Refusal
from .roles import can_manage_users_of, country_of, is_system_admin


def manageable_users(user, users):
    """The rows of ``users`` (a queryset) that ``user`` may see and manage on the users' pages.

    A country administrator: their own country's national users, never another
    country's, editors or system administrators. System administrators: everyone.
    """
    if is_system_admin(user):
        return users
    own_country = country_of(user)
    if own_country is None or user.role != Role.COUNTRY_ADMIN:
        return users.none()
    return users.filter(country=own_country, role__in=COUNTRY_ROLES)


def assignable_roles(user, country):
    """The roles ``user`` may give in ``country`` (None: the roles without a country)."""
    if is_system_admin(user):
        return list(COUNTRY_ROLES) if country is not None else [Role.EDITOR, Role.SYSTEM_ADMIN]
    if country is not None and can_manage_users_of(user, country):
        return list(COUNTRY_ROLES)  # never above country administrator
    return []


def account_refusal(actor, target, *, role=None, active=None):
    """Why ``actor`` may not manage ``target``'s account this way now; None when they may.

    ``target`` may be unsaved (an invitation, its role and country set). ``role``: the
    role it would get; ``active``: False to deactivate, True to reactivate. A country
    keeps at least one active country administrator.
    """
    country = target.country if target.role in COUNTRY_ROLES else None
    if target.pk is None:
        allowed = (role or target.role) in assignable_roles(actor, country)
    else:
        allowed = manageable_users(actor, type(target).objects.filter(pk=target.pk)).exists()
    if not allowed:
        return Refusal(_("You may not manage this account."), forbidden=True)
    if role is not None and role not in assignable_roles(actor, country):
        return Refusal(_("You may not give the role “%(role)s”.") % {"role": Role(role).label}, forbidden=True)
    if active is False and target.pk == actor.pk:
        return Refusal(_("You cannot deactivate your own account."))
    leaves_role = (role is not None and role != Role.COUNTRY_ADMIN) or active is False
    if target.pk and target.is_active and target.role == Role.COUNTRY_ADMIN and leaves_role:
        return _last_country_admin_refusal(target)
    return None


def _last_country_admin_refusal(target):
    others = type(target).objects.filter(country=target.country, role=Role.COUNTRY_ADMIN, is_active=True)
    if others.exclude(pk=target.pk).exists():
        return None
    return Refusal(
        _("%(user)s is the last country administrator of %(country)s: name another one first.")
        % {"user": target.get_full_name() or target.username, "country": translated(target.country.name)}
    )


def role_change_refusal(actor, target, *, role, country):
    """``account_refusal`` for ``role`` in ``country`` (None: no country); only system administrators move one."""
    refusal = account_refusal(actor, target) or account_refusal(actor, type(target)(role=role, country=country))
    leaves = target.role == Role.COUNTRY_ADMIN and (role != Role.COUNTRY_ADMIN or country != target.country)
    return refusal or (_last_country_admin_refusal(target) if leaves and target.is_active else None)


def second_factor_required(user):
    """Whether ``user`` must set up a second factor: the roles of DSM_TWO_FACTOR_ROLES."""
    if not user.is_authenticated:
        return False
    role = Role.SYSTEM_ADMIN if is_system_admin(user) else user.role
    return bool(role and role in settings.DSM_TWO_FACTOR_ROLES)


def second_factor_needed(user, *, has_second_factor):
    """Whether ``user``'s sign-in must be verified with a second factor.

    Those who must have one (``second_factor_required``), and anyone who set one up
    of their own accord (``has_second_factor``, read once by the caller): a factor that
    sign-in did not ask for would protect nothing.
    """
    return second_factor_required(user) or bool(user.is_authenticated and has_second_factor)


def can_read_audit(user):
    """The audit trail's page: system administrators (everything) and country administrators (their country)."""
    return is_system_admin(user) or (country_of(user) is not None and user.role == Role.COUNTRY_ADMIN)


def readable_audit_entries(user, entries):
    """The rows of ``entries`` (AuditEntry) that ``user`` may read; see ``can_read_audit``."""
    if is_system_admin(user):
        return entries
    if not can_read_audit(user):
        return entries.none()
    return entries.filter(country=country_of(user))


def idle_timeout_applies(user):
    """Whether ``user``'s role is one of DSM_IDLE_TIMEOUT_ROLES (system administrators as "system_admin")."""
    role = Role.SYSTEM_ADMIN if is_system_admin(user) else user.role
    return bool(role) and role in settings.DSM_IDLE_TIMEOUT_ROLES
