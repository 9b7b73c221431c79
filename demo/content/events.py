"""Three events modelled on the agendas of the seed document (Annexes 6, 7 and 8), from data/events.json.

agenda items: {day (1-based), time, end_time, title, speakers}; linked_documents: slugs of
documents.DOCUMENTS (the agenda and the minutes of each event, and related papers).
"""

import datetime

from ..tables import read


def _with_dates(event):
    """The event with its ISO date strings as ``datetime.date`` (the documents' texts format them)."""
    return {
        **event,
        "start_date": datetime.date.fromisoformat(event["start_date"]),
        "end_date": datetime.date.fromisoformat(event["end_date"]),
    }


EVENTS = [_with_dates(event) for event in read("events")]
