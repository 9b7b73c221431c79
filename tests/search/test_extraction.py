"""Text extraction of library files: every format, the limits, and broken files that never break anything."""

import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader, PdfWriter

from dsm_data.models import Role
from library_pages.models import LibraryDocument
from search import extraction
from search.wagtail_hooks import extraction_problem

from .conftest import docx_bytes, odt_bytes, pdf_bytes, search, titles, upload

pytestmark = pytest.mark.django_db
Extraction = LibraryDocument.Extraction


@pytest.mark.parametrize(
    ("filename", "content"),
    [
        ("law.pdf", pdf_bytes("Закон о беженцах и вынужденных переселенцах")),
        ("law.docx", docx_bytes("Закон о беженцах\nи вынужденных переселенцах")),
        ("law.odt", odt_bytes("Закон о беженцах\nи вынужденных переселенцах")),
        ("law.txt", "Закон о беженцах и вынужденных переселенцах".encode()),
        ("law.txt", "Закон о беженцах и вынужденных переселенцах".encode("cp1251")),
        ("law.html", "<html><style>p{}</style><p>Закон о <b>беженцах</b></p><p>и вынужденных</p></html>".encode()),
    ],
)
def test_each_format_is_read_on_upload(filename, content):
    document = upload(filename, content)
    assert document.extraction_status == Extraction.DONE, document.extraction_error
    assert "беженцах" in document.extracted_text
    assert "вынужденных" in document.extracted_text
    assert "p{}" not in document.extracted_text


def test_a_corrupt_pdf_uploads_is_reported_and_search_still_works(client, make_document, make_user):
    broken = upload("broken.pdf", pdf_bytes("Политика в области миграции")[:400])
    assert broken.extraction_status == Extraction.FAILED
    assert broken.extraction_error.startswith("damaged: PDF")
    make_document("broken-policy", file=broken, title="Migration policy")
    make_document("good-policy", "Политика в области миграции", title="Migration strategy")

    assert sorted(titles(search(client, "migration"))) == ["Migration policy", "Migration strategy"]
    assert titles(search(client, "политика")) == ["Migration strategy"]

    client.force_login(make_user(Role.EDITOR))
    report = client.get(reverse("dsm_search_extraction_report"))
    assert report.status_code == 200
    assert "broken.pdf" in report.content.decode()
    assert "The file is damaged and cannot be read." in report.content.decode()
    assert "good-policy" not in report.content.decode()


def test_the_report_is_for_editors_only(client, make_user, kazakhstan):
    client.force_login(make_user(Role.COUNTRY_ADMIN, kazakhstan))
    assert client.get(reverse("dsm_search_extraction_report")).status_code in (302, 403)


def test_an_encrypted_pdf_is_reported():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes("secret"))))
    writer.encrypt(user_password="password", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    document = upload("secret.pdf", buffer.getvalue())
    assert document.extraction_status == Extraction.FAILED
    assert document.extraction_error == "encrypted"


def test_a_file_over_the_size_limit_is_reported_not_read(settings):
    settings.DSM_EXTRACTION_MAX_BYTES = 1000
    document = upload("huge.txt", b"refugee " * 200)
    assert document.extraction_status == Extraction.FAILED
    assert document.extraction_error == "too-large: > 0 MB"
    assert document.extracted_text == ""


def test_a_slow_file_is_stopped_at_the_time_limit(settings):
    settings.DSM_EXTRACTION_TIMEOUT_SECONDS = 0.01
    document = upload("slow.pdf", pdf_bytes("slow"))
    assert document.extraction_status == Extraction.FAILED
    assert document.extraction_error == "timeout: 0.01 s"


def test_a_zip_bomb_is_refused_before_it_is_opened():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"0" * (20 * 1024 * 1024))
    document = upload("bomb.docx", buffer.getvalue())
    assert document.extraction_status == Extraction.FAILED
    assert document.extraction_error == "unsafe-archive: “word/document.xml” is compressed suspiciously well"


def test_an_unknown_type_is_marked_unsupported():
    document = upload("photo.jpg", b"\xff\xd8\xff\xe0 not text")
    assert document.extraction_status == Extraction.UNSUPPORTED


def test_replacing_the_file_reads_it_again_and_reindexes(client, make_document):
    page = make_document("decree", "Original text about quotas.", title="Decree")
    assert titles(search(client, "quotas")) == ["Decree"]
    document = page.document
    document.file.save("decree-2.txt", ContentFile(b"New text about readmission."), save=False)
    document._set_document_file_metadata()
    document.save()
    document.refresh_from_db()
    assert "readmission" in document.extracted_text
    assert titles(search(client, "readmission")) == ["Decree"]
    assert titles(search(client, "quotas")) == []


def test_saving_without_a_new_file_does_not_read_it_again():
    document = upload("same.txt", b"text")
    LibraryDocument.objects.filter(pk=document.pk).update(extracted_text="kept")
    document = LibraryDocument.objects.get(pk=document.pk)
    document.title = "Renamed"
    document.save()
    document.refresh_from_db()
    assert document.extracted_text == "kept"


