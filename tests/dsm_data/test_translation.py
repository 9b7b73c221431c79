"""Catalogue texts in every language: picking the reader's, and the admin's inputs."""

import pytest
from django.utils import translation

from dsm_data.models import Country
from dsm_data.translation import TranslatedFormField, translated


def test_translated_picks_the_active_language_then_the_default():
    texts = {"en": "Refugees", "ru": "Беженцы"}
    with translation.override("ru"):
        assert translated(texts) == "Беженцы"
    with translation.override("uz"):
        assert translated(texts) == "Refugees"
    assert translated({"ru": "Только по-русски"}, "en") == "Только по-русски"
    assert translated({}) == ""


def test_form_field_has_one_labelled_input_per_language(settings):
    settings.LANGUAGES = [("en", "English"), ("ru", "Русский"), ("uz", "Oʻzbekcha")]
    field = TranslatedFormField(label="Name")
    html = field.widget.render("name", {"en": "Uzbekistan", "uz": "Oʻzbekiston"}, attrs={"id": "id_name"})
    assert '<label for="id_name_0">English</label>' in html
    assert '<label for="id_name_2">Oʻzbekcha</label>' in html
    assert '<input type="text" name="name_ru" lang="ru" id="id_name_1">' in html
    assert 'name="name_uz" value="Oʻzbekiston" lang="uz"' in html
    assert field.clean(["Uzbekistan", " ", "Oʻzbekiston"]) == {"en": "Uzbekistan", "uz": "Oʻzbekiston"}


def test_form_field_requires_the_default_language():
    field = TranslatedFormField(label="Name", required=True)
    with pytest.raises(Exception, match="English text is required"):
        field.clean(["", "Казахстан"])


@pytest.mark.django_db
def test_country_admin_form_saves_every_language(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "a-long-test-password")
    client.force_login(admin)
    response = client.post(
        "/admin/snippets/dsm_data/country/add/",
        {"code": "UZB", "name_en": "Uzbekistan", "name_ru": "Узбекистан", "is_participating": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Country.objects.get(code="UZB").name == {"en": "Uzbekistan", "ru": "Узбекистан"}
    with translation.override("ru"):
        assert str(Country.objects.get(code="UZB")) == "Узбекистан"
