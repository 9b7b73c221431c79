"""The audit trail: each submission step, restricted export and restricted download leaves one entry
(who, what, country, address); its page shows each reader only what they may read; old entries go."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from dsm_data.models import AuditEntry, Confidentiality, Delivery, DeliveryKind, DeliveryStatus, Role, Transition
from dsm_data.services import audit
from dsm_data.services import submissions as services
from tests.dsm_data.test_data_access import ENTRIES, published, set_confidentiality  # noqa: F401 (a fixture)
from tests.library_pages.conftest import make_document, roots, section  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.7"
AUDIT_URL = "/en/accounts/audit/"
AUDIT_CSV_URL = "/en/accounts/audit/audit.csv"


def entries(action):
    return list(AuditEntry.objects.filter(action=action).select_related("user", "country").order_by("pk"))


def consumed(response):
    """The body of a response, streamed or not (a streamed export runs only when read)."""
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def kaz_published(published):  # noqa: F811 (the imported fixture)
    """KAZ 2025 published, its steps taken by its focal point, its administrator and the secretariat."""
    return published


@pytest.fixture
def document_maker(make_document):  # noqa: F811 (the imported fixture)
    return make_document


@pytest.fixture
def kaz_reader(make_user, kazakhstan):
    return make_user(Role.DATA_USER, kazakhstan, username="kaz-reader")


# Submission steps


def test_every_submission_step_leaves_one_entry_with_its_actor_and_country(kaz_published, kazakhstan):
    recorded = entries("dsm.transition")
    steps = Transition.objects.filter(submission=kaz_published).order_by("pk")
    assert [(entry.user, entry.data["from"], entry.data["to"]) for entry in recorded] == [
        (step.actor, step.from_status, step.to_status) for step in steps
    ]
    assert [step.to_status for step in steps] == ["draft", "submitted", "validated", "published"]
    assert {(entry.object_id, entry.country, entry.label) for entry in recorded} == {
        (str(kaz_published.pk), kazakhstan, str(kaz_published))
    }


def test_a_step_taken_through_the_page_records_who_from_where_and_why(
    client, catalogue, kazakhstan, make_user, make_period
):
    from dsm_data.grid import build_grid
    from tests.conftest import cells_from

    focal = make_user(Role.FOCAL_POINT, kazakhstan)
    decisions = catalogue["REFUGEE_DECISIONS"]
    submission = services.open_submission(kazakhstan, make_period(2025), user=focal)
    submission.submission_indicators.exclude(indicator=decisions).delete()
    services.save_cells(submission, decisions, cells=cells_from(build_grid(decisions), ENTRIES), user=focal)
    admin = make_user(Role.COUNTRY_ADMIN, kazakhstan)
    before = len(entries("dsm.transition"))
    for user, step, comment in ((focal, "submit", ""), (admin, "return", "Wrong year")):
        client.force_login(user)
        client.post(
            reverse("dsm_data:submission_action", args=[submission.pk, step]), {"comment": comment}, REMOTE_ADDR=ADDRESS
        )
    assert len(entries("dsm.transition")) == before + 2
    submitted, returned = entries("dsm.transition")[-2:]
    assert (submitted.user, submitted.country, submitted.ip_address) == (focal, kazakhstan, ADDRESS)
    assert submitted.data == {"from": "draft", "to": "submitted", "comment": ""}
    assert (submitted.content_type.model, submitted.object_id) == ("submission", str(submission.pk))
    assert (returned.user, returned.country, returned.ip_address) == (admin, kazakhstan, ADDRESS)
    assert returned.data == {"from": "submitted", "to": "returned", "comment": "Wrong year"}


# Exports of figures


def export(client, path, kind, **query):
    response = client.get(path, {**query, "export": kind}, REMOTE_ADDR=ADDRESS)
    assert response.status_code == 200
    consumed(response)
    return response


def test_exporting_public_released_figures_records_nothing(client, kaz_published, kaz_reader):
    set_confidentiality(Confidentiality.PUBLIC)
    for user in (None, kaz_reader):
        if user:
            client.force_login(user)
        for kind in ("csv", "xlsx"):
            export(client, "/en/data/", kind, indicator="REFUGEE_DECISIONS")
            export(client, "/en/data/countries/KAZ/", kind)
    assert entries("dsm.export") == []


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_exporting_national_figures_records_one_entry_with_who_what_and_where(
    client, kaz_published, kaz_reader, kazakhstan, kind
):
    set_confidentiality(Confidentiality.NATIONAL)
    client.force_login(kaz_reader)
    export(client, "/en/data/", kind, indicator="REFUGEE_DECISIONS")
    [entry] = entries("dsm.export")
    assert (entry.user, entry.country, entry.ip_address) == (kaz_reader, kazakhstan, ADDRESS)
    assert entry.data == {
        "format": kind,
        "rows": 5,
        "filters": "indicator=REFUGEE_DECISIONS",
        "confidentialities": ["national"],
        "embargoed": 0,
    }


def test_matrix_exports_of_restricted_figures_are_recorded_and_hidden_figures_are_not(
    client, kaz_published, kaz_reader, make_user, armenia
):
    set_confidentiality(Confidentiality.NATIONAL)
    client.force_login(make_user(Role.DATA_USER, armenia))  # sees none of KAZ's national figures
    export(client, "/en/data/countries/KAZ/", "csv")
    export(client, "/en/data/compare/", "csv", indicator="REFUGEE_DECISIONS")
    assert entries("dsm.export") == []
    client.force_login(kaz_reader)
    export(client, "/en/data/countries/KAZ/", "csv")
    export(client, "/en/data/compare/", "csv", indicator="REFUGEE_DECISIONS")
    assert [entry.data["rows"] for entry in entries("dsm.export")] == [1, 1]  # the grand total


def test_exporting_public_figures_under_embargo_is_recorded(client, kaz_published, kaz_reader):
    from dsm_data.models import Value

    set_confidentiality(Confidentiality.PUBLIC)
    Value.objects.update(released_at=timezone.now() + datetime.timedelta(days=3))
    client.force_login(kaz_reader)  # a country reads its own figures before their release
    export(client, "/en/data/", "csv", indicator="REFUGEE_DECISIONS")
    [entry] = entries("dsm.export")
    assert (entry.data["confidentialities"], entry.data["embargoed"]) == (["public"], 5)


def test_deciding_whether_to_record_an_export_costs_one_query(client, kaz_published, kaz_reader):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(kaz_reader)
    for level, writes in ((Confidentiality.PUBLIC, 0), (Confidentiality.NATIONAL, 1)):
        set_confidentiality(level)
        with CaptureQueriesContext(connection) as queries:
            export(client, "/en/data/", "csv", indicator="REFUGEE_DECISIONS")
        statements = [query["sql"] for query in queries.captured_queries]
        summaries = [sql for sql in statements if 'AS "unreleased" FROM "dsm_data_value"' in sql]
        assert len(summaries) == 1, level
        assert len([sql for sql in statements if sql.startswith('INSERT INTO "dsm_data_auditentry"')]) == writes


def test_an_anonymous_export_holds_public_released_figures_only_and_counts_none(client, kaz_published):
    """Whoever reads only public, released figures (permissions.sees_public_figures_only) exports nothing
    restricted: no summary of the figures is read (it took longer than the export of 340,000 rows)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    set_confidentiality(Confidentiality.PUBLIC)
    with CaptureQueriesContext(connection) as queries:
        export(client, "/en/data/", "csv", indicator="REFUGEE_DECISIONS")
    assert not [query for query in queries.captured_queries if 'AS "unreleased" FROM "dsm_data_value"' in query["sql"]]
    assert entries("dsm.export") == []


