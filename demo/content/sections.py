"""The sections of the DSM e-library (seed document, Annex 3), from data/sections.json."""

from ..tables import read

SECTIONS = read("sections")
SECTION_SLUGS = [section["slug"] for section in SECTIONS]
