from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..translation import TranslatedField, translated


class Country(models.Model):
    """A participating state (or, in another cluster, a ministry)."""

    code = models.CharField(
        _("code"),
        max_length=8,
        unique=True,
        validators=[RegexValidator(r"^[A-Z0-9]+$", _("Use capital letters and digits only."))],
        help_text=_("ISO 3166-1 alpha-3 code for a state, e.g. KAZ."),
    )
    name = TranslatedField(_("name"), max_length=200)
    is_participating = models.BooleanField(
        _("participating"),
        default=True,
        help_text=_("Users of participating countries see data shared with participating states."),
    )

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self):
        return translated(self.name)


class Role(models.TextChoices):
    """The roles of design.md; a user holds at most one."""

    DATA_USER = "data_user", _("Data user")
    FOCAL_POINT = "focal_point", _("Focal point")
    COUNTRY_ADMIN = "country_admin", _("Country administrator")
    EDITOR = "editor", _("Editor")
    SYSTEM_ADMIN = "system_admin", _("System administrator")


COUNTRY_ROLES = (Role.DATA_USER, Role.FOCAL_POINT, Role.COUNTRY_ADMIN)


class User(AbstractUser):
    """A portal account: one country (for the national roles) and one role.

    Wagtail admin rights come from the role's group, kept in step by
    ``services.assign_role``; a blank role grants nothing beyond public reading.
    """

    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails the portal sends to this user."),
    )

    class Meta(AbstractUser.Meta):
        constraints = [
            models.CheckConstraint(
                name="user_country_matches_role",
                condition=(
                    models.Q(role__in=COUNTRY_ROLES, country__isnull=False)
                    | (~models.Q(role__in=COUNTRY_ROLES) & models.Q(country__isnull=True))
                ),
                violation_error_message=_(
                    "Data users, focal points and country administrators need a country; "
                    "editors and system administrators have none."
                ),
            ),
        ]
