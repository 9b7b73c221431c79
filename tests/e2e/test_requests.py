"""Issue 16's journey in a real browser: Armenia's data user asks Kazakhstan; Kazakhstan's administrator
chooses its focal point to answer; the focal point answers in Russian with a file; Armenia reads the answer,
downloads the file and closes the request. Each step shows on the next person's task list, and leaves it."""

import datetime

from playwright.sync_api import expect

from tests.e2e.navigation import click_and_wait_for_the_next_page

SUBJECT = "Seasonal workers in 2025: counted in WORK_PERMITS?"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def switch_user(page, log_in, username, language="en"):
    page.context.clear_cookies()
    log_in(username, language)


def task_group(page, key):
    return page.locator(f"section.tasks#{key}")


def test_a_request_goes_from_armenia_to_kazakhstan_and_back_on_the_task_lists(page, log_in, tmp_path):
    log_in("arm-user")
    assert page.url.endswith("/en/accounts/tasks/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Requests").click()
    page.get_by_role("link", name="New request").click()
    page.get_by_label("Kazakhstan").check()
    page.locator("#id_subject").fill(SUBJECT)
    page.locator("#id_body").fill("Do you count seasonal agricultural workers among work permits?")
    page.locator("#id_indicator").select_option("WORK_PERMITS")
    page.locator("#id_reply_by").fill((datetime.date.today() + datetime.timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Send the request").click()
    expect(page.locator(".messages")).to_contain_text("Your request was sent.")
    thread = page.url

    switch_user(page, log_in, "kaz-admin")
    expect(task_group(page, "requests_to_assign")).to_contain_text(f"“{SUBJECT}” from Armenia: choose who answers")
    click_and_wait_for_the_next_page(
        page, task_group(page, "requests_to_assign").get_by_role("link", name=f"“{SUBJECT}”", exact=False)
    )
    assert page.url == thread
    page.get_by_label("Official").select_option(label="KAZ Focal point")
    page.get_by_role("button", name="Assign").click()
    expect(page.locator(".messages")).to_contain_text("KAZ Focal point will answer.")
    page.goto("/en/accounts/tasks/")
    expect(page.locator("main")).not_to_contain_text(SUBJECT)

    switch_user(page, log_in, "kaz-focal", "ru")
    assert page.url.endswith("/ru/accounts/tasks/")
    to_answer = task_group(page, "requests_to_answer")
    expect(to_answer).to_contain_text("Запросы, на которые нужно ответить")
    expect(to_answer).to_contain_text(f"«{SUBJECT}» (отправитель: Армения): нужно ответить")
    to_answer.get_by_role("link").first.click()
    annex = tmp_path / "seasonal-workers.pdf"
    annex.write_bytes(PDF)
    page.locator("#id_body").fill("Да, с 2024 года сезонные работники учитываются в разрешениях на работу.")
    page.locator("#id_files").set_input_files(annex)
    page.get_by_role("button", name="Отправить сообщение").click()
    expect(page.locator(".messages")).to_contain_text("Ваше сообщение добавлено.")
    expect(page.get_by_role("link", name="seasonal-workers.pdf")).to_be_visible()
    page.goto("/ru/accounts/tasks/")
    expect(page.locator("main")).not_to_contain_text(SUBJECT)

    switch_user(page, log_in, "arm-user")
    received = task_group(page, "answers_received")
    expect(received).to_contain_text(f"“{SUBJECT}”: answered, to read and close")
    received.get_by_role("link").first.click()
    expect(page.locator("main")).to_contain_text("сезонные работники")
    with page.expect_download() as download:
        page.get_by_role("link", name="seasonal-workers.pdf").click()
    assert download.value.path().read_bytes() == PDF
    page.get_by_label("Let every participating state read it once closed").check()
    page.get_by_role("button", name="Close the request").click()
    expect(page.locator(".messages")).to_contain_text("The request is closed.")
    page.goto("/en/accounts/tasks/")
    expect(page.locator("main")).not_to_contain_text(SUBJECT)

    switch_user(page, log_in, "geo-user")  # a third state reads it once closed and shared, and cannot answer
    page.goto(thread)
    expect(page.locator("main")).to_contain_text("сезонные работники")
    expect(page.locator("#id_body")).to_have_count(0)
