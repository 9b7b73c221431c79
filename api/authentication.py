"""``Authorization: Token <key>`` (or ``Bearer <key>``): a personal token, acting as its user.

A revoked, expired or unknown token is refused with 401, never taken for an anonymous reader:
a script whose token stopped working must hear so, not quietly read less.
"""

from django.utils.translation import gettext as _
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed

from .models import ApiToken, key_hash
from .services import tokens as token_services

KEYWORDS = (b"token", b"bearer")


class PersonalTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        words = get_authorization_header(request).split()
        if not words or words[0].lower() not in KEYWORDS:
            return None
        if len(words) != 2:
            raise AuthenticationFailed(_("Give the token after “Token ”, with no space inside it."))
        try:
            key = words[1].decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(_("A token has only letters, digits, “-” and “_”.")) from None
        token = ApiToken.objects.usable().select_related("user").filter(hashed_key=key_hash(key)).first()
        if token is None:
            raise AuthenticationFailed(
                _("This token is unknown, revoked or expired: make a new one on your account page.")
            )
        token_services.record_use(token)
        return token.user, token

    def authenticate_header(self, request):
        return 'Token realm="api"'
