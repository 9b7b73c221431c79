"""What is wrong with an input, and the refusal that carries it.

One ``Problem`` serves every channel: a rule's verdict on a grid cell (``series_id``,
``severity``), placed in a file where the cell came from one (``sheet``, ``cell``), or
a refusal of the whole input (neither). ``Rejected`` carries every problem found;
whatever raised it wrote nothing.

A file with one mistake repeated (a year the portal does not know, on 187 rows) gets
one line, not 187: problems of one kind share a ``group`` heading and a ``hint`` (what
would be right, e.g. the allowed codes), and ``group_problems`` folds them, keeping
every place. The web page and ``dsm_import`` show the same groups.
"""

import re
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ERROR = "error"
WARNING = "warning"
# Places listed in a group's one-line summary; the page folds out the others.
FIRST_PLACES = 10
_ROW_OF_CELL = re.compile(r"[A-Z]{1,3}([0-9]+)")


@dataclass(frozen=True)
class Problem:
    message: str
    severity: str = ERROR
    series_id: int | None = None  # the grid cell the problem is about
    sheet: str = ""  # where in a file: the sheet (or "CSV") ...
    cell: str = ""  # ... and the cell, as "B7"
    # Problems of the same kind share a heading, e.g. "Unknown period “2010”"; empty: the message is its own.
    group: str = ""
    hint: str = ""  # what would be right, e.g. "known annual periods: 2015–2025"
    # An unknown text a mapping can recode: the field it was read for ("period", "CITIZENSHIP") and the text.
    field: str = ""
    value: str = ""

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


@dataclass
class ProblemGroup:
    """Problems of one kind: one heading, how many, where, and what would be right."""

    heading: str
    hint: str = ""
    severity: str = ERROR
    problems: list = field(default_factory=list)

    @property
    def count(self):
        return len(self.problems)

    @property
    def rows(self):
        """The row numbers of its places when they are all rows of one sheet's cells, else None."""
        numbers = []
        for problem in self.problems:
            match = _ROW_OF_CELL.fullmatch(problem.cell or "")
            if match is None:
                return None
            numbers.append(int(match[1]))
        return sorted(set(numbers))

    @property
    def places(self):
        """Every place, as the group's summary names them: row numbers, or the problems' own texts."""
        rows = self.rows
        if rows is not None:
            return [str(row) for row in rows]
        return [problem.cell or "" for problem in self.problems if problem.cell]

    @property
    def summary(self):
        """ "Unknown period “2010” (187 rows: 2, 5, 9, …); known annual periods: 2015–2025"."""
        if self.count == 1 and self.problems[0].cell:
            only = self.problems[0]
            return _with_hint(str(only), self.hint)
        text = self.heading
        places = self.places
        if self.count > 1 or places:
            rows = self.rows
            shown = ", ".join(places[:FIRST_PLACES]) + (", …" if len(places) > FIRST_PLACES else "")
            if rows is not None and rows:
                where = ngettext("%(count)s row: %(places)s", "%(count)s rows: %(places)s", len(rows))
                text += f" ({where % {'count': len(rows), 'places': shown}})"
            elif places:
                where = ngettext("%(count)s place: %(places)s", "%(count)s places: %(places)s", len(places))
                text += f" ({where % {'count': len(places), 'places': shown}})"
            else:
                times = ngettext("%(count)s time", "%(count)s times", self.count)
                text += f" ({times % {'count': self.count}})"
        return _with_hint(text, self.hint)


def _with_hint(text, hint):
    """ "Unknown country “Narnia”; use ISO codes": the hint after the message, without its full stop."""
    if not hint:
        return text
    return f"{text.rstrip().removesuffix('.')}; {hint}"


def group_problems(problems):
    """The problems folded by kind (their ``group``, else their message and sheet), in the order first seen."""
    groups = {}
    for problem in problems:
        if problem.group:
            key = (problem.severity, problem.sheet, problem.group)
            heading = f"{problem.sheet}: {problem.group}" if problem.sheet and problem.cell else problem.group
        else:
            key = (problem.severity, "", str(problem) if not problem.cell else (problem.sheet, problem.message))
            heading = (
                (f"{problem.sheet}: {problem.message}" if problem.sheet else problem.message)
                if problem.cell
                else str(problem)
            )
        group = groups.get(key)
        if group is None:
            group = groups[key] = ProblemGroup(heading=heading, hint=problem.hint, severity=problem.severity)
        group.problems.append(problem)
    return list(groups.values())


class Rejected(Exception):
    """The input breaks rules; ``problems`` lists each, naming its place. Nothing was written."""

    def __init__(self, problems):
        problems = [problem if isinstance(problem, Problem) else Problem(str(problem)) for problem in problems]
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems

    @classmethod
    def because(cls, message, *, hint=""):
        """A refusal of the whole input, for one reason."""
        return cls([Problem(message, hint=hint)])

    @property
    def groups(self):
        return group_problems(self.problems)


def errors_and_warnings(problems):
    """(errors, warnings) of a list of problems, each in its order."""
    return (
        [problem for problem in problems if problem.severity == ERROR],
        [problem for problem in problems if problem.severity == WARNING],
    )
