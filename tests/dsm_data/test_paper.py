"""The paper channel: the printable form (page and PDF) with the entry grid, and the scans kept
of the paper forms that country administrators key in."""

import hashlib
import io
import re
from pathlib import Path

import pypdf
import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from dsm_data.grid import build_grid
from dsm_data.models import Channel, Delivery, DeliveryKind, DeliveryStatus, Role, Status, Submission
from dsm_data.paper import paper_form_pdf
from dsm_data.services import submissions as services
from dsm_data.translation import translated
from tests.conftest import cells_from

pytestmark = pytest.mark.django_db

SCAN = b"%PDF-1.4\n% a scanned paper form\n%%EOF\n"


@pytest.fixture
def submission(catalogue, kazakhstan, make_user, make_period):
    """KAZ 2025, a draft with every annual indicator, opened by its focal point."""
    return services.open_submission(kazakhstan, make_period(2025), user=make_user(Role.FOCAL_POINT, kazakhstan))


def pdf_text(data):
    """The text of every page, without white space: a label wrapped in a narrow box still matches."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return squeeze(" ".join(page.extract_text() for page in reader.pages))


def squeeze(text):
    return re.sub(r"\s+", "", text)


def grid_labels(submission, language):
    """Every indicator name and category label of the submission's grids, in ``language``."""
    labels = []
    for link in submission.submission_indicators.select_related("indicator"):
        grid = build_grid(link.indicator)
        labels.append(translated(link.indicator.name, language))
        for dimension in grid.dimensions:
            labels += [translated(category.name, language) for category in dimension.ordered_categories]
    return labels


def log_in(client, make_user, role, own_country, kazakhstan, armenia):
    """Log in someone with ``role``, of Kazakhstan or of Armenia; no one for ``role`` None."""
    if role is None:
        return None
    country = None if role in (Role.EDITOR, Role.SYSTEM_ADMIN) else (kazakhstan if own_country else armenia)
    user = make_user(role, country, username=f"paper-{role}-{own_country}")
    client.force_login(user)
    return user


def stored_private_files():
    root = settings.PRIVATE_MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def post_scan(client, submission, data=SCAN, name="form.pdf", institution="Migration Service of Almaty"):
    return client.post(
        reverse("dsm_data:paper_scan", args=[submission.pk]),
        {"institution": institution, "file": SimpleUploadedFile(name, data)},
    )


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_pdf_has_every_grid_with_its_labels_in_the_chosen_language(submission, language):
    data = paper_form_pdf(submission, language)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    for label in grid_labels(submission, language):
        assert squeeze(label) in text, label
    with translation.override(language):
        assert squeeze(translated(submission.country.name)) in text
        assert squeeze(translation.gettext("Leave a total empty to have it computed from its breakdown.")) in text


def test_a_wide_grid_is_printed_landscape_and_a_long_one_repeats_its_column_header(submission):
    reader = pypdf.PdfReader(io.BytesIO(paper_form_pdf(submission, "en")))
    titled = {page.extract_text().splitlines()[0]: page for page in reader.pages}
    entries, exits = titled["Foreigners entering the country"], titled["Foreigners leaving the country"]
    assert entries.mediabox.width > entries.mediabox.height
    assert exits.mediabox.width > exits.mediabox.height
    decisions = titled["Refugee status determinations"]
    assert decisions.mediabox.width < decisions.mediabox.height
    asylum_pages = [page for page in reader.pages if "65 and over" in page.extract_text()]
    assert asylum_pages, "the asylum grid runs over a second page"
    assert all("Age group" in page.extract_text() for page in asylum_pages)


def test_a_prefilled_pdf_and_page_show_the_stored_figures(client, submission, catalogue, make_user, kazakhstan):
    decisions = catalogue["REFUGEE_DECISIONS"]
    grid = build_grid(decisions)
    entries = {
        "RSD_OUTCOME=RECOGNISED": "12345",
        "RSD_OUTCOME=COMPLEMENTARY": "2",
        "RSD_OUTCOME=REJECTED": "30 p",
        "RSD_OUTCOME=CLOSED": "c",
    }
    admin = make_user(Role.COUNTRY_ADMIN, kazakhstan)  # keys in a paper form
    services.save_cells(submission, decisions, cells=cells_from(grid, entries), user=admin, channel=Channel.PAPER)
    assert "12,345" in pdf_text(paper_form_pdf(submission, "en", prefilled=True))
    assert "12,345" not in pdf_text(paper_form_pdf(submission, "en"))
    client.force_login(make_user(Role.DATA_USER, kazakhstan))
    url = reverse("dsm_data:paper_form", args=[submission.pk])
    assert "12,345" in client.get(url + "?prefilled=1").content.decode()
    assert "12,345" not in client.get(url).content.decode()
    response = client.get(reverse("dsm_data:paper_form_pdf", args=[submission.pk]) + "?prefilled=1")
    assert "12,345" in pdf_text(response.content)


