"""Writing the audit trail (dsm_data.models.audit).

``record`` is the one way an event enters it. The address and the user of the
request come from ``AuditContextMiddleware``, so a service deep below a view need
not be handed the request to say where an action came from.
"""

from contextvars import ContextVar

from django.conf import settings
from django.utils import timezone

from ..models import AuditEntry

_request = ContextVar("dsm_audit_request", default=None)


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


def context_fields():
    return {"ip_address": client_address(_request.get())}


def current_user():
    request = _request.get()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def record(action, *, user=None, instance=None, country=None, label="", data=None):
    """Add one entry: ``action`` (registered in dsm_data.wagtail_hooks), by ``user``, about ``instance``.

    ``user`` defaults to the request's signed-in user; ``country`` to the instance's
    country, or the user's; ``label`` to the instance's name.
    """
    user = user if user is not None else current_user()
    if country is None:
        country = getattr(instance, "country", None) or getattr(user, "country", None)
    if instance is not None:
        from django.contrib.contenttypes.models import ContentType

        content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
        object_id = str(instance.pk)
        label = label or str(instance)
    else:
        content_type, object_id = None, ""
    return AuditEntry.objects.create(
        action=action,
        user=user if user is not None and user.pk else None,
        country=country,
        content_type=content_type,
        object_id=object_id,
        label=label,
        data=data or {},
        timestamp=timezone.now(),
        **context_fields(),
    )
