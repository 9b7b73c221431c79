"""Every rule about who may read or change what, in one place.

Views, the Wagtail admin, search, exports and the API all ask these functions;
none of them compares roles or countries itself. A decision that depends on the
moment too (may this user enter figures into this submission now, through this
channel?) is one function that returns the reason for a refusal, or None: the
page shows what it allows, and the action calls the same function (``enforce``)
before it writes, in the manner of Wagtail's actions (check, then execute).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext as _
from django_otp import user_has_device

from .intake.problems import Rejected
from .models import COUNTRY_ROLES, Channel, Confidentiality, Role, Status
from .selectors.periods import period_is_open
from .selectors.revisions import figure_changers_since_return
from .translation import translated


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


def manageable_users(user, users):
    """The rows of ``users`` (a queryset) that ``user`` may see and manage on the users' pages.

    A country administrator: their own country's national users, never another
    country's, editors or system administrators. System administrators: everyone.
    """
    if is_system_admin(user):
        return users
    own_country = country_of(user)
    if own_country is None or user.role != Role.COUNTRY_ADMIN:
        return users.none()
    return users.filter(country=own_country, role__in=COUNTRY_ROLES)


def assignable_roles(user, country):
    """The roles ``user`` may give in ``country`` (None: the roles without a country)."""
    if is_system_admin(user):
        return list(COUNTRY_ROLES) if country is not None else [Role.EDITOR, Role.SYSTEM_ADMIN]
    if country is not None and can_manage_users_of(user, country):
        return list(COUNTRY_ROLES)  # never above country administrator
    return []


def account_refusal(actor, target, *, role=None, active=None):
    """Why ``actor`` may not manage ``target``'s account this way now; None when they may.

    ``target`` may be unsaved (an invitation, its role and country set). ``role``: the
    role it would get; ``active``: False to deactivate, True to reactivate. A country
    keeps at least one active country administrator.
    """
    country = target.country if target.role in COUNTRY_ROLES else None
    if target.pk is None:
        allowed = (role or target.role) in assignable_roles(actor, country)
    else:
        allowed = manageable_users(actor, type(target).objects.filter(pk=target.pk)).exists()
    if not allowed:
        return Refusal(_("You may not manage this account."), forbidden=True)
    if role is not None and role not in assignable_roles(actor, country):
        return Refusal(_("You may not give the role “%(role)s”.") % {"role": Role(role).label}, forbidden=True)
    if active is False and target.pk == actor.pk:
        return Refusal(_("You cannot deactivate your own account."))
    leaves_role = (role is not None and role != Role.COUNTRY_ADMIN) or active is False
    if target.pk and target.is_active and target.role == Role.COUNTRY_ADMIN and leaves_role:
        return _last_country_admin_refusal(target)
    return None


def _last_country_admin_refusal(target):
    others = type(target).objects.filter(country=target.country, role=Role.COUNTRY_ADMIN, is_active=True)
    if others.exclude(pk=target.pk).exists():
        return None
    return Refusal(
        _("%(user)s is the last country administrator of %(country)s: name another one first.")
        % {"user": target.get_full_name() or target.username, "country": translated(target.country.name)}
    )


def role_change_refusal(actor, target, *, role, country):
    """``account_refusal`` for ``role`` in ``country`` (None: no country); only system administrators move one."""
    refusal = account_refusal(actor, target) or account_refusal(actor, type(target)(role=role, country=country))
    leaves = target.role == Role.COUNTRY_ADMIN and (role != Role.COUNTRY_ADMIN or country != target.country)
    return refusal or (_last_country_admin_refusal(target) if leaves and target.is_active else None)


def second_factor_required(user):
    """Whether ``user`` must set up a second factor: the roles of DSM_TWO_FACTOR_ROLES."""
    if not user.is_authenticated:
        return False
    role = Role.SYSTEM_ADMIN if is_system_admin(user) else user.role
    return bool(role and role in settings.DSM_TWO_FACTOR_ROLES)


def second_factor_needed(user):
    """Whether ``user``'s sign-in must be verified with a second factor.

    Those who must have one (``second_factor_required``), and anyone who set one up
    of their own accord: a factor that sign-in did not ask for would protect nothing.
    """
    return second_factor_required(user) or bool(user.is_authenticated and user_has_device(user))


def can_read_audit(user):
    """The audit trail's page: system administrators (everything) and country administrators (their country)."""
    return is_system_admin(user) or (country_of(user) is not None and user.role == Role.COUNTRY_ADMIN)


