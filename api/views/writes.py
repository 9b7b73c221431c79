"""The write API: a focal point's system posts its country's figures for a period, and submits them.

The views only translate HTTP: the body and its media type, ``dry_run``, ``reason`` and the
``Idempotency-Key`` go to ``services.figures.post_figures``, whose refusals become status codes
(403 never, 409 not now, 400 bad figures with every problem, 415 an unknown media type, 422 a key
used for another request). A submission can be submitted here, never validated: validation is a
person's judgement, made on the portal's page.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from dsm_data.intake import reading
from dsm_data.intake.problems import Rejected
from dsm_data.selectors import submissions as submission_selectors

from ..models.writes import KEY_LENGTH
from ..services import figures
from ..services.figures import KeyReused, NotNow

TRUE = {"1", "true", "yes", "on"}


def refused(problems, *, status_code=status.HTTP_400_BAD_REQUEST, detail=None):
    """The answer to figures refused: a sentence, then every problem with its place and what would be right."""
    detail = detail or _("Nothing was stored: correct these problems and send the figures again.")
    return Response({"detail": detail, "problems": figures.problems_json(problems)}, status=status_code)


def _submission(country_code, period_code):
    """The submission an address names (maybe unsaved), or 404 naming the unknown code."""
    country, period, submission = submission_selectors.submission_at(country_code, period_code)
    if country is None:
        raise NotFound(_("Unknown country “%(code)s”: give its ISO alpha-3 code, e.g. KAZ.") % {"code": country_code})
    if period is None:
        raise NotFound(_("Unknown period “%(code)s”: see /api/v1/periods/.") % {"code": period_code})
    return submission


def _body(request):
    """The request's body, read no further than the limit of a file of figures (Rejected beyond it)."""
    length = request.META.get("CONTENT_LENGTH") or "0"
    reading.check_size(int(length) if length.isdigit() else 0)  # a bad length: the read below still stops
    data = request.stream.read(settings.DSM_MAX_UPLOAD_BYTES + 1) if request.stream else b""
    reading.check_size(len(data))
    return data


def _base_url(request):
    """The portal's address as the client reached it, for the links of an answer."""
    return request.build_absolute_uri("/").rstrip("/")


def _dry_run(request):
    return request.query_params.get("dry_run", "").lower() in TRUE


WRITE_PARAMETERS = [
    OpenApiParameter("country", str, OpenApiParameter.PATH, description="ISO alpha-3 code, e.g. KAZ."),
    OpenApiParameter("period", str, OpenApiParameter.PATH, description="Period code: 2024, 2024-Q1, 2024-03."),
    OpenApiParameter("dry_run", bool, description="Check everything and answer as a write would; store nothing."),
    OpenApiParameter("reason", str, description="Why published figures change, for rows that give no reason."),
    OpenApiParameter(
        "Idempotency-Key",
        str,
        OpenApiParameter.HEADER,
        description="Any unique text of yours (e.g. a UUID): a retry with the same key and body stores nothing twice "
        "and gets the first answer again, with the header Idempotent-Replayed: true.",
    ),
]


class FiguresWrite(APIView):
    """Post a country's figures for a period: JSON, SDMX-CSV 2.0, or the long-table CSV (or xlsx).

    Checked whole and stored all or nothing, as a file on the web is. Warnings are answered by
    the ``comment`` of a figure. The answer carries the receipt (also on the submission's page).
    """

    permission_classes = [IsAuthenticated]
    parser_classes = []  # the intake reads the raw body: one reader for every channel

    @extend_schema(
        parameters=WRITE_PARAMETERS,
        request=dict.fromkeys(figures.MEDIA_TYPES, OpenApiTypes.BINARY),
        responses={
            201: OpenApiResponse(description="Stored: the receipt, the submission and the warnings left."),
            200: OpenApiResponse(description="A dry run, a write that changed nothing, or a retry's first answer."),
            400: OpenApiResponse(description="Nothing stored: every problem, with its place."),
            403: OpenApiResponse(description="You may never write these figures (another country's)."),
            409: OpenApiResponse(description="Not now: the period is closed or the submission is with the validator."),
        },
    )
    def post(self, request, country, period):
        submission = _submission(country, period)
        media_type = (request.content_type or "").split(";")[0].strip().lower()
        if media_type not in figures.MEDIA_TYPES:
            return Response(
                {"detail": _("Send the figures as one of %(types)s.") % {"types": ", ".join(figures.MEDIA_TYPES)}},
                status=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            )
        key = request.headers.get("Idempotency-Key", "").strip()
        if len(key) > KEY_LENGTH:
            detail = _("The Idempotency-Key is longer than %(limit)s characters.") % {"limit": KEY_LENGTH}
            return Response({"detail": detail}, status=status.HTTP_400_BAD_REQUEST)
        try:
            data = _body(request)
        except Rejected as too_large:
            return refused(too_large.problems, status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
        try:
            answer = figures.post_figures(
                data,
                media_type=media_type,
                user=request.user,
                submission=submission,
                key=key,
                dry_run=_dry_run(request),
                reason=request.query_params.get("reason", ""),
                base_url=_base_url(request),
            )
        except NotNow as refusal:
            return Response({"detail": str(refusal)}, status=status.HTTP_409_CONFLICT)
        except KeyReused as refusal:
            return Response({"detail": str(refusal)}, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
        except Rejected as rejected:
            return refused(rejected.problems)
        response = Response(answer.body, status=answer.status_code)
        if answer.replayed:
            response["Idempotent-Replayed"] = "true"
        return response


class SubmitSubmission(APIView):
    """Submit a country's submission for a period to its validator, as the focal point's page does.

    ``missing_reason`` says why cells or indicators were not collected (once for the submission).
    There is no validation by API.
    """

    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=WRITE_PARAMETERS[:2],
        request={"application/json": {"type": "object", "properties": {"missing_reason": {"type": "string"}}}},
        responses={200: OpenApiResponse(description="Submitted."), 409: OpenApiResponse(description="Not now.")},
    )
    def post(self, request, country, period):
        missing_reason = request.data.get("missing_reason", "") if hasattr(request.data, "get") else ""
        try:
            submission = figures.submit(
                _submission(country, period), user=request.user, missing_reason=str(missing_reason)
            )
        except figures.NothingSent as nothing:
            raise NotFound(str(nothing)) from None
        except Rejected as rejected:
            detail = _("The submission was not submitted.")
            return refused(rejected.problems, status_code=status.HTTP_409_CONFLICT, detail=detail)
        return Response(figures.submission_json(submission, base_url=_base_url(request)))
