"""Password change and reset: Django's views, with the audit trail, a throttle and the mail sent by a task."""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils import timezone, translation

from ..request_context import client_address
from ..security_forms import ResetRequestForm
from ..selectors.security import PASSWORD_RESET_REQUESTED, password_reset_requests
from ..services import audit
from ..tasks import send_password_reset_mail


class PasswordResetView(auth_views.PasswordResetView):
    """Asks for a reset link; the same "sent" page whether the address has an account or not.

    At most settings.DSM_PASSWORD_RESET_PER_HOUR requests an hour per e-mail and per
    address are taken (counted in the audit trail); beyond that nothing is sent. The
    mail goes out through the task queue once the request's transaction commits, so
    the view itself neither looks the address up for sending nor talks to a mail server.
    """

    form_class = ResetRequestForm

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        address = client_address(self.request)
        since = timezone.now() - timedelta(hours=1)
        limit = settings.DSM_PASSWORD_RESET_PER_HOUR
        if max(password_reset_requests(since=since, email=email, address=address)) < limit:
            audit.record(PASSWORD_RESET_REQUESTED, label=email, data={"email": email})
            send = partial(
                send_password_reset_mail.enqueue,
                email,
                domain=get_current_site(self.request).domain,
                use_https=self.request.is_secure(),
                language=translation.get_language(),
            )
            transaction.on_commit(send)
        return HttpResponseRedirect(self.get_success_url())


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change: the changer's session stays, every other session of the account ends."""

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record("dsm.password_changed", user=self.request.user, instance=self.request.user, data={"how": "change"})
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's new password from a reset link; the account's open sessions end with the old password."""

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record("dsm.password_changed", user=form.user, instance=form.user, data={"how": "reset"})
        return response
