"""The page django-axes answers with when a username and address are locked (AXES_LOCKOUT_CALLABLE)."""

from axes.conf import settings as axes_settings
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone


def lockout_end(request, credentials=None):
    """When the lock of this username and address ends: the latest counted failure plus the cool-off."""
    cool_off = get_cool_off(request)
    handler = AxesProxyHandler.get_implementation()
    latest_times = []
    if hasattr(handler, "get_user_attempts"):  # the database handler (settings.AXES_HANDLER's default)
        for attempts in handler.get_user_attempts(request, credentials):
            latest_times.append(attempts.aggregate(latest=Max("attempt_time"))["latest"])
    latest = max((time for time in latest_times if time is not None), default=None)
    return (latest or getattr(request, "axes_attempt_time", None) or timezone.now()) + cool_off


def lockout_response(request, original_response=None, credentials=None):
    """A translated page (429) that says until when this username is locked from this address."""
    until = lockout_end(request, credentials)
    minutes = max(1, round((until - timezone.now()).total_seconds() / 60))
    context = {
        "until": until,
        "until_iso": timezone.localtime(until).isoformat(timespec="seconds"),
        "minutes": minutes,
        "time_zone": timezone.get_current_timezone_name(),
    }
    return render(request, "registration/locked_out.html", context, status=axes_settings.AXES_HTTP_RESPONSE_CODE)
