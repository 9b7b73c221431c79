"""dsm_load_documents: a folder with metadata.csv, loaded all or nothing."""

import io

import docx
import pytest
from django.core.management import call_command

from demo import pages as demo_pages
from library_pages.models import DocumentPage, LibraryDocument, LibraryIndexPage, LibrarySectionPage
from library_pages.slugs import transliterated_slug
from search.models import SearchEntry

from .conftest import pdf_bytes

pytestmark = pytest.mark.django_db

HEADER = "file,title,country,type,date,language,visibility,section,topics,summary\n"


def docx_bytes(text):
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def publications(roots, section):
    return demo_pages.ensure_page(
        roots[LibraryIndexPage], LibrarySectionPage, "publications", lambda language: {"title": "Publications"}
    )


@pytest.fixture
def folder(tmp_path, kazakhstan, armenia, section, publications):
    (tmp_path / "laws").mkdir()
    (tmp_path / "laws" / "kaz-law.pdf").write_bytes(pdf_bytes("Law on migration"))
    (tmp_path / "report.docx").write_bytes(docx_bytes("Statistical report"))
    (tmp_path / "notes.txt").write_text("Plain notes", encoding="utf-8")
    (tmp_path / "fake.pdf").write_bytes(b"MZ\x90\x00 not a pdf at all \x00\x00")
    return tmp_path


def write_metadata(folder, lines):
    (folder / "metadata.csv").write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")


def run(folder):
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("dsm_load_documents", str(folder), stdout=stdout, stderr=stderr)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, stdout.getvalue(), stderr.getvalue()


GOOD_LINES = [
    'laws/kaz-law.pdf,Law on migration,KAZ,law,2021-03-15,ru,national,,"asylum; labour migration",The law.',
    "report.docx,Annual report,,statistical-report,2023-01-31,en,public,publications,,",
    "notes.txt,Meeting notes,ARM,minutes,2024-06-07,hy,participating,participating-states,,",
]


def test_a_good_folder_is_loaded_published_with_its_files(folder, client):
    write_metadata(folder, GOOD_LINES)
    code, stdout, stderr = run(folder)
    assert (code, stderr) == (0, "")
    assert "Loaded 3 documents" in stdout
    law = DocumentPage.objects.get(title="Law on migration")
    assert law.live
    assert (law.country.code, law.document_type, str(law.date), law.language) == ("KAZ", "law", "2021-03-15", "ru")
    assert (law.visibility, law.topic_list, law.summary) == ("national", ["asylum", "labour migration"], "The law.")
    assert law.get_parent().slug == "participating-states"  # the default section of a country's document
    assert law.document.file.read().startswith(b"%PDF-")
    report = DocumentPage.objects.get(title="Annual report")
    assert report.country is None
    assert report.get_parent().slug == "publications"
    assert client.get(report.file_url).status_code == 200
    assert client.get(law.file_url).status_code == 302  # national: log in first


