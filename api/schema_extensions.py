"""What drf-spectacular needs to know of the API's own parts: the personal token's description.

Imported by the app's ``ready``; kept apart from ``schema`` (the schema's URLs), which would load
every view of the API, and openpyxl with them, into each process at start-up.
"""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.PersonalTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "“Token <key>”: a personal token made on the account page.",
        }
