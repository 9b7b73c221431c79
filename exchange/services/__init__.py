"""Writes of the exchange, by area: ``requests`` (send, assign, reply, close, share), ``proposals`` (propose,
comment, support, approve, decline)."""
