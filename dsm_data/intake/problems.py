"""What is wrong with an input, and the refusal that carries it.

One ``Problem`` serves every channel: a rule's verdict on a grid cell (``series_id``,
``severity``), placed in a file where the cell came from one (``sheet``, ``cell``), or
a refusal of the whole input (neither). ``Rejected`` carries every problem found;
whatever raised it wrote nothing.
"""

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    message: str
    severity: str = ERROR
    series_id: int | None = None  # the grid cell the problem is about
    sheet: str = ""  # where in a file: the sheet (or "CSV") ...
    cell: str = ""  # ... and the cell, as "B7"

    def __str__(self):
        if self.cell:
            return _("Sheet %(sheet)s, cell %(cell)s: %(message)s") % {
                "sheet": self.sheet,
                "cell": self.cell,
                "message": self.message,
            }
        return f"{self.sheet}: {self.message}" if self.sheet else self.message

    def placed(self, sheet, cell):
        """The same problem, at the sheet and cell of a file it was read from."""
        return replace(self, sheet=sheet, cell=cell)


class Rejected(Exception):
    """The input breaks rules; ``problems`` lists each, naming its place. Nothing was written."""

    def __init__(self, problems):
        problems = [problem if isinstance(problem, Problem) else Problem(str(problem)) for problem in problems]
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems

    @classmethod
    def because(cls, message):
        """A refusal of the whole input, for one reason."""
        return cls([Problem(message)])


def errors_and_warnings(problems):
    """(errors, warnings) of a list of problems, each in its order."""
    return (
        [problem for problem in problems if problem.severity == ERROR],
        [problem for problem in problems if problem.severity == WARNING],
    )
