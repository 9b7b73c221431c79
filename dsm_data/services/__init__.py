"""Writes and state changes of dsm_data, one module per concept.

Views, commands, the admin and the API call these; none of them writes models itself.
"""
