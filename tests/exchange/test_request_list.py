"""The requests' list: filtered by status (or overdue), state, indicator and the days sent, with counts by state
of what the filters keep; a request names its indicator and period when it is about one."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from dsm_data.models import Role
from dsm_data.services.accounts import save_country
from exchange.models import Request
from exchange.services import requests as services

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


@pytest.fixture
def requests_of_three(kazakhstan, armenia, make_user, catalogue, make_period):
    georgia = save_country("GEO", {"en": "Georgia", "ru": "Грузия"})
    arm, kaz, geo = (make_user(Role.COUNTRY_ADMIN, country) for country in (armenia, kazakhstan, georgia))
    secretariat = make_user(Role.SYSTEM_ADMIN, username="secretariat")
    period = make_period(2025)
    permits = services.send(
        arm, countries=[kazakhstan], subject="Permits", body="?", indicator=catalogue["WORK_PERMITS"],
        period=period, reply_by=TODAY - datetime.timedelta(days=1),
    )  # fmt: skip
    borders = services.send(kaz, countries=[armenia, georgia], subject="Borders", body="?")
    services.reply(borders, user=arm, body="Answer")
    assert borders.recipients.filter(answered_at=None).count() == 1  # still open: Georgia has not answered
    services.reply(borders, user=geo, body="Ours")
    old = services.send(geo, countries=[kazakhstan], subject="Old question", body="?", to_secretariat=True)
    Request.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))
    services.close(old, user=geo)
    return {"arm": arm, "kaz": kaz, "geo": geo, "secretariat": secretariat, "permits": permits}


def listed(user, query=""):
    client = Client()
    client.force_login(user)
    page = client.get(f"/en/requests/{query}").content.decode()
    subjects = [subject for subject in ("Permits", "Borders", "Old question") if f">{subject}</a>" in page]
    return subjects, page


@pytest.mark.parametrize(
    ("query", "subjects"),
    [
        ("", ["Permits", "Borders", "Old question"]),
        ("?status=open", ["Permits"]),
        ("?status=answered", ["Borders"]),
        ("?status=closed", ["Old question"]),
        ("?status=overdue", ["Permits"]),
        ("?country=GEO", ["Borders", "Old question"]),
        ("?indicator=WORK_PERMITS", ["Permits"]),
        (f"?sent_from={TODAY - datetime.timedelta(days=7)}", ["Permits", "Borders"]),
        (f"?sent_until={TODAY - datetime.timedelta(days=7)}", ["Old question"]),
    ],
)
def test_the_filters(requests_of_three, query, subjects):
    assert listed(requests_of_three["secretariat"], query)[0] == subjects


def test_each_state_lists_only_its_own_and_counts_them_by_state(requests_of_three):
    assert listed(requests_of_three["arm"])[0] == ["Permits", "Borders"]
    assert listed(requests_of_three["geo"])[0] == ["Borders", "Old question"]
    _subjects, page = listed(requests_of_three["secretariat"])
    counts = page.split('id="counts"')[1].split("</table>")[0]
    for state, sent, received, not_closed in [
        ("Armenia", 1, 1, 2), ("Georgia", 1, 1, 1), ("Kazakhstan", 1, 2, 2), ("the secretariat", 0, 1, 0),
    ]:  # fmt: skip
        assert (
            f'<th scope="row">{state}</th><td class="number">{sent}</td><td class="number">{received}</td>'
            f'<td class="number">{not_closed}</td>'
        ) in counts, state


def test_a_bad_filter_is_told_and_ignored(requests_of_three):
    subjects, page = listed(requests_of_three["secretariat"], "?indicator=NOPE&sent_from=yesterday")
    assert subjects == ["Permits", "Borders", "Old question"]
    assert "Select a valid choice." in page
    assert "Enter a valid date." in page


def test_a_request_about_an_indicator_and_a_period_names_them(requests_of_three):
    client = Client()
    client.force_login(requests_of_three["kaz"])
    page = client.get(f"/en/requests/{requests_of_three['permits'].pk}/").content.decode()
    assert "Work permit applications and decisions" in page
    assert "2025" in page
    sent = client.post(
        "/en/requests/new/",
        {"countries": ["ARM"], "subject": "About permits", "body": "?", "indicator": "WORK_PERMITS",
         "period": "2025"},
    )  # fmt: skip
    assert sent.status_code == 302
    made = Request.objects.get(subject="About permits")
    assert (made.indicator.code, made.period.code) == ("WORK_PERMITS", "2025")
