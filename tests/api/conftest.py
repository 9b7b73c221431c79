"""The reports' published figures (tests/reports/conftest.py) serve the API's tests too."""

import pytest
from django.core.cache import cache

from tests.dsm_data.conftest import portal_team  # noqa: F401
from tests.library_pages.conftest import make_document, roots, section  # noqa: F401
from tests.reports.conftest import report_figures  # noqa: F401


@pytest.fixture(autouse=True)
def fresh_rate_counts():
    """Each test starts with no request counted against its address (the rate limits count in the cache)."""
    cache.clear()
