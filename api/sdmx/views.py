"""The SDMX REST paths (SDMX 2.1 conventions), answered by Django REST framework views.

Being DRF views, they authenticate (personal token or session) and count requests against the
rate limits exactly as ``/api/v1/`` does; ``urls`` adds its gzip, ETag and Vary. What a reader
gets is read only through ``browsing.browsable_values(request.user)``.

The format is chosen by the ``Accept`` header or by ``?format=`` (``structure`` or ``xml``;
``sdmx-csv`` or ``csv``). Errors are plain text, in the reader's language, naming what would
have been right.
"""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotAcceptable, NotFound, ParseError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer
from rest_framework.response import Response
from rest_framework.utils.mediatypes import _MediaType
from rest_framework.views import APIView

from dsm_data.selectors import browsing
from dsm_data.services import audit_events

from . import vocabulary as words
from .data import BadQuery, DataQuery, sdmx_csv
from .structure import RESOURCES, WITH_CHILDREN, Catalogue, UnknownStructure, structures_for

ANY = ("all", "latest", "")


class _Passed(BaseRenderer):
    """A message the view built already (bytes), sent as it is; ``versions``: the SDMX versions it is."""

    charset = "utf-8"
    versions = ()

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data

    @property
    def content_type(self):
        version = f"; version={self.versions[0]}" if self.versions else ""
        return f"{self.media_type}{version}; charset={self.charset}"


class StructureRenderer(_Passed):
    media_type = "application/vnd.sdmx.structure+xml"
    format = "structure"
    versions = ("2.1",)


class XmlRenderer(_Passed):
    media_type = "application/xml"
    format = "xml"


class SdmxCsvRenderer(_Passed):
    media_type = "application/vnd.sdmx.data+csv"
    format = "sdmx-csv"
    versions = ("2.0.0", "2.0")


class CsvRenderer(_Passed):
    media_type = "text/csv"
    format = "csv"


class MessageRenderer(BaseRenderer):
    """An error's text, plain: whatever format was asked for, an error is read by a person."""

    media_type = "text/plain"
    format = "txt"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        text = data.get("detail", data) if isinstance(data, dict) else data
        return f"{text}\n".encode(self.charset)


class SdmxNegotiation(DefaultContentNegotiation):
    """DRF's negotiation, refusing in words: an unknown ``?format=`` or media type, or an SDMX version
    not served, is a 406 naming what is served."""

    def select_renderer(self, request, renderers, format_suffix=None):
        if format_name := request.query_params.get(self.settings.URL_FORMAT_OVERRIDE):
            # ``?format=`` wins over the Accept header (a browser's, a spreadsheet's), as SDMX services do.
            chosen = self.filter_renderers(renderers, format_name)[0]
            return chosen, chosen.media_type
        try:
            renderer, media_type = super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            raise NotAcceptable(_served(renderers)) from None
        version = _MediaType(media_type).params.get("version")
        if version and renderer.versions and version not in renderer.versions:
            raise NotAcceptable(
                _("Version %(version)s of %(type)s is not served: ask for version %(versions)s.")
                % {"version": version, "type": renderer.media_type, "versions": renderer.versions[0]}
            )
        return renderer, media_type

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            raise NotAcceptable(_served(renderers))
        return matching


def _served(renderers):
    return _("This path answers %(types)s: ask for one in the Accept header, or with ?format=%(formats)s.") % {
        "types": ", ".join(renderer.media_type for renderer in renderers),
        "formats": " or ".join(renderer.format for renderer in renderers),
    }


class _SdmxView(APIView):
    content_negotiation_class = SdmxNegotiation

    def finalize_response(self, request, response, *args, **kwargs):
        if response.status_code >= 400:
            request.accepted_renderer, request.accepted_media_type = MessageRenderer(), MessageRenderer.media_type
        elif isinstance(response, Response) and response.content_type is None:
            response.content_type = request.accepted_renderer.content_type
        return super().finalize_response(request, response, *args, **kwargs)


def _check_maintainer(agency, version):
    """The agency and version segments: DSM or all, 1.0 or latest/all; NotFound naming them otherwise."""
    if agency not in (*ANY, words.AGENCY):
        raise NotFound(
            _("Unknown agency “%(agency)s”: this portal's is %(ours)s.") % {"agency": agency, "ours": words.AGENCY}
        )
    if version not in (*ANY, words.VERSION):
        raise NotFound(
            _("Unknown version “%(version)s”: give %(ours)s or latest.") % {"version": version, "ours": words.VERSION}
        )


def _parameter(name, description, *, where=OpenApiParameter.PATH, choices=None):
    return OpenApiParameter(name, OpenApiTypes.STR, where, description=description, enum=choices)


