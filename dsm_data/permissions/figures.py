"""Reading figures, entering them, and moving submissions through the workflow."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from ..models import Channel, Confidentiality, Status
from ..selectors.periods import period_is_open
from ..selectors.revisions import figure_changers_since_return
from ..translation import translated
from .refusals import Refusal
from .roles import (
    belongs_to,
    can_correct_data_for,
    can_key_in_paper_for,
    can_publish,
    can_read_shared_data,
    can_submit_data_for,
    can_use_submissions,
    can_validate_data_for,
    country_of,
    is_system_admin,
)


def can_read_value(user, value, now):
    """A value's page: readers of its submission, or anyone who may see it published."""
    return (
        can_read_submission(user, value.submission)
        or visible_values(user, type(value).objects.filter(pk=value.pk), now).exists()
    )


def can_read_full_history(user, value):
    """Drafts before publication, and who made each change, stay with the value's own country."""
    return can_read_submission(user, value.submission)


def can_read_submission(user, submission):
    """A submission in any state: its country's users and the system administrators."""
    return is_system_admin(user) or belongs_to(user, submission.country)


def can_read_delivery(user, delivery):
    """An uploaded file and its receipt: whoever sent it, its country's users, the system administrators."""
    if is_system_admin(user) or delivery.sender_id == user.pk:
        return True
    return delivery.country is not None and belongs_to(user, delivery.country)


def can_complete_delivery(user, delivery):
    """Mapping, previewing, confirming or discarding an upload not yet stored: its sender alone, while they
    may still send figures (an account deactivated or moved meanwhile leaves it to be sent again)."""
    return delivery.sender_id == user.pk and can_use_submissions(user)


def is_public_figure(*, confidentiality, released_at, now):
    """Whether a published figure is the public's now (public, and released): what anyone may pass on.
    The same test as the public's part of ``visible_values``."""
    return confidentiality == Confidentiality.PUBLIC and released_at is not None and released_at <= now


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


def sees_public_figures_only(user):
    """Whether ``visible_values`` gives ``user`` only public figures already released (an anonymous
    reader, or one with no country and no right to shared data): then nothing they export is restricted,
    and the audit trail need not read the figures to know it."""
    return not is_system_admin(user) and not can_read_shared_data(user) and country_of(user) is None


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
            % {**names, "status": submission.get_status_display().lower()}
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
        status = {"status": submission.get_status_display().lower()}
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


def upload_refusal(submission, user, channel=Channel.EXCEL, today=None):
    """Why ``user`` may not load a file's figures into ``submission`` (maybe unsaved); None when they may.

    A draft or returned submission takes a file as any entry (``entry_refusal``). A
    published one takes corrections from a file: from the secretariat for every country,
    from a country's administrators for their own (``can_correct_data_for``); the services
    then ask a reason for each figure it changes.
    """
    if submission.pk and submission.status == Status.PUBLISHED:
        if not can_correct_data_for(user, submission.country):
            return Refusal(
                _("The figures of %(country)s for %(period)s are published: only its country administrators "
                  "and the secretariat correct them.")
                % {"country": translated(submission.country.name), "period": submission.period.code},
                forbidden=True,
            )  # fmt: skip
        return None
    return entry_refusal(submission, user, channel, today)


# Steps taken on many submissions at once from the submissions list: name -> the steps, in order.
BULK_ACTIONS = {
    "submit": (SUBMIT,),
    "validate": (VALIDATE,),
    "publish": (PUBLISH,),
    "submit_validate_publish": (SUBMIT, VALIDATE, PUBLISH),
}


def _may_ever_take(user, step):
    """Whether ``user``'s role takes ``step`` for some submission at all (each one is still asked in turn)."""
    if is_system_admin(user):
        return True
    country = country_of(user)
    if country is None:
        return False
    if step == SUBMIT:
        return can_submit_data_for(user, country)
    if step == PUBLISH:
        return can_publish(user)
    return can_validate_data_for(user, country)


def bulk_actions_for(user):
    """The names of BULK_ACTIONS offered to ``user``; each submission is then checked by ``workflow_refusal``."""
    return [name for name, steps in BULK_ACTIONS.items() if all(_may_ever_take(user, step) for step in steps)]


def can_add_indicator_to_submissions(user):
    """Adding an indicator to submissions it was not part of (a new one, to past periods): the secretariat."""
    return is_system_admin(user)


def can_manage_calendar(user):
    """Creating periods, past years' included: the secretariat."""
    return is_system_admin(user)


def can_use_table_mappings(user):
    """Reading and applying saved mappings: whoever uploads figures."""
    return can_use_submissions(user)


def can_change_table_mapping(user, mapping):
    """Changing or deleting a saved mapping: whoever saved it, and the secretariat."""
    return is_system_admin(user) or (mapping.created_by_id == user.pk and can_use_table_mappings(user))
