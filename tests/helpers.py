"""Helpers shared by tests: running this project's own manage.py in a subprocess."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def run_manage(*args, env=None, check=False, timeout=600):
    """Run ``manage.py`` with the current interpreter and ``env`` on top of os.environ."""
    return subprocess.run(
        [sys.executable, str(PROJECT_DIR / "manage.py"), *args],
        cwd=PROJECT_DIR,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=check,
        timeout=timeout,
    )