def _answers(media_type):
    """The schema's responses: the message, or an error's plain text."""
    errors = {(status, "text/plain"): OpenApiTypes.STR for status in (400, 404, 406)}
    return {(200, media_type): OpenApiTypes.STR, **errors}


@extend_schema(
    parameters=[
        _parameter("resource", "The kind of structure.", choices=list(RESOURCES)),
        _parameter("agency", f"{words.AGENCY}, or all."),
        _parameter("resource_id", "An indicator's code (its dataflow and DSD), a code list (CL_SEX), CS_DSM; or all."),
        _parameter("version", f"{words.VERSION}, latest or all."),
        _parameter(
            "references",
            "A dataflow's structure and code lists come along with children, descendants or all.",
            where=OpenApiParameter.QUERY,
            choices=["none", *WITH_CHILDREN],
        ),
    ],
    responses=_answers(StructureRenderer.media_type),
)
class StructureView(_SdmxView):
    """``/{resource}/{agency}/{id}/{version}``: dataflows, data structures, code lists, the concept scheme.

    ``references=children`` (or ``descendants``, ``all``) brings a dataflow's structure and code
    lists along; a data structure always comes with them. ``detail`` is not read.
    """

    renderer_classes = [StructureRenderer, XmlRenderer]

    def get(self, request, resource, agency="all", resource_id="all", version="latest"):
        _check_maintainer(agency, version)
        references = request.query_params.get("references", "none").lower()
        try:
            content = structures_for(
                Catalogue.read(), resource=resource, resource_id=resource_id, references=references
            )
        except UnknownStructure as unknown:
            raise NotFound(
                _("No %(resource)s “%(id)s”: give one of %(allowed)s, or all.")
                % {"resource": resource, "id": resource_id, "allowed": ", ".join(unknown.allowed)}
            ) from None
        return Response(content)


@extend_schema(
    parameters=[
        _parameter("flow", "An indicator's code, e.g. WORK_PERMITS, or DSM,WORK_PERMITS,1.0."),
        _parameter("key", "FREQ.REF_AREA.<breakdowns>, e.g. A.KAZ+ARM.F: + for any of codes, empty for any; or all."),
        _parameter("startPeriod", "2024, 2024-Q1, 2024-03 or 2024-03-15.", where=OpenApiParameter.QUERY),
        _parameter("endPeriod", "2024, 2024-Q1, 2024-03 or 2024-03-15.", where=OpenApiParameter.QUERY),
    ],
    responses=_answers(SdmxCsvRenderer.media_type),
)
class DataView(_SdmxView):
    """``/data/{flow}/{key}/{provider}?startPeriod=&endPeriod=``: SDMX-CSV 2.0 of one indicator's figures.

    ``flow``: the indicator's code, alone or as ``DSM,CODE,1.0``. ``key``: FREQ.REF_AREA.<breakdowns>,
    codes joined by ``+`` for any of them, a position left empty (or the key ``all``) for every code.
    ``provider`` is not read: the figures' country is REF_AREA. Nothing matching: 404, as SDMX says.
    """

    renderer_classes = [SdmxCsvRenderer, CsvRenderer]

    def get(self, request, flow, key="all", provider="all"):
        catalogue = Catalogue.read()
        indicator = self._indicator(catalogue, flow)
        try:
            query = DataQuery.parse(
                indicator,
                key=key,
                start_period=request.query_params.get("startPeriod"),
                end_period=request.query_params.get("endPeriod"),
                countries=[country.code for country in catalogue.countries],
            )
        except BadQuery as bad:
            raise ParseError(bad.message) from None
        readable = browsing.browsable_values(request.user)
        rows = list(query.narrow(readable))
        if not rows:
            raise NotFound(_("No figures you may read match this query."))
        if request.user.is_authenticated:  # figures not public leave the portal as any export's do
            filters = request.get_full_path()
            audit_events.record_export(query.matching(readable), file_format="sdmx-csv", filters=filters)
        return Response(sdmx_csv(indicator, rows))

    @staticmethod
    def _indicator(catalogue, flow):
        parts = flow.split(",")
        if len(parts) > 3:
            raise NotFound(
                _("A flow is CODE or AGENCY,CODE,VERSION, e.g. %(example)s.") % {"example": "DSM,WORK_PERMITS,1.0"}
            )
        if len(parts) == 1:  # the code alone
            parts = ["all", *parts]
        agency, code, version = [*parts, "latest"][:3]
        _check_maintainer(agency, version)
        try:
            return catalogue.indicator(code)
        except UnknownStructure as unknown:
            raise NotFound(
                _("Unknown flow “%(flow)s”: give one of %(allowed)s.")
                % {"flow": code, "allowed": ", ".join(unknown.allowed)}
            ) from None
