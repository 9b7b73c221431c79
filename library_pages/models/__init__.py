"""library_pages' models, one module per area; import them from here."""

from .base import PagesVersion
from .countries import (
    CountryIndexPage,
    CountryIntranetPage,
    CountryProfilePage,
    MigrationInstitution,
    NetworkContact,
    WorkPlanItem,
    WorkPlanStatus,
)
from .documents import DocumentPage, DocumentType, LibraryDocument, Visibility
from .library import LibraryIndexPage, LibrarySectionPage
from .pages import (
    AgendaItem,
    EventDocument,
    EventIndexPage,
    EventPage,
    HomePage,
    MethodologyIndexPage,
    MethodologyPage,
    TrainingAttachment,
    TrainingIndexPage,
    TrainingModulePage,
)

__all__ = [
    "AgendaItem",
    "CountryIndexPage",
    "CountryIntranetPage",
    "CountryProfilePage",
    "DocumentPage",
    "DocumentType",
    "EventDocument",
    "EventIndexPage",
    "EventPage",
    "HomePage",
    "LibraryDocument",
    "LibraryIndexPage",
    "LibrarySectionPage",
    "PagesVersion",
    "MethodologyIndexPage",
    "MethodologyPage",
    "MigrationInstitution",
    "NetworkContact",
    "TrainingAttachment",
    "TrainingIndexPage",
    "TrainingModulePage",
    "Visibility",
    "WorkPlanItem",
    "WorkPlanStatus",
]
