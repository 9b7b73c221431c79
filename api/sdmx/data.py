"""SDMX-CSV 2.0 data of one dataflow: the figures a reader may read, narrowed by the query's key and periods.

The rows come from the queryset the caller passes, which is always
``dsm_data.selectors.browsing.browsable_values(user)``: this module narrows it, never widens it.
Every cell the data browser lists with "rows without a figure" shown is one observation
here, a missing figure included (OBS_VALUE empty, OBS_STATUS saying why: see ``vocabulary``).

Columns: ``STRUCTURE`` (``dataflow``), ``STRUCTURE_ID`` (``DSM:<indicator>(1.0)``), ``ACTION``
(``I``, information: a query's answer updates nothing), the key (``FREQ``, ``REF_AREA``, one per
breakdown), ``TIME_PERIOD``, ``OBS_VALUE``, ``OBS_STATUS``, ``CONF_STATUS``, ``COMMENT``.
The file is built in memory from plain rows (``.values()``): one indicator's figures, at most a
few hundred thousand rows, and its ETag needs the whole content anyway. Footnotes go as they are,
without the "'" the browser's export puts before a text a spreadsheet would run: SDMX-CSV is read by
programs, and what is sent must read back the same (``csv_input``).
"""

import csv
import io
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from dsm_data import permissions
from dsm_data.models import TOTAL_CODE, Series

from . import vocabulary as words
from .structure import key_dimensions

ROW_FIELDS = [
    "number", "absence", "is_provisional", "is_estimated", "footnote", "confidentiality", "released_at",
    "country__code", "period__code", "period__frequency", "series__key",
]  # fmt: skip
ROW_ORDER = ["country__code", "period__start", "period__frequency", "series__sort_order", "pk"]
ATTRIBUTES = [words.STATUS, words.CONFIDENTIALITY, words.COMMENT]
WILDCARD = "all"
ACTION_INFORMATION = "I"


