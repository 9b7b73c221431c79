"""The catalogue in the Wagtail admin: system administrators only."""

import datetime

import pytest

from dsm_data.models import PeriodLockException, Role

pytestmark = pytest.mark.django_db


def test_a_lock_exception_records_who_granted_it(client, make_user, kazakhstan, make_period):
    sysadmin = make_user(Role.SYSTEM_ADMIN)
    period = make_period(2024)
    client.force_login(sysadmin)
    response = client.post(
        "/admin/snippets/dsm_data/periodlockexception/add/",
        {"period": period.pk, "country": kazakhstan.pk, "until": "2026-12-31", "reason": "Census year"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    exception = PeriodLockException.objects.get()
    assert (exception.granted_by, exception.until) == (sysadmin, datetime.date(2026, 12, 31))


@pytest.mark.parametrize("role", [Role.COUNTRY_ADMIN, Role.EDITOR])
def test_other_admin_roles_cannot_touch_the_catalogue(client, make_user, kazakhstan, role):
    client.force_login(make_user(role, kazakhstan if role == Role.COUNTRY_ADMIN else None))
    for model in ("indicator", "periodlockexception", "country"):
        response = client.get(f"/admin/snippets/dsm_data/{model}/add/")
        assert response.status_code in (302, 403), model


def test_an_indicator_made_in_the_admin_gets_its_breakdowns_and_cells(client, make_user, catalogue):
    from dsm_data.grid import build_grid
    from dsm_data.models import Dimension, Indicator

    client.force_login(make_user(Role.SYSTEM_ADMIN))
    sex, age = Dimension.objects.get(code="SEX"), Dimension.objects.get(code="AGE")
    response = client.post(
        "/admin/snippets/dsm_data/indicator/add/",
        {
            "code": "RETURNS",
            "name_en": "Returns of own citizens",
            "name_ru": "Возвращение граждан",
            "definition_en": "",
            "definition_ru": "",
            "unit_en": "persons",
            "unit_ru": "человек",
            "frequencies": '["annual"]',
            "default_confidentiality": "shared",
            "change_warning_share": "0.5",
            "sort_order": "7",
            "indicator_dimensions-TOTAL_FORMS": "2",
            "indicator_dimensions-INITIAL_FORMS": "0",
            "indicator_dimensions-MIN_NUM_FORMS": "0",
            "indicator_dimensions-MAX_NUM_FORMS": "1000",
            "indicator_dimensions-0-dimension": str(sex.pk),
            "indicator_dimensions-0-ORDER": "1",
            "indicator_dimensions-1-dimension": str(age.pk),
            "indicator_dimensions-1-ORDER": "2",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    grid = build_grid(Indicator.objects.get(code="RETURNS"))
    assert [category.code for category in grid.columns] == ["F", "M", "_T"]
    assert len(grid.series) == 3 * 5


def test_a_category_added_in_the_admin_gives_its_indicators_new_cells(client, make_user, catalogue):
    from dsm_data.grid import build_grid
    from dsm_data.models import Dimension

    client.force_login(make_user(Role.SYSTEM_ADMIN))
    outcome = Dimension.objects.get(code="RSD_OUTCOME")
    response = client.post(
        "/admin/snippets/dsm_data/category/add/",
        {
            "dimension": outcome.pk,
            "code": "TRANSFERRED",
            "name_en": "Transferred",
            "name_ru": "Передано",
            "sort_order": 5,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    grid = build_grid(catalogue["REFUGEE_DECISIONS"])
    assert "RSD_OUTCOME=TRANSFERRED" in grid.series_by_key
    assert [category.code for category in grid.columns][-2:] == ["TRANSFERRED", "_T"]
