"""Saved table mappings: a publisher's layout kept under a name for its next file."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from .. import permissions
from ..intake.problems import Rejected
from ..models import TableMapping

NAME_LENGTH = TableMapping._meta.get_field("name").max_length


@transaction.atomic
def save_mapping(spec, *, name, description="", user):
    """Save ``spec`` (a MappingSpec) under ``name``: a new mapping, or the same name's changed by one who may."""
    if not permissions.can_use_table_mappings(user):
        raise PermissionDenied
    name = " ".join(name.split())
    if not name:
        raise Rejected.because(_("Give the mapping a name."))
    if len(name) > NAME_LENGTH:
        raise Rejected.because(_("A mapping's name has at most %(limit)s characters.") % {"limit": NAME_LENGTH})
    mapping = TableMapping.objects.select_for_update().filter(name=name).first()
    if mapping is None:
        return TableMapping.objects.create(
            name=name, description=description.strip(), spec=spec.to_json(), created_by=user
        )
    if not permissions.can_change_table_mapping(user, mapping):
        raise Rejected.because(
            _("A mapping named “%(name)s” exists already, saved by someone else: choose another name.") % {"name": name}
        )
    mapping.spec = spec.to_json()
    mapping.description = description.strip() or mapping.description
    mapping.save()
    return mapping


@transaction.atomic
def delete_mapping(mapping, *, user):
    """Delete a saved mapping; the deliveries read with it keep the spec they were read with."""
    mapping = TableMapping.objects.select_for_update().get(pk=mapping.pk)
    if not permissions.can_change_table_mapping(user, mapping):
        raise PermissionDenied
    mapping.delete()