class BadQuery(ValueError):
    """A query this flow cannot answer; ``message`` says why and names what would be right."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class DataQuery:
    """What a data query asks of one flow: codes per key position (absent: any), and a span of days."""

    indicator: object  # with ``breakdowns`` (structure.Catalogue.read)
    codes: dict = field(default_factory=dict)  # {"REF_AREA": ["KAZ", "ARM"], "SEX": ["F"]}
    first_day: object = None
    last_day: object = None

    @classmethod
    def parse(cls, indicator, *, key, start_period=None, end_period=None, countries=()):
        """Read a key (``A.KAZ+ARM.F``, an empty position or ``all`` for any) and the periods; BadQuery otherwise."""
        query = cls(indicator, codes=_key_codes(indicator, key, countries=countries))
        if start_period:
            query.first_day = _day(start_period, "startPeriod")[0]
        if end_period:
            query.last_day = _day(end_period, "endPeriod")[1]
        return query

    def narrow(self, values):
        """``values`` (a reader's browsable values) narrowed to this query, as plain rows in the flow's order."""
        return self.matching(values).order_by(*ROW_ORDER).values(*ROW_FIELDS)

    def matching(self, values):
        """``values`` narrowed to this query, as a queryset of values (what an export's audit entry reads)."""
        values = values.filter(indicator=self.indicator)
        breakdown_codes = dict(self.codes)
        if frequencies := breakdown_codes.pop(words.FREQUENCY, None):
            by_code = {code: frequency for frequency, code in words.FREQUENCY_CODES.items()}
            values = values.filter(period__frequency__in=[by_code[code] for code in frequencies])
        if countries := breakdown_codes.pop(words.AREA, None):
            values = values.filter(country__code__in=countries)
        if breakdown_codes:
            values = values.filter(series_id__in=_series_matching(self.indicator, breakdown_codes))
        if self.first_day:
            values = values.filter(period__start__gte=self.first_day)
        if self.last_day:
            values = values.filter(period__end__lte=self.last_day)
        return values


def _series_matching(indicator, breakdown_codes):
    """The pks of ``indicator``'s series whose category in each dimension is one of ``breakdown_codes[dimension]``,
    read in one query. Handed to the value query as keys, they plan alike everywhere: as three IN-subqueries over
    the categories, PostgreSQL (without statistics on tables just filled) ran them as nested loops for minutes."""
    rows = Series.objects.filter(indicator=indicator, categories__dimension__code__in=list(breakdown_codes))
    matched = Counter()
    for pk, dimension, code in rows.values_list("pk", "categories__dimension__code", "categories__code"):
        if code in breakdown_codes[dimension]:
            matched[pk] += 1
    return sorted(pk for pk, count in matched.items() if count == len(breakdown_codes))


def _key_codes(indicator, key, *, countries):
    """{dimension: [codes]} of the key's restricted positions; BadQuery naming the dimensions or the codes."""
    dimensions = key_dimensions(indicator)
    if key in ("", WILDCARD):
        return {}
    positions = key.split(".")
    if len(positions) != len(dimensions):
        raise BadQuery(
            _("The key “%(key)s” has %(count)s positions; the flow %(flow)s has %(expected)s: %(dimensions)s.")
            % {
                "key": key,
                "count": len(positions),
                "flow": indicator.code,
                "expected": len(dimensions),
                "dimensions": ".".join(dimensions),
            }
        )
    allowed = _allowed_codes(indicator, countries)
    codes = {}
    for dimension, position in zip(dimensions, positions, strict=True):
        if not position:
            continue
        wanted = position.split("+")
        unknown = [code for code in wanted if code not in allowed[dimension]]
        if unknown:
            raise BadQuery(
                _("Unknown code “%(code)s” for %(dimension)s: give one of %(allowed)s.")
                % {"code": unknown[0], "dimension": dimension, "allowed": ", ".join(allowed[dimension])}
            )
        codes[dimension] = wanted
    return codes


def _allowed_codes(indicator, countries):
    allowed = {words.FREQUENCY: list(words.FREQUENCY_CODES.values()), words.AREA: list(countries)}
    for dimension in indicator.breakdowns:
        allowed[dimension.code] = [category.code for category in dimension.ordered_categories]
    return allowed


def _day(text, parameter):
    try:
        return words.period_bounds(text)
    except ValueError:
        raise BadQuery(
            _("%(parameter)s “%(value)s” is not a period: give 2024, 2024-Q1, 2024-03 or a day, 2024-03-15.")
            % {"parameter": parameter, "value": text}
        ) from None


def header(indicator):
    """The SDMX-CSV 2.0 header of a flow's data."""
    return ["STRUCTURE", "STRUCTURE_ID", "ACTION", *key_dimensions(indicator), words.TIME, words.MEASURE, *ATTRIBUTES]


def sdmx_csv(indicator, rows, *, now=None):
    """The SDMX-CSV 2.0 file of ``rows`` (``DataQuery.narrow``'s) as UTF-8 bytes, header first."""
    now = now or timezone.now()
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(header(indicator))
    structure_id = f"{words.AGENCY}:{indicator.code}({words.VERSION})"
    breakdowns = [dimension.code for dimension in indicator.breakdowns]
    for row in rows:
        status, confidentiality = words.statuses(
            number=row["number"],
            absence=row["absence"],
            is_provisional=row["is_provisional"],
            is_estimated=row["is_estimated"],
            is_public=permissions.is_public_figure(
                confidentiality=row["confidentiality"], released_at=row["released_at"], now=now
            ),
        )
        categories = _categories(row["series__key"])
        writer.writerow(
            [
                "dataflow",
                structure_id,
                ACTION_INFORMATION,
                words.FREQUENCY_CODES[row["period__frequency"]],
                row["country__code"],
                # A series older than a breakdown added since counts every category of it: its total.
                *(categories.get(code, TOTAL_CODE) for code in breakdowns),
                row["period__code"],
                observation_value(row["number"]),
                status,
                confidentiality,
                row["footnote"],
            ]
        )
    return output.getvalue().encode("utf-8")


def _categories(series_key):
    """{"SEX": "F", "CITIZENSHIP": "UZB"} of a series key "SEX=F.CITIZENSHIP=UZB" (empty for no breakdown)."""
    return dict(part.split("=", 1) for part in series_key.split(".") if part)


def observation_value(number):
    """A stored Decimal as SDMX writes a number: 1234.000 -> "1234", 12.500 -> "12.5"; None -> ""."""
    if number is None:
        return ""
    return format(number.normalize(), "f")
