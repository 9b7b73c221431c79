"""A refusal, and what an action does with it: the shape of every check-then-act rule.

A decision that depends on the moment too (may this user enter figures into this
submission now, through this channel?) is one function that returns the reason for a
refusal, or None: the page shows what it allows, and the action calls the same function
(``enforce``) before it writes, in the manner of Wagtail's actions (check, then execute).
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from ..intake.problems import Rejected


@dataclass(frozen=True)
class Refusal:
    """Why an action is refused, in the reader's language.

    ``forbidden``: the user holds no such right at all (the action answers
    PermissionDenied); otherwise the right is there but not now (a closed period, a
    submission already submitted), and the message says so on the page and from the action.
    """

    message: str
    forbidden: bool = False


def enforce(refusal):
    """What an action does with a refusal before it writes anything: raise it, or pass when there is none."""
    if refusal is None:
        return
    if refusal.forbidden:
        raise PermissionDenied(refusal.message)
    raise Rejected.because(refusal.message)
