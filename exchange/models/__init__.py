"""The exchange's models, one module per concept."""

from .reminders import ReminderKind, ReminderSent
from .requests import Request, RequestAttachment, RequestMessage, RequestRecipient, RequestStatus

__all__ = [
    "ReminderKind",
    "ReminderSent",
    "Request",
    "RequestAttachment",
    "RequestMessage",
    "RequestRecipient",
    "RequestStatus",
]
