"""The reports' pages for each role, with their own country's report and another's: asking, following, fetching.
An account's report is its requester's (and the secretariat's) alone; its download enters the audit trail."""

import pytest
from django.test import Client

from dsm_data.models import AuditEntry, Confidentiality, Role, Value
from reports.models import Report, ReportStatus

from .conftest import RESIDENTS, file_bytes, pdf_text, prints

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "focal", "kaz_admin", "kaz_user", "arm_admin", "editor", "sysadmin"]


def client_of(team, role):
    client = Client()
    if role != "anonymous":
        client.force_login(getattr(team, role))
    return client


def ask(client, language="en", **fields):
    data = {"kind": "country", "country": "KAZ", "first_year": 2022, "last_year": 2024, "file_format": "pdf"}
    return client.post(f"/{language}/reports/", {**data, "language": language, **fields})


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("country", ["KAZ", "ARM"])
def test_every_role_asks_for_a_report_of_its_own_or_another_country_and_reads_its_own(report_figures, role, country):
    client = client_of(report_figures, role)
    form = client.get("/en/reports/").content.decode()
    assert ('name="as_public"' in form) is (role != "anonymous")
    response = ask(client, country=country)
    report = Report.objects.get()
    assert response.status_code == 302
    assert response.url == f"/en/reports/{report.pk}/"
    expected_requester = None if role == "anonymous" else getattr(report_figures, role)
    assert (report.requester, report.country.code, report.status) == (expected_requester, country, ReportStatus.READY)
    page = client.get(response.url).content.decode()
    assert f'href="/en/reports/{report.pk}/file/"' in page
    assert client.get(f"/en/reports/{report.pk}/file/").status_code == 200


def test_as_the_public_reads_it_gives_the_public_report_to_anyone(report_figures):
    ask(client_of(report_figures, "kaz_admin"), as_public="on")
    report = Report.objects.get()
    assert report.requester is None
    # No national figure in it, though its asker reads them.
    assert not prints(pdf_text(file_bytes(report)), 987_654, "en")
    for role in ROLES:
        client = client_of(report_figures, role)
        assert client.get(f"/en/reports/{report.pk}/").status_code == 200
        assert client.get(f"/en/reports/{report.pk}/file/").status_code == 200
    assert not AuditEntry.objects.filter(action="dsm.download").exists()


@pytest.mark.parametrize(
    ("role", "may_read"),
    [
        ("anonymous", False),
        ("focal", False),  # the same country, another account
        ("kaz_admin", False),
        ("kaz_user", True),  # the requester
        ("arm_admin", False),
        ("editor", False),
        ("sysadmin", True),  # the secretariat reads every report
    ],
)
def test_an_accounts_report_is_for_its_requester_and_the_secretariat_only(report_figures, role, may_read):
    ask(client_of(report_figures, "kaz_user"))
    report = Report.objects.get()
    client = client_of(report_figures, role)
    page, download = client.get(f"/en/reports/{report.pk}/"), client.get(f"/en/reports/{report.pk}/file/")
    assert (page.status_code, download.status_code) == ((200, 200) if may_read else (404, 404))
    entries = AuditEntry.objects.filter(action="dsm.download", object_id=str(report.pk))
    if may_read:
        assert prints(pdf_text(b"".join(download.streaming_content)), 987_654, "en")
        entry = entries.get()
        assert (entry.user, entry.country.code, entry.data["kind"]) == (getattr(report_figures, role), "KAZ", "report")
    else:
        assert not entries.exists()


def test_the_page_refreshes_itself_and_shows_progress_while_the_report_is_built(report_figures, client):
    ask(client)
    report = Report.objects.get()
    ready = client.get(f"/en/reports/{report.pk}/").content.decode()
    assert 'http-equiv="refresh"' not in ready
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.BUILDING, progress=42)
    building = client.get(f"/en/reports/{report.pk}/").content.decode()
    assert '<meta http-equiv="refresh" content="5">' in building
    assert '<progress max="100" value="42">' in building
    assert f"/en/reports/{report.pk}/file/" not in building
    # Half-built, its file is not served: the link leads back to the page.
    assert client.get(f"/en/reports/{report.pk}/file/").url == f"/en/reports/{report.pk}/"


def test_the_main_navigation_links_to_the_reports(report_figures, client):
    assert '<a href="/en/reports/"' in client.get("/en/data/").content.decode()


def test_a_report_no_longer_matching_its_readers_rights_is_built_again_not_served(report_figures):
    """A system administrator made Armenia's data user: the report of all Kazakhstan's figures built before
    is not served again; the page and the file lead to a new report holding what the account reads now."""
    secretariat = client_of(report_figures, "sysadmin")
    ask(secretariat)
    old = Report.objects.get()
    assert prints(pdf_text(file_bytes(old)), 987_654, "en")  # national only, read by the secretariat
    account = report_figures.sysadmin
    account.role, account.country, account.is_superuser = Role.DATA_USER, report_figures.arm_user.country, False
    account.save()
    for path in (f"/en/reports/{old.pk}/file/", f"/en/reports/{old.pk}/"):
        response = secretariat.get(path)
        assert response.status_code == 302
        new = Report.objects.exclude(pk=old.pk).get()
        assert response.url == f"/en/reports/{new.pk}/"
    page = secretariat.get(f"/en/reports/{new.pk}/").content.decode()
    assert "The figures or the access rights behind this report have changed" in page
    assert new.requester == account
    assert not prints(pdf_text(file_bytes(new)), 987_654, "en")
    assert prints(pdf_text(file_bytes(new)), 500_000, "en")  # the public figure stays


def test_a_public_report_whose_figure_became_national_only_is_not_served_again(report_figures, client):
    ask(client)
    old = Report.objects.get()
    assert prints(pdf_text(file_bytes(old)), 500_000, "en")
    Value.objects.filter(country__code="KAZ", period__code="2022", indicator__code=RESIDENTS).update(
        confidentiality=Confidentiality.NATIONAL
    )
    response = client.get(f"/en/reports/{old.pk}/file/")
    new = Report.objects.exclude(pk=old.pk).get()
    assert response.url == f"/en/reports/{new.pk}/"
    assert not prints(pdf_text(file_bytes(new)), 500_000, "en")
    assert prints(pdf_text(file_bytes(new)), 510_000, "en")
    # Unchanged since, the new report is served as it is.
    assert client.get(f"/en/reports/{new.pk}/file/").status_code == 200
