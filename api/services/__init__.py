"""Writes of the API app, by area: ``tokens`` (make, revoke, note their use) and ``figures`` (figures posted
by other systems, through the intake every channel shares)."""
