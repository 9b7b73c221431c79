"""A country administrator's proposal of a new indicator, or of a change to one, and what became of it.

The proposal holds the indicator as it would be (code, texts in each language, unit, breakdowns,
frequencies, default confidentiality) as plain data: nothing of the catalogue changes until the
secretariat approves it, and then in one transaction (``exchange.services.proposals.approve``).
Comments, supports and the decision are rows with who and when, so its history stays readable.
Who reads, proposes, comments, supports and decides is decided in dsm_data.permissions.proposals.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from dsm_data.models import Confidentiality
from dsm_data.models.catalogue import code_validator
from dsm_data.translation import TranslatedField, translated


class ProposalKind(models.TextChoices):
    NEW = "new", _("New indicator")
    CHANGE = "change", _("Change to an indicator")


class ProposalStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("proposal", "Open")
    APPROVED = "approved", pgettext_lazy("proposal", "Approved")
    DECLINED = "declined", pgettext_lazy("proposal", "Declined")


class IndicatorProposal(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=ProposalKind.choices, default=ProposalKind.NEW)
    # For a change, the indicator changed; for a new one, the indicator its approval created.
    indicator = models.ForeignKey(
        "dsm_data.Indicator", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("indicator"),
    )  # fmt: skip
    country = models.ForeignKey(
        "dsm_data.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("proposing state")
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    code = models.CharField(_("code"), max_length=40, validators=[code_validator])
    name = TranslatedField(_("name"), max_length=300)
    definition = TranslatedField(_("definition"), multiline=True, blank=True)
    unit = TranslatedField(_("unit of measure"), max_length=100)
    # Existing dimensions chosen, by code; the new ones follow them in the indicator's order of breakdowns.
    dimension_codes = models.JSONField(_("breakdowns"), default=list, blank=True)
    # Dimensions the proposal creates: [{"code", "name": {language: text}, "categories": [{"code", "name"}]}].
    new_dimensions = models.JSONField(_("new breakdowns"), default=list, blank=True)
    frequencies = models.JSONField(_("frequencies"), default=list)
    default_confidentiality = models.CharField(
        _("default confidentiality"), max_length=10, choices=Confidentiality.choices, default=Confidentiality.SHARED
    )
    explanation = models.TextField(_("why"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.OPEN)
    created_at = models.DateTimeField(_("proposed"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("decided by"),
    )  # fmt: skip
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("indicator proposal")
        verbose_name_plural = _("indicator proposals")
        constraints = [
            # A change names the indicator it changes.
            models.CheckConstraint(
                condition=~Q(kind="change") | Q(indicator__isnull=False), name="proposal_change_names_indicator"
            ),
            # Decided means decided by someone, at a time; open means neither.
            models.CheckConstraint(
                condition=(Q(status="open") & Q(decided_by__isnull=True) & Q(decided_at__isnull=True))
                | (~Q(status="open") & Q(decided_by__isnull=False) & Q(decided_at__isnull=False)),
                name="proposal_decision_recorded",
            ),
            # A decline always says why.
            models.CheckConstraint(condition=~Q(status="declined") | ~Q(reason=""), name="proposal_decline_reason"),
            # An approved proposal names the indicator it created or changed.
            models.CheckConstraint(
                condition=~Q(status="approved") | Q(indicator__isnull=False), name="proposal_approved_names_indicator"
            ),
            # Two open proposals for one code would be two answers to one question: comment on the first.
            models.UniqueConstraint(fields=["code"], condition=Q(status="open"), name="proposal_open_once_per_code"),
        ]

    def __str__(self):
        return f"{self.code}: {translated(self.name)}"

    # The texts given in each language.
    TEXT_FIELDS = ("name", "definition", "unit")

    def all_dimension_codes(self):
        """The breakdowns in order: the existing ones chosen, then the new ones."""
        return [*self.dimension_codes, *(dimension["code"] for dimension in self.new_dimensions)]


class ProposalComment(models.Model):
    """A question, an objection or an answer about a proposal, by a state's administrator or the secretariat."""

    proposal = models.ForeignKey(
        IndicatorProposal, on_delete=models.CASCADE, related_name="comments", verbose_name=_("proposal")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("author")
    )
    country = models.ForeignKey(
        "dsm_data.Country", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("state")
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment on a proposal")
        verbose_name_plural = _("comments on proposals")

    def __str__(self):
        return f"{self.proposal.code}: {self.author}"


class ProposalSupport(models.Model):
    """Another state backs the proposal; a state supports a proposal once, whoever of its administrators clicks."""

    proposal = models.ForeignKey(
        IndicatorProposal, on_delete=models.CASCADE, related_name="supports", verbose_name=_("proposal")
    )
    country = models.ForeignKey(
        "dsm_data.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("supporting state")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("supported by")
    )
    created_at = models.DateTimeField(_("supported"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("support of a proposal")
        verbose_name_plural = _("supports of proposals")
        constraints = [models.UniqueConstraint(fields=["proposal", "country"], name="proposal_support_once_per_state")]

    def __str__(self):
        return f"{self.proposal.code}: {self.country}"
