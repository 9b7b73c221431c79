"""Writes of the exchange, by area: ``requests`` (send, assign, reply, close, share)."""
