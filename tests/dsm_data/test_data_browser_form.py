"""The data browser's filter form, made once for each catalogue version and language in a process: a
change of the catalogue shows in its lists and its checks on the next page, each language keeps its own
labels, and what a reader chose is marked on each page, not on the next reader's."""

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.utils import translation
from django.utils.translation import gettext

from dsm_data.services.accounts import save_country
from dsm_data.widgets import QuickMultipleHiddenInput, attributes
from tests.dsm_data.test_data_browser_rows import INDICATOR, published  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def select(response, name):
    """{code: (label, selected)} of the form's select ``name``."""
    page = BeautifulSoup(response.content.decode(), "html.parser")
    options = page.select(f'form.filters select[name="{name}"] option')
    return {option["value"]: (option.get_text(), option.has_attr("selected")) for option in options}


def messages(response):
    return [item.get_text() for item in BeautifulSoup(response.content.decode(), "html.parser").select(".messages li")]


def test_a_new_country_is_listed_and_accepted_on_the_next_page(client, published):  # noqa: F811
    assert "TJK" not in select(client.get("/en/data/", {"indicator": INDICATOR}), "country")
    assert client.get("/en/data/", {"country": "TJK"}).status_code == 400  # not a country yet

    save_country("TJK", {"en": "Tajikistan", "ru": "Таджикистан"})

    response = client.get("/en/data/", {"country": "TJK"})
    assert response.status_code == 200
    assert select(response, "country")["TJK"] == ("Tajikistan", True)
    assert select(client.get("/ru/data/", {"country": "TJK"}), "country")["TJK"] == ("Таджикистан", True)


def test_each_language_has_its_labels_and_each_page_its_choices(client, published):  # noqa: F811
    english = select(client.get("/en/data/", {"country": "KAZ", "frequency": "annual"}), "frequency")
    russian = select(client.get("/ru/data/", {"country": "KAZ"}), "frequency")
    with translation.override("ru"):
        assert russian[""] == (gettext("Any"), True)
    assert english[""] == ("Any", False)
    assert english["annual"][1]
    assert not russian["annual"][1]
    assert select(client.get("/en/data/", {"country": "KAZ"}), "country")["KAZ"] == ("Kazakhstan", True)
    assert select(client.get("/en/data/"), "country")["KAZ"] == ("Kazakhstan", False)  # not the last reader's


@pytest.mark.parametrize("language", ["en", "ru"])
def test_an_unknown_code_is_refused_with_the_form_s_message(client, published, language):  # noqa: F811
    response = client.get(f"/{language}/data/", {"country": "NOPE"})
    assert response.status_code == 400
    with translation.override(language):
        field = forms.MultipleChoiceField(choices=[("KAZ", "Kazakhstan")])
        with pytest.raises(forms.ValidationError) as refused:
            field.clean(["NOPE"])
        expected = f"{gettext('Country')}: {refused.value.messages[0]}"
    assert messages(response) == [expected]
    # Kept forms check as freshly made ones do: the same page again, the same answer.
    assert messages(client.get(f"/{language}/data/", {"country": "NOPE"})) == [expected]


def test_the_quick_widgets_write_what_django_s_write():
    attrs = {"id": "id_x", "size": 6, "multiple": True, "disabled": False, "title": 'a "b" <c>', "data-x": None}
    assert attributes(attrs) == forms.utils.flatatt(attrs)
    django, quick = forms.MultipleHiddenInput(), QuickMultipleHiddenInput()
    for value in ([], ["2024"], ["2024", 'a"<b>']):
        assert quick.render("period", value, {"id": "id_period"}) == django.render("period", value, {"id": "id_period"})
