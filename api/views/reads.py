"""The read API, /api/v1/: what the pages show, for machines, trimmed by the same rules.

Every list reads through the selectors the pages use (``browsing.browsable_values`` for the
figures), so the API gives nothing a page hides. Lists are ordered by code, so pages are stable.
"""

from django.conf import settings
from django.utils import translation
from django.utils.http import http_date
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer

from dsm_data.filters import ValueFilter
from dsm_data.models import Country, Indicator, NationalMetadata, Period
from dsm_data.selectors import browsing, catalogue
from dsm_data.services import audit_events
from library_pages.models import DocumentPage

from .. import conditional, serializers
from ..renderers import CsvRenderer

VALUE_FIELDS = [
    "pk", "number", "absence", "is_provisional", "is_estimated", "footnote",
    "indicator__code", "country__code", "period__code", "series__key",
]  # fmt: skip
VALUE_ORDER = [
    "indicator__sort_order",
    "indicator__code",
    "country__code",
    "period__start",
    "period__frequency",
    "series__sort_order",
    "pk",
]


class CountryList(generics.ListAPIView):
    """The participating states and the other countries the catalogue names."""

    serializer_class = serializers.CountrySerializer
    queryset = Country.objects.order_by("code")


class IndicatorList(generics.ListAPIView):
    """The agreed indicators, each with its breakdowns (dimensions) and their categories."""

    serializer_class = serializers.IndicatorSerializer
    queryset = Indicator.objects.order_by("sort_order", "code")


class IndicatorDetail(generics.RetrieveAPIView):
    serializer_class = serializers.IndicatorSerializer
    queryset = Indicator.objects.all()
    lookup_field = "code"


class PeriodList(generics.ListAPIView):
    """The reporting periods (annual, quarterly, monthly), latest first."""

    serializer_class = serializers.PeriodSerializer
    queryset = Period.objects.order_by("-start", "frequency")


class NationalMetadataList(generics.ListAPIView):
    """How each country produces each indicator (public, as on the indicator pages), with its breaks in
    series; ``indicator`` and ``country`` narrow it."""

    serializer_class = serializers.NationalMetadataSerializer

    def get_queryset(self):
        metadata = NationalMetadata.objects.select_related("indicator", "country").prefetch_related("breaks__period")
        for name in ("indicator", "country"):
            if codes := self.request.query_params.getlist(name):
                metadata = metadata.filter(**{f"{name}__code__in": codes})
        return metadata.order_by("indicator__sort_order", "indicator__code", "country__code")


class DocumentList(generics.ListAPIView):
    """The library's documents the caller may read, newest first; ``country`` and ``document_type`` narrow it,
    ``language`` (en, ru) chooses the language tree."""

    serializer_class = serializers.DocumentSerializer

    def get_queryset(self):
        with translation.override(self._language()):
            documents = DocumentPage.objects.readable_by(self.request.user)
            if codes := self.request.query_params.getlist("country"):
                documents = documents.filter(country__code__in=codes)
            if kinds := self.request.query_params.getlist("document_type"):
                documents = documents.filter(document_type__in=kinds)
            return documents.select_related("document").order_by("-date", "-pk")

    def _language(self):
        language = self.request.query_params.get("language") or settings.LANGUAGE_CODE
        allowed = dict(settings.LANGUAGES)
        if language not in allowed:
            raise ValidationError(
                {
                    "language": [
                        _("Unknown language “%(code)s”: give one of %(allowed)s.")
                        % {"code": language, "allowed": ", ".join(allowed)}
                    ]
                }
            )
        return language


def _query(name, kind, description, *, many=False):
    schema = {"type": "array", "items": {"type": kind}} if many else {"type": kind}
    return OpenApiParameter(name, type=schema, location=OpenApiParameter.QUERY, description=description, explode=many)


VALUE_PARAMETERS = [
    _query("indicator", "string", "Indicator code, e.g. FOREIGN_RESIDENTS; repeat for several.", many=True),
    _query("country", "string", "ISO alpha-3 code, e.g. KAZ; repeat for several.", many=True),
    _query("period", "string", "Period code: 2024, 2024-Q1, 2024-03; repeat for several.", many=True),
    _query("frequency", "string", "annual, quarterly or monthly."),
    _query("year_from", "integer", "Periods starting in this year or later."),
    _query("year_to", "integer", "Periods ending in this year or earlier."),
    _query("breakdown", "string", "A category, DIMENSION=CODE, e.g. SEX=F; repeat for several.", many=True),
    _query("totals_only", "boolean", "Only totals in the dimensions not chosen as a breakdown."),
    _query("empty_rows", "boolean", "Include rows without a figure (: or not collected); true by default."),
    _query("format", "string", "json (the default) or csv."),
]


@extend_schema_view(get=extend_schema(parameters=VALUE_PARAMETERS))
class ValueList(generics.ListAPIView):
    """Published figures the caller may read, with the data browser's filters:
    ``indicator``, ``country``, ``period`` (repeatable), ``frequency``, ``year_from``, ``year_to``,
    ``breakdown`` (``SEX=F``), ``totals_only``. Rows without a figure are included
    unless ``empty_rows=false``."""

    serializer_class = serializers.ValueSerializer
    renderer_classes = [JSONRenderer, CsvRenderer]

    def get_queryset(self):
        data = self.request.query_params.copy()
        data.setdefault("empty_rows", "true")
        value_filter = ValueFilter(data, browsing.browsable_values(self.request.user), catalogue.catalogue_labels())
        if not value_filter.is_valid():
            raise ValidationError(
                {name: [str(error) for error in errors] for name, errors in value_filter.errors.items()}
                or _("The filters are not valid.")
            )
        self.figures = value_filter.qs
        return value_filter.qs.order_by(*VALUE_ORDER).values(*VALUE_FIELDS)

    def list(self, request, *args, **kwargs):
        changed_at = None if request.user.is_authenticated else browsing.public_figures_changed_at()
        if changed_at is not None and not conditional.modified_since(request, changed_at):
            return conditional.not_modified(changed_at)  # after DRF's authentication and rate limits
        page = self.paginate_queryset(self.get_queryset())
        if request.user.is_authenticated and page:  # the public reads only public figures: nothing to record
            # A page of figures not public, or not yet released, leaves the portal as an export does.
            audit_events.record_export(
                self.figures.filter(pk__in=[row["pk"] for row in page]),
                file_format=f"api {request.accepted_renderer.format}",
                filters=request.GET.urlencode(),
            )
        response = self.get_paginated_response([serializers.value_json(row) for row in page])
        if changed_at is not None:
            response["Last-Modified"] = http_date(changed_at.timestamp())
        return response
