"""The exchange's models, one module per concept."""

from .proposals import IndicatorProposal, ProposalComment, ProposalKind, ProposalStatus, ProposalSupport
from .reminders import ReminderKind, ReminderSent
from .requests import Request, RequestAttachment, RequestMessage, RequestRecipient, RequestStatus

__all__ = [
    "IndicatorProposal",
    "ProposalComment",
    "ProposalKind",
    "ProposalStatus",
    "ProposalSupport",
    "ReminderKind",
    "ReminderSent",
    "Request",
    "RequestAttachment",
    "RequestMessage",
    "RequestRecipient",
    "RequestStatus",
]
