"""Bulk loading of library documents from a folder and its metadata.csv; all or nothing.

Every line is checked first (file present and of an allowed type by its content,
country, type, date, language, visibility, section); any problem is reported as
"line N, column X: message" and nothing is created. Otherwise all documents are
created and published in one transaction.

A document is created in the tree of its own language (a Russian law in the Russian
tree) when the site has that language, else in the default language's tree (Ukrainian,
Kazakh, …). Optional columns title_<code> and summary_<code> give it a page in another
of the site's languages too, a translation of the first.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from wagtail.models import Locale, Page

from dsm_data.intake import files
from dsm_data.models import Country
from dsm_data.selectors.catalogue import all_countries

from .models import DocumentPage, DocumentType, LibraryDocument, LibrarySectionPage, Visibility
from .models.documents import validate_language_code, validate_visibility
from .slugs import transliterated_slug

COLUMNS = ["file", "title", "country", "type", "date", "language", "visibility", "section", "topics", "summary"]
# Optional: title_<code> and summary_<code> for each content language (``columns()``) give the document a page
# in that language besides the one in its own language.
TRANSLATED_COLUMNS = ["title", "summary"]
REQUIRED_COLUMNS = ["file", "title", "type", "date", "language", "visibility"]
# Where a line without a section goes.
DEFAULT_SECTION_FOR_COUNTRY = "participating-states"
DEFAULT_SECTION = "publications"
MAX_FILE_BYTES = 50 * 1024 * 1024
EXTENSIONS = {"pdf": {".pdf"}, "docx": {".docx"}, "odt": {".odt"}, "txt": {".txt"}, "html": {".html", ".htm"}}
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class LoadError(Exception):
    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class DocumentLine:
    line: int
    path: Path
    title: str
    country: Country | None
    document_type: str
    date: datetime.date
    language: str
    visibility: str
    section: LibrarySectionPage
    topics: list = field(default_factory=list)
    summary: str = ""
    translations: dict = field(default_factory=dict)  # language code -> {"title": ..., "summary": ...}


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def columns():
    """Every column metadata.csv may have, the translated ones for each of the site's languages included."""
    translated = [f"{name}_{code}" for code in content_languages() for name in TRANSLATED_COLUMNS]
    return COLUMNS + translated


def home_language(language):
    """The tree a document of ``language`` goes to: its own when the site has it, else the default language's."""
    language = language.split("-")[0]
    return language if language in content_languages() else settings.LANGUAGE_CODE


def file_kind(path):
    """ "pdf", "docx", "odt", "txt" or "html" from the file's content, or None."""
    with open(path, "rb") as file:
        head = file.read(4096)
    kind = files.file_type(head)
    if kind == files.PDF:
        return "pdf"
    if kind == files.ZIP:
        return _office_kind(path)
    if kind == files.TEXT:
        start = head.decode("utf-8-sig", "ignore").lstrip().lower()
        return "html" if start.startswith(("<!doctype html", "<html")) else "txt"
    return None


def _office_kind(path):
    """DOCX or ODT, after the archive checks that the libraries do not make (``dsm_data.intake.files``)."""
    try:
        archive = files.open_archive(path.read_bytes(), files.ArchiveLimits.from_settings(settings))
    except (files.DamagedFile, files.UnsafeArchive, OSError):
        return None
    with archive:
        kind = files.office_type(archive)
    return kind if kind in (files.DOCX, files.ODT) else None


