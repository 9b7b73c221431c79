"""Helpers shared by tests: running this project's own manage.py in a subprocess."""

import os
import socket
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def subprocess_env(env=None):
    """os.environ with ``env`` on top, less what only the test process itself may use."""
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**inherited, **(env or {})}


def run_manage(*args, env=None, check=False, timeout=600):
    """Run ``manage.py`` with the current interpreter and ``env`` on top of os.environ."""
    return subprocess.run(
        [sys.executable, str(PROJECT_DIR / "manage.py"), *args],
        cwd=PROJECT_DIR,
        env=subprocess_env(env),
        capture_output=True,
        text=True,
        check=check,
        timeout=timeout,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
