"""A country intranet in the browser: edited by its administrator in the Wagtail admin, closed to others."""

from playwright.sync_api import expect

INTRANET = "/en/countries/kaz/intranet/"
CONTACT = "Aigul Nurlanova"  # the first KAZ contact of the demo (demo/content/countries.py)


def test_kaz_admin_edits_a_contact_in_the_admin_and_sees_it_on_the_intranet(page, log_in):
    log_in("kaz-admin")
    page.goto(INTRANET)
    expect(page.locator("main table").first).to_contain_text(CONTACT)
    page.get_by_role("link", name="Edit in the administration").click()
    assert "/admin/pages/" in page.url
    page.locator("#id_contacts-0-name").fill(f"{CONTACT}-Edited")
    with page.expect_navigation():
        # "Publish" sits in the footer's drop-down menu; submit the form with it.
        page.locator("button[name=action-publish]").evaluate("button => button.form.requestSubmit(button)")
    page.goto(INTRANET)
    expect(page.locator("main table").first).to_contain_text(f"{CONTACT}-Edited")


def test_arm_user_is_refused_the_kaz_intranet(page, log_in):
    log_in("arm-user")
    response = page.goto(INTRANET)
    assert response.status == 403
    expect(page.locator("main")).not_to_contain_text(CONTACT)


def test_arm_admin_cannot_open_the_kaz_intranet_in_the_admin(page, log_in):
    log_in("kaz-admin")
    page.goto(INTRANET)
    edit_url = page.get_by_role("link", name="Edit in the administration").get_attribute("href")
    page.get_by_role("button", name="Log out").click()
    log_in("arm-admin")
    assert page.goto(INTRANET).status == 403
    page.goto(edit_url)
    assert "/edit/" not in page.url or page.locator("#id_contacts-0-name").count() == 0
    expect(page.locator("body")).not_to_contain_text(CONTACT)


def test_the_public_is_sent_to_log_in_for_an_intranet(page):
    page.goto(INTRANET)
    assert "/accounts/login/" in page.url
