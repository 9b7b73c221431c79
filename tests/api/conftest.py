"""The reports' published figures (tests/reports/conftest.py) serve the API's tests too."""

from tests.dsm_data.conftest import portal_team  # noqa: F401
from tests.library_pages.conftest import make_document, roots, section  # noqa: F401
from tests.reports.conftest import report_figures  # noqa: F401
