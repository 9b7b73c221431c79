"""Reads of sign-in security: second factors, and the password-reset requests of the audit trail."""

from django.contrib.auth import get_user_model
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..models import AuditEntry

PASSWORD_RESET_REQUESTED = "dsm.password_reset_requested"


def has_second_factor(user):
    """Whether ``user`` has set a second factor: a confirmed device (authenticator app or backup codes)."""
    return bool(user.pk) and user_has_device(user, confirmed=True)


def has_app(user):
    """Whether ``user`` has an authenticator app whose first code was confirmed."""
    return bool(user.pk) and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def backup_codes_left(user):
    """How many of ``user``'s one-time backup codes are still unused."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def password_reset_requests(*, since, email, address):
    """(requests for ``email``, requests from ``address``) recorded in the audit trail since ``since``."""
    recent = AuditEntry.objects.filter(action=PASSWORD_RESET_REQUESTED, timestamp__gte=since)
    by_email = recent.filter(data__email=email).count()
    by_address = recent.filter(ip_address=address).count() if address else 0
    return by_email, by_address


def account_named(username):
    """The account with this user name, or None (a refused sign-in may name no account)."""
    if not username:
        return None
    model = get_user_model()
    return model._default_manager.filter(**{model.USERNAME_FIELD: username}).select_related("country").first()


def lockout_recorded(*, username, address, since):
    """Whether a lockout of this user name from this address is in the audit trail since ``since``."""
    entries = AuditEntry.objects.filter(action="dsm.locked_out", timestamp__gte=since, data__username=username)
    return entries.filter(ip_address=address).exists()
