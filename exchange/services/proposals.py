"""Indicator proposals: proposed, commented, supported, approved or declined; every step by the rule of
``dsm_data.permissions.proposals``, on the locked row, with an e-mail to each person concerned in their own
language once the transaction commits (``dsm_data.notifications``).

Approval writes the catalogue through ``dsm_data.services.catalogue`` alone (``save_dimension``,
``save_indicator``, which makes the series and joins the open submissions), in the transaction that marks
the proposal approved: either all of it is there, or none.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dsm_data import permissions
from dsm_data.intake.problems import Rejected
from dsm_data.models import TOTAL_CODE, Confidentiality, Dimension, Frequency, Indicator, Role, User
from dsm_data.models.catalogue import code_validator
from dsm_data.notifications import send_in_languages
from dsm_data.services.catalogue import save_dimension, save_indicator

from ..models import IndicatorProposal, ProposalComment, ProposalKind, ProposalStatus, ProposalSupport

TEXT_FIELDS = IndicatorProposal.TEXT_FIELDS


@transaction.atomic
def propose(user, *, indicator=None, code, name, definition, unit, dimension_codes=(), new_dimensions=(),
            frequencies, default_confidentiality, explanation=""):  # fmt: skip
    """A new indicator (``indicator`` None) or a change to ``indicator``, proposed by ``user``'s state.

    ``name``, ``definition`` and ``unit`` are {language: text}; ``dimension_codes`` the existing dimensions
    chosen, in order; ``new_dimensions`` [{"code", "name", "categories": [{"code", "name"}]}], added after them.
    """
    if not permissions.can_propose_indicator(user):
        raise PermissionDenied
    proposal = IndicatorProposal(
        kind=ProposalKind.CHANGE if indicator else ProposalKind.NEW,
        indicator=indicator,
        country=permissions.country_of(user),
        proposer=user,
        code=indicator.code if indicator else code.strip().upper(),
        name=name, definition=definition, unit=unit,
        dimension_codes=list(dimension_codes),
        new_dimensions=list(new_dimensions),
        frequencies=list(frequencies),
        default_confidentiality=default_confidentiality,
        explanation=explanation.strip(),
    )  # fmt: skip
    _check(proposal)
    if IndicatorProposal.objects.filter(code=proposal.code, status=ProposalStatus.OPEN).exists():
        raise Rejected.because(_already_open(proposal.code))
    try:
        with transaction.atomic():
            proposal.save()
    except IntegrityError:  # proposed at the same moment by another state
        raise Rejected.because(_already_open(proposal.code)) from None
    _tell(proposal, _secretariat() | _administrators_of_other_states(proposal), "exchange/email/proposal_made")
    return proposal


@transaction.atomic
def comment(proposal, *, user, body):
    proposal = _locked(proposal)
    permissions.enforce(permissions.proposal_refusal(user, proposal, permissions.PROPOSAL_COMMENT))
    if not body.strip():
        raise Rejected.because(_("Write a comment."))
    made = ProposalComment.objects.create(
        proposal=proposal, author=user, country=permissions.country_of(user), body=body.strip()
    )
    _tell(proposal, User.objects.filter(pk=proposal.proposer_id).exclude(pk=user.pk), "exchange/email/proposal_comment",
          comment=made)  # fmt: skip
    return made


@transaction.atomic
def support(proposal, *, user):
    """``user``'s state backs the proposal; a second support of the same state is refused."""
    proposal = _locked(proposal)
    permissions.enforce(permissions.proposal_refusal(user, proposal, permissions.PROPOSAL_SUPPORT))
    return ProposalSupport.objects.create(proposal=proposal, country=permissions.country_of(user), user=user)


@transaction.atomic
def approve(proposal, *, user):
    """The secretariat approves: the dimensions, the indicator, its series and its rows in the open submissions."""
    proposal = _locked(proposal)
    permissions.enforce(permissions.proposal_refusal(user, proposal, permissions.PROPOSAL_APPROVE))
    _check(proposal)  # the catalogue may have changed since it was proposed
    for dimension in proposal.new_dimensions:
        categories = [(category["code"], category["name"]) for category in dimension["categories"]]
        save_dimension(dimension["code"], dimension["name"], categories)
    fields = {name: getattr(proposal, name) for name in TEXT_FIELDS}
    if proposal.kind == ProposalKind.NEW:
        fields["sort_order"] = (Indicator.objects.aggregate(last=Max("sort_order"))["last"] or 0) + 10
    indicator = save_indicator(
        proposal.code,
        proposal.all_dimension_codes(),
        **fields,
        frequencies=proposal.frequencies,
        default_confidentiality=proposal.default_confidentiality,
    )
    _decide(proposal, user=user, status=ProposalStatus.APPROVED, indicator=indicator)
    return indicator


@transaction.atomic
def decline(proposal, *, user, reason):
    """The secretariat declines, and says why: nothing of the catalogue changes."""
    proposal = _locked(proposal)
    permissions.enforce(permissions.proposal_refusal(user, proposal, permissions.PROPOSAL_DECLINE))
    if not reason.strip():
        raise Rejected.because(_("Say why the proposal is declined."))
    _decide(proposal, user=user, status=ProposalStatus.DECLINED, reason=reason.strip())
    return proposal