def readable_audit_entries(user, entries):
    """The rows of ``entries`` (AuditEntry) that ``user`` may read; see ``can_read_audit``."""
    if is_system_admin(user):
        return entries
    if not can_read_audit(user):
        return entries.none()
    return entries.filter(country=country_of(user))


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
    grants = document_reading_grants(user)
    if grants is None:
        return documents
    readable = Q()
    for visibility, country in grants:
        readable |= Q(visibility=visibility) if country is None else Q(visibility=visibility, country=country)
    return documents.filter(readable)


# Entering figures and moving submissions through the workflow -----------------------


@dataclass(frozen=True)
class Refusal:
    """Why an action is refused, in the reader's language.

    ``forbidden``: the user holds no such right at all (the action answers
    PermissionDenied); otherwise the right is there but not now (a closed period, a
    submission already submitted), and the message says so on the page and from the action.
    """

    message: str
    forbidden: bool = False


def enforce(refusal):
    """What an action does with a refusal before it writes anything: raise it, or pass when there is none."""
    if refusal is None:
        return
    if refusal.forbidden:
        raise PermissionDenied(refusal.message)
    raise Rejected.because(refusal.message)


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


def entry_refusal(submission, user, channel, today=None):
    """Why ``user`` may not enter figures into ``submission`` through ``channel`` now; None when they may.

    ``submission`` may be unsaved: the draft an upload would open. Paper forms are
    keyed in by the country's administrators; the form, Excel, long tables and the API
    are the focal points'. The period's lock holds countries to the calendar; the
    secretariat (system administrators) loads past years through it on every channel.
    """
    country, period = submission.country, submission.period
    names = {"country": translated(country.name), "period": period.code}
    allowed = can_key_in_paper_for(user, country) if channel == Channel.PAPER else can_submit_data_for(user, country)
    if not allowed:
        return Refusal(_("You may not enter figures for %(country)s.") % names, forbidden=True)
    if not submission.is_editable:
        return Refusal(
            _("The submission of %(country)s for %(period)s is %(status)s: it cannot be changed.")
            % {**names, "status": submission.get_status_display()}
        )
    if not is_system_admin(user) and not period_is_open(period, country, today):
        return Refusal(
            _("The period %(period)s closed for entry on %(date)s. Ask the secretariat for an exception.")
            % {"period": period.code, "date": period.locks_on}
        )
    return None


# The workflow's steps, as the submission page names its buttons and the URL its actions.
SUBMIT, RETURN, VALIDATE, UNVALIDATE, PUBLISH = "submit", "return", "validate", "unvalidate", "publish"
WORKFLOW_STEPS = (SUBMIT, RETURN, VALIDATE, UNVALIDATE, PUBLISH)
# The state each step starts from; submitting is entering (``entry_refusal``).
STEP_FROM = {
    RETURN: Status.SUBMITTED,
    VALIDATE: Status.SUBMITTED,
    UNVALIDATE: Status.VALIDATED,
    PUBLISH: Status.VALIDATED,
}


def validates_own_figures(submission, user):
    """Whether DSM_VALIDATION_BY_SECOND_PERSON is on and ``user`` changed figures since the last return."""
    return settings.DSM_VALIDATION_BY_SECOND_PERSON and user.pk in figure_changers_since_return(submission)


def workflow_refusal(submission, user, step):
    """Why ``user`` may not take ``step`` (one of WORKFLOW_STEPS) with ``submission`` now; None when they may.

    The focal points submit; the country's administrators return, validate (others' changes only:
    ``validates_own_figures``) and reopen; the secretariat publishes, and validates its history loads.
    """
    if step == SUBMIT:
        return entry_refusal(submission, user, Channel.FORM)
    allowed = can_publish(user) if step == PUBLISH else can_validate_data_for(user, submission.country)
    if not allowed:
        return Refusal(_("You may not do this with this submission."), forbidden=True)
    if submission.status != STEP_FROM[step]:
        if step == PUBLISH:
            return Refusal(_("Only a validated submission can be published."))
        status = {"status": submission.get_status_display()}
        return Refusal(_("This submission is %(status)s: it cannot be changed.") % status)
    if step == VALIDATE and not is_system_admin(user) and validates_own_figures(submission, user):
        message = _("You changed figures since the last return: another administrator of %(country)s validates them.")
        return Refusal(message % {"country": translated(submission.country.name)})
    return None


def correction_refusal(value, user):
    """Why ``user`` may not correct a published ``value``; None when they may (its country's administrators)."""
    if not can_correct_data_for(user, value.submission.country):
        return Refusal(_("You may not correct these figures."), forbidden=True)
    if value.submission.status != Status.PUBLISHED:
        return Refusal(_("Only published values are corrected; change the draft instead."))
    return None
