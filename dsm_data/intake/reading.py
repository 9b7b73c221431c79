"""Any file of figures, checked whole: which kind it is, whether it may be opened, what it holds.

``read_file`` takes the bytes of an upload and returns a ``Reading`` (a template or a
long table, one ``Upload`` per country and period), or raises ``Rejected`` with every
problem. The file is judged by its content, never by its name:
1. the file itself: size, type, zip limits (``files``), macros, encryption (``check_table_file``);
2. its cells (``workbook`` for a template, ``long_table`` for a table, through a mapping if given);
3. the rules every channel runs (``figures.rule_errors``).
Who may send figures for which country and period is the services' part
(``services.deliveries``), through ``permissions.entry_refusal``.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ..models import DeliveryKind
from . import files, long_table, sheets, template_map, workbook
from .problems import Rejected


@dataclass(frozen=True)
class Reading:
    """A checked file: its kind (``DeliveryKind``) and one Upload per country and period."""

    kind: str
    uploads: list


def read_file(data, *, mapping=None):
    """Check and read any accepted file; returns a Reading or raises Rejected.

    ``mapping``: a ``mapping.MappingSpec`` (or its JSON) to read a long table through;
    ignored for a template.
    """
    kind = check_table_file(data)
    if kind == files.ZIP and template_map.META_SHEET in sheets.sheet_titles(data):
        return Reading(DeliveryKind.TEMPLATE, [workbook.read_template(data)])
    return Reading(DeliveryKind.TABLE, long_table.read_long_table(data, mapping=mapping))


def check_table_file(data):
    """The file's type (files.ZIP for an .xlsx workbook, files.TEXT for CSV) once its size, type and archive
    are checked; Rejected otherwise. Nothing of its cells is read: a file kept for mapping is checked so."""
    check_size(len(data))
    kind = files.file_type(data[:4096])
    if kind == files.ZIP:
        check_workbook_archive(data)
        return kind
    if kind == files.OLE:
        raise Rejected.because(_("The file is encrypted or an old .xls workbook: save it as an unprotected .xlsx."))
    if kind != files.TEXT:
        raise Rejected.because(_("The file is not an Excel workbook (.xlsx) or a CSV table, whatever its name."))
    return kind


def check_size(size):
    """Refuse a file of figures over ``DSM_MAX_UPLOAD_BYTES``; views call it before reading the upload."""
    if size > settings.DSM_MAX_UPLOAD_BYTES:
        raise Rejected.because(
            _("The file has %(size)s MB; files larger than %(limit)s MB are refused.")
            % {
                "size": number_format(size / (1024 * 1024), decimal_pos=1),
                "limit": settings.DSM_MAX_UPLOAD_BYTES // (1024 * 1024),
            }
        )


def check_workbook_archive(data):
    """A zip archive that is a plain .xlsx workbook, within the archive limits; else Rejected."""
    try:
        archive = files.open_archive(data, files.ArchiveLimits.from_settings(settings))
    except files.DamagedFile as error:
        raise Rejected.because(_("The file is damaged: it cannot be opened.")) from error
    except files.UnsafeArchive as error:
        raise Rejected.because(_("The file unpacks to far more than a workbook holds: refused.")) from error
    if files.office_type(archive) != files.XLSX:
        raise Rejected.because(_("The file is not an Excel workbook (.xlsx), whatever its name."))
    if any(name.lower().endswith("vbaproject.bin") for name in archive.namelist()):
        raise Rejected.because(_("Workbooks with macros are refused: save it as a plain .xlsx."))