def test_the_pdf_download_is_named_after_the_country_and_period_and_follows_the_language(
    client, submission, make_user, kazakhstan
):
    client.force_login(make_user(Role.COUNTRY_ADMIN, kazakhstan))
    with translation.override("ru"):
        url = reverse("dsm_data:paper_form_pdf", args=[submission.pk])
    assert url.startswith("/ru/")
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="dsm-kaz-2025-paper.pdf"' in response["Content-Disposition"]
    assert squeeze("Решения о статусе беженца") in pdf_text(response.content)


def test_the_printable_page_shows_the_grids_and_has_a_print_stylesheet(client, submission, make_user, kazakhstan):
    client.force_login(make_user(Role.FOCAL_POINT, kazakhstan, username="reader"))
    with translation.override("ru"):
        url = reverse("dsm_data:paper_form", args=[submission.pk])
    html = client.get(url).content.decode()
    for label in grid_labels(submission, "ru"):
        assert label in html, label
    assert 'class="paper-form"' in html
    assert '<th scope="col" class="total">Всего</th>' in html
    assert reverse("dsm_data:paper_form_pdf", args=[submission.pk]) in html
    assert "dsm_site/css/main.css" in html
    stylesheet = Path(finders.find("dsm_site/css/main.css")).read_text()
    print_rules = stylesheet[stylesheet.index("/* Paper form") :]
    assert "@media print" in print_rules
    assert ".paper-indicator { break-before: page; }" in print_rules
    assert "body:has(.paper-form) .site-header" in print_rules


# (role, of the submission's country) for every reader
ROLES = [
    (None, False),
    (Role.SYSTEM_ADMIN, False),
    (Role.EDITOR, False),
    (Role.COUNTRY_ADMIN, True),
    (Role.COUNTRY_ADMIN, False),
    (Role.FOCAL_POINT, True),
    (Role.FOCAL_POINT, False),
    (Role.DATA_USER, True),
    (Role.DATA_USER, False),
]


@pytest.mark.parametrize(("role", "own_country"), ROLES)
def test_the_paper_forms_are_for_the_readers_of_the_submission(
    client, submission, make_user, kazakhstan, armenia, role, own_country
):
    log_in(client, make_user, role, own_country, kazakhstan, armenia)
    reader = role == Role.SYSTEM_ADMIN or (role is not None and own_country)
    for name in ("dsm_data:paper_form", "dsm_data:paper_form_pdf"):
        response = client.get(reverse(name, args=[submission.pk]))
        if role is None:
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == (200 if reader else 404), name


# (role, of the submission's country) -> the answer to posting a scan
SCAN_ANSWERS = [
    (None, False, "login"),
    (Role.SYSTEM_ADMIN, False, "kept"),
    (Role.EDITOR, False, 404),
    (Role.COUNTRY_ADMIN, True, "kept"),
    (Role.COUNTRY_ADMIN, False, 404),
    (Role.FOCAL_POINT, True, 403),
    (Role.FOCAL_POINT, False, 404),
    (Role.DATA_USER, True, 403),
    (Role.DATA_USER, False, 404),
]


@pytest.mark.parametrize(("role", "own_country", "answer"), SCAN_ANSWERS)
def test_only_the_country_administrators_and_system_administrators_attach_a_scan(
    client, submission, make_user, kazakhstan, armenia, role, own_country, answer
):
    log_in(client, make_user, role, own_country, kazakhstan, armenia)
    response = post_scan(client, submission)
    if answer == "login":
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    elif answer == "kept":
        assert response.status_code == 302
        assert response["Location"] == reverse("dsm_data:submission", args=[submission.pk])
    else:
        assert response.status_code == answer
    assert Delivery.objects.count() == (1 if answer == "kept" else 0)
    assert len(stored_private_files()) == (1 if answer == "kept" else 0)


