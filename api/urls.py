from django.middleware.http import ConditionalGetMiddleware
from django.urls import path
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import last_modified
from django.views.decorators.vary import vary_on_headers
from drf_spectacular.views import SpectacularAPIView

from dsm_data.selectors import browsing
from library_pages.selectors import documents_changed_at

from . import documentation
from .views import reads, writes

app_name = "api"


def served(view, *, changed_at=None):
    """gzip, and an ETag of the content: a client asking again with If-None-Match gets 304 and no body.
    ``changed_at()``: when the resource last changed (Last-Modified); If-Modified-Since is then answered
    before anything is read. What a reader gets depends on who they are: caches keep one answer per
    token and per session."""
    conditional = decorator_from_middleware(ConditionalGetMiddleware)
    if changed_at is not None:
        view = last_modified(lambda request, *args, **kwargs: changed_at())(view)
    return gzip_page(vary_on_headers("Authorization", "Cookie")(conditional(view)))


urlpatterns = [
    path("countries/", served(reads.CountryList.as_view()), name="countries"),
    path("indicators/", served(reads.IndicatorList.as_view()), name="indicators"),
    path("indicators/<str:code>/", served(reads.IndicatorDetail.as_view()), name="indicator"),
    path("periods/", served(reads.PeriodList.as_view()), name="periods"),
    path("values/", served(reads.ValueList.as_view(), changed_at=browsing.figures_changed_at), name="values"),
    path("metadata/", served(reads.NationalMetadataList.as_view()), name="metadata"),
    path("documents/", served(reads.DocumentList.as_view(), changed_at=documents_changed_at), name="documents"),
    path("submissions/<str:country>/<str:period>/figures/", writes.FiguresWrite.as_view(), name="figures"),
    path("submissions/<str:country>/<str:period>/submit/", writes.SubmitSubmission.as_view(), name="submit"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", documentation.documentation, name="documentation"),
]
