"""Reading published figures: the browser, comparisons, series, completeness, a value's history."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import EmptyPage
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from .. import permissions, value_exports
from ..cells import format_entry
from ..filters import ValueFilter
from ..forms import CorrectionForm
from ..grid import build_grid
from ..intake.problems import Rejected
from ..models import Period, Value
from ..selectors import browsing, catalogue, ordered_pages
from ..selectors.completeness import completeness as completeness_of
from ..services import submissions as services
from ..tables import OrderedPaginator, ValueTable
from ..value_links import value_urls
from .exports import export_response
from .parameters import whole_number
from .submissions import report_problems

DEFAULT_PAGE_SIZE = 50
# Far past the end of any table, and still an offset the database can take (its integers have 64 bits).
MAX_OFFSET = 2**62

BROWSER_FIELDS = [
    "pk", "number", "absence", "is_provisional", "is_estimated", "footnote",
    "series__key", "indicator__code", "country__code", "period__code",
]  # fmt: skip
# The switch that shows rows without a figure: it widens the table, so it does not end the first look.
EMPTY_ROWS = "empty_rows"
FIRST_LOOK_FILTERS = [name for name in ValueFilter.base_filters if name != EMPTY_ROWS]


def browse(request):
    """Published figures the reader may see: filter, sort, page, and export exactly that."""
    data = request.GET.copy()
    if not any(name in data for name in FIRST_LOOK_FILTERS):
        data["totals_only"] = "on"  # a first look: the grand totals, not every cell
    labels = catalogue.catalogue_labels(request)  # its token read with the pages' (the main menu's)
    value_filter = ValueFilter(data, browsing.browsable_values(request.user), labels)
    # An unknown code or a wrong year in a filter narrows the table to nothing, never drops the filter.
    is_valid = value_filter.is_valid()
    values = value_filter.qs if is_valid else Value.objects.none()
    # What a page walks (selectors.ordered_pages), made only where the database walks them.
    combinations = value_filter.combinations if is_valid else None
    # Plain rows, not model instances, and names looked up by code: a page and an export only read them.
    table = ValueTable(values.values(*BROWSER_FIELDS), labels=labels, combinations=combinations)
    RequestConfig(request, paginate=False).configure(table)  # the order asked for; the page is ours to bound
    file_format = request.GET.get("export")
    if file_format in ("csv", "xlsx"):  # the whole table in the page's order; no page to describe
        ordered = values.order_by(*ordered_pages.total_order(table.data.data.query.order_by))
        if file_format == "csv":
            rows, lines = (), value_exports.csv_lines(ordered, labels, combinations)
        else:
            rows, lines = value_exports.export_rows(ordered, labels, combinations), None
        return export_response(request, "dsm-data", value_exports.EXPORT_HEADER, rows, values=values, csv_lines=lines)
    notes = _paginate(request, table)
    table.describe_page(value_urls(row.record["pk"] for row in table.page.object_list))
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
            "filter_fields": value_filter.fields_html(),
            "table": table,
            "query": data.urlencode(),
            "empty_rows_shown": bool(is_valid and value_filter.form.cleaned_data.get(EMPTY_ROWS)),
            "switch_query": switched_query(data),
        },
        status=200 if is_valid else 400,
    )


def switched_query(data):
    """The query of the same table with rows without a figure shown if they are hidden, hidden if shown.

    From its first page: the other table may be shorter than the page the reader is on.
    """
    switched = data.copy()
    switched.pop("page", None)
    if switched.get(EMPTY_ROWS):
        del switched[EMPTY_ROWS]
    else:
        switched[EMPTY_ROWS] = "on"
    return switched.urlencode()


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
        table.paginate(paginator_class=OrderedPaginator, per_page=size, page=number)
    except EmptyPage:
        notes.append(_("There is no page %(number)s of this table: here is its first page.") % {"number": number})
        table.paginate(paginator_class=OrderedPaginator, per_page=size, page=1)
    return notes


@login_required
def completeness(request):
    """Which country has delivered what for a period, and who is late."""
    if not permissions.can_read_completeness(request.user):
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
