"""The indicator proposals' pages: the list, a new proposal (or a change to an indicator), and a proposal
with its history and the forms its reader may use. Every right is asked of dsm_data.permissions.proposals,
every write goes through exchange.services.proposals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dsm_data import permissions
from dsm_data.intake.problems import Rejected
from dsm_data.models import Indicator

from .. import selectors
from ..forms.proposals import CommentForm, DeclineForm, ProposalForm, StatusFilter
from ..models import IndicatorProposal
from ..services import proposals as services


def _readable(user, pk):
    if not permissions.can_read_proposals(user):
        raise PermissionDenied
    return get_object_or_404(IndicatorProposal.objects.select_related("country", "proposer", "indicator"), pk=pk)


@login_required
def proposal_list(request):
    if not permissions.can_read_proposals(request.user):
        raise PermissionDenied
    status_filter = StatusFilter(request.GET)
    status = status_filter.cleaned_data["status"] if status_filter.is_valid() else ""
    context = {
        "proposals": selectors.proposals_for(request.user, status=status)[:200],
        "status_filter": status_filter,
        "can_propose": permissions.can_propose_indicator(request.user),
    }
    return render(request, "exchange/proposal_list.html", context)


@login_required
def proposal_new(request):
    """A new indicator, or with ``?indicator=CODE`` a change to that one (its form starts from what it is)."""
    if not permissions.can_propose_indicator(request.user):
        raise PermissionDenied
    code = request.GET.get("indicator", "")
    indicator = get_object_or_404(Indicator, code=code) if code else None
    form = ProposalForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.propose(request.user, **form.proposal_fields())
        except Rejected as rejected:
            for problem in rejected.problems:
                form.add_error(None, str(problem))
        else:
            messages.success(request, _("Your proposal was sent to the secretariat and the other states."))
            return redirect("proposals:detail", proposal.pk)
    context = {"form": form, "indicator": indicator, "indicators": Indicator.objects.all()}
    return render(request, "exchange/proposal_new.html", context)


@login_required
def proposal_detail(request, pk):
    proposal = _readable(request.user, pk)
    user = request.user

    def allowed(step):
        return permissions.proposal_refusal(user, proposal, step) is None

    context = {
        "proposal": proposal,
        "history": selectors.proposal_history(proposal),
        "breakdowns": selectors.proposed_breakdowns(proposal),
        "texts": selectors.proposal_texts(proposal),
        "frequencies": selectors.frequency_labels(proposal),
        "supporting_states": [support.country for support in proposal.supports.select_related("country")],
        "comment_form": CommentForm() if allowed(permissions.PROPOSAL_COMMENT) else None,
        "can_support": allowed(permissions.PROPOSAL_SUPPORT),
        "can_approve": allowed(permissions.PROPOSAL_APPROVE),
        "decline_form": DeclineForm() if allowed(permissions.PROPOSAL_DECLINE) else None,
    }
    return render(request, "exchange/proposal_detail.html", context)


def _act(request, pk, act, success):
    """Run ``act(proposal)`` (a service call); its refusal is shown on the proposal's page."""
    proposal = _readable(request.user, pk)
    try:
        act(proposal)
    except Rejected as rejected:
        for problem in rejected.problems:
            messages.error(request, str(problem))
    else:
        messages.success(request, success)
    return redirect("proposals:detail", proposal.pk)


@login_required
@require_POST
def proposal_comment(request, pk):
    form = CommentForm(request.POST)
    body = form.cleaned_data["body"] if form.is_valid() else ""
    return _act(
        request, pk, lambda proposal: services.comment(proposal, user=request.user, body=body),
        _("Your comment was added."),
    )  # fmt: skip


@login_required
@require_POST
def proposal_support(request, pk):
    return _act(
        request, pk, lambda proposal: services.support(proposal, user=request.user),
        _("Your state supports this proposal."),
    )  # fmt: skip


@login_required
@require_POST
def proposal_approve(request, pk):
    return _act(
        request, pk, lambda proposal: services.approve(proposal, user=request.user),
        _("The proposal is approved: the indicator is in the catalogue and in the open submissions."),
    )  # fmt: skip


@login_required
@require_POST
def proposal_decline(request, pk):
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _act(
        request, pk, lambda proposal: services.decline(proposal, user=request.user, reason=reason),
        _("The proposal is declined."),
    )  # fmt: skip