@pytest.mark.parametrize(
    ("bad_line", "expected"),
    [
        (
            "missing.pdf,Missing,KAZ,law,2021-01-01,en,public,,,",
            "line 5, column file: 'missing.pdf' does not exist",
        ),
        ("fake.pdf,Fake,KAZ,law,2021-01-01,en,public,,,", "line 5, column file: 'fake.pdf' is not a PDF"),
        ("notes.txt,Unknown country,XXX,law,2021-01-01,en,public,,,", "line 5, column country: unknown country"),
        ("notes.txt,Bad type,KAZ,novel,2021-01-01,en,public,,,", "line 5, column type: 'novel' is not one of"),
        ("notes.txt,Bad date,KAZ,law,15.03.2021,en,public,,,", "line 5, column date: '15.03.2021' is not a date"),
        ("notes.txt,Bad date,KAZ,law,2021-02-30,en,public,,,", "line 5, column date: '2021-02-30' is not a date"),
        ("notes.txt,Bad language,KAZ,law,2021-01-01,English,public,,,", "line 5, column language: 'English'"),
        ("notes.txt,Bad visibility,KAZ,law,2021-01-01,en,secret,,,", "line 5, column visibility: 'secret'"),
        (
            "notes.txt,National nowhere,,law,2021-01-01,en,national,,,",
            "line 5, column visibility: A document for one country only",
        ),
        ("notes.txt,Bad section,KAZ,law,2021-01-01,en,public,nowhere,,", "line 5, column section: unknown"),
        (",No file,KAZ,law,2021-01-01,en,public,,,", "line 5, column file: required"),
        ("../outside.pdf,Outside,KAZ,law,2021-01-01,en,public,,,", "line 5, column file: '../outside.pdf' is outside"),
    ],
)
def test_one_bad_line_creates_nothing_and_is_reported_by_line_and_column(folder, bad_line, expected):
    (folder.parent / "outside.pdf").write_bytes(pdf_bytes())
    write_metadata(folder, [*GOOD_LINES, bad_line])
    pages, files = DocumentPage.objects.count(), LibraryDocument.objects.count()
    code, stdout, stderr = run(folder)
    assert code == 1
    assert expected in stderr
    assert "Nothing loaded" in stderr
    assert (DocumentPage.objects.count(), LibraryDocument.objects.count()) == (pages, files)


def test_every_problem_is_reported_not_only_the_first(folder):
    write_metadata(folder, ["missing.pdf,,XXX,law,2021-13-01,en,public,,,", *GOOD_LINES])
    code, _stdout, stderr = run(folder)
    assert code == 1
    for expected in ("line 2, column file:", "line 2, column title: required", "line 2, column country:"):
        assert expected in stderr
    assert "line 2, column date:" in stderr
    assert DocumentPage.objects.count() == 0


def test_a_wrong_header_is_refused(folder):
    (folder / "metadata.csv").write_text("file,title,colour\nnotes.txt,Notes,red\n", encoding="utf-8")
    code, _stdout, stderr = run(folder)
    assert code == 1
    assert "line 1: missing columns: type, date, language, visibility" in stderr
    assert "line 1: unknown columns: colour" in stderr


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        ("Закон Республики Казахстан «О беженцах»", "ru", "zakon-respubliki-kazakhstan-o-bezhentsakh"),
        ("Закон України про біженців", "uk", "zakon-ukrainy-pro-bizhentsiv"),
        ("Про громадянство України", "uk", "pro-hromadianstvo-ukrainy"),
        ("Щёлково, объём", "ru", "shchelkovo-obieem"),
        ("Қазақстан көші-қон заңы", "kk", "kazakstan-koshi-kon-zany"),
        ("Law on migration", "en", "law-on-migration"),
        ("«»", "ru", "document"),
        ("Երևանի օրենք", "hy", "document"),
    ],
)
def test_a_slug_is_the_title_transliterated(title, language, expected):
    assert transliterated_slug(title, language) == expected


def test_cyrillic_titles_get_readable_slugs_and_a_duplicate_gets_a_number(folder):
    write_metadata(
        folder,
        [
            "notes.txt,Закон Республики Казахстан «О беженцах»,KAZ,law,2009-12-04,ru,public,,,",
            "report.docx,Закон Республики Казахстан «О беженцах»,KAZ,law,2010-01-01,ru,public,,,",
            "laws/kaz-law.pdf,Закон України про біженців,,law,2011-07-08,uk,public,publications,,",
        ],
    )
    code, _stdout, stderr = run(folder)
    assert (code, stderr) == (0, "")
    slugs = sorted(DocumentPage.objects.values_list("slug", flat=True))
    assert slugs == [
        "zakon-respubliki-kazakhstan-o-bezhentsakh",
        "zakon-respubliki-kazakhstan-o-bezhentsakh-2",
        "zakon-ukrainy-pro-bizhentsiv",
    ]


def write_metadata_with(folder, header, lines):
    (folder / "metadata.csv").write_text(header + "\n" + "".join(line + "\n" for line in lines), encoding="utf-8")


