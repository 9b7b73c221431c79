"""Reads of the indicator proposals: a reader's list (open first), the secretariat's waiting ones, a proposal's
history and its breakdowns as they would be."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext as _

from dsm_data import permissions
from dsm_data.models import Dimension, Frequency
from dsm_data.translation import translated

from ..models import IndicatorProposal, ProposalStatus


def proposals_for(user, *, status=None):
    """The proposals ``user`` may read (none, or all of them), the open ones first, then the newest."""
    if not permissions.can_read_proposals(user):
        return IndicatorProposal.objects.none()
    proposals = IndicatorProposal.objects.all()
    if status:
        proposals = proposals.filter(status=status)
    open_first = Case(When(status=ProposalStatus.OPEN, then=Value(0)), default=Value(1), output_field=IntegerField())
    return proposals.select_related("country", "proposer").order_by(open_first, "-created_at", "-pk")


def open_proposals_for(user):
    """The proposals waiting for ``user``'s decision: every open one for the secretariat, none for anyone else."""
    if not permissions.can_decide_proposals(user):
        return IndicatorProposal.objects.none()
    return IndicatorProposal.objects.filter(status=ProposalStatus.OPEN).order_by("created_at", "pk")


@dataclass(frozen=True)
class Event:
    """One step of a proposal's history: what, when, by whom and for which side, with its text if any."""

    what: str
    at: datetime
    who: object
    side: str = ""  # the person's state, or the secretariat
    text: str = ""


def _side(user, country):
    if country is not None:
        return str(country)
    return _("the secretariat") if permissions.is_system_admin(user) else ""


def proposal_history(proposal):
    """The proposal, its comments, supports and decision, in the order they happened."""
    events = [Event(_("Proposed"), proposal.created_at, proposal.proposer, str(proposal.country), proposal.explanation)]
    events += [
        Event(_("Comment"), comment.created_at, comment.author, _side(comment.author, comment.country), comment.body)
        for comment in proposal.comments.select_related("author", "country")
    ]
    events += [
        Event(_("Support"), support.created_at, support.user, str(support.country))
        for support in proposal.supports.select_related("user", "country")
    ]
    if proposal.decided_at:
        decider = proposal.decided_by
        events.append(
            Event(proposal.get_status_display(), proposal.decided_at, decider, _("the secretariat"), proposal.reason)
        )
    return sorted(events, key=lambda event: event.at)


TEXT_FIELDS = IndicatorProposal.TEXT_FIELDS


def proposal_texts(proposal):
    """(language code, language name, name, definition, unit) for each language of the portal."""
    return [
        (code, language_name, *((getattr(proposal, field) or {}).get(code, "") for field in TEXT_FIELDS))
        for code, language_name in settings.LANGUAGES
    ]


def frequency_labels(proposal):
    return [str(Frequency(value).label) for value in proposal.frequencies if value in Frequency.values]


@dataclass(frozen=True)
class Breakdown:
    code: str
    name: str
    categories: list
    is_new: bool


def proposed_breakdowns(proposal):
    """The indicator's breakdowns as the proposal has them, named in the active language."""
    existing = Dimension.objects.filter(code__in=proposal.dimension_codes).prefetch_related("categories")
    by_code = {dimension.code: dimension for dimension in existing}
    breakdowns = [
        Breakdown(code, str(by_code[code]), [str(category) for category in by_code[code].categories.all()], False)
        for code in proposal.dimension_codes
        if code in by_code
    ]
    breakdowns += [
        Breakdown(
            new["code"],
            translated(new["name"]),
            [f"{category['code']}: {translated(category['name'])}" for category in new["categories"]],
            True,
        )
        for new in proposal.new_dimensions
    ]
    return breakdowns
