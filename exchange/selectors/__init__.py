"""Reads of the exchange, by area: requests, and the task list that counts them with the figures' work."""

from .requests import counts_by_state, possible_assignees, requests_for, thread
from .tasks import task_count, tasks_for

__all__ = ["counts_by_state", "possible_assignees", "requests_for", "task_count", "tasks_for", "thread"]
