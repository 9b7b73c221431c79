"""The request being answered, for code far below the view: who acts, and from which address.

``AuditContextMiddleware`` sets it for each request; the audit trail reads it, so a
service need not be handed the request to say where an action came from. Outside a
request (commands, tasks) there is none.
"""

from contextvars import ContextVar

from django.conf import settings

_request = ContextVar("dsm_request", default=None)


def set_request(request):
    """Called by the middleware at the start of each request; returns the token to reset it with."""
    return _request.set(request)


def reset_request(token):
    _request.reset(token)


def client_address(request):
    """The address a request came from: the audit trail's and the lockout's (AXES_CLIENT_IP_CALLABLE).

    Behind DSM_TRUSTED_PROXY_COUNT reverse proxies, each appending to X-Forwarded-For,
    the client is the entry that many places from its end; anything before it was
    written by the client and is not trusted. Without proxies: REMOTE_ADDR.
    """
    if request is None:
        return None
    proxies = settings.DSM_TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def current_address():
    return client_address(_request.get())


def current_user():
    """The request's signed-in user, or None."""
    user = getattr(_request.get(), "user", None)
    return user if user is not None and user.is_authenticated else None
