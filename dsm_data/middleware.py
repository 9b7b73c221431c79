"""Request middleware of the accounts: the audit context, the idle timeout, the second factor."""

from . import request_context


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


class IdleTimeoutMiddleware:
    """Signs out users of DSM_IDLE_TIMEOUT_ROLES idle for DSM_IDLE_TIMEOUT_MINUTES. (To be written.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)


class SecondFactorMiddleware:
    """Sends users of DSM_TWO_FACTOR_ROLES to enrol or verify before anything else. (To be written.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
