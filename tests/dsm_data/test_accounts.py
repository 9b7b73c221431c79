"""Login, logout, account page, password change and reset, in both languages."""

import re

import pytest
from django.core import mail

from dsm_data.models import Role

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-test-password"


def test_login_lands_on_the_task_list_and_the_account_page_tells_country_and_role(
    client, home_pages, make_user, kazakhstan
):
    make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal")
    response = client.post("/ru/accounts/login/", {"username": "kaz-focal", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == "/ru/accounts/tasks/"
    html = client.get("/ru/accounts/").content.decode()
    assert "Казахстан" in html
    assert "Координатор" in html


def test_login_honours_a_safe_next_and_ignores_another_host(client, home_pages, make_user, kazakhstan):
    make_user(Role.DATA_USER, kazakhstan, username="kaz-user")
    credentials = {"username": "kaz-user", "password": PASSWORD}
    response = client.post("/en/accounts/login/", {**credentials, "next": "/ru/"})
    assert response["Location"] == "/ru/"
    client.logout()
    response = client.post("/en/accounts/login/", {**credentials, "next": "https://evil.example.com/"})
    assert response["Location"] == "/en/accounts/tasks/"


def test_wrong_password_shows_a_translated_error_and_keeps_the_user_out(client, home_pages, make_user, kazakhstan):
    make_user(Role.DATA_USER, kazakhstan, username="kaz-user")
    response = client.post("/ru/accounts/login/", {"username": "kaz-user", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "Пожалуйста, введите правильные имя пользователя и пароль" in html
    assert "_auth_user_id" not in client.session


def test_account_page_needs_login(client, home_pages):
    response = client.get("/en/accounts/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/accounts/"


def test_account_page_offers_the_admin_only_to_admin_roles(client, home_pages, make_user, kazakhstan):
    client.force_login(make_user(Role.COUNTRY_ADMIN, kazakhstan))
    assert 'href="/admin/"' in client.get("/en/accounts/").content.decode()
    client.force_login(make_user(Role.DATA_USER, kazakhstan))
    assert 'href="/admin/"' not in client.get("/en/accounts/").content.decode()


def test_logout_is_a_post_and_ends_the_session(client, home_pages, make_user, kazakhstan):
    client.force_login(make_user(Role.DATA_USER, kazakhstan))
    html = client.get("/en/").content.decode()
    assert re.search(r'<form method="post" action="/en/accounts/logout/">', html)
    assert client.get("/en/accounts/logout/").status_code == 405
    client.post("/en/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_password_change(client, home_pages, make_user, kazakhstan):
    user = make_user(Role.DATA_USER, kazakhstan)
    client.force_login(user)
    response = client.post(
        "/en/accounts/password/",
        {"old_password": PASSWORD, "new_password1": "Another-Secret-2026", "new_password2": "Another-Secret-2026"},
    )
    assert response["Location"] == "/en/accounts/password/done/"
    user.refresh_from_db()
    assert user.check_password("Another-Secret-2026")


def test_password_reset_by_email_in_russian(
    client, home_pages, make_user, kazakhstan, django_capture_on_commit_callbacks
):
    user = make_user(Role.DATA_USER, kazakhstan)
    with django_capture_on_commit_callbacks(execute=True):  # the mail is queued once the request commits
        response = client.post("/ru/accounts/password/reset/", {"email": user.email})
    assert response["Location"] == "/ru/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject == "Ваш пароль в Механизме обмена данными"
    link = re.search(r"http://testserver(/ru/accounts/password/reset/\S+/)", message.body).group(1)
    form_url = client.get(link)["Location"]  # Django swaps the token for a session one.
    response = client.post(form_url, {"new_password1": "Fresh-Secret-2026", "new_password2": "Fresh-Secret-2026"})
    assert response["Location"] == "/ru/accounts/password/reset/done/"
    user.refresh_from_db()
    assert user.check_password("Fresh-Secret-2026")


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client, home_pages):
    response = client.post("/en/accounts/password/reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/en/accounts/password/reset/sent/"
    assert mail.outbox == []
