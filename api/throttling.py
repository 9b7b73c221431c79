"""Rate limits of the API: per token, and per address for everyone (429 with Retry-After, from DRF).

The counts live in Django's cache: with several app servers, configure a shared cache
(README, "Production"), or each server counts on its own.
"""

from rest_framework.throttling import SimpleRateThrottle

from dsm_data.request_context import client_address

from .models import ApiToken


class TokenRateThrottle(SimpleRateThrottle):
    """Requests made with one personal token."""

    scope = "token"

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


class AddressRateThrottle(SimpleRateThrottle):
    """Requests from one address, whoever makes them (the client's address behind the trusted proxies)."""

    scope = "address"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_address(request._request)}
