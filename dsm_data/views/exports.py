"""Tables of the data pages as files: the reader's CSV or Excel, audited when it holds restricted figures."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .. import exports
from ..cells import format_entry
from ..services import audit_events


def matrix_cell_value(value):
    """A matrix cell in a file: the number, the code of why it is missing, or nothing."""
    if value is None:
        return None
    return value.number if value.number is not None else format_entry(value)


def export_response(request, filename, header, rows, *, values, csv_lines=None):
    """The table as the file asked for; an XLSX too large to build sends the reader back, pointing to CSV.

    ``values`` (the queryset ``rows`` come from): an export holding figures that are
    not public, or not yet released, enters the audit trail. ``csv_lines``: the rows already
    written as CSV lines, for a CSV (``exports.csv_response``).
    """
    file_format = request.GET["export"]
    filters = request.GET.copy()
    del filters["export"]
    try:
        if file_format == "csv":
            response = exports.csv_response(filename, header, rows, lines=csv_lines)
        else:
            response = exports.xlsx_response(filename, "DSM", header, rows)
    except exports.ExportTooLarge:
        messages.warning(
            request, _("The table has more than %(limit)s rows: download it as CSV, or narrow the filter.")
            % {"limit": exports.MAX_XLSX_ROWS}
        )  # fmt: skip
        return redirect(f"{request.path}?{filters.urlencode()}")
    audit_events.record_export(
        values,
        file_format=file_format,
        filters=filters.urlencode(),
        label=f"{filename}.{file_format}",
        reader=request.user,
    )
    return response
