import pytest

from dsm_data.models import Role
from dsm_data.services.accounts import assign_role, save_country


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

    for cache in caches.all():
        cache.clear()


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
def make_user(db, django_user_model):
    """make_user(role, country=None, username=None): an active account with that role."""

    def make(role, country=None, username=None, password="a-long-test-password"):
        username = username or f"{(country.code.lower() + '-') if country else ''}{role}"
        user = django_user_model.objects.create_user(
            username=username, password=password, email=f"{username}@example.org"
        )
        if role:
            assign_role(user, role, country)
        return user

    return make


ROLES = list(Role)


@pytest.fixture
def home_pages(db):
    """The demo's home page in every language; returns the default one."""
    from demo.pages import load_home_pages

    return load_home_pages()


@pytest.fixture
def catalogue(db):
    """The six demo indicators, by code."""
    from demo.catalogue import load_catalogue

    return {indicator.code: indicator for indicator in load_catalogue()}


@pytest.fixture
def make_period(db):
    def make(year, deadline=None, frequency="annual", lock_days=30):
        import datetime

        from dsm_data.models import Period

        return Period.objects.create(
            code=str(year),
            frequency=frequency,
            start=datetime.date(year, 1, 1),
            end=datetime.date(year, 12, 31),
            deadline=deadline or datetime.date.today() + datetime.timedelta(days=30),
            lock_days=lock_days,
        )

    return make


def cells_from(grid, entries):
    """{series pk: Cell} from {series key: text typed in the grid}."""
    from dsm_data.cells import parse_entry

    return {grid.series_by_key[key].pk: parse_entry(text) for key, text in entries.items()}
