"""A country administrator's users, end to end: invitation, password, second factor, deactivation.

The portal prints its e-mail on its console (DSM_EMAIL_URL=console:), which the
server's log keeps: the invitee's link is read from there, as they would read it
from their mailbox.
"""

import base64
import re
import time

from django_otp.oath import totp
from playwright.sync_api import expect

INVITEE = "kaz-new-focal"
INVITEE_PASSWORD = "a-new-long-passphrase-42"
ACCEPT_LINK = re.compile(r"/en/accounts/users/accept/[^/\s]+/[^/\s]+/")


def invitation_path(log, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        links = ACCEPT_LINK.findall(log.read_text(errors="replace"))
        if links:
            return links[-1]
        time.sleep(0.2)
    raise AssertionError("No invitation link in the server's e-mail output")


TOTP_STEP = 30


def current_window():
    return int(time.time() // TOTP_STEP)


def early_in_a_window(seconds_needed=15):
    """Wait, if need be, for a new time window: a code verified in the next window would set the device's
    drift to -1 (django-otp), and the next window's code would then be refused."""
    remaining = TOTP_STEP - time.time() % TOTP_STEP
    if remaining < seconds_needed:
        time.sleep(remaining + 0.5)


def app_code(secret, *, after_window=None):
    """The code an authenticator app shows for ``secret`` (base32 in groups): now, or, while it is still
    ``after_window`` (whose code was used, and each code works once), the next window's."""
    key = base64.b32decode(secret.replace(" ", "") + "=" * (-len(secret.replace(" ", "")) % 8))
    return f"{totp(key, drift=1 if current_window() == after_window else 0):06d}"


def sign_in(page, username, password):
    page.goto("/en/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def test_a_country_administrator_invites_a_focal_point_who_enrols_and_is_then_deactivated(
    browser, portal, page, log_in
):
    log_in("kaz-admin")
    page.goto("/en/accounts/users/invite/")
    page.locator("#id_email").fill("new.focal@example.org")
    page.locator("#id_username").fill(INVITEE)
    page.locator("#id_role").select_option("focal_point")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text(INVITEE)

    # The invitee, in a browser of their own, sets a password from the e-mail's link.
    invitee_context = browser.new_context(base_url=portal.url, locale="en-GB")
    invitee = invitee_context.new_page()
    invitee.goto(invitation_path(portal.log))
    invitee.locator("#id_new_password1").fill(INVITEE_PASSWORD)
    invitee.locator("#id_new_password2").fill(INVITEE_PASSWORD)
    invitee.locator("main form button[type=submit]").click()
    invitee.wait_for_load_state()

    # They sign in and set up a second factor: the key is shown as text beside the QR code.
    sign_in(invitee, INVITEE, INVITEE_PASSWORD)
    assert invitee.url.endswith("/en/accounts/tasks/"), invitee.url
    invitee.goto("/en/accounts/security/enrol/")
    expect(invitee.locator("main svg").first).to_be_visible()
    secret = invitee.locator("#secret-key").inner_text()
    early_in_a_window()
    enrolled_in = current_window()
    invitee.locator("#id_code").fill(app_code(secret))
    invitee.locator("main form button[type=submit]").click()
    expect(invitee.locator("main")).to_contain_text("backup")

    # Signing in again asks for the app's code (a later window's: each code works once).
    invitee.get_by_role("button", name="Log out").click()
    sign_in(invitee, INVITEE, INVITEE_PASSWORD)
    assert "/en/accounts/security/verify/" in invitee.url, invitee.url
    invitee.goto("/en/accounts/")
    assert "/en/accounts/security/verify/" in invitee.url, "the account page must wait for the code"
    invitee.locator("#id_code").fill(app_code(secret, after_window=enrolled_in))
    invitee.locator("main form button[type=submit]").click()
    invitee.wait_for_load_state()
    invitee.goto("/en/accounts/")
    expect(invitee.locator("dl.facts")).to_contain_text("Focal point")

    # The country administrator deactivates them; the invitee's open session ends.
    page.goto("/en/accounts/users/")
    page.get_by_role("link", name=INVITEE).click()
    expect(page.locator("dl.facts")).to_contain_text("Second factor")
    page.get_by_role("button", name="Deactivate").click()
    page.wait_for_load_state()
    invitee.goto("/en/accounts/")
    assert "/en/accounts/login/" in invitee.url, invitee.url
    sign_in(invitee, INVITEE, INVITEE_PASSWORD)
    assert "/en/accounts/login/" in invitee.url
    invitee_context.close()
