"""Fixtures shared by the data portal's page and action tests."""

from types import SimpleNamespace

import pytest

from dsm_data.models import Role


@pytest.fixture
def portal_team(catalogue, kazakhstan, armenia, make_user, make_period):
    """The people a role x own/other-country test needs, and the open 2025 round.

    Kazakhstan's focal point, administrator and data user, Armenia's administrator, the
    secretariat (``sysadmin``) and an editor. A test's own fixture may add to it
    (``portal_team.arm_focal = make_user(...)``).
    """
    return SimpleNamespace(
        sysadmin=make_user(Role.SYSTEM_ADMIN, username="secretariat"),
        focal=make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal"),
        kaz_admin=make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin"),
        kaz_user=make_user(Role.DATA_USER, kazakhstan, username="kaz-user"),
        arm_admin=make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin"),
        editor=make_user(Role.EDITOR, username="editor"),
        period=make_period(2025),
    )
