from django.middleware.http import ConditionalGetMiddleware
from django.urls import path
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.gzip import gzip_page
from django.views.decorators.vary import vary_on_headers
from drf_spectacular.views import SpectacularAPIView

from . import (
    documentation,
    schema_extensions,  # noqa: F401  (the token's description, before any schema is made)
)
from .views import reads, writes

app_name = "api"


def served(view):
    """gzip, and an ETag of the content: a client asking again with If-None-Match gets 304 and no body.
    What a reader gets depends on who they are: caches keep one answer per token and per session."""
    conditional = decorator_from_middleware(ConditionalGetMiddleware)
    return gzip_page(vary_on_headers("Authorization", "Cookie")(conditional(view)))


urlpatterns = [
    path("countries/", served(reads.CountryList.as_view()), name="countries"),
    path("indicators/", served(reads.IndicatorList.as_view()), name="indicators"),
    path("indicators/<str:code>/", served(reads.IndicatorDetail.as_view()), name="indicator"),
    path("periods/", served(reads.PeriodList.as_view()), name="periods"),
    path("values/", served(reads.ValueList.as_view()), name="values"),
    path("metadata/", served(reads.NationalMetadataList.as_view()), name="metadata"),
    path("documents/", served(reads.DocumentList.as_view()), name="documents"),
    path("submissions/<str:country>/<str:period>/figures/", writes.FiguresWrite.as_view(), name="figures"),
    path("submissions/<str:country>/<str:period>/submit/", writes.SubmitSubmission.as_view(), name="submit"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", documentation.documentation, name="documentation"),
]