def _decide(proposal, *, user, status, reason="", indicator=None):
    proposal.status, proposal.decided_by, proposal.decided_at, proposal.reason = status, user, timezone.now(), reason
    proposal.indicator = indicator or proposal.indicator
    proposal.save(update_fields=["status", "decided_by", "decided_at", "reason", "indicator"])
    supporters = ProposalSupport.objects.filter(proposal=proposal)
    told = (
        User.objects.filter(pk=proposal.proposer_id)
        | User.objects.filter(pk__in=supporters.values("user"))
        | User.objects.filter(is_active=True, role=Role.COUNTRY_ADMIN, country__in=supporters.values("country"))
    )
    _tell(proposal, told.exclude(pk=user.pk).distinct(), "exchange/email/proposal_decided")


def _check(proposal):
    """Every problem of the proposal's content, raised together; the same checks when proposing and approving."""
    problems = [*_code_problems(proposal), *_text_problems(proposal), *_breakdown_problems(proposal)]
    if not proposal.frequencies or not set(proposal.frequencies) <= set(Frequency.values):
        problems.append(_("Choose how often it is collected."))
    if proposal.default_confidentiality not in Confidentiality.values:
        problems.append(_("Choose its default confidentiality."))
    if problems:
        raise Rejected(problems)


def _code_problem(code, max_length):
    """What is wrong with a code of the catalogue (an indicator's, a breakdown's, a category's), or None."""
    if len(code) > max_length:
        return _("The code “%(code)s” is longer than %(limit)s characters.") % {"code": code, "limit": max_length}
    try:
        code_validator(code)
    except ValidationError:
        return _("The code “%(code)s” may hold capital letters, digits and underscores only.") % {"code": code}
    return None


def _code_problems(proposal):
    problem = _code_problem(proposal.code, 40) if proposal.code else _("Give the indicator a code.")
    if problem:
        return [problem]
    if proposal.kind == ProposalKind.NEW and Indicator.objects.filter(code=proposal.code).exists():
        return [_("An indicator with the code “%(code)s” already exists.") % {"code": proposal.code}]
    return []


def _text_problems(proposal):
    """The name, the definition and the unit are given in every language of the portal."""
    labels = {"name": _("The name"), "definition": _("The definition"), "unit": _("The unit of measure")}
    problems = []
    for field_name in TEXT_FIELDS:
        texts = getattr(proposal, field_name) or {}
        for language, _native_name in settings.LANGUAGES:
            if not str(texts.get(language, "")).strip():
                language_name = translation.get_language_info(language)["name_translated"]
                problems.append(
                    _("%(what)s in %(language)s is missing.") % {"what": labels[field_name], "language": language_name}
                )
    return problems


def _breakdown_problems(proposal):
    problems = []
    known = set(Dimension.objects.filter(code__in=proposal.dimension_codes).values_list("code", flat=True))
    problems += [_("There is no breakdown “%(code)s”.") % {"code": code} for code in proposal.dimension_codes
                 if code not in known]  # fmt: skip
    if proposal.kind == ProposalKind.CHANGE:
        # Its figures are keyed by its breakdowns: other breakdowns would leave them out of its grid.
        links = proposal.indicator.indicator_dimensions.select_related("dimension")
        if proposal.all_dimension_codes() != [link.dimension.code for link in links]:
            problems.append(
                _("A change keeps the breakdowns of %(code)s, by which its figures are kept: propose a new indicator "
                  "for other breakdowns.") % {"code": proposal.indicator.code}
            )  # fmt: skip
    new_codes = [dimension["code"] for dimension in proposal.new_dimensions]
    existing = set(Dimension.objects.filter(code__in=new_codes).values_list("code", flat=True))
    for dimension in proposal.new_dimensions:
        problems += _new_dimension_problems(dimension, existing)
    if len(set(new_codes)) != len(new_codes):
        problems.append(_("Each new breakdown needs a code of its own."))
    return problems


def _new_dimension_problems(dimension, existing):
    code = dimension["code"]
    if problem := _code_problem(code, 30):
        return [problem]
    if code in existing:
        return [_("A breakdown “%(code)s” already exists: choose it among the existing ones.") % {"code": code}]
    category_codes = [category["code"] for category in dimension["categories"]]
    problems = []
    if not category_codes:
        problems.append(_("The breakdown “%(code)s” needs at least one category.") % {"code": code})
    problems += [problem for category_code in category_codes if (problem := _code_problem(category_code, 30))]
    if TOTAL_CODE in category_codes or len(set(category_codes)) != len(category_codes):
        problems.append(
            _("The categories of “%(code)s” need codes of their own (the total, %(total)s, is added by itself).")
            % {"code": code, "total": TOTAL_CODE}
        )
    return problems


def _already_open(code):
    return _("A proposal for the code “%(code)s” is already open: comment on it instead.") % {"code": code}


def _locked(proposal):
    return IndicatorProposal.objects.select_for_update().get(pk=proposal.pk)


def _secretariat():
    return User.objects.filter(is_active=True, role=Role.SYSTEM_ADMIN)


def _administrators_of_other_states(proposal):
    return User.objects.filter(is_active=True, role=Role.COUNTRY_ADMIN, country__is_participating=True).exclude(
        country=proposal.country_id
    )


def _tell(proposal, users, template_prefix, **context):
    send_in_languages(users, template_prefix, {"proposal": proposal, "base_url": settings.DSM_BASE_URL, **context})