def test_the_template_and_the_prefilled_paper_form_are_recorded_when_they_hold_restricted_figures(
    client, kaz_published, make_user, kazakhstan
):
    focal = make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal-2")
    client.force_login(focal)
    template_url = reverse("dsm_data:submission_template", args=[kaz_published.pk])
    pdf_url = reverse("dsm_data:paper_form_pdf", args=[kaz_published.pk])
    set_confidentiality(Confidentiality.PUBLIC)
    for url, query in ((template_url, {}), (pdf_url, {"prefilled": "1"}), (pdf_url, {})):
        assert client.get(url, query, REMOTE_ADDR=ADDRESS).status_code == 200
    assert entries("dsm.export") == []
    set_confidentiality(Confidentiality.NATIONAL)
    client.get(pdf_url, REMOTE_ADDR=ADDRESS)  # a blank form holds no figure
    assert entries("dsm.export") == []
    client.get(template_url, REMOTE_ADDR=ADDRESS)
    client.get(pdf_url, {"prefilled": "1"}, REMOTE_ADDR=ADDRESS)
    template, paper_form = entries("dsm.export")
    for entry, file_format in ((template, "xlsx template"), (paper_form, "pdf paper form")):
        assert (entry.user, entry.country, entry.ip_address) == (focal, kazakhstan, ADDRESS)
        assert (entry.object_id, entry.data["format"], entry.data["rows"]) == (str(kaz_published.pk), file_format, 5)


