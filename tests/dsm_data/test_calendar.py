"""The calendar: periods of past years created in one step, by service, command or the admin's page."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from dsm_data.intake.problems import Rejected
from dsm_data.models import Period, Role
from dsm_data.services.periods import create_periods

pytestmark = pytest.mark.django_db


def codes():
    return sorted(Period.objects.values_list("code", flat=True))


def test_periods_of_each_frequency_get_their_dates_and_deadlines():
    created, existing = create_periods("annual", first_year=1990, last_year=1992)
    assert ([period.code for period in created], existing) == (["1990", "1991", "1992"], [])
    year = Period.objects.get(code="1991")
    assert (year.start, year.end, year.deadline) == (
        datetime.date(1991, 1, 1),
        datetime.date(1991, 12, 31),
        datetime.date(1992, 3, 31),
    )
    create_periods("quarterly", first_year=2012, last_year=2012)
    quarter = Period.objects.get(code="2012-Q1")
    assert (quarter.frequency, quarter.start, quarter.end) == ("quarterly", datetime.date(2012, 1, 1),
                                                               datetime.date(2012, 3, 31))  # fmt: skip
    assert quarter.deadline == datetime.date(2012, 3, 31) + datetime.timedelta(days=45)
    created, _existing = create_periods("monthly", first_year=2012, last_year=2012)
    assert len(created) == 12
    february = Period.objects.get(code="2012-02")
    assert (february.end, february.deadline) == (datetime.date(2012, 2, 29), datetime.date(2012, 3, 30))


def test_existing_periods_are_kept_and_named(make_period):
    kept = make_period(1991, deadline=datetime.date(1992, 6, 30))
    created, existing = create_periods("annual", first_year=1990, last_year=1992)
    assert [period.code for period in created] == ["1990", "1992"]
    assert existing == [kept]
    kept.refresh_from_db()
    assert kept.deadline == datetime.date(1992, 6, 30)


@pytest.mark.parametrize(
    ("frequency", "first", "last", "message"),
    [("weekly", 2000, 2001, "Unknown frequency “weekly”"),
     ("annual", 2010, 2001, "the last year cannot be before the first"),
     ("annual", 1000, 1001, "Give years between 1950 and 2100")],
)  # fmt: skip
def test_bad_calendars_are_refused_and_create_nothing(frequency, first, last, message):
    with pytest.raises(Rejected, match=message):
        create_periods(frequency, first_year=first, last_year=last)
    assert codes() == []


def run_periods(**options):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("dsm_periods", stdout=out, stderr=err, **options)
    except SystemExit as stop:
        return stop.code, out.getvalue() + err.getvalue()
    return 0, out.getvalue() + err.getvalue()


def test_the_command_creates_every_frequency_asked_or_nothing():
    code, output = run_periods(annual="1990-1994", quarterly="2014")
    assert code == 0, output
    assert "annual 1990-1994: 5 created, 0 existed already." in output
    assert "quarterly 2014-2014: 4 created, 0 existed already." in output
    code, output = run_periods(annual="1993-1995")
    assert "1 created, 2 existed already (1993, 1994)." in output
    before = codes()
    code, output = run_periods(monthly="2014", annual="1800-1801")
    assert code == 1
    assert "nothing was created" in output
    assert codes() == before
    assert run_periods(annual="90s")[0] == 2
    assert run_periods()[0] == 2


@pytest.fixture
def people(kazakhstan, armenia, make_user):
    return {
        "system admin": make_user(Role.SYSTEM_ADMIN),
        "KAZ administrator": make_user(Role.COUNTRY_ADMIN, kazakhstan),
        "ARM administrator": make_user(Role.COUNTRY_ADMIN, armenia),
        "KAZ focal point": make_user(Role.FOCAL_POINT, kazakhstan),
        "KAZ data user": make_user(Role.DATA_USER, kazakhstan),
        "editor": make_user(Role.EDITOR),
        "anonymous": None,
    }


FORM = {"frequency": "annual", "first_year": "1990", "last_year": "1992"}


@pytest.mark.parametrize(
    "who", ["KAZ administrator", "ARM administrator", "KAZ focal point", "KAZ data user", "editor", "anonymous"]
)
def test_only_system_administrators_open_the_create_periods_page(client, people, who):
    if people[who] is not None:
        client.force_login(people[who])
    home = client.get(reverse("wagtailadmin_home"))
    assert home.status_code != 200 or "Create periods" not in home.content.decode()  # not in their menu
    url = reverse("dsm_calendar")
    assert client.get(url).status_code in (302, 403)
    response = client.post(url, FORM)
    assert response.status_code in (302, 403)
    assert codes() == []


def test_a_system_administrator_creates_periods_in_the_admin(client, people, make_period):
    make_period(1991)
    client.force_login(people["system admin"])
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Create periods" in menu
    url = reverse("dsm_calendar")
    assert 'name="first_year"' in client.get(url).content.decode()
    page = client.post(url, FORM).content.decode()
    assert "2 periods were created." in page
    assert "1 existed already:" in page
    assert "1991" in page
    assert codes() == ["1990", "1991", "1992"]
    refused = client.post(url, {**FORM, "first_year": "1995"})
    assert refused.status_code == 400
    assert "The last year cannot be before the first" in refused.content.decode()
    assert codes() == ["1990", "1991", "1992"]
