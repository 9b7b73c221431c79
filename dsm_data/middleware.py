"""Request middleware of the accounts: the audit context, the idle timeout, the second factor.

The idle timeout and the second factor act in ``process_view``: by then every
middleware has seen the request (the messages can be written) and the URL is
resolved, so the pages a half-signed-in user may still open are named by view.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import ngettext

from . import permissions, request_context
from .selectors.security import has_second_factor

LAST_ACTIVITY = "dsm_last_activity"  # session key: the time (seconds) of the user's latest request
ACTIVITY_RESOLUTION = 60  # seconds: the session is written at most once a minute for it
NO_SECOND_FACTOR = "dsm_no_second_factor"  # session key: this session needs no second factor
SIGN_OUT_REASON = "dsm_sign_out_reason"  # request attribute read by sign_in_events
# The views a signed-in user who still owes a second factor may open.
SECOND_FACTOR_EXEMPT_VIEWS = {
    "dsm_security:enrol",
    "dsm_security:verify",
    "logout",
    "wagtailadmin_logout",
    "healthz",
}


class AuditContextMiddleware:
    """Lets the audit trail know the request's user and address (dsm_data.request_context)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_context.set_request(request)
        try:
            return self.get_response(request)
        finally:
            request_context.reset_request(token)


def note_activity(request, now=None):
    """Store the time of this request in the session, if the stored one is a minute old or more."""
    now = int(now if now is not None else time.time())
    last = request.session.get(LAST_ACTIVITY)
    if not isinstance(last, int) or now - last >= ACTIVITY_RESOLUTION:
        request.session[LAST_ACTIVITY] = now


class IdleTimeoutMiddleware:
    """Signs out users of DSM_IDLE_TIMEOUT_ROLES idle for DSM_IDLE_TIMEOUT_MINUTES, then sends them to log in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        minutes = settings.DSM_IDLE_TIMEOUT_MINUTES
        if not minutes or not user.is_authenticated or not permissions.idle_timeout_applies(user):
            return None
        now = int(time.time())
        last = request.session.get(LAST_ACTIVITY)
        if isinstance(last, int) and now - last > minutes * 60:
            setattr(request, SIGN_OUT_REASON, "idle")
            logout(request)
            message = ngettext(
                "Signed out after %(minutes)d minute without activity.",
                "Signed out after %(minutes)d minutes without activity.",
                minutes,
            )
            messages.info(request, message % {"minutes": minutes})
            return redirect_to_login(request.get_full_path())
        note_activity(request, now)
        return None


def second_factor_step(request):
    """The page a signed-in user must pass before any other, or None: enrol (required, none set) or verify."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return None
    match = request.resolver_match
    if match is not None and match.view_name in SECOND_FACTOR_EXEMPT_VIEWS:
        return None
    if request.path_info.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return None  # files served by Django itself in DEBUG
    if request.session.get(NO_SECOND_FACTOR) and not permissions.second_factor_required(user):
        return None  # none was needed earlier in this session, and the role (maybe changed since) needs none
    has_factor = has_second_factor(user)
    if not permissions.second_factor_needed(user, has_second_factor=has_factor):
        # Remembered for the session, so that a user who needs none is not asked again on
        # every request; one set up later verifies this session there and then.
        request.session[NO_SECOND_FACTOR] = True
        return None
    return "dsm_security:verify" if has_factor else "dsm_security:enrol"


class SecondFactorMiddleware:
    """Sends users of DSM_TWO_FACTOR_ROLES (and anyone with a second factor set) to enrol or verify first
    (``permissions.second_factor_needed``).

    It covers every view, the Wagtail admin's included (its login signs in, and the
    next request is caught here); static and media files are let through.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        step = second_factor_step(request)
        if step is None:
            return None
        return HttpResponseRedirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