# Downloads of restricted files


def stored_delivery(kind, country, sender, data=b"%PDF-1.4 figures"):
    delivery = Delivery(
        kind=kind,
        status=DeliveryStatus.ACCEPTED,
        country=country,
        original_name="figures.pdf",
        sha256=Delivery.checksum(data),
        size=len(data),
        sender=sender,
        created_at=timezone.now(),
        accepted_at=timezone.now(),
    )
    delivery.file.save("figures.pdf", ContentFile(data), save=False)
    delivery.save()
    return delivery


@pytest.mark.parametrize(
    ("delivery_kind", "recorded_kind"), [(DeliveryKind.TABLE, "delivery"), (DeliveryKind.PAPER_SCAN, "scan")]
)
def test_each_download_of_a_delivery_or_a_scan_records_one_entry(
    client, make_user, kazakhstan, armenia, delivery_kind, recorded_kind
):
    admin = make_user(Role.COUNTRY_ADMIN, kazakhstan)
    delivery = stored_delivery(delivery_kind, kazakhstan, admin)
    url = reverse("dsm_data:delivery_file", args=[delivery.pk])
    client.force_login(make_user(Role.COUNTRY_ADMIN, armenia))
    assert client.get(url, REMOTE_ADDR=ADDRESS).status_code == 404
    assert entries("dsm.download") == []
    client.force_login(admin)
    consumed(client.get(url, REMOTE_ADDR=ADDRESS))
    [entry] = entries("dsm.download")
    assert (entry.user, entry.country, entry.ip_address) == (admin, kazakhstan, ADDRESS)
    assert (entry.content_type.model, entry.object_id, entry.label) == ("delivery", str(delivery.pk), delivery.number)
    assert entry.data == {"kind": recorded_kind}


def test_a_public_document_download_records_nothing_a_national_one_records_each(
    client, document_maker, make_user, kazakhstan
):
    public = document_maker("public-law", "public", kazakhstan)
    national = document_maker("national-decree", "national", kazakhstan)
    reader = make_user(Role.DATA_USER, kazakhstan)
    assert client.get(national.file_url, REMOTE_ADDR=ADDRESS).status_code == 302  # refused: not recorded
    client.force_login(reader)
    for url in (public.file_url, public.document.url):
        consumed(client.get(url, REMOTE_ADDR=ADDRESS))
    assert entries("dsm.download") == []
    for url in (national.file_url, national.document.url):
        assert client.get(url, REMOTE_ADDR=ADDRESS).status_code == 200
    recorded = entries("dsm.download")
    assert len(recorded) == 2
    for entry in recorded:
        assert (entry.user, entry.country, entry.ip_address) == (reader, kazakhstan, ADDRESS)
        assert (entry.object_id, entry.data) == (
            str(national.document.pk),
            {"kind": "document", "visibility": "national"},
        )


# The audit page


