"""The forms of the users' pages: the list's filters, an invitation, a change of role.

A form offers the roles its administrator may give (``permissions.assignable_roles``)
but accepts any role: giving one beyond them is refused by the service (403), not
mistaken for a typing error. The country is a field for system administrators only;
a country administrator's choices are always in their own country.
"""

import re

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from . import permissions
from .models import COUNTRY_ROLES, Country, Role

USERNAME_PATTERN = re.compile(r"^[\w.@+-]{1,150}\Z")  # Django's user names, at most 150 characters


def offered_roles(actor, countries):
    """The (value, label) choices of the roles ``actor`` may give in any of ``countries``, or with no country."""
    offered = set(permissions.assignable_roles(actor, None))
    for country in countries:
        offered.update(permissions.assignable_roles(actor, country))
    return [(value, label) for value, label in Role.choices if value in offered]


class RoleAndCountryForm(forms.Form):
    """A role, and its country when the administrator chooses one."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.all(),
        required=False,
        help_text=_("For data users, focal points and country administrators; none for the secretariat's roles."),
    )

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.own_country = permissions.country_of(actor) if not permissions.is_system_admin(actor) else None
        countries = [self.own_country] if self.own_country else list(Country.objects.all())
        self.fields["role"].widget.choices = offered_roles(actor, countries)
        if self.own_country:
            del self.fields["country"]

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if "country" not in self.fields:
            cleaned["country"] = self.own_country
        elif role in COUNTRY_ROLES and cleaned.get("country") is None:
            self.add_error("country", _("The role “%(role)s” needs a country.") % {"role": Role(role).label})
        elif role and role not in COUNTRY_ROLES and cleaned.get("country") is not None:
            self.add_error("country", _("The role “%(role)s” has no country.") % {"role": Role(role).label})
        return cleaned


class InviteForm(RoleAndCountryForm):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        required=False,
        validators=[get_user_model().username_validator],
        help_text=_("Leave it empty to use the e-mail address."),
    )
    language = forms.ChoiceField(
        label=_("Language of the e-mails"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )
    field_order = ["email", "first_name", "last_name", "username", "role", "country", "language"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address exists already."))
        return email

    def clean(self):
        cleaned = super().clean()
        username = cleaned.get("username") or cleaned.get("email") or ""
        if username and not cleaned.get("username") and not USERNAME_PATTERN.match(username):
            self.add_error("username", _("This e-mail address cannot be a user name: choose one."))
        elif username and get_user_model().objects.filter(username__iexact=username).exists():
            self.add_error("username", _("The user name “%(username)s” is taken.") % {"username": username})
        cleaned["username"] = username
        return cleaned


class UserFilterForm(forms.Form):
    """The users list's filters (GET): a system administrator's country, anyone's role."""

    country = forms.ModelChoiceField(
        label=_("Country"), queryset=Country.objects.all(), required=False, empty_label=_("All")
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", _("All")), *Role.choices], required=False)

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        if not permissions.is_system_admin(actor):
            del self.fields["country"]
            self.fields["role"].choices = [("", _("All")), *offered_roles(actor, [permissions.country_of(actor)])]
