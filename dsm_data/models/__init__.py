"""dsm_data's models, one module per concept; import them from here."""

from .accounts import COUNTRY_ROLES, Country, Role, User
from .audit import AuditEntry
from .catalogue import (
    TOTAL_CODE,
    CatalogueVersion,
    Category,
    Confidentiality,
    Dimension,
    Frequency,
    Indicator,
    IndicatorDimension,
    NationalMetadata,
    Series,
    SeriesBreak,
    ValidationRule,
)
from .deliveries import Delivery, DeliveryKind, DeliveryStatus
from .mappings import TableMapping
from .metadata_versions import NationalMetadataVersion
from .periods import Period, PeriodLockException
from .submissions import (
    EDITABLE_STATUSES,
    Absence,
    Channel,
    Status,
    Submission,
    SubmissionIndicator,
    Transition,
    Value,
    ValueRevision,
)

__all__ = [
    "COUNTRY_ROLES",
    "EDITABLE_STATUSES",
    "TOTAL_CODE",
    "Absence",
    "AuditEntry",
    "CatalogueVersion",
    "Category",
    "Channel",
    "Confidentiality",
    "Country",
    "Delivery",
    "DeliveryKind",
    "DeliveryStatus",
    "Dimension",
    "Frequency",
    "Indicator",
    "IndicatorDimension",
    "NationalMetadata",
    "NationalMetadataVersion",
    "Period",
    "PeriodLockException",
    "Role",
    "Series",
    "SeriesBreak",
    "Status",
    "Submission",
    "SubmissionIndicator",
    "TableMapping",
    "Transition",
    "User",
    "ValidationRule",
    "Value",
    "ValueRevision",
]
