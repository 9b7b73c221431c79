import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from wagtail.models import Locale

from dsm_data.models import Country, Role
from dsm_data.roles import ROLE_GROUP_NAMES
from dsm_data.services.accounts import assign_role, ensure_content_locales, save_country


def test_migrations_create_one_group_per_role_and_admin_access_for_admin_roles(db):
    for role, name in ROLE_GROUP_NAMES.items():
        group = Group.objects.get(name=name)
        has_admin = group.permissions.filter(codename="access_admin").exists()
        assert has_admin is (role in {Role.COUNTRY_ADMIN, Role.EDITOR, Role.SYSTEM_ADMIN}), role


def test_every_content_language_has_a_locale(db):
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"en", "ru"}


def test_ensure_content_locales_adds_a_new_language(db, settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [("en", "English"), ("ru", "Русский"), ("uz", "Oʻzbekcha")]
    ensure_content_locales()
    assert Locale.objects.filter(language_code="uz").exists()


def test_save_country_updates_in_place(db):
    save_country("GEO", {"en": "Georgia", "ru": "Грузия"})
    save_country("GEO", {"en": "Georgia (updated)", "ru": "Грузия"})
    assert Country.objects.get(code="GEO").name == {"en": "Georgia (updated)", "ru": "Грузия"}
    assert Country.objects.filter(code="GEO").count() == 1


def test_save_country_rejects_a_malformed_code(db):
    with pytest.raises(ValidationError):
        save_country("kz", {"en": "Kazakhstan"})


def test_assign_role_moves_the_user_to_exactly_one_role_group(make_user, kazakhstan, armenia):
    """Country administrators also join their own country's group, which holds their Wagtail page rights."""
    user = make_user(Role.FOCAL_POINT, kazakhstan)
    assert list(user.groups.values_list("name", flat=True)) == ["Focal points"]
    assign_role(user, Role.COUNTRY_ADMIN, kazakhstan)
    groups = sorted(user.groups.values_list("name", flat=True))
    assert groups == ["Country administrators", "KAZ country administrators"]
    assert user.has_perm("wagtailadmin.access_admin")
    assign_role(user, Role.COUNTRY_ADMIN, armenia)
    groups = sorted(user.groups.values_list("name", flat=True))
    assert groups == ["ARM country administrators", "Country administrators"]
    assign_role(user, Role.DATA_USER, armenia)
    assert list(user.groups.values_list("name", flat=True)) == ["Data users"]


def test_assign_role_makes_system_administrators_superusers_and_only_them(make_user, kazakhstan):
    user = make_user(Role.SYSTEM_ADMIN)
    assert user.is_superuser
    assign_role(user, Role.DATA_USER, kazakhstan)
    assert not user.is_superuser


@pytest.mark.parametrize("role", [Role.DATA_USER, Role.FOCAL_POINT, Role.COUNTRY_ADMIN])
def test_national_roles_need_a_country(role, make_user):
    with pytest.raises(ValidationError, match="needs a country"):
        make_user(role)


@pytest.mark.parametrize("role", [Role.EDITOR, Role.SYSTEM_ADMIN])
def test_secretariat_roles_have_no_country(role, make_user, kazakhstan):
    with pytest.raises(ValidationError, match="has no country"):
        make_user(role, kazakhstan)


def test_database_refuses_an_editor_with_a_country(make_user, kazakhstan):
    user = make_user(Role.EDITOR)
    user.country = kazakhstan
    with pytest.raises(IntegrityError):
        user.save()
