"""Writing the audit trail (dsm_data.models.audit): ``record`` is the one way an event enters it.

The request's user and address come from ``dsm_data.request_context``.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from ..models import AuditEntry
from ..models.audit import AUDIT_ACTIONS
from ..request_context import current_address, current_user


def record(action, *, user=None, instance=None, country=None, label="", data=None):
    """Add one entry: ``action`` (registered in dsm_data.wagtail_hooks), by ``user``, about ``instance``.

    ``user`` defaults to the request's signed-in user; ``country`` to the instance's
    country, or the user's; ``label`` to the instance's name, or the action's.
    """
    user = user if user is not None else current_user()
    if country is None:
        country = getattr(instance, "country", None) or getattr(user, "country", None)
    if instance is not None:
        content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
        object_id = str(instance.pk)
        label = label or str(instance)
    else:
        content_type, object_id = None, ""
    label = label or str(AUDIT_ACTIONS[action][0])  # Wagtail's log entries need a label
    return AuditEntry.objects.create(
        action=action,
        user=user if user is not None and user.pk else None,
        country=country,
        content_type=content_type,
        object_id=object_id,
        label=label,
        data=data or {},
        timestamp=timezone.now(),
        ip_address=current_address(),
    )
