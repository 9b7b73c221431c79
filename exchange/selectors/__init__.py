"""Reads of the exchange, one module per area: requests (a reader's requests, a thread, who may answer one) and
reminders (who is due one on a day). Named here too, so that ``from exchange import selectors`` reads them all."""

from .reminders import DueReminder, reminders_due
from .requests import possible_assignees, requests_for, thread

__all__ = ["DueReminder", "possible_assignees", "reminders_due", "requests_for", "thread"]
