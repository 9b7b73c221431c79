"""Demo content for `manage.py dsm_demo`: countries, accounts, indicators and figures, pages.

Sits on top of the apps: it may import dsm_data, library_pages and search; none of them
imports it. Every loader is safe to run again.
"""
