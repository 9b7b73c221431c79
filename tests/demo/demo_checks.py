"""What the demo must hold, checked in a ``manage.py shell`` on a copy of the suite's demo database.

tests/demo/test_dsm_demo.py runs ``check_demo()`` there: the demo is loaded once per test
session (``demo_database`` in tests/conftest.py) and these checks read it over the ORM,
as the portal does. Each check raises AssertionError with what differed.
"""

import io
import os

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page, Revision, Site

from demo.tables import DATA_DIR
from dsm_data.intake.problems import Rejected
from dsm_data.models import Country, DeliveryStatus, Role, TableMapping, User
from dsm_data.services import deliveries
from exchange.models import IndicatorProposal, Request, RequestMessage
from exchange.selectors import tasks_for
from library_pages.models import HomePage


def check_demo():
    """Every check of the loaded demo, then a second ``dsm_demo``, which must change nothing."""
    assert_twelve_countries_in_english_and_russian()
    assert_accounts_log_in_with_the_demo_password_and_hold_their_role()
    assert_home_page_is_the_default_site_root_in_both_languages()
    assert_the_saved_mapping_reads_its_sample_file_into_the_published_years()
    assert_the_exchange_shows_each_step_on_the_task_lists()
    counts = demo_counts()
    call_command("dsm_demo", stdout=io.StringIO())
    assert demo_counts() == counts, (counts, demo_counts())
    print("demo checked")


def demo_counts():
    models = (User, Country, Page, Revision, TableMapping, Request, RequestMessage, IndicatorProposal)
    return {model.__name__: model.objects.count() for model in models}


def assert_the_exchange_shows_each_step_on_the_task_lists():
    """Uzbekistan asked Kazakhstan and Kyrgyzstan (Kyrgyzstan answered, Kazakhstan is to assign), Kyrgyzstan
    asked the secretariat (answered, closed and shared); Kazakhstan proposed an indicator, which the secretariat
    has to decide."""
    today = timezone.localdate()

    def groups(username):
        return {group.key: len(group.tasks) for group in tasks_for(User.objects.get(username=username), today=today)}

    assert groups("kaz-admin")["requests_to_assign"] == 1
    assert "answers_received" not in groups("uzb-focal")  # Kazakhstan has not answered yet
    assert groups("sysadmin")["proposals_to_decide"] == 1
    assert "requests_to_answer" not in groups("kgz-focal")  # answered already
    asked = Request.objects.get(sender_country__code="UZB")
    assert sorted((row.country.code, row.answered_at is not None) for row in asked.recipients.all()) == [
        ("KAZ", False),
        ("KGZ", True),
    ]
    shared = Request.objects.get(is_shared=True)
    assert (shared.status, shared.messages.count()) == ("closed", 2)


def assert_twelve_countries_in_english_and_russian():
    assert sorted(Country.objects.values_list("code", flat=True)) == [
        "ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB",
    ]  # fmt: skip
    assert Country.objects.get(code="KAZ").name == {"en": "Kazakhstan", "ru": "Казахстан"}


def assert_accounts_log_in_with_the_demo_password_and_hold_their_role():
    assert User.objects.count() == 2 + 12 * 3
    for username, role, country_code in [
        ("sysadmin", Role.SYSTEM_ADMIN, None),
        ("editor", Role.EDITOR, None),
        ("kaz-admin", Role.COUNTRY_ADMIN, "KAZ"),
        ("kaz-focal", Role.FOCAL_POINT, "KAZ"),
        ("uzb-user", Role.DATA_USER, "UZB"),
    ]:
        # Through the real backends, lockout included, which need the sign-in request.
        request = RequestFactory().post("/en/accounts/login/")
        user = authenticate(request, username=username, password=os.environ["DSM_DEMO_PASSWORD"])
        assert user is not None, username
        assert user.role == role
        assert (user.country.code if user.country else None) == country_code


def assert_home_page_is_the_default_site_root_in_both_languages():
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert {page.locale.language_code: page.title for page in home.get_translations(inclusive=True).live()} == {
        "en": "Data Sharing Mechanism",
        "ru": "Механизм обмена данными",
    }
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def assert_the_saved_mapping_reads_its_sample_file_into_the_published_years():
    """The README's example: UNHCR's own columns and country names, `*` cells, into years the demo published."""
    (mapping,) = TableMapping.objects.all()
    data = (DATA_DIR / "unhcr-asylum-decisions.csv").read_bytes()
    secretariat = User.objects.get(username="sysadmin")
    with pytest.raises(Rejected, match="without a reason"):
        deliveries.receive(data, original_name="unhcr.csv", user=secretariat, mapping=mapping)
    delivery, changes = deliveries.receive(
        data, original_name="unhcr.csv", user=secretariat, mapping=mapping, reason="UNHCR's figures, for comparison"
    )
    assert delivery.status == DeliveryStatus.PENDING
    places = {(change.country.code, change.period.code) for change in changes.changes}
    assert places >= {("MDA", "2023"), ("TKM", "2024")}  # "Rep. of Moldova", and a row of `*` cells
    turkmenistan = [change.after for change in changes.changes if change.country.code == "TKM"]
    assert turkmenistan
    assert {(cell.number, cell.absence) for cell in turkmenistan} == {(None, "confidential")}  # every cell a `*`
    deliveries.discard(delivery, user=secretariat)
