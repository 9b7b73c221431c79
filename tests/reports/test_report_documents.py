"""A report's documents: the country's documents of its years, and the year's laws and policy papers, as far as
its reader may read them (``permissions.readable_documents``); a newly published one makes a new report."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from reports import services
from tests.library_pages.conftest import make_document, roots, section  # noqa: F401  (the e-library's fixtures)

from .conftest import file_bytes, pdf_text, report_inputs, xlsx_sheets

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(report_figures, make_document, kazakhstan, armenia):  # noqa: F811
    """KAZ's public law of 2023 and national decree of 2022, its policy of 2021 (before the years asked),
    ARM's participating policy paper of 2023, and a public KAZ agenda of 2023 (not a law nor a policy)."""
    return {
        "public": make_document("kaz-public-law", "public", kazakhstan, date=datetime.date(2023, 5, 1)),
        "national": make_document(
            "kaz-national-decree", "national", kazakhstan, date=datetime.date(2022, 2, 1), document_type="decree"
        ),
        "earlier": make_document("kaz-old-policy", "public", kazakhstan, date=datetime.date(2021, 1, 1)),
        "armenian": make_document(
            "arm-policy", "participating", armenia, date=datetime.date(2023, 3, 1), document_type="policy"
        ),
        "agenda": make_document(
            "kaz-agenda", "public", kazakhstan, date=datetime.date(2023, 6, 1), document_type="agenda"
        ),
    }


def titles(user, **inputs):
    report = services.request_report(user, **report_inputs(file_format="xlsx", **inputs))
    return [row[0] for row in xlsx_sheets(file_bytes(report))["Documents"][1:]]


def test_the_country_report_lists_the_countrys_documents_of_its_years_that_its_reader_may_read(
    documents, report_figures
):
    assert titles(AnonymousUser()) == ["kaz-agenda", "kaz-public-law"]
    assert titles(report_figures.kaz_user) == ["kaz-agenda", "kaz-public-law", "kaz-national-decree"]
    assert titles(report_figures.arm_admin) == ["kaz-agenda", "kaz-public-law"]
    text = pdf_text(file_bytes(services.request_report(report_figures.kaz_user, **report_inputs())))
    assert "kaz-national-decree" in text
    assert f"/library/files/{documents['national'].pk}/" not in text  # the page's address, not the file's
    assert documents["national"].get_full_url() in text.replace("\n", "")


def test_the_regional_report_lists_the_years_laws_and_policy_papers_that_its_reader_may_read(documents, report_figures):
    assert titles(AnonymousUser(), kind="region") == ["kaz-public-law"]
    assert titles(report_figures.arm_admin, kind="region") == ["arm-policy", "kaz-public-law"]
    assert titles(report_figures.kaz_user, kind="region") == ["arm-policy", "kaz-public-law"]
    assert titles(AnonymousUser(), kind="region", first_year=2022, last_year=2022) == []
    assert titles(report_figures.kaz_user, kind="region", first_year=2022, last_year=2022) == ["kaz-national-decree"]


def test_a_document_published_since_makes_a_new_report(documents, report_figures, make_document, kazakhstan):  # noqa: F811
    first = services.request_report(AnonymousUser(), **report_inputs())
    assert services.request_report(AnonymousUser(), **report_inputs()).pk == first.pk
    make_document("kaz-new-law", "public", kazakhstan, date=datetime.date(2024, 1, 10))
    second = services.request_report(AnonymousUser(), **report_inputs())
    assert second.pk != first.pk
    assert "kaz-new-law" in pdf_text(file_bytes(second))
