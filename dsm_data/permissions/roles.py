"""Who holds which right, by role and country: the rules the others are built from."""

from ..models import COUNTRY_ROLES, Channel, Role


def is_system_admin(user):
    return bool(user.is_active and (user.is_superuser or user.role == Role.SYSTEM_ADMIN))


def is_editor(user):
    return bool(user.is_active and user.role == Role.EDITOR) or is_system_admin(user)


def country_of(user):
    """The country whose national rights the user holds, or None."""
    if user.is_authenticated and user.is_active and user.role in COUNTRY_ROLES:
        return user.country
    return None


def _holds_role_in(user, country, roles):
    own_country = country_of(user)
    return own_country is not None and own_country.pk == country.pk and user.role in roles


def belongs_to(user, country):
    """Any national role in that country: data user, focal point or country administrator."""
    return _holds_role_in(user, country, COUNTRY_ROLES)


def can_read_shared_data(user):
    """Data shared with participating states: their users, and the system administrators."""
    own_country = country_of(user)
    return is_system_admin(user) or bool(own_country and own_country.is_participating)


def can_read_completeness(user):
    """Who delivered what and who is late (the completeness page, the regional report's table, the menu's
    link): the participating states' users and the system administrators, like the data they share."""
    return can_read_shared_data(user)


def can_submit_data_for(user, country):
    return is_system_admin(user) or _holds_role_in(user, country, (Role.FOCAL_POINT,))


def can_validate_data_for(user, country):
    return is_system_admin(user) or _holds_role_in(user, country, (Role.COUNTRY_ADMIN,))


def can_manage_users_of(user, country):
    return is_system_admin(user) or _holds_role_in(user, country, (Role.COUNTRY_ADMIN,))


def can_read_intranet_of(user, country):
    return is_system_admin(user) or belongs_to(user, country)


def can_edit_intranet_of(user, country):
    return is_system_admin(user) or _holds_role_in(user, country, (Role.COUNTRY_ADMIN,))


def can_enter_data_for(user, country):
    """Entering figures at all: its focal points (web, Excel, API) or its administrators (paper)."""
    return channel_for(user, country) is not None


def can_use_submissions(user):
    """The submissions area: national users and the system administrators."""
    return is_system_admin(user) or country_of(user) is not None


def can_correct_data_for(user, country):
    """Corrections of published figures: the country's administrators."""
    return is_system_admin(user) or _holds_role_in(user, country, (Role.COUNTRY_ADMIN,))


def can_key_in_paper_for(user, country):
    """Paper forms are keyed in by the country's administrators on behalf of an institution."""
    return is_system_admin(user) or _holds_role_in(user, country, (Role.COUNTRY_ADMIN,))


def can_publish(user):
    return is_system_admin(user)


def channel_for(user, country):
    """How ``user`` enters ``country``'s figures in the web grid, or None when they may not.

    Focal points (and the secretariat) enter their own figures: FORM. A country
    administrator keys in paper forms filled in by an institution: PAPER.
    """
    if can_submit_data_for(user, country):
        return Channel.FORM
    if can_key_in_paper_for(user, country):
        return Channel.PAPER
    return None
