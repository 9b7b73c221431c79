"""Methodology pages of the Data Sharing Mechanism: principles, indicators, confidentiality, calendar, templates.

Read from data/methodology.json.
"""

from ..tables import read

PAGES = read("methodology")
