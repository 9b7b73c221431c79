import functools

import pytest
from django.core.files.base import ContentFile

from demo import pages as demo_pages
from dsm_data.models import Role
from dsm_data.pdf import new_pdf
from library_pages.models import (
    CountryIndexPage,
    DocumentPage,
    LibraryDocument,
    LibraryIndexPage,
    LibrarySectionPage,
)
from library_pages.services import ensure_country_pages
from tests.recorded_builds import replayed


@functools.cache  # a PDF takes a third of a second to make (its fonts are read); many tests share a text
def pdf_bytes(text="A test document"):
    pdf = new_pdf(title=text)
    pdf.add_page()
    pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


SECTION_TITLES = {"en": "Participating states", "ru": "Государства-участники"}


@pytest.fixture
def roots(home_pages):
    """The section roots (e-library, methodology, training, events, countries) in en and ru."""
    return replayed(demo_pages.load_section_roots, home_pages)


@pytest.fixture
def section(roots):
    """The e-library section "participating-states", in en and ru."""
    return replayed(
        demo_pages.ensure_page,
        roots[LibraryIndexPage],
        LibrarySectionPage,
        "participating-states",
        lambda language: {"title": SECTION_TITLES[language], "number": 5},
    )


@pytest.fixture
def make_document(section):
    """make_document(slug, visibility="public", country=None, translate=False): a published document with a PDF."""

    def make(slug, visibility="public", country=None, translate=False, **fields):
        file = LibraryDocument(title=slug)
        file.file.save(f"{slug}.pdf", ContentFile(pdf_bytes(slug)), save=False)
        file._set_document_file_metadata()
        file.save()
        values = {
            "document_type": "law",
            "country": country,
            "language": "en",
            "visibility": visibility,
            "document": file,
            **fields,
        }
        if translate:
            return demo_pages.ensure_page(
                section,
                DocumentPage,
                slug,
                lambda language: {"title": f"{slug} ({language})", **values},
            )
        page = section.add_child(instance=DocumentPage(title=slug, slug=slug, **values))
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def country_pages(roots, kazakhstan, armenia):
    """{code: (profile, intranet)} for KAZ and ARM, made by the service the demo uses."""
    index = roots[CountryIndexPage]
    return {country.code: replayed(ensure_country_pages, country, index) for country in (kazakhstan, armenia)}


# Every role, in the country concerned ("own") and in another one ("other").
NATIONAL_ROLES = [Role.DATA_USER, Role.FOCAL_POINT, Role.COUNTRY_ADMIN]


@pytest.fixture
def user_for(make_user, kazakhstan, armenia):
    """user_for(role, where): None for anonymous; where "own" = KAZ, "other" = ARM."""

    def make(role, where=None):
        if role is None:
            return None
        if role in NATIONAL_ROLES:
            country = kazakhstan if where == "own" else armenia
            return make_user(role, country)
        return make_user(role)

    return make
