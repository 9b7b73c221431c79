"""Saved mappings of publishers' exports (data/mappings.json), as a secretariat keeps them.

``data/unhcr-asylum-decisions.csv`` is a file to try the first one on (see the README).
"""

from dsm_data.intake.mapping import MappingSpec
from dsm_data.models import User
from dsm_data.services.mappings import save_mapping

from .tables import read

MAPPINGS_OWNER = "sysadmin"


def load_mappings():
    owner = User.objects.get(username=MAPPINGS_OWNER)
    return [
        save_mapping(
            MappingSpec.from_json(mapping["spec"]),
            name=mapping["name"],
            description=mapping["description"],
            user=owner,
        )
        for mapping in read("mappings")["mappings"]
    ]
