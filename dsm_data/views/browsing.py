"""Reading published figures: the browser, comparisons, series, completeness, a value's history."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import EmptyPage
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig
from django_tables2.paginators import LazyPaginator

from .. import exports, permissions
from ..cells import format_entry
from ..filters import ValueFilter
from ..forms import CorrectionForm
from ..grid import build_grid, indicator_dimensions
from ..intake.problems import Rejected
from ..models import Country, Frequency, Indicator, NationalMetadata, Period, Value
from ..selectors import browsing, catalogue
from ..selectors.completeness import completeness as completeness_of
from ..services import audit_events
from ..services import submissions as services
from ..tables import ValueTable, breakdown_label
from ..translation import translated
from .parameters import whole_number
from .submissions import report_problems

EXPORT_HEADER = [
    "indicator_code", "indicator", "country_code", "country", "period", "breakdown_code", "breakdown",
    "value", "missing_because", "provisional", "estimated", "footnote",
]  # fmt: skip


DEFAULT_PAGE_SIZE = 50
# Far past the end of any table, and still an offset the database can take (its integers have 64 bits).
MAX_OFFSET = 2**62

BROWSER_FIELDS = [
    "pk", "number", "absence", "is_provisional", "is_estimated", "footnote",
    "series__key", "indicator__code", "country__code", "period__code",
]  # fmt: skip


def browse(request):
    """Published figures the reader may see: filter, sort, page, and export exactly that."""
    data = request.GET.copy()
    if not any(name in data for name in ValueFilter.base_filters):
        data["totals_only"] = "on"  # a first look: the grand totals, not every cell
    labels = catalogue.catalogue_labels()
    value_filter = ValueFilter(data, browsing.browsable_values(request.user), labels)
    # An unknown code or a wrong year in a filter narrows the table to nothing, never drops the filter.
    is_valid = value_filter.is_valid()
    values = value_filter.qs if is_valid else Value.objects.none()
    # Plain rows, not model instances, and names looked up by code: a page and an export only read them.
    table = ValueTable(values.values(*BROWSER_FIELDS), labels=labels)
    RequestConfig(request, paginate=False).configure(table)  # the order asked for; the page is ours to bound
    notes = _paginate(request, table)
    table.history_urls = history_urls(row.record["pk"] for row in table.page.object_list)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        rows = (
            [
                value["indicator__code"],
                labels.indicators[value["indicator__code"]],
                value["country__code"],
                labels.countries[value["country__code"]],
                value["period__code"],
                value["series__key"],
                breakdown_label(value["series__key"], labels.categories),
                value["number"],
                value["absence"],
                value["is_provisional"],
                value["is_estimated"],
                value["footnote"],
            ]
            for value in table.data.data.iterator(chunk_size=2000)
        )
        return _export(request, "dsm-data", EXPORT_HEADER, rows, values=values)
    for name, field_errors in value_filter.errors.items():  # the form shows no errors itself: say them above it
        field = value_filter.form.fields.get(name)
        for error in field_errors:
            messages.error(request, f"{field.label}: {error}" if field else error)
    for note in notes:
        messages.info(request, note)
    return render(
        request,
        "dsm_data/browse.html",
        {
            "filter": value_filter,
            "table": table,
            "query": data.urlencode(),
        },
        status=200 if is_valid else 400,
    )


def _paginate(request, table):
    """Pages ``table`` as the URL asks, at most DSM_MAX_PAGE_SIZE rows a page; returns notes for the reader.

    Past the end of the table, the first page. No COUNT over a million rows for each
    page: pages know only whether a next one exists.
    """
    notes = []
    asked = whole_number(request.GET.get("per_page")) or 0
    if asked > settings.DSM_MAX_PAGE_SIZE:
        notes.append(
            _("A page shows at most %(limit)s rows: to read the whole table, download it as CSV.")
            % {"limit": settings.DSM_MAX_PAGE_SIZE}
        )
    size = min(asked if asked >= 1 else DEFAULT_PAGE_SIZE, settings.DSM_MAX_PAGE_SIZE)
    number = max(whole_number(request.GET.get("page")) or 1, 1)
    try:
        if (number - 1) * size > MAX_OFFSET:
            raise EmptyPage
        table.paginate(paginator_class=LazyPaginator, per_page=size, page=number)
    except EmptyPage:
        notes.append(_("There is no page %(number)s of this table: here is its first page.") % {"number": number})
        table.paginate(paginator_class=LazyPaginator, per_page=size, page=1)
    return notes


def history_urls(pks):
    """{pk: URL of the value's history} for a page of values: one reverse, then each pk in its place."""
    placeholder = 987_654_321
    pattern = reverse("dsm_data:value", args=[placeholder])
    return {pk: pattern.replace(str(placeholder), str(pk)) for pk in pks}


def indicator_list(request):
    return render(request, "dsm_data/indicator_list.html", {"indicators": Indicator.objects.all()})


def indicator_detail(request, code):
    """An indicator's definition and breakdowns, and each country's national metadata side by side."""
    indicator = get_object_or_404(Indicator, code=code)
    return render(
        request,
        "dsm_data/indicator_detail.html",
        {
            "indicator": indicator,
            "dimensions": indicator_dimensions(indicator),
            "countries": catalogue.indicator_with_metadata(indicator),
            "metadata_fields": [NationalMetadata._meta.get_field(name) for name in NationalMetadata.TEXT_FIELDS],
            "rules": indicator.validation_rules.all(),
        },
    )


def compare(request):
    """One series of one indicator, countries x periods, as far as the reader may see."""
    first = Indicator.objects.first()
    indicator = get_object_or_404(Indicator, code=request.GET.get("indicator") or (first.code if first else ""))
    frequency = request.GET.get("frequency", Frequency.ANNUAL)
    grid = build_grid(indicator)
    series = grid.series_by_key.get(request.GET.get("series", ""), grid.rows[-1].cells[-1])
    values = browsing.browsable_values(request.user).filter(
        indicator=indicator, period__frequency=frequency, series__key=series.key
    )
    periods, rows = browsing.period_matrix(values, lambda value: value.country, lambda country: country.code)
    if request.GET.get("export") in ("csv", "xlsx"):
        header = ["country_code", "country", *(period.code for period in periods)]
        lines = ([country.code, translated(country.name), *map(_cell_value, cells)] for country, cells in rows)
        return _export(request, f"dsm-{indicator.code.lower()}", header, lines, values=values)
    return render(
        request,
        "dsm_data/compare.html",
        {
            "indicator": indicator,
            "indicators": Indicator.objects.all(),
            "series": series,
            "series_choices": [(cell.key, grid.cell_label(cell)) for cell in grid.series],
            "frequency": frequency,
            "frequencies": [choice for choice in Frequency.choices if choice[0] in indicator.frequencies],
            "periods": periods,
            "rows": [
                (reverse("dsm_data:country", args=[country.code]), translated(country.name), cells)
                for country, cells in rows
            ],
            "caption": f"{grid.cell_label(series)} ({translated(indicator.unit)})",
        },
    )


def country_series(request, code):
    """A country's grand totals of every indicator over the years, as far as the reader may see."""
    country = get_object_or_404(Country, code=code)
    values = browsing.browsable_values(request.user).filter(
        country=country, series__is_grand_total=True, period__frequency=Frequency.ANNUAL
    )
    periods, rows = browsing.period_matrix(
        values, lambda value: value.indicator, lambda indicator: (indicator.sort_order, indicator.code)
    )
    if request.GET.get("export") in ("csv", "xlsx"):
        header = ["indicator_code", "indicator", *(period.code for period in periods)]
        lines = ([item.code, translated(item.name), *map(_cell_value, cells)] for item, cells in rows)
        return _export(request, f"dsm-{country.code.lower()}", header, lines, values=values)
    rows = [
        (reverse("dsm_data:indicator", args=[indicator.code]), translated(indicator.name), cells)
        for indicator, cells in rows
    ]
    return render(request, "dsm_data/country_series.html", {"country": country, "periods": periods, "rows": rows})


def _cell_value(value):
    """A matrix cell in a file: the number, the code of why it is missing, or nothing."""
    if value is None:
        return None
    return value.number if value.number is not None else format_entry(value)


def _export(request, filename, header, rows, *, values):
    """The table as the file asked for; an XLSX too large to build sends the reader back, pointing to CSV.

    ``values`` (the queryset ``rows`` come from): an export holding figures that are
    not public, or not yet released, enters the audit trail.
    """
    file_format = request.GET["export"]
    filters = request.GET.copy()
    del filters["export"]
    try:
        if file_format == "csv":
            response = exports.csv_response(filename, header, rows)
        else:
            response = exports.xlsx_response(filename, "DSM", header, rows)
    except exports.ExportTooLarge:
        messages.warning(
            request, _("The table has more than %(limit)s rows: download it as CSV, or narrow the filter.")
            % {"limit": exports.MAX_XLSX_ROWS}
        )  # fmt: skip
        return redirect(f"{request.path}?{filters.urlencode()}")
    audit_events.record_export(
        values, file_format=file_format, filters=filters.urlencode(), label=f"{filename}.{file_format}"
    )
    return response


@login_required
def completeness(request):
    """Which country has delivered what for a period, and who is late."""
    if not permissions.can_read_shared_data(request.user):
        raise PermissionDenied
    periods = Period.objects.order_by("-start", "frequency")
    period = get_object_or_404(Period, code=request.GET["period"]) if request.GET.get("period") else periods.first()
    if period is None:
        raise Http404
    indicators, rows, totals = completeness_of(period)
    return render(
        request,
        "dsm_data/completeness.html",
        {
            "period": period,
            "periods": periods,
            "indicators": indicators,
            "rows": rows,
            "indicator_totals": zip(indicators, totals["indicators"], strict=True),
            "total_not_collected": totals["all"],
        },
    )


def value_history(request, pk):
    """Every revision of a value: old -> new, who, when, channel, why; and the correction form."""
    value = get_object_or_404(Value.objects.select_related("submission", "indicator", "country", "period"), pk=pk)
    if not permissions.can_read_value(request.user, value, timezone.now()):
        raise Http404
    full_history = permissions.can_read_full_history(request.user, value)
    can_correct = permissions.correction_refusal(value, request.user) is None
    form = CorrectionForm(request.POST or None, initial={"entry": format_entry(value), "footnote": value.footnote})
    if request.method == "POST":
        if not can_correct:
            raise PermissionDenied
        if form.is_valid():
            cell = form.cleaned_data["entry"]
            cell.footnote = form.cleaned_data["footnote"]
            try:
                services.correct_value(value, cell, user=request.user, reason=form.cleaned_data["reason"])
            except Rejected as rejected:
                report_problems(request, rejected)
            else:
                messages.success(request, _("Corrected: the new value is published, the old one kept in the history."))
                return redirect("dsm_data:value", value.pk)
    grid = build_grid(value.indicator)
    return render(
        request,
        "dsm_data/value_history.html",
        {
            "value": value,
            "label": grid.cell_label(value.series),
            "revisions": browsing.revision_steps(value, published_only=not full_history),
            "full_history": full_history,
            "can_correct": can_correct,
            "form": form,
        },
    )
