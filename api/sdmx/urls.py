"""``/api/sdmx/``: SDMX 2.1 REST paths. A trailing slash is optional, and so are the segments after the
resource (``/dataflow`` is ``/dataflow/all/all/latest``; ``/data/FLOW`` is ``/data/FLOW/all``)."""

from django.urls import re_path
from django.views.decorators.vary import vary_on_headers

from api.urls import served

from . import views

app_name = "sdmx"

SEGMENT = "[^/]+"
STRUCTURES = "|".join(["dataflow", "datastructure", "codelist", "conceptscheme"])


def optional(*names):
    """Regular expression of optional path segments, each a named group: /A, /A/B, ..."""
    return "".join(f"(?:/(?P<{name}>{SEGMENT})" for name in names) + ")?" * len(names)


def negotiated(view):
    """``served`` (gzip, ETag, Vary on who reads), and Vary on Accept: the same path answers in several formats."""
    return served(vary_on_headers("Accept")(view))


structure_view = negotiated(views.StructureView.as_view())
data_view = negotiated(views.DataView.as_view())

urlpatterns = [
    re_path(
        rf"^(?P<resource>{STRUCTURES}){optional('agency', 'resource_id', 'version')}/?$",
        structure_view,
        name="structure",
    ),
    re_path(
        rf"^data/(?P<flow>{SEGMENT}){optional('key', 'provider')}/?$",
        data_view,
        name="data",
    ),
]

# What the OpenAPI schema (api.schema) lists: each path in full, every segment named. The patterns above
# answer these paths too; they are not listed themselves, their optional segments being beyond OpenAPI.
documented_patterns = [
    re_path(rf"^(?P<resource>{STRUCTURES})/(?P<agency>{SEGMENT})/(?P<resource_id>{SEGMENT})/(?P<version>{SEGMENT})$",
            structure_view, name="structure-documented"),
    re_path(rf"^data/(?P<flow>{SEGMENT})/(?P<key>{SEGMENT})$", data_view, name="data-documented"),
]  # fmt: skip
