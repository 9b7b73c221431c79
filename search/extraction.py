"""The text of a library file: PDF, DOCX, ODT, TXT and HTML.

A file is read in a child process (``extract_in_subprocess``) with a time limit and a
memory limit, after a size limit, so that a broken, encrypted, huge or hostile file
costs a report in the admin and nothing else. Office files are zip archives: their
entries are checked (count, sizes, compression ratio) before any is opened, since
neither python-docx nor a plain XML parser does it; the type and the checks are
those of every channel that takes a file (``dsm_data.intake.files``), and the limits
are the settings' (``DSM_ARCHIVE_*``), handed to the child in its environment.

This module imports nothing of Django (nor does ``dsm_data.intake.files``), so the
child process starts quickly: ``python -m search.extraction NAME < bytes`` prints one
JSON object.
"""

import dataclasses
import io
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from dsm_data.intake import files

DONE, FAILED, UNSUPPORTED = "done", "failed", "unsupported"
MAX_TEXT_CHARS = 5_000_000
MAX_PDF_PAGES = 5_000
CHILD_MEMORY_BYTES = 2 * 1024**3
PROJECT_DIR = Path(__file__).resolve().parent.parent
# The child's archive limits, as JSON of ``files.ArchiveLimits``' fields.
LIMITS_VARIABLE = "DSM_EXTRACTION_ARCHIVE_LIMITS"


# Why a file's text could not be read. Stored as "<reason>" or "<reason>: <technical detail>"
# (``failure``) and shown to editors in their language by ``search.wagtail_hooks``.
UNSUPPORTED_TYPE = "unsupported-type"
ENCRYPTED = "encrypted"
TOO_MANY_PAGES = "too-many-pages"
DAMAGED = "damaged"
UNSAFE_ARCHIVE = "unsafe-archive"
TIMEOUT = "timeout"
MEMORY = "memory"
TOO_LARGE = "too-large"
UNOPENABLE = "unopenable"
UNEXPECTED = "unexpected"


def failure(reason, detail=""):
    return f"{reason}: {detail}" if detail else reason


class ExtractionError(Exception):
    """The file is of a known type but cannot be read."""

    def __init__(self, reason, detail=""):
        super().__init__(failure(reason, detail))


class UnsupportedFile(Exception):
    def __init__(self, detail=""):
        super().__init__(failure(UNSUPPORTED_TYPE, detail))


def extract_text(data, filename, *, limits):
    """The text of a file's bytes, judged by its content first, then by its name."""
    name = filename.lower()
    kind = files.file_type(data[:4096])
    if kind == files.PDF:
        return pdf_text(data)
    if kind == files.ZIP:
        return office_text(data, limits=limits)
    if name.endswith((".html", ".htm")) or looks_like_html(data):
        return html_text(decode(data))
    if name.endswith((".txt", ".text", ".csv", ".md")):
        return decode(data)
    raise UnsupportedFile(filename)


UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def decode(data):
    """A text file's bytes as text: UTF-16 with its byte order mark (Word's "Unicode"), UTF-8, else cp1251."""
    if data.startswith(UTF16_MARKS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def looks_like_html(data):
    return decode(data[:512]).lstrip("\ufeff \t\r\n").lower().startswith(("<!doctype html", "<html"))


def pdf_text(data):
    # Imported when a file needs them: the child then loads only the reader its file needs.
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(ENCRYPTED)
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ExtractionError(TOO_MANY_PAGES, f"{len(reader.pages)} > {MAX_PDF_PAGES}")
        texts, size = [], 0
        for page in reader.pages:
            text = page.extract_text() or ""
            texts.append(text)
            size += len(text)
            if size > MAX_TEXT_CHARS:
                break
        return "\n\n".join(texts)
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        raise ExtractionError(DAMAGED, f"PDF, {type(error).__name__}: {error}") from error
    except NotImplementedError as error:  # e.g. an encryption algorithm pypdf cannot decode
        raise ExtractionError(ENCRYPTED, str(error)) from error


def office_text(data, *, limits):
    try:
        archive = files.open_archive(data, limits)
    except files.DamagedFile as error:
        raise ExtractionError(DAMAGED, str(error)) from error
    except files.UnsafeArchive as error:
        raise ExtractionError(UNSAFE_ARCHIVE, str(error)) from error
    kind = files.office_type(archive)
    if kind == files.DOCX:
        return docx_text(data)
    if kind == files.ODT or "content.xml" in archive.namelist():  # any OpenDocument file keeps its text there
        return odt_text(archive.read("content.xml"))
    raise UnsupportedFile("a zip archive, neither DOCX nor ODT")


def docx_text(data):
    import docx  # only when needed, as in ``pdf_text``

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises many kinds on a damaged file
        raise ExtractionError(DAMAGED, f"DOCX, {error}") from error
    texts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(text for text in texts if text.strip())


def odt_text(content_xml):
    from defusedxml import ElementTree  # only when needed, as in ``pdf_text``

    text_namespace = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    try:
        root = ElementTree.fromstring(content_xml)
    except Exception as error:  # ParseError, or defusedxml's refusal of entities
        raise ExtractionError(DAMAGED, f"ODT, {error}") from error
    blocks = [element for element in root.iter() if element.tag in (f"{text_namespace}p", f"{text_namespace}h")]
    return "\n".join("".join(block.itertext()) for block in blocks)


class _TextOfHtml(HTMLParser):
    """The text of an HTML page's body, Word's "Save as Web Page" included.

    Word writes its document properties and settings as namespaced XML (``<xml><w:WordDocument>``,
    ``<o:DocumentProperties>``), inside conditional comments or not, and list bullets as downlevel
    sections (``<![if !supportLists]>1.<![endif]>``): none of it is the document's text. ``<o:p>`` holds a
    paragraph's own text, so it is kept. The head (its ``<title>`` too) is not the text either.
    """

    SKIPPED = {"script", "style", "template", "noscript", "xml", "head"}
    OFFICE_PREFIXES = ("w:", "m:", "v:", "o:")
    KEPT_OFFICE = {"o:p"}
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "td", "th"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping, self.downlevel = [], 0, 0

    def _skipped(self, tag):
        return tag in self.SKIPPED or (tag.startswith(self.OFFICE_PREFIXES) and tag not in self.KEPT_OFFICE)

    def handle_starttag(self, tag, attrs):
        if tag == "body":  # whatever the head left open (an unclosed element), the body is the text
            self.skipping = self.downlevel = 0
        self.skipping += self._skipped(tag)
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):  # <o:p/>, <w:LsdException ... />: nothing to skip
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self.skipping -= self._skipped(tag) and self.skipping > 0

    def unknown_decl(self, data):
        """``<![if …]>`` opens a downlevel section (Word's bullets, image fallbacks), ``<![endif]>`` closes it."""
        keyword = data.strip().split(" ", 1)[0].lower()
        if keyword == "if":
            self.downlevel += 1
        elif keyword == "endif" and self.downlevel:
            self.downlevel -= 1

    def handle_data(self, data):
        if not self.skipping and not self.downlevel:
            self.parts.append(data)


def html_text(markup):
    """The text of an HTML page, one line per block; lines without a letter or a digit (residue) dropped."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if any(character.isalnum() for character in line))


def extract_in_subprocess(data, filename, *, timeout, limits=None):
    """(status, text, error) for a file's bytes, read by a child process; never raises.

    ``limits``: the ``files.ArchiveLimits`` of office files, the deployment's
    (``ArchiveLimits.from_settings``); without them, the defaults of ``ArchiveLimits``.
    """
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_DIR)}
    environment.pop(LIMITS_VARIABLE, None)
    if limits is not None:
        environment[LIMITS_VARIABLE] = json.dumps(dataclasses.asdict(limits))
    try:
        completed = subprocess.run(
            [sys.executable, "-m", "search.extraction", filename],
            input=data,
            capture_output=True,
            timeout=timeout,
            env=environment,
            cwd=PROJECT_DIR,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return FAILED, "", failure(TIMEOUT, f"{timeout} s")
    try:
        result = json.loads(completed.stdout)
    except ValueError:
        lines = completed.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = lines[-1] if lines else f"exit status {completed.returncode}"
        if "MemoryError" in reason:
            return FAILED, "", failure(MEMORY)
        return FAILED, "", failure(UNEXPECTED, reason)
    return result["status"], result.get("text", ""), result.get("error", "")


def main():
    """The child process: the file's bytes on standard input, one JSON object on standard output."""
    try:
        import resource  # Unix only: elsewhere the child runs without a memory limit

        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))
    except (ImportError, ValueError, OSError):
        pass
    filename = sys.argv[1] if len(sys.argv) > 1 else ""
    limits = files.ArchiveLimits(**json.loads(os.environ.get(LIMITS_VARIABLE) or "{}"))
    data = sys.stdin.buffer.read()
    try:
        result = {"status": DONE, "text": extract_text(data, filename, limits=limits)[:MAX_TEXT_CHARS]}
    except UnsupportedFile as error:
        result = {"status": UNSUPPORTED, "error": str(error)}
    except ExtractionError as error:
        result = {"status": FAILED, "error": str(error)}
    except MemoryError:
        result = {"status": FAILED, "error": failure(MEMORY)}
    except Exception as error:  # a library's bug on a strange file must not hide the report
        result = {"status": FAILED, "error": failure(UNEXPECTED, f"{type(error).__name__}: {error}")}
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
