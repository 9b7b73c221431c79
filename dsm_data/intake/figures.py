"""The figures a file brings for one country and period, once read: what the services store.

``Upload`` is what every file reader returns (a template, a long table) and what
``services.submissions.import_upload`` stores; the rules every channel runs are
checked on it here, each error placed at the sheet and cell it came from.
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..cells import Cell
from ..models import Country, Period
from ..validation import check_cells, complete_totals
from .problems import ERROR, Problem, Rejected

# Filled cells of the sheets a person fills in (or of a CSV file), past which a file is refused.
MAX_USED_CELLS = 200_000


@dataclass
class Upload:
    """A good upload: what it holds, by indicator, ready for ``import_upload``."""

    country: Country
    period: Period
    # A dict, or for a template a Mapping that reads each indicator from the file when asked (``TemplateCells``):
    cells: dict = field(default_factory=dict)  # indicator -> {series pk: Cell}
    places: dict = field(default_factory=dict)  # series pk -> (sheet, cell), to name cells in messages
    grids: dict = field(default_factory=dict)  # indicator code -> Grid

    def place_of(self, problem):
        """The problem at the sheet and cell its series came from (the indicator's sheet if unknown)."""
        sheet, cell = self.places.get(problem.series_id, ("", ""))
        return problem.placed(sheet, cell)


def rule_errors(upload):
    """The errors of the rules every channel runs, each at its sheet and cell; blank totals are computed first."""
    problems = []
    for indicator, cells in upload.cells.items():
        problems += indicator_rule_errors(upload.grids[indicator.code], cells, upload.places)
    return problems


def indicator_rule_errors(grid, cells, places):
    """``rule_errors`` of one indicator's cells; ``places``: {series pk: (sheet, cell)}."""
    complete_totals(grid, cells)
    return [
        problem.placed(*places.get(problem.series_id, (grid.indicator.code, "")))
        for problem in check_cells(grid, cells)
        if problem.severity == ERROR
    ]


# Texts of summed rows a generated footnote names before "…".
SUMMED_TEXTS_NAMED = 10


def summed(parts):
    """The Cell of rows a mapping's recode put on one cell: [(row number, Cell, {field: text before recoding})].

    The numbers are added and the sum marked estimated, with a footnote naming how many
    rows and which texts; rows without a number (confidential, not available) are left
    out of the sum and counted in the footnote. None has a number: the cell is absent
    (confidential if any part is).
    """
    cells = [cell for _number, cell, _texts in parts]
    numbers = [cell.number for cell in cells if cell.number is not None]
    texts = list(dict.fromkeys(" / ".join(recoded.values()) for _number, _cell, recoded in parts if recoded))
    named = ", ".join(texts[:SUMMED_TEXTS_NAMED]) + (", …" if len(texts) > SUMMED_TEXTS_NAMED else "")
    footnote = ngettext(
        "Sum of %(count)s row of the uploaded file: %(texts)s.",
        "Sum of %(count)s rows of the uploaded file: %(texts)s.",
        len(parts),
    ) % {"count": len(parts), "texts": named}
    if numbers and len(numbers) < len(cells):
        missing = len(cells) - len(numbers)
        footnote += " " + ngettext(
            "%(count)s row without a figure is left out.", "%(count)s rows without a figure are left out.", missing
        ) % {"count": missing}
    result = Cell(
        number=sum(numbers) if numbers else None,
        is_provisional=any(cell.is_provisional for cell in cells),
        is_estimated=bool(numbers),
        footnote=_joined([*(cell.footnote for cell in cells), footnote], " "),
        comment=_joined([cell.comment for cell in cells], "; "),
        reason=_joined([cell.reason for cell in cells], "; "),
    )
    if not numbers:
        absences = [cell.absence for cell in cells]
        result.absence = "confidential" if "confidential" in absences else absences[0]
    return result


def _joined(texts, separator):
    return separator.join(dict.fromkeys(text for text in texts if text))


def over_the_cap(message, count, *, sheet=""):
    """The refusal of a file of ``count`` filled cells, past MAX_USED_CELLS: ``message`` takes the count and limit."""
    numbers = {
        "count": number_format(count, force_grouping=True),
        "limit": number_format(MAX_USED_CELLS, force_grouping=True),
    }
    return Rejected([Problem(message % numbers, sheet=sheet)])


def counted(used, filled, limit=None):
    """``used`` plus ``filled`` cells; Rejected past ``limit`` (MAX_USED_CELLS unless given)."""
    used += filled
    if used > (MAX_USED_CELLS if limit is None else limit):
        raise Rejected([Problem(_("The file has more than %(limit)s filled cells.") % {"limit": MAX_USED_CELLS})])
    return used