def _invalid(validator, *values):
    """What the model's ``validator`` says of ``values``, or None when they pass."""
    try:
        validator(*values)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def read_metadata(folder):
    """The checked lines of ``folder``/metadata.csv; raises LoadError listing every problem."""
    folder = Path(folder)
    metadata = folder / "metadata.csv"
    reader = _metadata_reader(metadata)
    context = _LineContext(
        folder=folder,
        countries={country.code: country for country in all_countries()},
        sections={section.slug: section for section in LibrarySectionPage.objects.filter(locale=Locale.get_default())},
    )
    lines, problems, known = [], [], set(columns())
    for row in reader:
        number = reader.line_num
        row = {name: (value or "").strip() for name, value in row.items() if name in known}
        line, line_problems = _checked_line(row, number, context)
        problems.extend(f"line {number}, column {column}: {message}" for column, message in line_problems)
        if line is not None:
            lines.append(line)
    if problems:
        raise LoadError(problems)
    if not lines:
        raise LoadError([f"{metadata}: no documents"])
    return lines


def _metadata_reader(metadata):
    """A DictReader of the file, once its header names every required column and no unknown one."""
    if not metadata.is_file():
        raise LoadError([f"{metadata}: no such file"])
    try:
        content = metadata.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise LoadError([f"{metadata}: not UTF-8 ({error})"]) from error
    reader = csv.DictReader(io.StringIO(content, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    problems = []
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    unknown = [name for name in header if name not in columns()]
    if missing:
        problems.append(f"line 1: missing columns: {', '.join(missing)}")
    if unknown:
        problems.append(f"line 1: unknown columns: {', '.join(unknown)} (allowed: {', '.join(columns())})")
    if problems:
        raise LoadError(problems)
    reader.fieldnames = header
    return reader


@dataclass
class _LineContext:
    """What every line is checked against: the folder, the countries, the sections, the files seen so far."""

    folder: Path
    countries: dict
    sections: dict
    seen_files: dict = field(default_factory=dict)  # path -> line number


def _checked_line(row, number, context):
    """(DocumentLine or None, [(column, problem)]) of one line."""
    problems = [(name, "required") for name in REQUIRED_COLUMNS if not row.get(name)]
    path = (context.folder / row["file"]).resolve() if row.get("file") else None
    if path is not None:
        problem = _file_problem(row["file"], path, context)
        if problem:
            problems.append(("file", problem))
        else:
            context.seen_files[path] = number
    country = None
    if row.get("country"):
        country = context.countries.get(row["country"].upper())
        if country is None:
            problems.append(("country", f"unknown country code {row['country']!r}"))
    if row.get("type") and row["type"] not in DocumentType.values:
        problems.append(("type", f"{row['type']!r} is not one of {', '.join(DocumentType.values)}"))
    date = None
    if row.get("date"):
        date = _date(row["date"])
        if date is None:
            problems.append(("date", f"{row['date']!r} is not a date written YYYY-MM-DD"))
    problems.extend(_language_and_visibility_problems(row))
    section_slug = row.get("section") or (DEFAULT_SECTION_FOR_COUNTRY if row.get("country") else DEFAULT_SECTION)
    section = context.sections.get(section_slug)
    if section is None:
        problems.append(("section", f"unknown e-library section {section_slug!r}"))
    translations, translation_problems = _translations(row)
    problems.extend(translation_problems)
    if problems:
        return None, problems
    line = DocumentLine(
        line=number,
        path=path,
        title=row["title"],
        country=country,
        document_type=row["type"],
        date=date,
        language=row["language"],
        visibility=row["visibility"],
        section=section,
        topics=[topic.strip() for topic in row.get("topics", "").split(";") if topic.strip()],
        summary=row.get("summary", ""),
        translations=translations,
    )
    return line, []


def _translations(row):
    """({language: {"title", "summary"}} of the line's other pages, [(column, problem)])."""
    translations, problems = {}, []
    home = home_language(row["language"]) if row.get("language") else None
    for code in content_languages():
        given = {name: row.get(f"{name}_{code}", "") for name in TRANSLATED_COLUMNS}
        if not any(given.values()):
            continue
        if code == home:
            column = next(f"{name}_{code}" for name, value in given.items() if value)
            problems.append((column, f"the document's own page is in {code}: use the columns title and summary"))
            continue
        translations[code] = {"title": given["title"] or row.get("title", ""), "summary": given["summary"]}
    return translations, problems


def _file_problem(name, path, context):
    """What is wrong with the line's file ``name`` (at ``path``), or None."""
    if not path.is_relative_to(context.folder.resolve()):
        return f"{name!r} is outside the folder"
    if not path.is_file():
        return f"{name!r} does not exist"
    if path.stat().st_size > MAX_FILE_BYTES:
        return f"{name!r} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB"
    kind = file_kind(path)
    if kind is None:
        return f"{name!r} is not a PDF, DOCX, ODT, text or HTML file"
    if path.suffix.lower() not in EXTENSIONS[kind]:
        return f"{name!r} holds a {kind.upper()} file: name it *{min(EXTENSIONS[kind])}"
    if path in context.seen_files:
        return f"{name!r} is already on line {context.seen_files[path]}"
    return None


def _date(text):
    """The date written YYYY-MM-DD, or None."""
    if not DATE_PATTERN.match(text):
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None


def _language_and_visibility_problems(row):
    """The model's own rules for the language and the visibility."""
    problems = []
    if row.get("language") and _invalid(validate_language_code, row["language"]):
        problems.append(("language", f"{row['language']!r} is not a language code"))
    if row.get("visibility"):
        if row["visibility"] not in Visibility.values:
            problems.append(("visibility", f"{row['visibility']!r} is not one of {', '.join(Visibility.values)}"))
        elif message := _invalid(validate_visibility, row["visibility"], row.get("country") or None):
            problems.append(("visibility", message))
    return problems


def _free_slug(section, title, language, taken):
    """The title's slug, made unique with "-2", "-3", … among the section's children in every language's tree
    (a page's translations share its slug)."""
    base = transliterated_slug(title, language)
    trees = Page.objects.filter(translation_key=section.translation_key).values_list("path", flat=True)
    siblings = Page.objects.none()
    for path in trees:
        siblings |= Page.objects.filter(path__startswith=path, depth=section.depth + 1)
    slug, counter = base, 1
    while (section.pk, slug) in taken or siblings.filter(slug=slug).exists():
        counter += 1
        slug = f"{base}-{counter}"
    taken.add((section.pk, slug))
    return slug


@transaction.atomic
def create_documents(lines, user=None):
    """The document pages of checked ``lines``, each with its file, published in its own language's tree,
    with a published translation for each of the line's other languages."""
    pages, taken = [], set()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for line in lines:
        with open(line.path, "rb") as handle:
            document = LibraryDocument(title=line.title, uploaded_by_user=user)
            document.file.save(line.path.name, File(handle), save=False)
        document._set_document_file_metadata()
        document.save()
        home = locales.get(home_language(line.language))
        # A tree without the section (a language added but not yet synchronised) leaves the page in the default one.
        parent = (line.section.get_translation_or_none(home) if home else None) or line.section
        page = DocumentPage(
            title=line.title,
            slug=_free_slug(line.section, line.title, line.language, taken),
            document_type=line.document_type,
            country=line.country,
            date=line.date,
            language=line.language,
            visibility=line.visibility,
            topics="; ".join(line.topics),
            summary=line.summary,
            document=document,
        )
        parent.add_child(instance=page)
        page.save_revision(user=user).publish(user=user)
        _add_translations(page, line.translations, locales, user)
        pages.append(page)
    return pages


def _add_translations(page, translations, locales, user):
    """Publish ``page``'s translation into each language of ``translations``, with its title and summary."""
    for code, fields in translations.items():
        if code not in locales or page.get_translation_or_none(locales[code]) is not None:
            continue
        translation = page.copy_for_translation(locales[code], copy_parents=True)
        translation.title = fields["title"]
        translation.summary = fields["summary"]
        translation.save_revision(user=user).publish(user=user)


def load_folder(folder, user=None):
    """Check every line, then create all the documents; raises LoadError (nothing created) on any problem."""
    return create_documents(read_metadata(folder), user=user)
