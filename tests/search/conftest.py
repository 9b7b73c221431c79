import datetime
import functools
import io
import re
import zipfile

import docx
import pytest
from django.core.files.base import ContentFile

from demo import pages as demo_pages
from dsm_data.models import Role
from dsm_data.pdf import new_pdf
from library_pages.models import DocumentPage, LibraryDocument, LibraryIndexPage, LibrarySectionPage
from tests.recorded_builds import replayed


@functools.cache  # a PDF takes a third of a second to make (its fonts are read); many tests share a text
def pdf_bytes(text, title="A test document"):
    pdf = new_pdf(title=title)
    pdf.add_page()
    pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


def docx_bytes(text):
    document = docx.Document()
    for paragraph in text.split("\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes(text):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        + "".join(f"<text:p>{line}</text:p>" for line in text.split("\n"))
        + "</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def upload(filename, content):
    """A library file as the admin's upload makes it: the text is read by the task at once (immediate backend)."""
    file = LibraryDocument(title=filename)
    file.file.save(filename, ContentFile(content), save=False)
    file._set_document_file_metadata()
    file.save()
    file.refresh_from_db()
    return file


@pytest.fixture
def roots(home_pages):
    return replayed(demo_pages.load_section_roots, home_pages)


@pytest.fixture
def section(roots):
    return replayed(
        demo_pages.ensure_page,
        roots[LibraryIndexPage],
        LibrarySectionPage,
        "national-legislation",
        lambda language: {"title": {"en": "National legislation", "ru": "Национальное законодательство"}[language]},
    )


@pytest.fixture
def other_section(roots):
    return replayed(
        demo_pages.ensure_page,
        roots[LibraryIndexPage],
        LibrarySectionPage,
        "policy-papers",
        lambda language: {"title": {"en": "Policy papers", "ru": "Программные документы"}[language]},
    )


@pytest.fixture
def make_document(section):
    """make_document(slug, text="", title=None, translate=False, file=None, **fields): a published document."""

    def make(slug, text="", title=None, translate=False, file=None, section=section, **fields):
        if file is None:
            file = upload(f"{slug}.pdf", pdf_bytes(text or slug))
        values = {
            "document_type": "law",
            "country": None,
            "language": "en",
            "visibility": "public",
            "date": datetime.date(2020, 1, 1),
            "document": file,
            **fields,
        }
        titles = title if isinstance(title, dict) else {"en": title or slug, "ru": title or slug}
        if translate:
            return demo_pages.ensure_page(
                section, DocumentPage, slug, lambda language: {"title": titles[language], **values}
            )
        page = section.add_child(instance=DocumentPage(title=titles["en"], slug=slug, **values))
        page.save_revision().publish()
        return page

    return make


NATIONAL_ROLES = [Role.DATA_USER, Role.FOCAL_POINT, Role.COUNTRY_ADMIN]


@pytest.fixture
def user_for(make_user, kazakhstan, armenia):
    """user_for(role, where): None for anonymous; where "own" = KAZ, "other" = ARM."""

    def make(role, where=None):
        if role is None:
            return None
        if role in NATIONAL_ROLES:
            return make_user(role, kazakhstan if where == "own" else armenia)
        return make_user(role)

    return make


def search(client, text, interface="en", **parameters):
    """The search page's context for ``text`` (and filters) in the ``interface`` language."""
    response = client.get(f"/{interface}/search/", {"q": text, **parameters})
    assert response.status_code == 200
    return response.context


def titles(context):
    return [re.sub(r"</?mark>", "", hit.title) for hit in context["results"].hits]


def facet(context, name):
    """{label: (count, url)} of one facet on the page."""
    for facet_name, _label, values in context["facets"]:
        if facet_name == name:
            return {value["label"]: (value["count"], value["url"]) for value in values}
    raise KeyError(name)
