"""One rule decides who may enter figures into a submission now, through which channel.

``permissions.entry_refusal`` is asked by the pages (to show the grid, the upload link and
the scan form) and enforced by the actions of every channel. The secretariat loads past
years: it enters into a closed period through the form, Excel, long tables and paper. A
country's users cannot, and read the same sentence on the page and from the action.
"""

from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape

from dsm_data import permissions
from dsm_data.grid import build_grid
from dsm_data.models import Channel, Delivery, Value, ValueRevision
from dsm_data.services import submissions as services
from tests.dsm_data.test_excel_import import filled_template, import_file
from tests.dsm_data.test_uploads import setting  # noqa: F401 (the fixture: accounts and a closed period)

pytestmark = pytest.mark.django_db

SCAN = b"%PDF-1.4\n% a scanned paper form\n%%EOF\n"


@pytest.fixture
def closed(setting, kazakhstan):  # noqa: F811 (the imported fixture)
    """Kazakhstan's draft for 2019, a period that closed for entry in 2020, opened by the secretariat."""
    submission = services.open_submission(kazakhstan, setting.closed, user=setting.secretariat)
    return SimpleNamespace(
        secretariat=setting.secretariat,
        focal=setting.focal,
        admin=setting.kaz_admin,
        period=setting.closed,
        decisions=setting.decisions,
        submission=submission,
        entry_url=reverse("dsm_data:entry", args=[submission.pk, "REFUGEE_DECISIONS"]),
        message="The period 2019 closed for entry on 2020-05-01. Ask the secretariat for an exception.",
    )


def grid_post(closed, text="5"):
    rejected = build_grid(closed.decisions).series_by_key["RSD_OUTCOME=REJECTED"]
    return rejected, {f"s{rejected.pk}": text, "confidentiality": "shared"}


def test_the_rule_names_the_channel_of_each_role_and_refuses_every_country_user_in_a_closed_period(closed):
    assert permissions.channel_for(closed.secretariat, closed.submission.country) == Channel.FORM
    assert permissions.channel_for(closed.focal, closed.submission.country) == Channel.FORM
    assert permissions.channel_for(closed.admin, closed.submission.country) == Channel.PAPER
    for channel in Channel:
        assert permissions.entry_refusal(closed.submission, closed.secretariat, channel) is None
    for user, channel in [(closed.focal, channel) for channel in Channel if channel != Channel.PAPER] + [
        (closed.admin, Channel.PAPER)
    ]:
        refusal = permissions.entry_refusal(closed.submission, user, channel)
        assert (refusal.message, refusal.forbidden) == (closed.message, False), channel
    # Outside their role's channels, the answer is "never", not "not now".
    assert permissions.entry_refusal(closed.submission, closed.admin, Channel.EXCEL).forbidden
    assert permissions.entry_refusal(closed.submission, closed.focal, Channel.PAPER).forbidden


def test_the_secretariat_enters_a_closed_period_in_the_web_grid(client, closed):
    rejected, data = grid_post(closed)
    client.force_login(closed.secretariat)
    page = client.get(closed.entry_url).content.decode()
    assert f'name="s{rejected.pk}"' in page
    assert closed.message not in page
    assert client.post(closed.entry_url, data).status_code == 302
    value = Value.objects.get(series_id=rejected.pk)
    assert (value.number, value.revisions.get().channel) == (5, Channel.FORM)


@pytest.mark.parametrize("who", ["focal", "admin"])
def test_a_country_user_reads_the_same_refusal_on_the_grid_and_from_saving_it(client, closed, who):
    """The focal point's form and the administrator's paper keying-in alike."""
    rejected, data = grid_post(closed)
    client.force_login(getattr(closed, who))
    page = client.get(closed.entry_url).content.decode()
    assert escape(closed.message) in page
    assert f'name="s{rejected.pk}"' not in page  # the grid is shown to read, not to fill in
    response = client.post(closed.entry_url, data)
    assert response.status_code == 200
    assert escape(closed.message) in response.content.decode()
    assert not Value.objects.exists()


def test_the_secretariat_imports_a_template_into_a_closed_period(closed, tmp_path):
    path = filled_template(tmp_path, closed.submission.country, closed.period, [closed.decisions], {
        ("REFUGEE_DECISIONS", "A5"): 7
    })  # fmt: skip
    code, output = import_file(path, username="secretariat")
    assert code == 0, output
    assert set(ValueRevision.objects.values_list("channel", flat=True)) == {Channel.EXCEL}


def test_a_focal_point_is_refused_a_template_with_the_sentence_of_the_page(client, closed, tmp_path):
    path = filled_template(tmp_path, closed.submission.country, closed.period, [closed.decisions], {
        ("REFUGEE_DECISIONS", "A5"): 7
    })  # fmt: skip
    code, output = import_file(path, username="kaz-focal")
    assert code == 1
    assert closed.message in output
    assert not Value.objects.exists()
    client.force_login(closed.focal)
    page = client.get(reverse("dsm_data:submission", args=[closed.submission.pk])).content.decode()
    assert escape(closed.message) in page
    assert reverse("dsm_data:upload") not in page  # no upload link where the upload would be refused


def post_scan(client, closed):
    return client.post(
        reverse("dsm_data:paper_scan", args=[closed.submission.pk]),
        {"file": SimpleUploadedFile("form.pdf", SCAN), "institution": "Migration Service"},
    )


def test_the_secretariat_keeps_a_paper_scan_in_a_closed_period_and_the_page_offers_it(client, closed):
    client.force_login(closed.secretariat)
    page = client.get(reverse("dsm_data:submission", args=[closed.submission.pk])).content.decode()
    assert reverse("dsm_data:paper_scan", args=[closed.submission.pk]) in page
    assert reverse("dsm_data:upload") in page
    post_scan(client, closed)
    assert Delivery.objects.get().institution == "Migration Service"


def test_a_country_administrator_is_refused_a_scan_with_the_sentence_of_the_page(client, closed):
    client.force_login(closed.admin)
    page = client.get(reverse("dsm_data:submission", args=[closed.submission.pk])).content.decode()
    assert escape(closed.message) in page
    assert reverse("dsm_data:paper_scan", args=[closed.submission.pk]) not in page
    response = post_scan(client, closed)
    assert escape(closed.message) in client.get(response["Location"]).content.decode()
    assert not Delivery.objects.exists()


def test_a_long_table_of_past_years_is_loaded_by_the_secretariat_only(closed, tmp_path):
    path = tmp_path / "history.csv"
    path.write_text("indicator,country,period,RSD_OUTCOME,value\nREFUGEE_DECISIONS,KAZ,2019,REJECTED,3\n")
    code, output = import_file(path, username="kaz-focal")
    assert (code, closed.message in output) == (1, True)
    code, output = import_file(path, username="secretariat")
    assert code == 0, output
    assert Value.objects.get(series__key="RSD_OUTCOME=REJECTED").number == 3
