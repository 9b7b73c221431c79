"""Every enum value in the demo data is a member of the enum demo/enums.py names for its field."""

from demo.content import countries, documents
from demo.enums import ENUM_FIELDS
from demo.tables import DATA_DIR, read


def all_data():
    """Every table of the demo, by name: the JSON files and the tables built in Python."""
    tables = {path.stem: read(path.stem) for path in sorted(DATA_DIR.glob("*.json"))}
    tables |= {
        "content.documents": documents.DOCUMENTS,
        "content.countries": countries.COUNTRIES,
    }
    return tables


def enum_fields(value, path, fields):
    """(path, field, value) for every field of ``fields`` nested in ``value``; lists give one per item."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in fields:
                for member in item if isinstance(item, list) else [item]:
                    yield f"{path}.{key}", key, member
            else:
                yield from enum_fields(item, f"{path}.{key}", fields)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from enum_fields(item, f"{path}[{index}]", fields)


def test_every_enum_value_in_the_data_is_a_member_of_the_enum_its_field_names():
    tables = all_data()
    for name, fields in ENUM_FIELDS.items():
        seen = set()
        for path, field, value in enum_fields(tables[name], name, fields):
            assert value in fields[field].values, f"{path}: {value!r} is not a {fields[field].__name__}"
            seen.add(field)
        # A field named in demo/enums.py that its table no longer has is a stale entry.
        assert seen == set(fields), name