@pytest.fixture
def planted(kazakhstan, armenia, make_user):
    """One KAZ and one ARM event with marked labels, by each country's administrator."""
    kaz_admin = make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin")
    arm_admin = make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin")
    audit.record("dsm.sign_in", user=kaz_admin, country=kazakhstan, label="KAZ-EVENT-MARK")
    audit.record("dsm.sign_in", user=arm_admin, country=armenia, label="ARM-EVENT-MARK")
    return {"KAZ": kaz_admin, "ARM": arm_admin}


def audit_page(client, query=None, url=AUDIT_URL):
    response = client.get(url, query or {})
    return response, consumed(response).decode()


@pytest.mark.parametrize(
    ("reader", "shown", "hidden"),
    [
        ("kaz-admin", ["KAZ-EVENT-MARK"], ["ARM-EVENT-MARK"]),
        ("arm-admin", ["ARM-EVENT-MARK"], ["KAZ-EVENT-MARK"]),
        ("system_admin", ["KAZ-EVENT-MARK", "ARM-EVENT-MARK"], []),
    ],
)
def test_each_administrator_reads_the_events_of_their_country_on_the_page_and_in_the_csv(
    client, planted, make_user, reader, shown, hidden
):
    user = planted.get(reader[:3].upper()) or make_user(Role.SYSTEM_ADMIN)
    client.force_login(user)
    for query in ({}, {"country": "ARM"}, {"country": "KAZ"}, {"per_page": "500"}):
        for url in (AUDIT_URL, AUDIT_CSV_URL):
            response, body = audit_page(client, query, url)
            assert response.status_code == 200, (url, query)
            for mark in hidden:
                assert mark not in body, (url, query)
            if not query.get("country") or reader != "system_admin":
                for mark in shown:
                    assert mark in body, (url, query)
    _response, page = audit_page(client)
    assert (reverse("wagtailadmin_reports:site_history") in page) is (reader == "system_admin")
    assert ('name="country"' in page) is (reader == "system_admin")


def test_the_system_administrator_filters_by_country(client, planted, make_user):
    client.force_login(make_user(Role.SYSTEM_ADMIN))
    _response, page = audit_page(client, {"country": "ARM"})
    assert "ARM-EVENT-MARK" in page
    assert "KAZ-EVENT-MARK" not in page


@pytest.mark.parametrize(
    ("role", "own_country"), [(Role.DATA_USER, True), (Role.FOCAL_POINT, True), (Role.EDITOR, False)]
)
def test_other_roles_are_refused_and_anonymous_readers_sent_to_log_in(
    client, planted, make_user, kazakhstan, role, own_country
):
    for url in (AUDIT_URL, AUDIT_CSV_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    client.force_login(make_user(role, kazakhstan if own_country else None))
    before = AuditEntry.objects.count()  # the sign-in's own entry included
    for url in (AUDIT_URL, AUDIT_CSV_URL):
        response = client.get(url)
        assert response.status_code == 403
        assert b"EVENT-MARK" not in response.content
    assert AuditEntry.objects.count() == before  # a refusal writes nothing here


def test_the_page_names_the_action_object_country_address_and_details(client, planted, kazakhstan, kaz_published):
    client.force_login(planted["KAZ"])
    _response, page = audit_page(client, {"action": "dsm.transition"})
    assert "Submission step" in page
    assert f"Submission: {kaz_published}" in page
    assert "from: submitted; to: validated" in page
    assert "KAZ-EVENT-MARK" not in page
    assert "Kazakhstan" in page


def test_the_filters_narrow_the_entries(client, planted, make_user, kazakhstan):
    admin = planted["KAZ"]
    other = make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-someone")
    audit.record("dsm.invited", user=other, country=kazakhstan, label="INVITED-MARK")
    AuditEntry.objects.filter(label="INVITED-MARK").update(
        ip_address="198.51.100.9", timestamp=timezone.now() - datetime.timedelta(days=10)
    )
    AuditEntry.objects.filter(label="KAZ-EVENT-MARK").update(ip_address="203.0.113.7")
    client.force_login(admin)
    today = timezone.localdate()
    cases = [
        ({"action": "dsm.invited"}, ["INVITED-MARK"]),
        ({"action": "dsm.sign_in"}, ["KAZ-EVENT-MARK"]),
        ({"user_name": "SOMEONE"}, ["INVITED-MARK"]),
        ({"address": "198.51."}, ["INVITED-MARK"]),
        ({"address": "203.0.113.7"}, ["KAZ-EVENT-MARK"]),
        ({"date_to": (today - datetime.timedelta(days=5)).isoformat()}, ["INVITED-MARK"]),
        ({"date_from": (today - datetime.timedelta(days=5)).isoformat()}, ["KAZ-EVENT-MARK"]),
        ({}, ["KAZ-EVENT-MARK", "INVITED-MARK"]),
    ]
    for query, expected in cases:
        for url in (AUDIT_URL, AUDIT_CSV_URL):
            _response, body = audit_page(client, query, url)
            assert [mark for mark in ("KAZ-EVENT-MARK", "INVITED-MARK") if mark in body] == expected, (url, query)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"address": "1.2.3.4; drop"}, "Enter an address such as"),
        ({"date_from": "2026-05-02", "date_to": "2026-05-01"}, "The end date comes before the start date."),
        ({"date_from": "yesterday"}, "Enter a valid date."),
        ({"action": "dsm.nothing"}, "Select a valid choice."),
        ({"page": "9" * 20}, "Page: "),
    ],
)
def test_bad_filters_are_refused_with_a_clear_message(client, planted, query, message):
    client.force_login(planted["KAZ"])
    for url in (AUDIT_URL, AUDIT_CSV_URL):
        response, body = audit_page(client, query, url)
        assert response.status_code == 400
        assert message in body
        assert "KAZ-EVENT-MARK" not in body


