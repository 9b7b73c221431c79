"""The API (the ``api`` app): who manages a personal token.

What a token reads and writes is its user's: the same rules as the pages (``visible_values``,
``readable_documents``, ``entry_refusal``) are applied to ``request.user``, whichever way in.
"""

from django.utils.translation import gettext_lazy as _

from .refusals import Refusal


def can_make_tokens(user):
    """Any signed-in, active account may make tokens for itself: a token reads only what its user may."""
    return user.is_authenticated and user.is_active


def token_refusal(token, user):
    """Why ``user`` may not see or revoke ``token``; None when they may (its owner alone)."""
    if not user.is_authenticated or token.user_id != user.pk:
        return Refusal(_("This token is not yours."), forbidden=True)
    return None
