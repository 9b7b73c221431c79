"""The API app's models, one module per concept: personal tokens, and the writes kept for their key."""

from .tokens import PREFIX_LENGTH, ApiToken, key_hash
from .writes import ApiWrite

__all__ = ["PREFIX_LENGTH", "ApiToken", "ApiWrite", "key_hash"]
