"""The account's page of personal API tokens: make one (its key shown once), see each one's last use, revoke."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dsm_data import permissions

from .forms import TokenForm
from .models import ApiToken
from .services import tokens as token_services


def use_the_api(request):
    """How to read the API, with curl and Python, in the reader's language."""
    return render(request, "api/use_the_api.html", {"base": request.build_absolute_uri("/").rstrip("/")})


@login_required
def tokens(request):
    if not permissions.can_make_tokens(request.user):
        raise PermissionDenied
    form, new_key = TokenForm(user=request.user), None
    if request.method == "POST":
        form = TokenForm(request.POST, user=request.user)
        if form.is_valid():
            days = form.cleaned_data["lifetime"]
            expires_at = timezone.now() + timedelta(days=int(days)) if days else None
            _token, new_key = token_services.create_token(
                request.user, name=form.cleaned_data["name"], expires_at=expires_at
            )
            form = TokenForm(user=request.user)
    return render(
        request,
        "api/tokens.html",
        {"form": form, "new_key": new_key, "tokens": ApiToken.objects.filter(user=request.user)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk)
    if permissions.token_refusal(token, request.user):
        raise Http404  # another's token: not even whether it exists
    token_services.revoke_token(token, user=request.user)
    messages.success(request, _("The token “%(name)s” is revoked: it no longer opens the API.") % {"name": token.name})
    return redirect("api_tokens:list")
