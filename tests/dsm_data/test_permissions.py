"""Every permission rule for every role, in the user's own country and in another."""

import pytest
from django.contrib.auth.models import AnonymousUser

from dsm_data import permissions
from dsm_data.models import Role

# rule -> roles that pass it for their OWN country (system administrators have no
# country and pass every rule for every country). No national role passes any rule
# for ANOTHER country.
OWN_COUNTRY_RULES = {
    permissions.belongs_to: {Role.DATA_USER, Role.FOCAL_POINT, Role.COUNTRY_ADMIN},
    permissions.can_submit_data_for: {Role.FOCAL_POINT},
    permissions.can_validate_data_for: {Role.COUNTRY_ADMIN},
    permissions.can_manage_users_of: {Role.COUNTRY_ADMIN},
    permissions.can_read_intranet_of: {Role.DATA_USER, Role.FOCAL_POINT, Role.COUNTRY_ADMIN},
    permissions.can_edit_intranet_of: {Role.COUNTRY_ADMIN},
}
NATIONAL_ROLES = [Role.DATA_USER, Role.FOCAL_POINT, Role.COUNTRY_ADMIN]


@pytest.mark.parametrize("rule", OWN_COUNTRY_RULES, ids=lambda rule: rule.__name__)
@pytest.mark.parametrize("role", NATIONAL_ROLES)
def test_national_roles_in_own_and_other_country(rule, role, make_user, kazakhstan, armenia):
    user = make_user(role, kazakhstan)
    assert rule(user, kazakhstan) is (role in OWN_COUNTRY_RULES[rule])
    assert rule(user, armenia) is False


@pytest.mark.parametrize("rule", OWN_COUNTRY_RULES, ids=lambda rule: rule.__name__)
def test_system_administrator_passes_every_country_rule(rule, make_user, kazakhstan, armenia):
    user = make_user(Role.SYSTEM_ADMIN)
    assert rule(user, kazakhstan) is (rule is not permissions.belongs_to)
    assert rule(user, armenia) is (rule is not permissions.belongs_to)


@pytest.mark.parametrize("rule", OWN_COUNTRY_RULES, ids=lambda rule: rule.__name__)
def test_editor_anonymous_and_roleless_users_pass_no_country_rule(rule, make_user, kazakhstan):
    for user in (make_user(Role.EDITOR), make_user("", username="no-role"), AnonymousUser()):
        assert rule(user, kazakhstan) is False


@pytest.mark.parametrize("rule", OWN_COUNTRY_RULES, ids=lambda rule: rule.__name__)
def test_deactivated_account_loses_its_rights(rule, make_user, kazakhstan):
    user = make_user(Role.COUNTRY_ADMIN, kazakhstan)
    user.is_active = False
    assert rule(user, kazakhstan) is False


@pytest.mark.parametrize("rule", [permissions.can_read_shared_data, permissions.can_read_completeness])
def test_shared_data_and_deliveries_are_for_participating_countries_and_system_administrators(
    rule, make_user, kazakhstan, armenia
):
    armenia.is_participating = False
    armenia.save()
    assert rule(make_user(Role.DATA_USER, kazakhstan))
    assert not rule(make_user(Role.DATA_USER, armenia))
    assert rule(make_user(Role.SYSTEM_ADMIN))
    assert not rule(make_user(Role.EDITOR))
    assert not rule(AnonymousUser())


def test_superuser_without_role_is_a_system_administrator(django_user_model, kazakhstan):
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", "a-long-test-password")
    assert permissions.is_system_admin(superuser)
    assert permissions.can_edit_intranet_of(superuser, kazakhstan)


def test_editor_rights(make_user, kazakhstan):
    assert permissions.is_editor(make_user(Role.EDITOR))
    assert permissions.is_editor(make_user(Role.SYSTEM_ADMIN))
    assert not permissions.is_editor(make_user(Role.COUNTRY_ADMIN, kazakhstan))
