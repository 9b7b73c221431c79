"""Every rule about who may read or change what, in one place.

Views, the Wagtail admin, search, exports and the API all ask these functions;
none of them compares roles or countries itself.
"""

from .models import COUNTRY_ROLES, Role


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
    return can_submit_data_for(user, country) or can_key_in_paper_for(user, country)


def can_use_submissions(user):
    """The submissions area: national users and the system administrators."""
    return is_system_admin(user) or country_of(user) is not None


def can_read_value(user, value, now):
    """A value's page: readers of its submission, or anyone who may see it published."""
    return (
        can_read_submission(user, value.submission)
        or visible_values(user, type(value).objects.filter(pk=value.pk), now).exists()
    )


def can_read_full_history(user, value):
    """Drafts before publication, and who made each change, stay with the value's own country."""
    return can_read_submission(user, value.submission)


def can_correct_data_for(user, country):
    """Corrections of published figures: the country's administrators."""
    return is_system_admin(user) or _holds_role_in(user, country, (Role.COUNTRY_ADMIN,))


def can_key_in_paper_for(user, country):
    """Paper forms are keyed in by the country's administrators on behalf of an institution."""
    return is_system_admin(user) or _holds_role_in(user, country, (Role.COUNTRY_ADMIN,))


def can_publish(user):
    return is_system_admin(user)


def can_read_submission(user, submission):
    """A submission in any state: its country's users and the system administrators."""
    return is_system_admin(user) or belongs_to(user, submission.country)


def can_read_delivery(user, delivery):
    """An uploaded file and its receipt: whoever sent it, its country's users, the system administrators."""
    if is_system_admin(user) or delivery.sender_id == user.pk:
        return True
    return delivery.country is not None and belongs_to(user, delivery.country)


def visible_values(user, values, now):
    """The published values among ``values`` that ``user`` may read at ``now``.

    Public values once released; values shared with participating states for
    their users; a country's own values for its users even under embargo; all
    published values for system administrators.
    """
    from django.db.models import Q

    from .models import Confidentiality

    published = values.filter(released_at__isnull=False)
    if is_system_admin(user):
        return published
    released = Q(released_at__lte=now)
    readable = released & Q(confidentiality=Confidentiality.PUBLIC)
    if can_read_shared_data(user):
        readable |= released & Q(confidentiality=Confidentiality.SHARED)
    own_country = country_of(user)
    if own_country is not None:
        readable |= Q(country=own_country)
    return published.filter(readable)


# Library documents (library_pages.DocumentPage.visibility takes these values).
DOCUMENT_PUBLIC = "public"
DOCUMENT_PARTICIPATING = "participating"
DOCUMENT_NATIONAL = "national"


def document_reading_grants(user):
    """Which library documents ``user`` may read: the one statement of the rule.

    None when ``user`` reads every document (editors, who publish the library, and
    system administrators); else [(visibility, country or None)], where a document is
    readable if it matches one pair (None: any country). Public: everyone.
    Participating: users of participating states and the document's own country.
    National: the users of its country only. ``readable_documents`` (querysets),
    ``can_read_document`` (one document) and the search engine's filter read it.
    """
    if is_editor(user):
        return None
    grants = [(DOCUMENT_PUBLIC, None)]
    if can_read_shared_data(user):
        grants.append((DOCUMENT_PARTICIPATING, None))
    own_country = country_of(user)
    if own_country is not None:
        grants += [(DOCUMENT_PARTICIPATING, own_country), (DOCUMENT_NATIONAL, own_country)]
    return grants


def can_read_document(user, visibility, country):
    """A library document and its file, by ``document_reading_grants``."""
    grants = document_reading_grants(user)
    return grants is None or any(
        granted == visibility and (where is None or (country is not None and where.pk == country.pk))
        for granted, where in grants
    )


def readable_documents(user, documents):
    """The rows of ``documents`` (a queryset with ``visibility`` and ``country``) ``user`` may read.

    Use it before counting or paginating, so that a listing never reveals what it hides.
    """
    from django.db.models import Q

    grants = document_reading_grants(user)
    if grants is None:
        return documents
    readable = Q()
    for visibility, country in grants:
        readable |= Q(visibility=visibility) if country is None else Q(visibility=visibility, country=country)
    return documents.filter(readable)
