"""The users' administration: invitations, roles, deactivation, second factors and lockouts.

Each function checks its rule in ``permissions`` (``enforce``), writes, and records
its event in the audit trail, in one transaction; the invitation's e-mail goes once
that transaction commits.
"""

from datetime import timedelta
from functools import partial
from importlib import import_module

from axes.utils import reset as reset_lockout
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_otp import device_classes

from .. import permissions
from ..intake.problems import Rejected
from ..models import User
from ..selectors.accounts import invitation_pending
from .accounts import assign_role
from .audit import record

# The session stores whose sessions are rows of django.contrib.sessions' table.
DATABASE_SESSION_ENGINES = ("django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db")


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """The token of an invitation's link: valid for DSM_INVITATION_DAYS days, and once.

    It hashes the password (unusable until the invitee chooses one, and made unusable
    afresh by each new invitation, with a new random marker), so choosing a password or
    a newer invitation ends it; a deactivated account's link does not work.
    """

    key_salt = "dsm_data.services.users.InvitationTokenGenerator"

    def check_token(self, user, token):
        if not (user and user.is_active and token) or token.count("-") != 1:
            return False
        try:
            timestamp = base36_to_int(token.split("-")[0])
        except ValueError:
            return False
        age = timedelta(seconds=self._num_seconds(self._now()) - timestamp)
        if age > timedelta(days=settings.DSM_INVITATION_DAYS):
            return False
        return any(
            constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        )


invitation_tokens = InvitationTokenGenerator()


def invitation_link(user):
    """The address that lets ``user`` choose their password, in their language."""
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    with translation.override(user.language):
        path = reverse("dsm_user:accept", kwargs={"uidb64": uidb64, "token": invitation_tokens.make_token(user)})
    return settings.DSM_BASE_URL + path


def send_invitation(user, *, inviter):
    """The invitation e-mail, in the invitee's language, sent once the transaction commits."""
    context = {
        "user": user,
        "inviter": inviter,
        "link": invitation_link(user),
        "days": settings.DSM_INVITATION_DAYS,
        "base_url": settings.DSM_BASE_URL,
    }
    with translation.override(user.language):
        subject = render_to_string("dsm_data/email/invitation_subject.txt", context).strip()
        body = render_to_string("dsm_data/email/invitation_body.txt", context)
    transaction.on_commit(partial(send_mail, subject, body, None, [user.email]), robust=True)


@transaction.atomic
def invite(actor, *, email, role, country=None, language=None, username="", first_name="", last_name=""):
    """Create the account of ``email`` with ``role`` (in ``country``), unable to sign in until the invitee
    chooses a password through the e-mailed link."""
    user = User(
        username=username or email,
        email=email,
        first_name=first_name,
        last_name=last_name,
        role=role,
        country=country,
        language=language or settings.LANGUAGE_CODE,
    )
    permissions.enforce(permissions.account_refusal(actor, user, role=role))
    user.set_unusable_password()
    user.save()
    assign_role(user, role, country)
    record("dsm.invited", user=actor, instance=user, country=country, data={"role": role})
    send_invitation(user, inviter=actor)
    return user


@transaction.atomic
def resend_invitation(actor, user):
    """A new link for an invitation not yet accepted; the older links stop working."""
    permissions.enforce(permissions.account_refusal(actor, user))
    if not invitation_pending(user):
        raise Rejected.because(_("%(user)s has already accepted the invitation.") % {"user": user.get_username()})
    if not user.is_active:
        raise Rejected.because(
            _("%(user)s is deactivated: reactivate the account first.") % {"user": user.get_username()}
        )
    user.set_unusable_password()  # a new random marker: the older links' hash no longer matches
    user.save(update_fields=["password"])
    record("dsm.invitation_resent", user=actor, instance=user)
    send_invitation(user, inviter=actor)


@transaction.atomic
def accept_invitation(user, *, password):
    """The invitee's chosen password (the link's token checked by the caller); the link now stops working."""
    user.set_password(password)
    user.save(update_fields=["password"])
    record("dsm.invitation_accepted", user=user, instance=user)


@transaction.atomic
def change_role(actor, user, *, role, country=None):
    """Give ``user`` ``role`` in ``country`` (None for editors and system administrators)."""
    permissions.enforce(permissions.role_change_refusal(actor, user, role=role, country=country))
    if user.role == role and user.country == country:
        raise Rejected.because(_("%(user)s already has this role.") % {"user": user.get_username()})
    change = {"from": user.role, "to": role}
    if user.country != country:
        change.update(from_country=getattr(user.country, "code", ""), to_country=getattr(country, "code", ""))
    assign_role(user, role, country)
    record("dsm.role_changed", user=actor, instance=user, country=country, data=change)


@transaction.atomic
def deactivate(actor, user):
    """``user`` can no longer sign in, and their open sessions end."""
    permissions.enforce(permissions.account_refusal(actor, user, active=False))
    if not user.is_active:
        raise Rejected.because(_("%(user)s is already deactivated.") % {"user": user.get_username()})
    user.is_active = False
    user.save(update_fields=["is_active"])
    end_sessions(user)
    record("dsm.deactivated", user=actor, instance=user)


@transaction.atomic
def reactivate(actor, user):
    permissions.enforce(permissions.account_refusal(actor, user, active=True))
    if user.is_active:
        raise Rejected.because(_("%(user)s is already active.") % {"user": user.get_username()})
    user.is_active = True
    user.save(update_fields=["is_active"])
    record("dsm.reactivated", user=actor, instance=user)


def end_sessions(user):
    """Delete the stored sessions signed in as ``user``.

    With another session store they end on their next request all the same: Django
    refuses an inactive user's session (ModelBackend.get_user).
    """
    if settings.SESSION_ENGINE not in DATABASE_SESSION_ENGINES:
        return
    session_store = import_module(settings.SESSION_ENGINE).SessionStore
    user_id = str(user.pk)
    open_sessions = session_store.get_model_class().objects.filter(expire_date__gt=timezone.now())
    for session in open_sessions.iterator():
        if session.get_decoded().get(SESSION_KEY) == user_id:
            session_store(session_key=session.session_key).delete()


@transaction.atomic
def reset_second_factor(actor, user):
    """Delete ``user``'s second factors (authenticator apps, backup codes): they set up a new one at sign-in."""
    permissions.enforce(permissions.account_refusal(actor, user))
    for model in device_classes():
        model.objects.filter(user=user).delete()
    record("dsm.second_factor_reset", user=actor, instance=user)


@transaction.atomic
def unlock(actor, user):
    """Lift django-axes' lockout of ``user``'s user name, from every address."""
    permissions.enforce(permissions.account_refusal(actor, user))
    attempts = reset_lockout(username=user.get_username())
    record("dsm.unlocked", user=actor, instance=user, data={"attempts": attempts})
