"""Writes of the second factor (django-otp): an authenticator app (TOTP) and one-time backup codes.

A user's app is a ``TOTPDevice``: made unconfirmed when they open the enrolment page,
confirmed once its first code checks. The backup codes are the tokens of one
``StaticDevice``; each works once. Every step is recorded in the audit trail. (An
administrator's reset is ``services.users.reset_second_factor``.)
"""

from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit

APP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of checking a code: the device that accepted it, or when the next code will be looked at."""

    device: object = None
    retry_at: datetime | None = None

    @property
    def accepted(self):
        return self.device is not None


def normalised_code(code):
    """The code without spaces, in lower case (backup codes are shown in groups of four)."""
    return "".join(code.split()).lower()


def in_groups_of_four(text):
    return " ".join(text[start : start + 4] for start in range(0, len(text), 4))


def pending_app(user):
    """The user's authenticator app that waits for its first code; made when there is none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def app_secret(device):
    """The app's secret as an app asks for it when typed: base32, in groups of four."""
    return in_groups_of_four(b32encode(device.bin_key).decode().rstrip("="))


def _throttled_until(device):
    """When django-otp's back-off lets ``device`` check a code again, or None when it may now."""
    allowed, details = device.verify_is_allowed()
    return None if allowed else (details or {}).get("locked_until")


def confirm_app(user, device, code):
    """Confirm ``device`` (from ``pending_app``) when ``code`` is its current code.

    The confirmed app replaces any app the user had before.
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
        retry_at = _throttled_until(device)
        accepted = retry_at is None and device.verify_token(normalised_code(code))
        if accepted:
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
    if not accepted:
        audit.record("dsm.second_factor_failed", user=user, instance=user, data={"step": "enrolment"})
        return CodeCheck(retry_at=retry_at)
    audit.record("dsm.second_factor_enrolled", user=user, instance=user)
    return CodeCheck(device=device)


def _check_devices(user, code):
    """The confirmed device of ``user`` that accepts ``code`` (app codes are digits), and the latest back-off."""
    models = [TOTPDevice, StaticDevice] if code.isdigit() else [StaticDevice]
    retry_times = []
    with transaction.atomic():
        for model in models:
            for device in model.objects.devices_for_user(user, confirmed=True).select_for_update():
                retry_at = _throttled_until(device)
                if retry_at is not None:
                    retry_times.append(retry_at)
                elif device.verify_token(code):
                    return CodeCheck(device=device)
    return CodeCheck(retry_at=max(retry_times) if retry_times else None)


def verify(user, code):
    """Check a code from the user's app or one of their backup codes (which is then used up)."""
    check = _check_devices(user, normalised_code(code))
    if check.accepted:
        method = "backup_code" if isinstance(check.device, StaticDevice) else "app"
        audit.record("dsm.second_factor_verified", user=user, instance=user, data={"method": method})
    else:
        audit.record("dsm.second_factor_failed", user=user, instance=user, data={"step": "verification"})
    return check


@transaction.atomic
def make_backup_codes(user):
    """New one-time backup codes for ``user`` (settings.DSM_BACKUP_CODES); the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _number in range(settings.DSM_BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    audit.record("dsm.backup_codes_made", user=user, instance=user, data={"count": len(codes)})
    return [in_groups_of_four(code) for code in codes]
