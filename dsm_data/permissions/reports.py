"""Reports (the ``reports`` app): whose reading a report holds, and who may fetch it.

A report holds only what its audience may read (``visible_values``, ``readable_documents``):
the public's, or one account's.
"""

from .roles import is_system_admin


def report_audience(user, *, as_public=False):
    """The account whose reading a report asked by ``user`` holds; None for the public's.

    Anonymous readers, and anyone who asks for a report to share outside, get the public's.
    """
    if as_public or not user.is_authenticated:
        return None
    return user


def can_read_report(user, report):
    """A report's page and its file: a public report for anyone; an account's report for that account
    alone (it may hold national or embargoed figures), and for the system administrators, who read them all."""
    if report.requester_id is None:
        return True
    return user.is_authenticated and (report.requester_id == user.pk or is_system_admin(user))
