"""Indicator proposals (the exchange app): who reads, proposes, comments, supports and decides. Written
against field names and attributes only, so that dsm_data imports nothing of the app above it.

The rule, once:
- reading (the list, a proposal, its history): the officials of the participating states, whatever
  their role, and the system administrators — an indicator proposed concerns every state that would
  report it, and nothing in a proposal is one state's own data;
- proposing: the country administrators of a participating state;
- commenting: the country administrators of the participating states, the proposing state's included
  (the proposer answers the questions asked), and the system administrators (the secretariat asks
  before it decides);
- supporting: the country administrators of the *other* participating states, once per state. The
  proposing state does not support its own proposal: proposing it is its support, and counting it
  would tell the secretariat nothing;
- deciding (approve, or decline with a reason): the system administrators, the secretariat.
Comments, supports and decisions are taken on open proposals only.
"""

from django.utils.translation import gettext as _

from ..models import Role
from .refusals import Refusal
from .roles import can_read_shared_data, country_of, is_system_admin

OPEN = "open"  # exchange.models.ProposalStatus.OPEN
PROPOSAL_COMMENT, PROPOSAL_SUPPORT, PROPOSAL_APPROVE, PROPOSAL_DECLINE = "comment", "support", "approve", "decline"


def can_read_proposals(user):
    """The participating states' officials and the system administrators read every proposal."""
    return can_read_shared_data(user)


def _participating_administrator(user):
    own_country = country_of(user)
    return bool(own_country and own_country.is_participating and user.role == Role.COUNTRY_ADMIN)


def can_propose_indicator(user):
    """A country administrator of a participating state proposes for their state."""
    return _participating_administrator(user)


def can_decide_proposals(user):
    """The secretariat approves or declines."""
    return is_system_admin(user)


def proposal_refusal(user, proposal, step):
    """Why ``user`` may not take ``step`` (PROPOSAL_*) with ``proposal`` now; None when they may."""
    if not can_read_proposals(user):
        return Refusal(_("You may not act on this proposal."), forbidden=True)
    if step == PROPOSAL_COMMENT:
        allowed = is_system_admin(user) or _participating_administrator(user)
    elif step == PROPOSAL_SUPPORT:
        allowed = _participating_administrator(user) and country_of(user).pk != proposal.country_id
    else:
        allowed = can_decide_proposals(user)
    if not allowed:
        return Refusal(_("You may not act on this proposal."), forbidden=True)
    if proposal.status != OPEN:
        return Refusal(_("This proposal has been decided."))
    if step == PROPOSAL_SUPPORT and proposal.supports.filter(country=country_of(user)).exists():
        return Refusal(_("%(state)s already supports this proposal.") % {"state": country_of(user)})
    return None
