"""The suite's recorded builds (tests/recorded_builds.py): a replay leaves the database as the build did."""

import collections

import pytest
from django.db import transaction

from demo.catalogue import load_catalogue
from demo.pages import load_home_pages, load_section_roots
from dsm_data.models import Indicator, Role
from tests import recorded_builds
from tests.factories import new_user
from tests.recorded_builds import read_rows, replayed, restore_sequences


class Undo(Exception):
    pass


def undone(work):
    """What ``work()`` returns and the rows it leaves, the database then put back as it was."""
    try:
        with transaction.atomic():
            result = work()
            rows = read_rows()
            raise Undo
    except Undo:
        pass
    restore_sequences()  # PostgreSQL does not roll its sequences back
    return result, rows


@pytest.fixture
def no_recordings(monkeypatch):
    monkeypatch.setattr(recorded_builds, "_recordings", {})
    monkeypatch.setattr(recorded_builds, "counts", collections.Counter())  # this test's own
    return recorded_builds


def home_and_roots():
    return replayed(load_section_roots, replayed(load_home_pages))


def test_a_replay_leaves_every_row_as_the_build_left_it(db, no_recordings):
    built, rows_built = undone(home_and_roots)
    assert (no_recordings.counts["recorded"], no_recordings.counts["replayed"]) == (2, 0)
    replayed_before = no_recordings.counts["replayed"]

    result, rows_replayed = undone(home_and_roots)

    assert no_recordings.counts["replayed"] == replayed_before + 2
    assert rows_replayed == rows_built
    assert {model: page.pk for model, page in result.items()} == {model: page.pk for model, page in built.items()}
    assert {type(page) for page in result.values()} == {type(page) for page in built.values()}


def test_a_database_in_another_state_builds_for_real(db, no_recordings):
    undone(lambda: replayed(load_catalogue))
    built_before = no_recordings.counts["built"]

    def after_a_new_account():
        new_user(Role.EDITOR, username="an-editor-first")
        return replayed(load_catalogue)

    indicators, _rows = undone(after_a_new_account)

    assert no_recordings.counts["built"] == built_before + 1
    assert len(indicators) == 6
    assert all(isinstance(indicator, Indicator) for indicator in indicators)


def test_a_changed_row_that_the_build_updates_stops_the_replay(db, no_recordings):
    undone(lambda: replayed(load_home_pages))
    replayed_before = no_recordings.counts["replayed"]

    def after_renaming_the_site():
        from wagtail.models import Site

        Site.objects.update(site_name="Renamed first")  # the build sets the default site: it must see this
        return replayed(load_home_pages)

    undone(after_renaming_the_site)

    assert no_recordings.counts["replayed"] == replayed_before
