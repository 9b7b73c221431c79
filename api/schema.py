"""The URLs the OpenAPI schema describes (drf-spectacular's ``SERVE_URLCONF``): the API's own paths only.

The personal token's description is in ``schema_extensions``.
"""

from django.urls import include, path

from api.sdmx.urls import documented_patterns as sdmx_patterns

# The schema describes the API alone, not the Wagtail admin's own API beside it; SDMX's paths in full.
urlpatterns = [path("api/v1/", include("api.urls")), path("api/sdmx/", include((sdmx_patterns, "sdmx")))]
