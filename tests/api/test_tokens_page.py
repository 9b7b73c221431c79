"""The account's token page for every role: a token made is shown once and then only by its first characters;
each account sees and revokes its own tokens only; a revoked token stops opening the API at once."""

import pytest
from django.test import Client

from api.models import ApiToken
from dsm_data.models import AuditEntry

pytestmark = pytest.mark.django_db

ROLES = ["focal", "kaz_admin", "kaz_user", "arm_admin", "arm_user", "editor", "sysadmin"]


def signed_in(team, role):
    client = Client()
    client.force_login(getattr(team, role))
    return client


@pytest.mark.parametrize("role", ROLES)
def test_every_account_makes_a_token_sees_it_once_and_revokes_it(report_figures, role):
    client = signed_in(report_figures, role)
    made = client.post("/en/accounts/tokens/", {"name": "nightly import", "lifetime": "30"})
    token = ApiToken.objects.get(user=getattr(report_figures, role))
    key = made.context["new_key"]
    assert key in made.content.decode()
    assert key not in client.get("/en/accounts/tokens/").content.decode()  # shown once
    assert f"{token.prefix}…" in client.get("/en/accounts/tokens/").content.decode()
    assert token.expires_at is not None
    api = Client(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/countries/").status_code == 200
    revoked = client.post(f"/en/accounts/tokens/{token.pk}/revoke/", follow=True)
    assert "is revoked" in revoked.content.decode()
    assert api.get("/api/v1/countries/").status_code == 401
    user = getattr(report_figures, role)
    trail = AuditEntry.objects.filter(action__startswith="dsm.api_token").order_by("pk")
    assert [(entry.action, entry.user, entry.data["name"]) for entry in trail] == [
        ("dsm.api_token_made", user, "nightly import"),
        ("dsm.api_token_revoked", user, "nightly import"),
    ]
    assert trail[0].country == user.country
    assert key not in str(trail[0].data)


@pytest.mark.parametrize("role", ROLES)
def test_another_accounts_token_is_neither_listed_nor_revoked(report_figures, role):
    owner = report_figures.kaz_user if role != "kaz_user" else report_figures.arm_user
    signed_in(report_figures, "kaz_user" if role != "kaz_user" else "arm_user").post(
        "/en/accounts/tokens/", {"name": "owner's job", "lifetime": ""}
    )
    token = ApiToken.objects.get(user=owner)
    client = signed_in(report_figures, role)
    assert "owner&#x27;s job" not in client.get("/en/accounts/tokens/").content.decode()
    assert client.post(f"/en/accounts/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    assert token.expires_at is None  # "until revoked"


def test_the_public_is_sent_to_sign_in(report_figures):
    response = Client().get("/en/accounts/tokens/")
    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_a_second_token_of_the_same_name_is_refused_with_the_name(report_figures):
    client = signed_in(report_figures, "kaz_user")
    client.post("/en/accounts/tokens/", {"name": "job", "lifetime": "90"})
    again = client.post("/en/accounts/tokens/", {"name": "job", "lifetime": "90"})
    assert again.status_code == 400
    assert "You already have a token named “job”" in again.content.decode()
    assert ApiToken.objects.count() == 1


@pytest.mark.parametrize(("language", "heading"), [("en", "Use the API"), ("ru", "Как пользоваться API")])
def test_the_use_the_api_page_shows_curl_and_python_with_this_portals_address(report_figures, language, heading):
    page = Client().get(f"/{language}/api/").content.decode()
    assert 'curl -H "Authorization: Token YOUR-TOKEN"' in page
    assert "http://testserver/api/v1/values/" in page
    assert "session.get(url, params=parameters" in page
    assert 'href="/api/v1/docs/"' in page
    assert f'href="/{language}/accounts/tokens/"' in page
    assert heading in page
