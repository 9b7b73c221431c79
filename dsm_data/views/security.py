"""The security pages: the overview, enrolment of an authenticator app, the sign-in code, the backup codes.

``SecondFactorMiddleware`` sends a signed-in user here (enrolment or verification)
until they have passed their second factor; ``next`` is carried through each step.
"""

from urllib.parse import urlencode

import django_otp
import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from .. import permissions
from ..security_forms import AppCodeForm, VerificationForm
from ..selectors.security import backup_codes_left, has_app, has_second_factor
from ..services import second_factor


def next_url(request):
    """Where to go once the step is done: a ``next`` of this site, or the account page."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def step_redirect(view_name, next_to):
    return HttpResponseRedirect(f"{reverse(view_name)}?{urlencode({'next': next_to})}")


def refusal(check, wrong_code_message):
    """The message for a code that was not accepted: too many tries (wait), or a wrong code."""
    if check.retry_at is not None:
        seconds = max(1, int((check.retry_at - timezone.now()).total_seconds()) + 1)
        return ngettext(
            "Too many wrong codes in a row. Wait %(seconds)d second, then try again.",
            "Too many wrong codes in a row. Wait %(seconds)d seconds, then try again.",
            seconds,
        ) % {"seconds": seconds}
    return wrong_code_message


def qr_code_svg(device):
    """The app's set-up link as a QR code, an inline SVG drawn here (no outside service)."""
    return mark_safe(segno.make(device.config_url, error="m").svg_inline(scale=4, dark="#000", light="#fff"))  # noqa: S308


def sign_in_with(request, device):
    """The session now counts as verified by ``device`` (a new session key, as at sign-in)."""
    request.session.cycle_key()
    django_otp.login(request, device)


@login_required
def overview(request):
    user = request.user
    context = {
        "has_second_factor": has_second_factor(user),
        "has_app": has_app(user),
        "required": permissions.second_factor_required(user),
        "backup_codes_left": backup_codes_left(user),
    }
    return render(request, "dsm_data/security/overview.html", context)


@never_cache
@login_required
def enrol(request):
    """Set up an authenticator app: scan the QR code (or type the key), then enter its first code."""
    user, next_to = request.user, next_url(request)
    already_set = has_second_factor(user)
    if already_set and not user.is_verified():
        return step_redirect("dsm_security:verify", request.get_full_path())  # replacing it needs it first
    device = second_factor.pending_app(user)
    form = AppCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        check = second_factor.confirm_app(user, device, form.cleaned_data["code"])
        if check.accepted:
            sign_in_with(request, check.device)
            codes = second_factor.make_backup_codes(user)
            return render(request, "dsm_data/security/backup_codes_made.html", {"codes": codes, "next": next_to})
        wrong = _("This code does not match. Check that the app shows this portal's code and your phone's clock.")
        form.add_error("code", refusal(check, wrong))
    context = {
        "form": form,
        "next": next_to,
        "replacing": already_set,
        "qr_code": qr_code_svg(device),
        "secret": second_factor.app_secret(device),
    }
    return render(request, "dsm_data/security/enrol.html", context)


@never_cache
@login_required
def verify(request):
    """The sign-in's second step: a code from the app, or a backup code (each works once)."""
    user, next_to = request.user, next_url(request)
    if user.is_verified():
        return HttpResponseRedirect(next_to)
    if not has_second_factor(user):
        return step_redirect("dsm_security:enrol", next_to)
    form = VerificationForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        check = second_factor.verify(user, form.cleaned_data["code"])
        if check.accepted:
            sign_in_with(request, check.device)
            return HttpResponseRedirect(next_to)
        wrong = _("This code is not valid. Enter the code your app shows now, or one of your unused backup codes.")
        form.add_error("code", refusal(check, wrong))
    return render(request, "dsm_data/security/verify.html", {"form": form, "next": next_to})


@never_cache
@login_required
def backup_codes(request):
    """How many backup codes are left; new ones on request (shown once, the old ones stop working)."""
    user = request.user
    if not has_app(user):
        messages.info(request, _("Set up an authenticator app first; backup codes come with it."))
        return step_redirect("dsm_security:enrol", reverse("dsm_security:backup_codes"))
    if not user.is_verified():
        return step_redirect("dsm_security:verify", reverse("dsm_security:backup_codes"))
    if request.method == "POST":
        codes = second_factor.make_backup_codes(user)
        context = {"codes": codes, "next": reverse("dsm_security:overview")}
        return render(request, "dsm_data/security/backup_codes_made.html", context)
    return render(request, "dsm_data/security/backup_codes.html", {"backup_codes_left": backup_codes_left(user)})
