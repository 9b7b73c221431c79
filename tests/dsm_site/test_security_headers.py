"""The security headers: a strict Content-Security-Policy on the portal's pages, the admin's looser one
only under /admin/, Permissions-Policy and Referrer-Policy everywhere."""

import pytest
from django.urls import reverse

from dsm_data.models import Role

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
ADMIN = {
    **STRICT,
    "script-src": "'self' 'unsafe-inline'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
}


def policy(response):
    """{directive: its sources} of the response's Content-Security-Policy."""
    directives = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return dict(directives)


@pytest.fixture
def editor(make_user):
    return make_user(Role.EDITOR)


PUBLIC_PAGES = ["/en/", "/ru/", "/en/data/", "/en/data/indicators/", "/en/search/?q=asylum", "/en/accounts/login/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_and_data_pages_have_the_strict_policy(client, home_pages, catalogue, path):
    response = client.get(path)
    assert response.status_code == 200
    assert policy(response) == STRICT
    assert "unsafe" not in response["Content-Security-Policy"]


def test_signed_in_pages_have_the_strict_policy_too(client, home_pages, make_user, kazakhstan):
    client.force_login(make_user(Role.DATA_USER, kazakhstan))
    response = client.get(reverse("account"))
    assert response.status_code == 200
    assert policy(response) == STRICT


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/admin/pages/"])
def test_the_admin_has_only_what_it_needs_added(client, home_pages, editor, path):
    client.force_login(editor)
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert policy(response) == ADMIN


def test_an_admin_like_path_outside_the_admin_stays_strict(client, home_pages):
    response = client.get("/en/administration/")  # a page path, not the admin: answered 404, strictly
    assert response.status_code == 404
    assert policy(response) == STRICT


@pytest.mark.parametrize("path", ["/en/", "/en/data/", "/admin/login/", "/healthz"])
def test_permissions_and_referrer_policies_on_every_answer(client, home_pages, path):
    response = client.get(path)
    features = dict(item.strip().split("=") for item in response["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_gravatar_in_the_admin(settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None  # the admin's avatars send nothing elsewhere
