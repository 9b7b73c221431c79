"""Who changed a submission's figures, and since when: what the workflow's rules read.

It applies no access rule and imports none: ``permissions`` imports it (``selectors.submissions``
cannot serve, as it imports ``permissions``).
"""

from ..models import Status, Transition, ValueRevision


def figure_changers_since_return(submission):
    """The pks of the users who changed figures of ``submission`` since it was last returned, or ever if never.

    Two queries; a revision in the same instant as the return counts as before it.
    """
    returned_at = (
        Transition.objects.filter(submission=submission, to_status=Status.RETURNED)
        .order_by("-at", "-pk")
        .values_list("at", flat=True)
        .first()
    )
    revisions = ValueRevision.objects.filter(value__submission=submission)
    if returned_at is not None:
        revisions = revisions.filter(changed_at__gt=returned_at)
    return set(revisions.values_list("changed_by", flat=True).distinct())
