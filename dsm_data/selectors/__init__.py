"""Reads of dsm_data, one module per area, mirroring ``services`` (the writes).

Views, commands, the other apps and the API read dsm_data's tables through these;
every access rule they apply comes from ``dsm_data.permissions``. This package
module imports none of its modules: callers import the one they need.
"""
