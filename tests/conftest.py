import pytest

from dsm_data.models import Role
from dsm_data.services.accounts import assign_role, save_country


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
    from library_pages.demo import load_home_pages

    return load_home_pages()
