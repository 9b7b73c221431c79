"""WSGI entry point: ``gunicorn --pythonpath site dsm_site.wsgi`` from the project folder."""

import os
import sys
from pathlib import Path

# The apps live in the project folder, the configuration package in site/.
PROJECT_DIR = Path(__file__).resolve().parents[2]
for path in (PROJECT_DIR, PROJECT_DIR / "site"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dsm_site.settings")

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
