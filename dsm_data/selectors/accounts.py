"""Who hears of what."""

from django.db.models import Q

from ..models import (
    Role,
    User,
)


def users_to_notify(submission, roles):
    """Active users of the submission's country in ``roles`` (system administrators if asked) with an e-mail."""
    query = Q(country=submission.country, role__in=roles)
    if Role.SYSTEM_ADMIN in roles:
        query |= Q(role=Role.SYSTEM_ADMIN)
    return User.objects.filter(query, is_active=True).exclude(email="")
