"""What a file is, judged by its content, and whether a zip archive is safe to open.

Every channel that takes a file asks here: uploads of figures (xlsx, CSV), scans of
paper forms (PDF, JPEG, PNG), library files and their text extraction (PDF, DOCX,
ODT, text). The archive limits are one set, in settings (``DSM_ARCHIVE_*``); their
defaults are below. openpyxl and python-docx check none of them.

This module imports nothing of Django: text extraction runs it in a child process.
"""

import io
import zipfile
from dataclasses import dataclass

PDF, JPEG, PNG, GIF, ZIP, OLE, GZIP, SEVEN_ZIP, RAR, TEXT, BINARY = (
    "pdf", "jpeg", "png", "gif", "zip", "ole", "gzip", "7z", "rar", "text", "binary",
)  # fmt: skip
SIGNATURES = (
    (b"%PDF", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"GIF8", GIF),
    (b"PK\x03\x04", ZIP),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE),  # encrypted Office files and old .xls/.doc
    (b"\x1f\x8b", GZIP),
    (b"7z\xbc\xaf", SEVEN_ZIP),
    (b"Rar!", RAR),
)
SCAN_TYPES = (PDF, JPEG, PNG)
# Office formats inside a zip archive, by the entry that only they have.
XLSX, DOCX, ODT = "xlsx", "docx", "odt"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def file_type(head):
    """One of the types above from a file's first bytes (4 KB are plenty).

    TEXT is UTF-8 without NUL bytes (the last character may be cut by ``head``);
    BINARY is anything else.
    """
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    if b"\x00" in head:
        return BINARY
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # not just a character cut at the end
            return BINARY
    return TEXT


@dataclass(frozen=True)
class ArchiveLimits:
    """How much a zip archive may hold before it is refused unopened."""

    entries: int = 5_000
    unpacked_bytes: int = 300 * 1024 * 1024
    # An entry over 1 MB that unpacks to more than this many times its packed size.
    ratio: int = 100

    @classmethod
    def from_settings(cls, settings):
        """The limits a deployment set (``DSM_ARCHIVE_MAX_ENTRIES``, ``_UNPACKED_MB``, ``_RATIO``)."""
        return cls(
            entries=settings.DSM_ARCHIVE_MAX_ENTRIES,
            unpacked_bytes=settings.DSM_ARCHIVE_MAX_UNPACKED_MB * 1024 * 1024,
            ratio=settings.DSM_ARCHIVE_MAX_RATIO,
        )


RATIO_CHECKED_FROM_BYTES = 1024 * 1024


class DamagedFile(Exception):
    """The file says it is a zip archive but cannot be read as one."""


class UnsafeArchive(Exception):
    """The archive would unpack to far more than its kind of file holds; the message says how (in English)."""


def open_archive(data, limits):
    """The zip archive of ``data``, once its entries are known to be few and small enough to open."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DamagedFile(f"zip, {error}") from error
    if len(entries) > limits.entries:
        raise UnsafeArchive(f"{len(entries)} entries > {limits.entries}")
    if sum(entry.file_size for entry in entries) > limits.unpacked_bytes:
        raise UnsafeArchive(f"unpacks to more than {limits.unpacked_bytes // 1024**2} MB")
    for entry in entries:
        if entry.file_size > RATIO_CHECKED_FROM_BYTES and entry.file_size > limits.ratio * max(entry.compress_size, 1):
            raise UnsafeArchive(f"“{entry.filename}” is compressed suspiciously well")
    return archive


def office_type(archive):
    """XLSX, DOCX or ODT by the entries of an opened archive, or None for any other zip."""
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return XLSX
    if "word/document.xml" in names:
        return DOCX
    if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
        return ODT
    return None
