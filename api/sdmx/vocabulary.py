"""The words SDMX and the portal share: the agency, the code lists of flags, frequencies and periods.

Every other module of the package speaks through these tables, so the mapping between the
portal's cells and SDMX attributes is written once, here, and read both ways.

Observation status (OBS_STATUS, from the SDMX code list CL_OBS_STATUS 2.2) of a cell:

====================================  =========  ==============================================
portal cell                           OBS_STATUS  SDMX name
====================================  =========  ==============================================
a number                              A          Normal value
a number, provisional ("p")           P          Provisional value
a number, estimated ("e")             E          Estimated value
a number, provisional and estimated   E          Estimated value (the one flag SDMX 2.1 allows:
                                                 how the figure was made says more than whether
                                                 it may change; "provisional" is lost here)
not available (":")                   O          Missing value (the reason is not known)
not applicable ("z")                  M          Missing value; data cannot exist
confidential ("c")                    Q          Missing value; suppressed
blank: not collected                  L          Missing value; data exist but were not collected
====================================  =========  ==============================================

Confidentiality status (CONF_STATUS, SDMX CL_CONF_STATUS): C (confidential statistical
information) for a confidential cell; F (free) for a figure the public may read now (public
and released); N (not for publication, restricted for internal use only) for every other a
signed-in reader gets: shared with the participating states, national, or still under
embargo, so that a system it is passed on to does not publish it. A figure a reader may not
read is never sent at all.
The footnote travels as COMMENT.
"""

import datetime
import re

from django.utils.translation import gettext_lazy as _

from dsm_data.models import Absence, Frequency
from dsm_data.services.periods import periods_of_year

AGENCY = "DSM"
# One version for every structure: the catalogue is edited in place, and a new category only adds codes.
VERSION = "1.0"
CONCEPT_SCHEME = "CS_DSM"

FREQUENCY, AREA, TIME, MEASURE = "FREQ", "REF_AREA", "TIME_PERIOD", "OBS_VALUE"
STATUS, CONFIDENTIALITY, COMMENT = "OBS_STATUS", "CONF_STATUS", "COMMENT"

FREQUENCY_CODES = {Frequency.ANNUAL: "A", Frequency.QUARTERLY: "Q", Frequency.MONTHLY: "M"}
FREQUENCY_NAMES = {"A": _("Annual"), "Q": _("Quarterly"), "M": _("Monthly")}

NORMAL, PROVISIONAL, ESTIMATED = "A", "P", "E"
NOT_AVAILABLE, NOT_APPLICABLE, SUPPRESSED, NOT_COLLECTED = "O", "M", "Q", "L"
STATUS_NAMES = {
    NORMAL: _("Normal value"),
    PROVISIONAL: _("Provisional value"),
    ESTIMATED: _("Estimated value"),
    NOT_AVAILABLE: _("Missing value"),
    NOT_APPLICABLE: _("Missing value; data cannot exist"),
    SUPPRESSED: _("Missing value; suppressed"),
    NOT_COLLECTED: _("Missing value; data exist but were not collected"),
}
STATUS_OF_ABSENCE = {
    Absence.NOT_AVAILABLE: NOT_AVAILABLE,
    Absence.NOT_APPLICABLE: NOT_APPLICABLE,
    Absence.CONFIDENTIAL: SUPPRESSED,
}
FREE, CONFIDENTIAL, NOT_FOR_PUBLICATION = "F", "C", "N"
CONFIDENTIALITY_NAMES = {
    FREE: _("Free"),
    NOT_FOR_PUBLICATION: _("Not for publication, restricted for internal use only"),
    CONFIDENTIAL: _("Confidential statistical information"),
}

# The long table's flag (dsm_data.intake.records.KNOWN_FLAGS) of each status; blank: no flag.
FLAG_OF_STATUS = {
    NORMAL: "",
    PROVISIONAL: "p",
    ESTIMATED: "e",
    NOT_AVAILABLE: ":",
    NOT_APPLICABLE: "z",
    SUPPRESSED: "c",
    NOT_COLLECTED: "",
}

# What each concept of the structures is called (the dimensions' own names come from the catalogue).
CONCEPT_NAMES = {
    FREQUENCY: _("Frequency"),
    AREA: _("Reference area"),
    TIME: _("Time period"),
    MEASURE: _("Observation value"),
    STATUS: _("Observation status"),
    CONFIDENTIALITY: _("Confidentiality status"),
    COMMENT: _("Footnote"),
}
# Code lists that are not the catalogue's: {id: (name, {code: name})}.
FIXED_CODELISTS = {
    "CL_FREQ": (_("Frequency"), FREQUENCY_NAMES),
    "CL_OBS_STATUS": (_("Observation status"), STATUS_NAMES),
    "CL_CONF_STATUS": (_("Confidentiality status"), CONFIDENTIALITY_NAMES),
}
AREA_CODELIST = "CL_AREA"


def codelist_id(dimension_code):
    """The code list of a breakdown's categories: CL_SEX for SEX."""
    return f"CL_{dimension_code}"


def statuses(*, number, absence, is_provisional, is_estimated, is_public=True):
    """(OBS_STATUS, CONF_STATUS) of a cell: see the table above. ``is_public``: the public's figure now."""
    if absence:
        status = STATUS_OF_ABSENCE[absence]
    elif number is None:
        status = NOT_COLLECTED
    elif is_estimated:
        status = ESTIMATED
    elif is_provisional:
        status = PROVISIONAL
    else:
        status = NORMAL
    if absence == Absence.CONFIDENTIAL:
        return status, CONFIDENTIAL
    return status, FREE if is_public else NOT_FOR_PUBLICATION


def flag(status, confidentiality=""):
    """The long table's flag of an observation's statuses: a confidential one is "c" whatever its status;
    None for a status the portal does not know."""
    if confidentiality.upper() == CONFIDENTIAL:
        return "c"
    return FLAG_OF_STATUS.get(status.upper() or NORMAL)


# SDMX time periods (ISO 8601 and SDMX reporting periods) -> the portal's period code.
_YEAR = re.compile(r"(\d{4})(?:-A1)?")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_MONTH = re.compile(r"(\d{4})-M?(0[1-9]|1[0-2])")
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def period_code(text):
    """The portal's code of an SDMX TIME_PERIOD: 2024 and 2024-A1 -> 2024, 2024-Q1, 2024-M03 and 2024-03 ->
    2024-03; None for anything else (a week, a day, a range: no period of the portal is one)."""
    text = (text or "").strip().upper()
    if match := _YEAR.fullmatch(text):
        return match[1]
    if match := _QUARTER.fullmatch(text):
        return f"{match[1]}-Q{match[2]}"
    if match := _MONTH.fullmatch(text):
        return f"{match[1]}-{match[2]}"
    return None


def period_bounds(text):
    """(first day, last day) of a ``startPeriod``/``endPeriod``: a period as ``period_code`` reads it, or a
    day (2024-03-15). ValueError for anything else."""
    text = (text or "").strip()
    if match := _DAY.fullmatch(text):
        day = datetime.date(int(match[1]), int(match[2]), int(match[3]))
        return day, day
    code = period_code(text)
    if code is None:
        raise ValueError(text)
    year, _dash, part = code.partition("-")
    frequency = Frequency.ANNUAL if not part else Frequency.QUARTERLY if part.startswith("Q") else Frequency.MONTHLY
    return next((start, end) for same, start, end, _deadline in periods_of_year(frequency, int(year)) if same == code)
