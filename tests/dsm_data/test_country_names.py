"""Countries as publishers write them: ISO and M49 codes, English and Russian names, variants, footnote marks."""

import pytest

from dsm_data.intake.countries import country_code, portal_names
from dsm_data.services.accounts import save_country

# The twelve states of Eastern Europe and Central Asia: (code, English names, Russian names).
EECA = [
    ("ARM", ["Armenia", "Republic of Armenia"], ["Армения", "Республика Армения"]),
    ("AZE", ["Azerbaijan", "Republic of Azerbaijan"], ["Азербайджан"]),
    ("BLR", ["Belarus", "Republic of Belarus"], ["Беларусь", "Белоруссия"]),
    ("GEO", ["Georgia"], ["Грузия"]),
    ("KAZ", ["Kazakhstan", "Republic of Kazakhstan"], ["Казахстан", "Республика Казахстан"]),
    ("KGZ", ["Kyrgyzstan", "Kyrgyz Republic"], ["Киргизия", "Кыргызстан", "Кыргызская Республика"]),
    ("MDA", ["Republic of Moldova", "Moldova, Rep. of", "Moldova, Republic of", "Moldova"],
     ["Молдова", "Республика Молдова", "Молдавия"]),
    ("RUS", ["Russian Federation", "Russia"], ["Россия", "Российская Федерация"]),
    ("TJK", ["Tajikistan"], ["Таджикистан"]),
    ("TKM", ["Turkmenistan"], ["Туркменистан"]),
    ("UKR", ["Ukraine"], ["Украина"]),
    ("UZB", ["Uzbekistan"], ["Узбекистан"]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "english", "russian"), EECA, ids=[code for code, _en, _ru in EECA])
def test_the_twelve_states_are_found_by_code_and_by_name_in_both_languages(code, english, russian):
    portal = {}  # pycountry alone: the portal's own names are tested below
    for text in [code, code.lower(), *english, *russian]:
        assert country_code(text, portal=portal) == code, text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Турция", "TUR"),
        ("Iran (Islamic Republic of)", "IRN"),
        ("Iran, Islamic Rep.", "IRN"),
        ("Иран", "IRN"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Syrian Arab Republic", "SYR"),
        ("Democratic Republic of the Congo", "COD"),
        ("Congo", "COG"),
        ("Niger", "NER"),
        ("Nigeria", "NGA"),
        ("  republic   OF moldova ", "MDA"),
        ("GE", "GEO"),
        ("am", "ARM"),
    ],
)
def test_common_variants_and_alpha_2_codes(text, code):
    assert country_code(text, portal={}) == code


@pytest.mark.parametrize("text", ["51", "051", 51, 51.0, "51.0"])
def test_m49_codes_in_any_form(text):
    assert country_code(text, portal={}) == "ARM"


def test_m49_code_of_kazakhstan_as_a_number():
    assert country_code(398, portal={}) == "KAZ"
    assert country_code("398", portal={}) == "KAZ"


@pytest.mark.parametrize("text", ["Georgia*", "Georgia **", "Georgia (1)", "Georgia 1/", "Georgia a/", "Georgia¹"])
def test_footnote_marks_after_a_name_are_dropped(text):
    assert country_code(text, portal={}) == "GEO"


@pytest.mark.parametrize("text", ["", "  ", None, "Stateless", "Unknown", "Sub-Saharan Africa", "900", "XYZ", True])
def test_what_is_no_country_gives_none(text):
    assert country_code(text, portal={}) is None


@pytest.mark.django_db
def test_the_portals_own_countries_and_names_count_too():
    save_country("XKX", {"en": "Kosovo", "ru": "Косово"})  # no ISO 3166 code: the portal's own
    save_country("KGZ", {"en": "Kyrgyz Rep.", "ru": "Кыргызстан"})
    assert country_code("Kosovo") == "XKX"
    assert country_code("косово") == "XKX"
    assert country_code("xkx") == "XKX"
    assert country_code("Kyrgyz Rep.") == "KGZ"
    names = portal_names()
    assert country_code("Косово", portal=names) == "XKX"
    assert country_code("Kosovo", portal={}) is None  # without the portal's names, not a country
