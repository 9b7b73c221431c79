"""Personal tokens: making, revoking, and noting their use."""

import secrets

from django.db import transaction
from django.utils import timezone

from dsm_data import permissions
from dsm_data.services import audit

from ..models import PREFIX_LENGTH, ApiToken, key_hash


def create_token(user, *, name, expires_at=None):
    """A new token of ``user``: returns (token, key). The key is not stored and cannot be shown again."""
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=key[:PREFIX_LENGTH], hashed_key=key_hash(key), expires_at=expires_at
    )
    expires = expires_at.isoformat() if expires_at else ""
    audit.record("dsm.api_token_made", user=user, instance=token, data={"name": name, "expires": expires})
    return token, key


def revoke_token(token, *, user):
    """Revoke ``token`` for good; only its owner may (``permissions.token_refusal``)."""
    permissions.enforce(permissions.token_refusal(token, user))
    with transaction.atomic():
        locked = ApiToken.objects.select_for_update().get(pk=token.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.save(update_fields=["revoked_at"])
            audit.record("dsm.api_token_revoked", user=user, instance=locked, data={"name": locked.name})
    return locked


def record_use(token, *, now=None, every_seconds=60):
    """Note when the token was last used; at most once a minute, so that a busy script writes little."""
    now = now or timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= every_seconds:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
