"""A country profile's latest public figures: the newest public grand total of each indicator, in one query."""

import pytest

from dsm_data.grid import build_grid
from dsm_data.models import Confidentiality, Role, Value
from dsm_data.selectors.browsing import latest_public_totals as public_figures
from dsm_data.services import submissions as services
from tests.conftest import cells_from

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish_decisions(catalogue, kazakhstan, make_user, make_period):
    """publish_decisions(year, recognised): KAZ's refugee decisions of ``year``, published."""
    decisions = catalogue["REFUGEE_DECISIONS"]
    focal, admin = make_user(Role.FOCAL_POINT, kazakhstan), make_user(Role.COUNTRY_ADMIN, kazakhstan)
    sysadmin = make_user(Role.SYSTEM_ADMIN)

    def publish(year, recognised):
        submission = services.open_submission(kazakhstan, make_period(year), user=focal)
        submission.submission_indicators.exclude(indicator=decisions).delete()
        grid = build_grid(decisions)
        entries = {"RECOGNISED": str(recognised), "COMPLEMENTARY": "2", "REJECTED": "30", "CLOSED": "4"}
        cells = cells_from(grid, {f"RSD_OUTCOME={key}": text for key, text in entries.items()})
        services.save_cells(submission, decisions, cells=cells, user=focal)
        services.submit(submission, user=focal)
        services.validate(submission, user=admin)
        services.publish(submission, user=sysadmin)
        return submission

    return publish


def test_the_latest_public_total_of_each_indicator(publish_decisions, kazakhstan, django_assert_num_queries):
    older, newer = publish_decisions(2024, 5), publish_decisions(2025, 11)
    Value.objects.update(confidentiality=Confidentiality.PUBLIC)
    with django_assert_num_queries(1):
        figures = public_figures(kazakhstan)
        assert [(value.indicator.code, value.period.code, value.number) for value in figures] == [
            ("REFUGEE_DECISIONS", newer.period.code, 47)
        ]
    # The newest total is not public: the one before it is the latest public figure.
    Value.objects.filter(submission=newer).update(confidentiality=Confidentiality.SHARED)
    assert [value.period.code for value in public_figures(kazakhstan)] == [older.period.code]
    Value.objects.update(confidentiality=Confidentiality.NATIONAL)
    assert public_figures(kazakhstan) == []
