import pytest
from django.test import TestCase

from dsm_data.models import Role
from dsm_data.services.accounts import save_country
from tests import recorded_builds
from tests.databases import DEMO_PASSWORD, demo_snapshot, remove_snapshot, snapshot_of_test_database
from tests.factories import new_period, new_user
from tests.recorded_builds import keep_sequences, replayed, restore_sequences

_should_check_constraints = TestCase._should_check_constraints


def _checks_constraints_unless_postgresql(test, connection):
    """At the end of each database test Django checks the foreign keys of the rows it wrote. The same tests
    run on SQLite, which keeps that check; on PostgreSQL it fires the deferred constraint trigger of every
    row the test wrote (SET CONSTRAINTS ALL IMMEDIATE), 27 ms a test, 40 s of a run, to prove again what
    the SQLite run proves. (A replay's rows, written by COPY on PostgreSQL only, are checked equal to the
    build's by tests/test_recorded_builds.py.)"""
    return connection.vendor != "postgresql" and _should_check_constraints(test, connection)


TestCase._should_check_constraints = _checks_constraints_unless_postgresql


def pytest_collection_modifyitems(items):
    """pytest-django sets up the test database only for a session with a database test. A test that copies
    it for a server of its own counts as one; a browser test only when it is all the session holds (its
    transaction would be opened in Playwright's context, and its connection kept past the session)."""
    copying = [item for item in items if "migrated_database" in fixtures_of(item)]
    uses_database = any(item.get_closest_marker("django_db") or "db" in fixtures_of(item) for item in items)
    for item in copying:
        if "portal" not in fixtures_of(item):
            item.add_marker(pytest.mark.django_db)
            uses_database = True
    if copying and not uses_database:
        copying[0].add_marker(pytest.mark.django_db)


def pytest_terminal_summary(terminalreporter):
    counts = recorded_builds.counts
    if counts:
        terminalreporter.write_line(
            f"recorded builds: {counts['replayed']} replayed, {counts['built']} built ({counts['recorded']} recorded)"
        )


def fixtures_of(item):
    return getattr(item, "fixturenames", ())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    """pytest-django's test database, migrated once, and kept just migrated: the Snapshot that
    the databases of servers started by tests are copied from (``migrated_database``)."""
    with django_db_blocker.unblock():
        snapshot = snapshot_of_test_database(tmp_path_factory.mktemp("migrated"))
        keep_sequences()
    yield snapshot
    remove_snapshot(snapshot)


@pytest.fixture(scope="session")
def migrated_database(django_db_setup):
    """A Snapshot of the migrated database: ``migrated_database.copy(tmp_path)`` is a fresh one."""
    return django_db_setup


@pytest.fixture
def database_copy(migrated_database, tmp_path):
    """A migrated database of the test's own, for ``manage.py`` processes (``database_copy.env``)."""
    database = migrated_database.copy(tmp_path / "database")
    yield database
    database.remove()


@pytest.fixture(scope="session")
def demo_database(migrated_database, tmp_path_factory):
    """A Snapshot of the migrated database with the demo loaded (``dsm_demo``, as ``make run`` does),
    its accounts' password DEMO_PASSWORD; loaded once per session."""
    snapshot = demo_snapshot(migrated_database, tmp_path_factory.mktemp("demo"), {"DSM_DEMO_PASSWORD": DEMO_PASSWORD})
    yield snapshot
    remove_snapshot(snapshot)


@pytest.fixture(autouse=True)
def repeatable_keys(request):
    """A database test starts with PostgreSQL's sequences where migrating left them, so that its rows get the
    same keys in every test (as on SQLite) and builds recorded in one test can be replayed in another."""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        restore_sequences()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language, whatever the previous request activated."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: no page kept, no request counted against a rate limit."""
    from django.core.cache import caches

    from dsm_data.selectors.catalogue import KEPT_LABELS

    for cache in caches.all():
        cache.clear()
    KEPT_LABELS.clear()  # the catalogue's names this process keeps besides Django's cache


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Pages are built afresh for every request: a test that changes figures between two anonymous
    reads of a page must not get the first page back. tests/dsm_site/test_page_cache.py turns it on."""
    settings.DSM_PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_roots(settings, tmp_path):
    """Uploaded files, public and private, go to the test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def kazakhstan(db):
    return save_country("KAZ", {"en": "Kazakhstan", "ru": "Казахстан"})


@pytest.fixture
def armenia(db):
    return save_country("ARM", {"en": "Armenia", "ru": "Армения"})


@pytest.fixture
def make_user(db):
    """make_user(role, country=None, username=None): an active account with that role."""
    return new_user


ROLES = list(Role)


@pytest.fixture
def home_pages(db):
    """The demo's home page in every language; returns the default one."""
    from demo.pages import load_home_pages

    return replayed(load_home_pages)


@pytest.fixture
def catalogue(db):
    """The six demo indicators, by code."""
    from demo.catalogue import load_catalogue

    return {indicator.code: indicator for indicator in replayed(load_catalogue)}


@pytest.fixture
def make_period(db):
    return new_period


def cells_from(grid, entries):
    """{series pk: Cell} from {series key: text typed in the grid}."""
    from dsm_data.cells import parse_entry

    return {grid.series_by_key[key].pk: parse_entry(text) for key, text in entries.items()}
