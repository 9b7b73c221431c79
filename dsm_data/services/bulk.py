"""Workflow steps taken on many submissions at once: the secretariat's history loads, a round's close.

Each submission goes through the same services as one at a time (``services.submissions``),
so each step is checked by its own rule and recorded as a Transition with its actor. Each
submission is its own transaction: one refused leaves the others done, and itself unchanged.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from .. import permissions
from ..intake.problems import Problem, Rejected
from . import submissions as submission_services


@dataclass
class BulkResult:
    """What a bulk action did: the submissions done, and those refused with their problems."""

    done: list = field(default_factory=list)
    refused: list = field(default_factory=list)  # [(submission, [Problem])]


def take_bulk_action(submissions, *, user, action, missing_reason="", comment=""):
    """Take the steps of ``action`` (a name of ``permissions.BULK_ACTIONS``) with each submission, in turn.

    ``missing_reason``: why figures are missing, for submissions submitted with blank cells;
    ``comment``: the validation's comment. Raises PermissionDenied when ``user`` is never offered
    the action; each submission is still checked on its own, and refused alone.
    """
    if action not in permissions.BULK_ACTIONS:
        raise ValueError(f"Unknown bulk action {action!r}")
    if action not in permissions.bulk_actions_for(user):
        raise PermissionDenied
    result = BulkResult()
    for selected in submissions:
        submission = selected
        try:
            with transaction.atomic():
                for step in permissions.BULK_ACTIONS[action]:
                    submission = _take(step, submission, user=user, missing_reason=missing_reason, comment=comment)
        # A refused submission is reported as it still is (``selected``): its earlier steps were rolled back.
        except Rejected as rejected:
            result.refused.append((selected, rejected.problems))
        except PermissionDenied as denied:
            result.refused.append((selected, [Problem(str(denied) or _("You may not do this with this submission."))]))
        else:
            result.done.append(submission)
    return result


def _take(step, submission, *, user, missing_reason, comment):
    if step == permissions.SUBMIT:
        return submission_services.submit(submission, user=user, missing_reason=missing_reason)
    if step == permissions.VALIDATE:
        return submission_services.validate(submission, user=user, comment=comment)
    if step == permissions.PUBLISH:
        return submission_services.publish(submission, user=user)
    raise ValueError(f"No bulk step {step!r}")
