"""The figures a file brings for one country and period, once read: what the services store.

``Upload`` is what every file reader returns (a template, a long table) and what
``services.submissions.import_upload`` stores; the rules every channel runs are
checked on it here, each error placed at the sheet and cell it came from.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

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
        grid = upload.grids[indicator.code]
        complete_totals(grid, cells)
        for problem in check_cells(grid, cells):
            if problem.severity == ERROR:
                sheet, cell = upload.places.get(problem.series_id, (indicator.code, ""))
                problems.append(problem.placed(sheet, cell))
    return problems


def counted(used, filled, limit=None):
    """``used`` plus ``filled`` cells; Rejected past ``limit`` (MAX_USED_CELLS unless given)."""
    used += filled
    if used > (MAX_USED_CELLS if limit is None else limit):
        raise Rejected([Problem(_("The file has more than %(limit)s filled cells.") % {"limit": MAX_USED_CELLS})])
    return used
