"""Forms of sign-in security: the second factor's codes and the password reset request."""

from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.utils.translation import gettext_lazy as _


class AppCodeForm(forms.Form):
    """Enrolment: the first code the new authenticator app shows."""

    code = forms.CharField(
        label=_("Code from the app"),
        max_length=16,
        help_text=_("The six digits your authenticator app shows now for this portal."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True, "size": 10}
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit():
            raise forms.ValidationError(_("Enter the digits your app shows, without letters."))
        return code


class VerificationForm(forms.Form):
    """Sign-in: a code from the app, or one of the one-time backup codes."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six digits your authenticator app shows now, or one of your backup codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "size": 12}),
    )


class ResetRequestForm(PasswordResetForm):
    """Django's password reset request; the address is compared in lower case when counting requests."""

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
