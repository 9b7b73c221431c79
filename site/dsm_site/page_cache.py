"""A short-lived cache of the public pages as anonymous readers see them.

A public page costs 30-110 ms of processor to build, the same for every anonymous reader.
``PageCacheMiddleware`` keeps the page built for one anonymous reader for
DSM_PAGE_CACHE_SECONDS (0: no cache) and serves it to the next. It serves and keeps:

- only the views named in CACHED_VIEWS (an allow-list: a new view is not cached until
  someone decides it may be), under i18n_patterns: never the API, admin, accounts,
  /healthz or files;
- only GET and HEAD from a reader who is not signed in and sends no cookie but the CSRF
  and language cookies (a session or a message in a cookie may change the page), and no
  Authorization header;
- only a 200 of HTML, not streamed, with no cookie set, no ``Cache-Control`` of ``private``,
  ``no-cache`` or ``no-store``, no ``Vary`` on anything but the cookie (the reader has none)
  or the language (part of the key), and a session left unchanged.

The key is the scheme, host, language, path and query (its parameters sorted by name) and
PagesVersion's token: a page, or a country, edited anywhere is never served from before the
change. Figures (published, released at a set time, corrected) have no such token; the
time-to-live bounds how long the public may see the previous ones. Signed-in users never
read nor fill the cache, so nothing depending on who reads is kept.

The pages go to the cache ``pages`` (CACHES): each process keeps its own in memory, a
micro-cache per gunicorn worker, of at most 300 pages of at most MAX_KEPT_BYTES each. A cache
of their own, so that a flood of distinct addresses evicts only kept pages, never the API's
rate counts or the selectors' entries. The middleware sits inside SecurityHeadersMiddleware
(each answer gets the current Content-Security-Policy, which uses no nonce) and outside the
session, CSRF and message middleware, so that it sees every cookie they set.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re

from library_pages.models.base import pages_version

# The public reading pages, by URL name: Wagtail's page tree (home, library, documents, country
# profiles; restricted pages redirect anonymous readers, and only 200s are kept), the data pages
# and search.
CACHED_VIEWS = frozenset(
    {
        "wagtail_serve",
        "dsm_data:browse",
        "dsm_data:indicators",
        "dsm_data:indicator",
        "dsm_data:compare",
        "dsm_data:country",
        "search",
        "use_the_api",
    }
)
STATUS_HEADER = "X-DSM-Page-Cache"  # hit: from the cache; miss: built and kept; absent: not kept
UNCACHEABLE_CONTROLS = {"private", "no-cache", "no-store"}
HARMLESS_VARY = {"cookie", "accept-language", "accept-encoding"}
KEY_PREFIX = "dsm-page:"
CACHE_NAME = "pages"
# A page of 500 rows of figures is larger; the pages readers share are far smaller (5-100 KB).
MAX_KEPT_BYTES = 256 * 1024


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_dsm_page_cache_key", None)
        if key is None or response.has_header(STATUS_HEADER):
            return response
        if is_cacheable(request, response):
            caches[CACHE_NAME].set(key, (response.content, list(response.items())), settings.DSM_PAGE_CACHE_SECONDS)
            response[STATUS_HEADER] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """After the URL is resolved (so the view's name is known): the kept page, if any."""
        if not may_serve(request):
            return None
        # Read before the view reads the pages: a change committed in between is filed under the
        # token from before it, which no later request asks for.
        request._dsm_page_cache_key = page_key(request)
        kept = caches[CACHE_NAME].get(request._dsm_page_cache_key)
        if kept is None:
            return None
        content, headers = kept
        response = HttpResponse(content, headers=dict(headers))
        response[STATUS_HEADER] = "hit"
        return response


def may_serve(request):
    """Whether this request may read and fill the cache: an anonymous GET or HEAD of a public page."""
    if settings.DSM_PAGE_CACHE_SECONDS <= 0 or request.method not in ("GET", "HEAD"):
        return False
    match = request.resolver_match
    if match is None or match.view_name not in CACHED_VIEWS:
        return False
    harmless_cookies = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
    if set(request.COOKIES) - harmless_cookies or "authorization" in request.headers:
        return False
    return not request.user.is_authenticated


def page_key(request):
    """The same for the same page however its parameters are ordered; another for another language or host."""
    query = urlencode(sorted(request.GET.lists()), doseq=True)  # each name's values keep their order
    parts = (request.scheme, request.get_host(), translation.get_language(), request.path, query)
    parts += (str(pages_version(request)),)
    return KEY_PREFIX + hashlib.sha256(repr(parts).encode()).hexdigest()


def is_cacheable(request, response):
    """A page the same for every anonymous reader, complete in memory, that sets nothing on the reader."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if len(response.content) > MAX_KEPT_BYTES:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    controls = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    if controls & UNCACHEABLE_CONTROLS:
        return False
    varies = {part.strip().lower() for part in cc_delim_re.split(response.get("Vary", "")) if part.strip()}
    if varies - HARMLESS_VARY:
        return False
    session = getattr(request, "session", None)
    return not (session is not None and session.modified)
