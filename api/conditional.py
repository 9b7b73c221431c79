"""Last-Modified and If-Modified-Since inside the API's views, after DRF has authenticated the caller and
counted the request: a revoked token gets its 401 and a busy client its 429, not a 304 (Django's
``last_modified`` decorator, outside DRF, would answer before either)."""

from django.http import HttpResponseNotModified
from django.utils.http import http_date, parse_http_date_safe


def modified_since(request, changed_at):
    """Whether the resource changed after the client's If-Modified-Since (True when it gave none).

    An If-None-Match takes precedence (RFC 9110): the ETag then decides, as the middleware does.
    """
    if request.headers.get("If-None-Match"):
        return True
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is None or int(changed_at.timestamp()) > since


def not_modified(changed_at):
    response = HttpResponseNotModified()
    response["Last-Modified"] = http_date(changed_at.timestamp())
    return response
