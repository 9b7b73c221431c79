"""The Excel template of a country and period, with the figures already stored.

Apart from the other selectors of submissions because it loads openpyxl (17 MB with numpy):
the processes that only read and store an upload never import it.
"""

from ..excel_template import build_template
from ..models import Submission
from .submissions import cells_of


def template_workbook(country, period, *, indicators, language):
    """The Excel template for ``country`` and ``period``, with the figures already stored."""
    submission = Submission.objects.filter(country=country, period=period).first()
    stored = {indicator.pk: cells_of(submission, indicator) for indicator in indicators} if submission else {}
    return build_template(country, period, indicators=indicators, language=language, stored_cells=stored)
