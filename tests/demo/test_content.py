"""The demo content's data contract, and the PDF/DOCX files rendered from it (no database needed)."""

import io
import re

import docx
import pytest
from pypdf import PdfReader

from demo.content import countries, documents, events, files, methodology, sections, training
from library_pages.models import DocumentType, Visibility, WorkPlanStatus

LANGUAGES = ("en", "ru")
# Inflected Russian forms: at least one of them must survive the round trip through each Russian file.
RUSSIAN_WORD = re.compile(r"\b(беженц\w+|ходатайств\w*|мигрант\w+|разрешени\w+|граждан\w*|данн\w+)\b", re.IGNORECASE)


def human_texts(value, path="data"):
    """Every {"en", "ru"} dict nested in value, with where it was found."""
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES):
            yield path, value
            return
        for key, item in value.items():
            yield from human_texts(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from human_texts(item, f"{path}[{index}]")


@pytest.fixture(scope="module")
def rendered():
    """Each document rendered once: slug -> (file name, bytes)."""
    return {document["slug"]: files.render_document(document) for document in documents.DOCUMENTS}


def test_documents_contract():
    docs = documents.DOCUMENTS
    assert len(docs) >= 40
    slugs = [document["slug"] for document in docs]
    assert len(slugs) == len(set(slugs))
    keys = {"slug", "title", "country", "issuing_body", "type", "date", "language", "topics", "section",
            "visibility", "summary", "file_format", "body"}  # fmt: skip
    for document in docs:
        assert set(document) == keys, document["slug"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", document["slug"])
        assert document["country"] is None or document["country"] in countries.COUNTRY_CODES
        assert document["type"] in DocumentType.values
        assert document["visibility"] in Visibility.values
        assert document["section"] in sections.SECTION_SLUGS
        assert document["language"] in LANGUAGES
        assert document["file_format"] in documents.FILE_FORMATS
        assert document["topics"]
        assert set(document["topics"]) <= set(documents.TOPICS)
        assert 150 <= len(document["body"].split()) <= 1500, document["slug"]
        if document["visibility"] == "national":
            assert document["country"], f"{document['slug']}: a national document belongs to a country"
    visibility = [document["visibility"] for document in docs]
    assert visibility.count("participating") >= 5
    national_countries = {document["country"] for document in docs if document["visibility"] == "national"}
    assert visibility.count("national") >= 4
    assert {"KAZ", "ARM"} <= national_countries
    assert sum(document["file_format"] == "docx" for document in docs) >= 8
    russian = sum(document["language"] == "ru" for document in docs)
    assert 0.35 < russian / len(docs) < 0.65


def test_every_text_has_both_languages():
    data = {
        "sections": sections.SECTIONS,
        "topics": documents.TOPICS,
        "documents": [
            {key: value for key, value in document.items() if key != "body"} for document in documents.DOCUMENTS
        ],
        "training": training.MODULES,
        "methodology": methodology.PAGES,
        "events": events.EVENTS,
        "countries": countries.COUNTRIES,
    }
    found = 0
    for path, text in human_texts(data):
        found += 1
        for language in LANGUAGES:
            assert isinstance(text[language], str), f"{path}.{language}"
            assert text[language].strip(), f"{path}.{language}"
        assert re.search("[а-яё]", text["ru"], re.IGNORECASE), f"{path}.ru is not Russian"
    assert found > 500


def test_sections_training_methodology_events():
    assert [section["number"] for section in sections.SECTIONS] == list(range(1, 9))
    assert [module["number"] for module in training.MODULES] == list(range(1, 17))
    assert len({module["slug"] for module in training.MODULES}) == 16
    for module in training.MODULES:
        assert module["objectives"]
        assert module["content"]
        assert module["duration_hours"] > 0
        handout = module["handout"]
        assert handout["language"] in LANGUAGES
        assert handout["body"].strip()
    assert 4 <= len(methodology.PAGES) <= 6
    assert len(events.EVENTS) == 3
    for event in events.EVENTS:
        assert event["start_date"] <= event["end_date"]
        assert event["agenda"]
        assert all(re.fullmatch(r"\d\d:\d\d", item["time"]) for item in event["agenda"])
        for slug in event["linked_documents"]:
            assert slug in documents.DOCUMENT_SLUGS, slug


def test_countries():
    assert [country["code"] for country in countries.COUNTRIES] == countries.COUNTRY_CODES
    for country in countries.COUNTRIES:
        intranet = country["intranet"]
        assert 3 <= len(intranet["contacts"]) <= 5
        assert 4 <= len(intranet["work_plan"]) <= 6
        assert all(item["status"] in WorkPlanStatus.values for item in intranet["work_plan"])
        for contact in intranet["contacts"]:
            assert contact["email"].endswith(".example")
            assert contact["website"].endswith(".example")
            assert contact["phone"].startswith("+")
        assert country["profile"]["institutions"]


def test_pdf_files_hold_their_text(rendered):
    for document in documents.DOCUMENTS:
        if document["file_format"] != "pdf":
            continue
        name, data = rendered[document["slug"]]
        assert name == f"{document['slug']}.pdf"
        assert data.startswith(b"%PDF")
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        if document["language"] == "ru":
            words = {word.lower() for word in RUSSIAN_WORD.findall(document["body"])}
            assert words, document["slug"]
            assert any(word in text.lower() for word in words), document["slug"]
        else:
            assert document["body"].split("\n\n")[0].split()[3] in text, document["slug"]


def test_docx_files_hold_their_paragraphs(rendered):
    for document in documents.DOCUMENTS:
        if document["file_format"] != "docx":
            continue
        name, data = rendered[document["slug"]]
        assert name == f"{document['slug']}.docx"
        paragraphs = [paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs]
        assert paragraphs[0] == document["title"][document["language"]]
        assert [text for _kind, text in files.blocks(document["body"])] == paragraphs[1:]
        styles = {paragraph.style.name for paragraph in docx.Document(io.BytesIO(data)).paragraphs}
        assert "Heading 1" in styles


def test_renders_are_deterministic(rendered):
    for fmt in ("pdf", "docx"):
        document = next(document for document in documents.DOCUMENTS if document["file_format"] == fmt)
        assert files.render_document(document) == rendered[document["slug"]]
    module = training.MODULES[1]
    handout = module["handout"]
    first = files.render_pdf(handout["title"][handout["language"]], handout["body"], handout["language"])
    second = files.render_pdf(handout["title"][handout["language"]], handout["body"], handout["language"])
    assert first == second
    assert "Раздаточный" in PdfReader(io.BytesIO(first)).pages[0].extract_text()


def test_blocks_markup():
    assert files.blocks("## Title\n\nA para\ngraph.\n\n- one\n- two") == [
        ("heading", "Title"),
        ("paragraph", "A para graph."),
        ("bullet", "one"),
        ("bullet", "two"),
    ]
