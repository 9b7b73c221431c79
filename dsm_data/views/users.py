"""The users' administration: a country administrator's users, or everyone's for a system administrator.

Permissions decide (``permissions.can_manage_users_of``, ``manageable_users``, the
refusals the services enforce), the selectors read, the services write. Another
country's account is outside ``manageable_users``: its pages answer 404.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import INTERNAL_RESET_SESSION_TOKEN, PasswordResetConfirmView
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .. import permissions
from ..intake.problems import Rejected
from ..models import User
from ..selectors import accounts as selectors
from ..services import users as services
from ..user_forms import InviteForm, RoleAndCountryForm, UserFilterForm

USERS_PER_PAGE = 50


def require_user_manager(request):
    """Refuses (403) anyone who manages no users: only system and country administrators do."""
    if not permissions.can_manage_users_of(request.user, permissions.country_of(request.user)):
        raise PermissionDenied


def managed_user(request, pk):
    """An account the signed-in administrator manages; 404 for any other, another country's too."""
    require_user_manager(request)
    return get_object_or_404(permissions.manageable_users(request.user, User.objects.select_related("country")), pk=pk)


@login_required
def user_list(request):
    require_user_manager(request)
    filters = UserFilterForm(request.GET or None, actor=request.user)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    users = selectors.managed_users(request.user, country=chosen.get("country"), role=chosen.get("role", ""))
    page = Paginator(users, USERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "dsm_data/users/list.html",
        {
            "filters": filters,
            "page": page,
            "rows": selectors.user_rows(page.object_list),
            "country": permissions.country_of(request.user),
            "query_without_page": _query_without_page(request),
        },
    )


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def user_invite(request):
    require_user_manager(request)
    form = InviteForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ("email", "username", "first_name", "last_name")}
        invited = services.invite(
            request.user,
            role=form.cleaned_data["role"],
            country=form.cleaned_data["country"],
            language=form.cleaned_data["language"],
            **fields,
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": invited.email})
        return redirect("dsm_user:detail", invited.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "invitation_days": settings.DSM_INVITATION_DAYS}
    return render(request, "dsm_data/users/invite.html", context, status=status)


def render_user_page(request, target, *, role_form=None, status=200):
    row = selectors.user_rows([target])[0]
    initial = {"role": target.role, "country": target.country}
    return render(
        request,
        "dsm_data/users/detail.html",
        {
            "row": row,
            "target": target,
            "role_form": role_form or RoleAndCountryForm(initial=initial, actor=request.user),
            "deactivate_refusal": permissions.account_refusal(request.user, target, active=False),
        },
        status=status,
    )


@login_required
def user_detail(request, pk):
    return render_user_page(request, managed_user(request, pk))


@login_required
@require_POST
def user_role(request, pk):
    target = managed_user(request, pk)
    form = RoleAndCountryForm(request.POST, actor=request.user)
    if not form.is_valid():
        return render_user_page(request, target, role_form=form, status=400)
    try:
        services.change_role(request.user, target, role=form.cleaned_data["role"], country=form.cleaned_data["country"])
    except Rejected as rejected:
        return refused(request, target, rejected)
    messages.success(request, _("The role is now: %(role)s.") % {"role": target.get_role_display()})
    return redirect("dsm_user:detail", target.pk)


# The account actions without a form: what each does, and what the page says when it is done.
USER_ACTIONS = {
    "deactivate": (services.deactivate, gettext_lazy("Deactivated: the account can no longer sign in.")),
    "reactivate": (services.reactivate, gettext_lazy("Reactivated: the account can sign in again.")),
    "reset_second_factor": (
        services.reset_second_factor,
        gettext_lazy("Second factor reset: a new one is set up at sign-in."),
    ),
    "resend_invitation": (
        services.resend_invitation,
        gettext_lazy("Invitation sent again; the earlier links no longer work."),
    ),
    "unlock": (services.unlock, gettext_lazy("Unlocked: the account can try to sign in again.")),
}


@login_required
@require_POST
def user_action(request, pk, action):
    target = managed_user(request, pk)
    if action not in USER_ACTIONS:
        raise Http404
    act, done = USER_ACTIONS[action]
    try:
        act(request.user, target)
    except Rejected as rejected:
        return refused(request, target, rejected)
    messages.success(request, str(done))
    return redirect("dsm_user:detail", target.pk)


def refused(request, target, rejected):
    """A rule's refusal (the last country administrator, one's own account): the page with its reason, 400."""
    target.refresh_from_db()
    for problem in rejected.problems:
        messages.error(request, str(problem))
    return render_user_page(request, target, status=400)


class AcceptInvitationView(PasswordResetConfirmView):
    """The invitation's link (public): the invitee chooses a password, then signs in."""

    token_generator = services.invitation_tokens
    template_name = "dsm_data/users/accept.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        services.accept_invitation(form.user, password=form.cleaned_data["new_password1"])
        del self.request.session[INTERNAL_RESET_SESSION_TOKEN]
        messages.success(self.request, _("Your password is set: sign in with your user name and your new password."))
        return HttpResponseRedirect(self.get_success_url())


accept_invitation = AcceptInvitationView.as_view()
