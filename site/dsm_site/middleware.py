"""The site's door: a query string within bounds, and the security headers of every answer.

``SecurityHeadersMiddleware`` is django-csp's ``CSPMiddleware`` (its policy is the
setting CONTENT_SECURITY_POLICY, strict), which, under the Wagtail admin only, adds
DSM_ADMIN_CSP_ADDITIONS: what that admin needs and the portal's pages do not. It
also sends DSM_PERMISSIONS_POLICY. Referrer-Policy is Django's (SECURE_REFERRER_POLICY).
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpResponseBadRequest
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"
MACHINE_PATHS = ("/api/",)  # addresses for programs: no language in the path, never redirected to one


class SecurityHeadersMiddleware(CSPMiddleware):
    """Content-Security-Policy (strict; looser under /admin/), Permissions-Policy, and a bounded query string."""

    def process_request(self, request):
        super().process_request(request)
        try:
            request.GET  # noqa: B018 - read once here, within DATA_UPLOAD_MAX_NUMBER_FIELDS
        except TooManyFieldsSent:
            return too_many_fields(request)
        return None

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if PERMISSIONS_POLICY_HEADER not in response:
            response[PERMISSIONS_POLICY_HEADER] = settings.DSM_PERMISSIONS_POLICY
        return response

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and is_admin_path(request.path_info):
            parts.update = {**settings.DSM_ADMIN_CSP_ADDITIONS, **(parts.update or {})}
        return parts


class LanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except under MACHINE_PATHS: there a 404 stays a 404.

    Django answers a 404 without a language prefix by redirecting to the same address under
    /en/ when that resolves (the page tree catches everything): a program would follow it to
    an HTML page. The API's messages still come in the Accept-Language the client asks for.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(MACHINE_PATHS):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)


def is_admin_path(path):
    return path.startswith(reverse("wagtailadmin_home"))


def too_many_fields(request):
    """A clear 400 for a URL of more parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS.

    Without it, production answers Django's bare 400, and DEBUG a 500: the debug page reads
    the parameters again. The language comes from the path, as LocaleMiddleware has not run.
    """
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        message = _("The address has more than %(limit)s parameters: shorten it, or start again from the page.") % {
            "limit": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        }
    return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
