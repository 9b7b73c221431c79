"""What drf-spectacular needs to describe the API: its own paths only, and the personal token."""

from django.urls import include, path
from drf_spectacular.extensions import OpenApiAuthenticationExtension

from api.sdmx.urls import documented_patterns as sdmx_patterns


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.PersonalTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "“Token <key>”: a personal token made on the account page.",
        }


# The schema describes the API alone, not the Wagtail admin's own API beside it; SDMX's paths in full.
urlpatterns = [path("api/v1/", include("api.urls")), path("api/sdmx/", include((sdmx_patterns, "sdmx")))]
