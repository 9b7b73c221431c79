"""The exchange's models, one module per concept."""

from .proposals import IndicatorProposal, ProposalComment, ProposalKind, ProposalStatus, ProposalSupport
from .requests import Request, RequestAttachment, RequestMessage, RequestRecipient, RequestStatus

__all__ = [
    "IndicatorProposal",
    "ProposalComment",
    "ProposalKind",
    "ProposalStatus",
    "ProposalSupport",
    "Request",
    "RequestAttachment",
    "RequestMessage",
    "RequestRecipient",
    "RequestStatus",
]
