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
