"""Reads of the exchange, by area: ``requests`` and ``proposals``. Their functions are re-exported here, so
``from exchange import selectors; selectors.requests_for(...)`` reads the same whichever module holds them."""

from .proposals import (
    frequency_labels,
    open_proposals_for,
    proposal_history,
    proposal_texts,
    proposals_for,
    proposed_breakdowns,
)
from .requests import possible_assignees, requests_for, thread

__all__ = [
    "frequency_labels",
    "open_proposals_for",
    "possible_assignees",
    "proposal_history",
    "proposal_texts",
    "proposals_for",
    "proposed_breakdowns",
    "requests_for",
    "thread",
]