def test_an_accepted_scan_is_a_delivery_that_only_its_readers_download(
    client, submission, make_user, kazakhstan, armenia
):
    admin = make_user(Role.COUNTRY_ADMIN, kazakhstan)
    client.force_login(admin)
    response = post_scan(client, submission, data=SCAN, name="scan of the form.pdf")
    messages = [str(message) for message in response.wsgi_request._messages]
    delivery = Delivery.objects.get()
    assert messages == [f"Scan kept as {delivery.number}."]
    assert delivery.kind == DeliveryKind.PAPER_SCAN
    assert delivery.status == DeliveryStatus.ACCEPTED
    assert delivery.institution == "Migration Service of Almaty"
    assert delivery.sha256 == hashlib.sha256(SCAN).hexdigest()
    assert (delivery.country, delivery.sender, delivery.size) == (kazakhstan, admin, len(SCAN))
    assert list(delivery.submissions.all()) == [submission]

    page = client.get(reverse("dsm_data:submission", args=[submission.pk])).content.decode()
    file_url = reverse("dsm_data:delivery_file", args=[delivery.pk])
    assert delivery.number in page
    assert "Migration Service of Almaty" in page
    assert file_url in page

    readers = {
        admin: 200,
        make_user(Role.DATA_USER, kazakhstan): 200,
        make_user(Role.SYSTEM_ADMIN): 200,
        make_user(Role.COUNTRY_ADMIN, armenia): 404,
        make_user(Role.EDITOR): 404,
    }
    for reader, status in readers.items():
        client.force_login(reader)
        response = client.get(file_url)
        assert response.status_code == status, reader.username
        if status == 200:
            assert b"".join(response.streaming_content) == SCAN
    client.logout()
    assert client.get(file_url).status_code == 302


@pytest.mark.parametrize(
    ("data", "name", "problem"),
    [
        (b"PK\x03\x04 not a scan but a zip", "form.docx", "A scanned form must be a PDF, JPEG or PNG file."),
        (SCAN + b"x" * 100, "form.pdf", "The file is larger than"),
    ],
)
def test_a_refused_scan_stores_nothing_and_says_why(
    client, submission, make_user, kazakhstan, settings, data, name, problem
):
    settings.DSM_MAX_SCAN_BYTES = len(SCAN) + 10
    client.force_login(make_user(Role.COUNTRY_ADMIN, kazakhstan))
    response = post_scan(client, submission, data=data, name=name)
    assert response.status_code == 302
    assert not Delivery.objects.exists()
    assert stored_private_files() == []
    page = client.get(response["Location"]).content.decode()
    assert "The scan was not kept:" in page
    assert problem in page


def test_a_scan_without_institution_is_refused_by_the_form(client, submission, make_user, kazakhstan):
    client.force_login(make_user(Role.COUNTRY_ADMIN, kazakhstan))
    response = post_scan(client, submission, institution="")
    assert not Delivery.objects.exists()
    assert "Institution: This field is required." in client.get(response["Location"]).content.decode()


def test_a_scan_is_not_attached_to_a_submission_that_can_no_longer_change(client, submission, make_user, kazakhstan):
    Submission.objects.filter(pk=submission.pk).update(status=Status.VALIDATED)
    client.force_login(make_user(Role.COUNTRY_ADMIN, kazakhstan))
    response = post_scan(client, submission)
    assert not Delivery.objects.exists()
    assert "is validated: it cannot be changed" in client.get(response["Location"]).content.decode()


def test_the_submission_page_offers_the_paper_form_and_each_channel_to_whom_it_belongs(
    client, submission, make_user, kazakhstan
):
    url = reverse("dsm_data:submission", args=[submission.pk])
    scan_url = reverse("dsm_data:paper_scan", args=[submission.pk])
    client.force_login(make_user(Role.COUNTRY_ADMIN, kazakhstan))
    html = client.get(url).content.decode()
    assert reverse("dsm_data:paper_form", args=[submission.pk]) in html
    assert reverse("dsm_data:paper_form_pdf", args=[submission.pk]) in html
    assert scan_url in html
    assert 'enctype="multipart/form-data"' in html
    assert '<label for="id_institution">' in html
    assert '<label for="id_file">' in html
    assert reverse("dsm_data:upload") not in html
    client.force_login(make_user(Role.FOCAL_POINT, kazakhstan, username="focal"))
    html = client.get(url).content.decode()
    assert scan_url not in html
    assert reverse("dsm_data:upload") in html
    assert "Upload a filled-in template" in html
