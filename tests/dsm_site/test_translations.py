"""Every interface string has a Russian translation, and the catalogue is valid."""

import shutil
import subprocess
import sys

import pytest

from tests.helpers import PROJECT_DIR, run_manage

SOURCES = ["manage.py", "site", "dsm_data", "exchange", "library_pages", "reports", "api", "search", "demo", "locale"]


def gettext_statistics(po_file):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po_file)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stderr.strip()


@pytest.fixture(scope="module")
def refreshed_catalogue(tmp_path_factory):
    """The Russian catalogue after makemessages over a copy of the current sources."""
    copy = tmp_path_factory.mktemp("sources")
    for name in SOURCES:
        source = PROJECT_DIR / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy(source, copy / name)
    result = subprocess.run(
        [sys.executable, str(copy / "manage.py"), "makemessages", "-l", "ru", "--no-obsolete", "--add-location=file"],
        cwd=copy,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return copy / "locale" / "ru" / "LC_MESSAGES" / "django.po"


def test_every_string_in_the_sources_is_translated_into_russian(refreshed_catalogue):
    statistics = gettext_statistics(refreshed_catalogue)
    advice = f"{statistics}: run `make makemessages` and translate the new entries of locale/ru/LC_MESSAGES/django.po"
    assert "untranslated" not in statistics, advice
    assert "fuzzy" not in statistics, advice


def test_committed_catalogue_is_valid_and_complete():
    statistics = gettext_statistics(PROJECT_DIR / "locale" / "ru" / "LC_MESSAGES" / "django.po")
    assert statistics.endswith("translated messages.")


def test_build_compiles_the_catalogue():
    result = run_manage("compilemessages", "--ignore=.venv", "--ignore=var")
    assert result.returncode == 0, result.stderr
    assert (PROJECT_DIR / "locale" / "ru" / "LC_MESSAGES" / "django.mo").stat().st_size > 1000