RUSSIAN_LAW = "notes.txt,Закон Республики Казахстан «О беженцах»,KAZ,law,2009-12-04,ru,public,,,О беженцах."


def test_a_russian_document_is_created_in_the_russian_tree_and_listed_once_to_english_readers(folder, client):
    write_metadata(folder, [RUSSIAN_LAW])
    code, _stdout, stderr = run(folder)
    assert (code, stderr) == (0, "")
    page = DocumentPage.objects.get()
    assert page.locale.language_code == "ru"
    assert page.url == "/ru/library/participating-states/zakon-respubliki-kazakhstan-o-bezhentsakh/"

    response = client.get("/en/library/")
    listed = [(listed.pk, listed.url) for listed in response.context["documents"]]
    assert listed == [(page.pk, page.url)]
    assert page.url in response.content.decode()

    response = client.get(page.url)
    assert response.status_code == 200
    assert response.context["shown_untranslated"] is False
    response = client.get("/en/library/participating-states/zakon-respubliki-kazakhstan-o-bezhentsakh/")
    assert (response.status_code, response.context["page"].pk) == (200, page.pk)
    assert response.context["shown_untranslated"] is False


def test_title_and_summary_in_another_language_give_a_page_in_that_language(folder, client):
    header = HEADER.strip() + ",title_en,summary_en"
    write_metadata_with(folder, header, [RUSSIAN_LAW + ",Law of Kazakhstan on refugees,On refugees."])
    code, _stdout, stderr = run(folder)
    assert (code, stderr) == (0, "")
    russian, english = (DocumentPage.objects.get(locale__language_code=code) for code in ("ru", "en"))
    assert english.translation_key == russian.translation_key
    assert (english.title, english.summary, english.live) == ("Law of Kazakhstan on refugees", "On refugees.", True)
    assert (russian.title, russian.summary) == ("Закон Республики Казахстан «О беженцах»", "О беженцах.")
    assert english.slug == russian.slug == "zakon-respubliki-kazakhstan-o-bezhentsakh"
    assert english.document_id == russian.document_id
    assert [page.pk for page in client.get("/en/library/").context["documents"]] == [english.pk]
    assert [page.pk for page in client.get("/ru/library/").context["documents"]] == [russian.pk]


@pytest.mark.parametrize(
    ("extra", "values", "expected"),
    [
        (",title_ru", ",Дубль", "line 2, column title_ru: the document's own page is in ru"),
        (",title_fr", ",Loi", "line 1: unknown columns: title_fr"),
    ],
)
def test_translated_columns_are_checked(folder, extra, values, expected):
    write_metadata_with(folder, HEADER.strip() + extra, [RUSSIAN_LAW + values])
    code, _stdout, stderr = run(folder)
    assert code == 1
    assert expected in stderr
    assert DocumentPage.objects.count() == 0


def test_a_ukrainian_document_goes_to_the_default_tree_without_a_ukrainian_one(folder):
    write_metadata(folder, ["notes.txt,Закон України про біженців,,law,2011-07-08,uk,public,publications,,"])
    assert run(folder)[0] == 0
    page = DocumentPage.objects.get()
    assert (page.locale.language_code, page.slug) == ("en", "zakon-ukrainy-pro-bizhentsiv")


def test_a_russian_only_document_is_found_in_both_interfaces_at_its_russian_address(folder, client):
    write_metadata(folder, [RUSSIAN_LAW])
    assert run(folder)[0] == 0
    page = DocumentPage.objects.get()
    entry = SearchEntry.objects.get(kind=SearchEntry.Kind.DOCUMENT)
    assert entry.urls == {"ru": page.url}
    marked_title = "Закон Республики Казахстан «О <mark>беженцах</mark>»"
    for interface in ("en", "ru"):
        hits = client.get(f"/{interface}/search/", {"q": "беженцев"}).context["results"].hits
        assert [(hit.url, hit.title) for hit in hits] == [(page.url, marked_title)]
