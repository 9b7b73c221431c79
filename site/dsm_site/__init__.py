"""Project configuration of the DSM portal.

Python's standard library owns the module name ``site``, so the folder ``site/``
holds this package under its own import name, ``dsm_site``; ``manage.py``,
``wsgi.py`` and pytest put ``site/`` on ``sys.path``.
"""
