"""Issue 13 in a real browser: the mapping step of the web upload, in English and in Russian.

A focal point uploads a publisher's table as it comes (a title line, its own headers, country and
origin names, women and men in two columns, a notes column), ticks "Map the columns myself", says
which column holds what, recodes the two origins the portal does not know to "Other countries",
saves the mapping, sees what the file would change (the recoded rows summed and estimated),
confirms, and gets the receipt. Each language loads a country of its own into the open 2025
round, into an indicator the demo leaves empty there.

New controls are found by their form names in Russian: their Russian labels come with the
translations; the page's language and the texts that exist in both are checked.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.screens import assert_fits_a_phone_and_is_accessible

CASES = {
    "en": {
        "user": "kaz-focal",
        "header": "Country of asylum,Country of origin,Women,Men,Notes",
        "rows": [
            ("Kazakhstan", "Afghanistan", 40, 60, ""),
            ("Kazakhstan", "Uzbekistan", 5, 7, "provisional"),
            ("Kazakhstan", "Atlantis", 1, 2, "not on any list"),
            ("Kazakhstan", "Narnia", 2, 1, ""),
        ],
        "unknown": ["Atlantis", "Narnia"],
        "citizenship": "Citizenship",
        "female": "Female",
        "other": "Other countries and stateless",
        "mapping": "UNHCR asylum by sex (browser test)",
        "texts": {
            "upload": "Upload figures",
            "mapping_step": "Map the columns",
            "file": "File",
            "check": "Check the file",
            "preview": "Check the changes",
            "confirm": "Confirm and store",
            "receipt": "Receipt DSM-",
        },
    },
    "ru": {
        "user": "kgz-focal",
        "header": "Страна убежища,Страна происхождения,Женщины,Мужчины,Примечание",
        "rows": [
            ("Кыргызстан", "Афганистан", 30, 50, ""),
            ("Кыргызстан", "Узбекистан", 4, 6, "предварительно"),
            ("Кыргызстан", "Атлантида", 1, 2, "нет в списке"),
            ("Кыргызстан", "Нарния", 2, 1, ""),
        ],
        "unknown": ["Атлантида", "Нарния"],
        "citizenship": "Гражданство",
        "female": "Женщины",
        "other": "Другие страны и лица без гражданства",
        "mapping": "УВКБ ООН, убежище по полу (тест браузера)",
        "texts": {
            "upload": "Загрузка данных",
            "mapping_step": "Сопоставление столбцов",
            "file": "Файл",
            "check": "Проверить файл",
            "preview": "Проверьте изменения",
            "confirm": "Подтвердить и сохранить",
            "receipt": "Квитанция DSM-",
        },
    },
}


def publisher_csv(path, case):
    lines = ["Asylum applications by country of origin and sex, 2025 (UNHCR)", case["header"]]
    lines += [",".join(str(cell) for cell in row) for row in case["rows"]]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def column(page, letter):
    return page.locator(f'select[name="col-{letter}"]')


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_focal_point_maps_a_publishers_table_on_the_web_upload(page, log_in, tmp_path, language):
    case, texts = CASES[language], CASES[language]["texts"]
    log_in(case["user"], language=language)
    page.goto(f"/{language}/data/uploads/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", name=texts["upload"], level=1)).to_be_visible()
    page.get_by_label(texts["file"]).set_input_files(publisher_csv(tmp_path / "unhcr.csv", case))
    page.locator('input[name="map_columns"]').check()
    page.get_by_role("button", name=texts["check"]).click()

    # The mapping step: the header found under the title line, the first rows shown.
    expect(page).to_have_url(re.compile(rf"/{language}/data/uploads/\d+/mapping/"))
    expect(page.get_by_role("heading", name=texts["mapping_step"], level=1)).to_be_visible()
    if language == "en":
        expect(page.get_by_label("A: Country of asylum")).to_be_visible()
    # On a phone too: the page never scrolls sideways (the preview scrolls in its own box), and axe finds nothing.
    assert_fits_a_phone_and_is_accessible(page)
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.locator("table.sample")).to_contain_text(case["rows"][0][1])
    column(page, "A").select_option("country")
    column(page, "B").select_option("CITIZENSHIP")
    for letter, sex in (("C", "F"), ("D", "M")):
        column(page, letter).select_option("wide:SEX")
        page.locator(f'input[name="code-{letter}"]').fill(sex)
    expect(column(page, "E")).to_have_value("")  # the notes stay out
    page.locator('select[name="fixed-indicator"]').select_option("ASYLUM_APPLICATIONS")
    page.locator('select[name="fixed-period"]').select_option("2025")
    page.locator("form.mapping-form").get_by_role("button", name=texts["check"]).click()

    # Origins the portal does not know: one group each, with a recode offered.
    problems = page.locator(".problem-groups")
    for unknown in case["unknown"]:
        expect(problems).to_contain_text(unknown)
        page.get_by_label(f"{case['citizenship']}: “{unknown}”").select_option("OTHER")
    page.locator('input[name="save_name"]').fill(case["mapping"])
    page.locator("form.mapping-form").get_by_role("button", name=texts["check"]).click()

    # The preview: the two recoded rows summed into "Other countries", estimated.
    expect(page.get_by_role("heading", name=texts["preview"], level=1)).to_be_visible()
    changes = page.locator("table.changes")
    other_women = changes.locator("tr").filter(has_text=case["female"]).filter(has_text=case["other"])
    expect(other_women.locator("td").last).to_have_text("3 e")
    afghans = changes.locator("tr").filter(has_text=case["female"]).filter(has_text=case["rows"][0][1])
    expect(afghans.locator("td").last).to_have_text(str(case["rows"][0][2]))

    page.get_by_role("button", name=texts["confirm"]).click()
    expect(page.get_by_role("heading", name=texts["receipt"])).to_be_visible()
    receipt = page.locator("table.changes")
    expect(receipt.locator("tr").filter(has_text=case["other"]).filter(has_text=case["female"])).to_contain_text("3 e")
    expect(page.locator(".count-added")).to_have_text(re.compile(r"^[1-9][0-9]*$"))

    page.goto(f"/{language}/data/uploads/mappings/")
    expect(page.locator("main")).to_contain_text(case["mapping"])