def test_pages_are_newest_first_and_never_larger_than_the_cap(client, planted, kazakhstan, settings):
    settings.DSM_MAX_PAGE_SIZE = 3
    for number in range(5):
        audit.record("dsm.sign_out", user=planted["KAZ"], country=kazakhstan, label=f"OUT-{number}")
    client.force_login(planted["KAZ"])
    for per_page in ("1000", "9" * 25, ""):
        _response, page = audit_page(client, {"action": "dsm.sign_out", "per_page": per_page})
        assert [f"OUT-{number}" in page for number in range(5)] == [False, False, True, True, True], per_page
        assert 'rel="next"' in page
    _response, page = audit_page(client, {"action": "dsm.sign_out", "page": "2"})
    assert [f"OUT-{number}" in page for number in range(5)] == [True, True, False, False, False]
    assert 'rel="prev"' in page
    assert 'rel="next"' not in page
    assert page.index("OUT-1") < page.index("OUT-0")


def test_the_csv_is_safe_against_formulas(client, planted, kazakhstan):
    audit.record("dsm.invited", user=planted["KAZ"], country=kazakhstan, label='=HYPERLINK("http://x")')
    client.force_login(planted["KAZ"])
    _response, body = audit_page(client, {"action": "dsm.invited"}, AUDIT_CSV_URL)
    assert "'=HYPERLINK" in body
    assert ",=HYPERLINK" not in body


def test_the_account_page_links_to_the_trail_for_its_readers_only(client, planted, make_user, kazakhstan):
    link = f'href="{AUDIT_URL}"'
    client.force_login(planted["KAZ"])
    assert link in client.get("/en/accounts/").content.decode()
    client.force_login(make_user(Role.FOCAL_POINT, kazakhstan))
    assert link not in client.get("/en/accounts/").content.decode()


# Retention


def test_pruning_deletes_only_the_entries_older_than_the_retention(planted, settings):
    from io import StringIO

    settings.DSM_AUDIT_RETENTION_DAYS = 30
    now = timezone.now()
    AuditEntry.objects.filter(label="ARM-EVENT-MARK").update(timestamp=now - datetime.timedelta(days=31))
    AuditEntry.objects.filter(label="KAZ-EVENT-MARK").update(timestamp=now - datetime.timedelta(days=29))
    output = StringIO()
    call_command("dsm_prune_audit", stdout=output)
    assert list(AuditEntry.objects.values_list("label", flat=True)) == ["KAZ-EVENT-MARK"]
    assert "Deleted 1 audit entries older than 30 days." in output.getvalue()
