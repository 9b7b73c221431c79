"""The audit trail's sign-in events, from Django's and django-axes' signals (connected by ``apps.ready``).

A refused sign-in records the user name tried (never the password: Django has
already blanked it) and, when an account has that name, the account's country, so
its country administrator reads it. A lockout is recorded once, when it starts.
"""

from axes.helpers import get_cool_off
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

from .middleware import SIGN_OUT_REASON, note_activity
from .selectors.security import account_named, lockout_recorded
from .services import audit

USERNAME_LENGTH = 150  # what is kept of a user name tried; the form allows no longer
NO_NAME = "-"  # the label of an entry whose user name was left empty


@receiver(user_logged_in, dispatch_uid="dsm_data_audit_sign_in")
def signed_in(sender, request, user, **kwargs):
    audit.record("dsm.sign_in", user=user, instance=user)
    if request is not None and hasattr(request, "session"):
        note_activity(request)  # the idle timeout counts from the sign-in


@receiver(user_login_failed, dispatch_uid="dsm_data_audit_sign_in_failed")
def sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username") or "")[:USERNAME_LENGTH]
    account = account_named(username)
    audit.record("dsm.sign_in_failed", instance=account, label=username or NO_NAME, data={"username": username})


@receiver(user_logged_out, dispatch_uid="dsm_data_audit_sign_out")
def signed_out(sender, request, user, **kwargs):
    if user is None:  # an anonymous visitor pressed "log out"
        return
    reason = getattr(request, SIGN_OUT_REASON, "")
    audit.record("dsm.sign_out", user=user, instance=user, data={"reason": reason} if reason else None)


@receiver(user_locked_out, dispatch_uid="dsm_data_audit_locked_out")
def locked_out(sender, request, username, ip_address, **kwargs):
    """django-axes sends this at the failure that starts a lock and at each refused try during it."""
    username = str(username or "")[:USERNAME_LENGTH]
    since = timezone.now() - get_cool_off(request)
    if lockout_recorded(username=username, address=ip_address, since=since):
        return
    account = account_named(username)
    audit.record("dsm.locked_out", instance=account, label=username or NO_NAME, data={"username": username})
