#!/usr/bin/env python
"""Django's command-line utility for the DSM portal."""

import os
import sys
from pathlib import Path


def main():
    # The configuration package lives in site/ (the stdlib owns the name "site").
    sys.path.insert(0, str(Path(__file__).resolve().parent / "site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dsm_site.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
