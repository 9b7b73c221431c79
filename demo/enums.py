"""The enums the demo data names: a field of the data holds the value of the enum given here.

The data never restates an enum's members. Loaders convert with the enum itself (e.g.
``DocumentType(item["type"])``), so a value the models do not know fails loudly, and
tests/demo check every value of these fields in their table against its enum.
"""

from dsm_data.models import Confidentiality, Frequency, Role
from library_pages.models import DocumentType, Visibility, WorkPlanStatus

# {table: {field: enum}}; a table is a file of data/ or a list built in content/.
ENUM_FIELDS = {
    "accounts": {"role": Role},  # data/accounts.json
    "catalogue": {"frequencies": Frequency, "default_confidentiality": Confidentiality},  # data/catalogue.json
    "content.documents": {"type": DocumentType, "visibility": Visibility},  # content/documents.py
    "content.countries": {"status": WorkPlanStatus},  # content/countries.py, intranet work plans
}
