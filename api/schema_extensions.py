"""What drf-spectacular needs to know of the API's own parts: the personal token's description.

Imported with the API's URLs (``api.urls``), which serve the schema and which the schema describes,
so before any schema is made; not at start-up: drf-spectacular loads Django REST framework, and it
requests, urllib3 and yaml, 83 modules and 4 MB in every process that never serves the API.
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