def test_the_uploaded_object_holds_the_text_so_saving_it_again_keeps_it():
    document = LibraryDocument(title="twice")
    document.file.save("twice.txt", ContentFile(b"asylum seekers"), save=False)
    document._set_document_file_metadata()
    document.save()
    assert document.extraction_status == Extraction.DONE
    document.save()
    document.refresh_from_db()
    assert document.extracted_text == "asylum seekers"


def test_the_extractor_never_raises_on_garbage():
    for data, name in [(b"", "empty.pdf"), (b"%PDF-1.7 garbage", "x.pdf"), (b"PK\x03\x04garbage", "x.docx")]:
        status, _text, error = extraction.extract_in_subprocess(data, name, timeout=30)
        assert status in (extraction.FAILED, extraction.UNSUPPORTED), name
        assert error


def test_the_report_gives_each_reason_in_the_editors_language():
    with translation.override("ru"):
        reason, detail = extraction_problem("damaged: PDF, PdfReadError: EOF marker not found")
        assert str(reason) == "Файл повреждён, его нельзя прочитать."
        assert detail == "PDF, PdfReadError: EOF marker not found"
        reason, detail = extraction_problem("encrypted")
        assert "зашифрован" in str(reason)
        assert detail == ""
    # An error stored before reasons had codes is shown whole, under the general reason.
    reason, detail = extraction_problem("Something odd")
    assert str(reason) == "The file could not be read."
    assert detail == "Something odd"


# A page saved by Microsoft Word ("Save as Web Page"): its settings are namespaced XML, in conditional
# comments and outside them, list bullets are downlevel sections, and the head has a title of its own.
WORD_SETTINGS = (
    "<xml><w:WordDocument><w:View>Normal</w:View><w:LidThemeComplexScript>X-NONE</w:LidThemeComplexScript>"
    "<w:Compatibility><w:BreakWrappedTables/></w:Compatibility></w:WordDocument>"
    "<o:DocumentProperties><o:Author>Complex Author</o:Author></o:DocumentProperties></xml>"
)
WORD_HTML = (
    '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w="urn:schemas-microsoft-com:office:word">\n<head>\n'
    '<meta http-equiv=Content-Type content="text/html; charset=windows-1251">\n'
    '<meta name=Generator content="Microsoft Word 15">\n<title>Word title</title>\n'
    f"<!--[if gte mso 9]>{WORD_SETTINGS}<![endif]-->\n"
    f"{WORD_SETTINGS}\n"
    "<style>\n<!-- p.MsoNormal {margin:0cm;} -->\n</style>\n</head>\n"
    "<body lang=RU style='tab-interval:35.4pt'>\n<div class=WordSection1>\n"
    "<p class=MsoNormal>Закон о беженцах<o:p></o:p></p>\n"
    f"{WORD_SETTINGS}\n"
    "<p class=MsoListParagraph><![if !supportLists]><span>1.<span>&nbsp;&nbsp; </span></span><![endif]>"
    "Статья первая: статус беженца<o:p></o:p></p>\n"
    "<p class=MsoNormal><o:p>&nbsp;</o:p></p>\n"
    "<p class=MsoNormal>Вторая <st1:place>часть</st1:place> закона<o:p> и её конец</o:p></p>\n"
    "</div>\n</body>\n</html>\n"
)


@pytest.mark.parametrize("encoding", ["cp1251", "utf-16", "utf-8"])
def test_a_page_saved_by_word_gives_only_its_body_text(encoding):
    text = extraction.extract_text(WORD_HTML.encode(encoding), "law.htm", limits=None)
    assert text.splitlines() == [
        "Закон о беженцах",
        "Статья первая: статус беженца",
        "Вторая часть закона и её конец",
    ]
    for residue in ("Complex", "X-NONE", "Normal", "Word title", "MsoNormal", "1."):
        assert residue not in text


def test_a_word_page_in_utf16_is_recognised_without_its_extension():
    assert extraction.extract_text(WORD_HTML.encode("utf-16"), "law", limits=None).startswith("Закон о беженцах")


def test_an_unclosed_element_in_the_head_does_not_hide_the_body():
    markup = "<html><head><title>T<xml><w:Unclosed></head><body><p>Текст закона</p></body></html>"
    assert extraction.html_text(markup) == "Текст закона"


def test_a_word_page_uploaded_is_read_and_found(client, make_document):
    document = upload("law.htm", WORD_HTML.encode("cp1251"))
    assert document.extraction_status == Extraction.DONE, document.extraction_error
    assert document.extracted_text.startswith("Закон о беженцах")
    assert "Complex" not in document.extracted_text


def test_reindex_can_read_html_files_again(client):
    document = upload("law.htm", WORD_HTML.encode("cp1251"))
    other = upload("note.txt", b"asylum seekers")
    LibraryDocument.objects.filter(pk__in=[document.pk, other.pk]).update(extracted_text="Complex X-NONE")
    output = io.StringIO()
    call_command("dsm_reindex", "--reread", "html", stdout=output)
    assert "Files to read again: 1." in output.getvalue()
    document.refresh_from_db()
    other.refresh_from_db()
    assert document.extracted_text.startswith("Закон о беженцах")
    assert other.extracted_text == "Complex X-NONE"  # not an HTML file: not read again
