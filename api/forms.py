from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ApiToken

# Days a new token lasts; "" never expires (for a server's job that must not stop one night).
LIFETIMES = [("30", _("30 days")), ("90", _("90 days")), ("365", _("one year")), ("", _("until revoked"))]


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("What the token is for, e.g. “ministry import job”.")
    )
    lifetime = forms.ChoiceField(label=_("Valid for"), choices=LIFETIMES, initial="90", required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if ApiToken.objects.filter(user=self.user, name=name).exists():
            raise forms.ValidationError(
                _("You already have a token named “%(name)s”: choose another name."), params={"name": name}
            )
        return name
