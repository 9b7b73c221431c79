"""The signed-in user's own page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .. import permissions
from ..selectors.security import has_second_factor


@login_required
def account(request):
    """The signed-in user's own page: who they are, for which country, in which role, with which second factor."""
    user = request.user
    return render(
        request,
        "dsm_data/account.html",
        {
            "country": permissions.country_of(user),
            "role_label": user.get_role_display(),
            "can_use_admin": user.has_perm("wagtailadmin.access_admin"),
            "has_second_factor": has_second_factor(user),
        },
    )
