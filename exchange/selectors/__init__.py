"""Reads of the exchange, by area: ``requests``, ``proposals``, ``reminders`` (who is due one on a day) and
``tasks`` (the task list, which counts them
with the figures' work). Their functions are re-exported here: ``selectors.requests_for(...)`` reads the same
whichever module holds it."""

from .proposals import (
    frequency_labels,
    open_proposals_for,
    proposal_history,
    proposal_texts,
    proposals_for,
    proposed_breakdowns,
)
from .reminders import DueReminder, reminders_due
from .requests import counts_by_state, possible_assignees, requests_for, thread
from .tasks import tasks_for

__all__ = [
    "DueReminder",
    "counts_by_state",
    "frequency_labels",
    "open_proposals_for",
    "possible_assignees",
    "proposal_history",
    "proposal_texts",
    "proposals_for",
    "proposed_breakdowns",
    "reminders_due",
    "requests_for",
    "tasks_for",
    "thread",
]
