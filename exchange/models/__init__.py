"""The exchange's models, one module per concept."""

from .requests import Request, RequestAttachment, RequestMessage, RequestRecipient, RequestStatus

__all__ = ["Request", "RequestAttachment", "RequestMessage", "RequestRecipient", "RequestStatus"]
