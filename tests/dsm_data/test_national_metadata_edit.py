"""National metadata owned by the country: its administrators edit their own country's texts (never another
country's: 403, the texts being public there is nothing to hide), the secretariat edits any; every change is a
version with who and when, in the portal and in the Wagtail admin alike; everyone reads the versions."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils.formats import date_format
from django.utils.timezone import localtime

from dsm_data.models import Indicator, NationalMetadata, NationalMetadataVersion, Role
from dsm_data.services.accounts import save_country
from dsm_data.services.national_metadata import save_national_metadata

pytestmark = pytest.mark.django_db

TEXT_FIELDS = NationalMetadata.TEXT_FIELDS
EDIT = "/en/data/indicators/RESIDENTS/metadata/{}/edit/"
VERSIONS = "/en/data/indicators/RESIDENTS/metadata/{}/versions/"
# Who may open (and post) Kazakhstan's form: its administrators and the secretariat.
EDITS_KAZ = {"kaz-user": 403, "kaz-focal": 403, "kaz-admin": 200, "arm-admin": 403, "geo-admin": 403,
             "editor": 403, "secretariat": 200}  # fmt: skip


@pytest.fixture
def people(kazakhstan, armenia, make_user):
    georgia = save_country("GEO", {"en": "Georgia", "ru": "Грузия"})
    people = {
        "kaz-user": make_user(Role.DATA_USER, kazakhstan, username="kaz-user"),
        "kaz-focal": make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal"),
        "kaz-admin": make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin"),
        "arm-admin": make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin"),
        "geo-admin": make_user(Role.COUNTRY_ADMIN, georgia, username="geo-admin"),
        "editor": make_user(Role.EDITOR, username="editor"),
        "secretariat": make_user(Role.SYSTEM_ADMIN, username="secretariat"),
    }
    people["kaz-admin"].first_name, people["kaz-admin"].last_name = "Aigerim", "Sadykova"
    people["kaz-admin"].save()
    return people


@pytest.fixture
def indicator(db):
    return Indicator.objects.create(
        code="RESIDENTS", name={"en": "Foreign residents", "ru": "Иностранные резиденты"}, unit={"en": "persons"}
    )


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def form_data(note="", **texts):
    """The edit form's fields: every text in every language blank, but those given as ``<field>_<language>``."""
    data = {f"{name}_{code}": "" for name in TEXT_FIELDS for code in ("en", "ru")}
    return {**data, **texts, "note": note}


@pytest.mark.parametrize(("name", "status"), EDITS_KAZ.items())
def test_only_kazakhstans_administrators_and_the_secretariat_edit_its_metadata(people, indicator, name, status):
    client = signed_in(people[name])
    assert client.get(EDIT.format("KAZ")).status_code == status
    response = client.post(EDIT.format("KAZ"), form_data(data_source_en="Population register"))
    assert response.status_code == (302 if status == 200 else 403)
    saved = NationalMetadata.objects.filter(country__code="KAZ").first()
    if status == 200:
        assert saved.data_source == {"en": "Population register"}
        version = NationalMetadataVersion.objects.get()
        assert (version.changed_by, version.texts["data_source"]) == (people[name], {"en": "Population register"})
    else:
        assert saved is None
        assert not NationalMetadataVersion.objects.exists()


def test_the_public_is_sent_to_sign_in_and_changes_nothing(people, indicator):
    for response in (Client().get(EDIT.format("KAZ")), Client().post(EDIT.format("KAZ"), form_data(caveats_en="x"))):
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/")
    assert not NationalMetadata.objects.exists()


def test_kazakhstans_administrator_is_refused_armenias_metadata_and_nothing_changes(people, indicator, armenia):
    armenian = NationalMetadata.objects.create(indicator=indicator, country=armenia, data_source={"en": "Census"})
    client = signed_in(people["kaz-admin"])
    assert client.get(EDIT.format("ARM")).status_code == 403
    assert client.post(EDIT.format("ARM"), form_data(data_source_en="Rewritten")).status_code == 403
    armenian.refresh_from_db()
    assert armenian.data_source == {"en": "Census"}
    assert not NationalMetadataVersion.objects.exists()
    with pytest.raises(PermissionDenied):
        save_national_metadata(armenian, user=people["kaz-admin"], texts={"data_source": {"en": "Rewritten"}})
    own = signed_in(people["arm-admin"]).post(EDIT.format("ARM"), form_data(data_source_en="Register"))
    assert own.status_code == 302
    armenian.refresh_from_db()
    assert armenian.data_source == {"en": "Register"}


def test_each_save_is_one_version_with_who_and_when_and_an_unchanged_save_records_nothing(people, indicator):
    client = signed_in(people["kaz-admin"])
    first = form_data(data_source_en="Register of residents", data_source_ru="Регистр резидентов",
                      legal_basis_ru="Закон о миграции", note="First description")  # fmt: skip
    response = client.post(EDIT.format("KAZ"), first, follow=True)
    assert "The national metadata was saved" in response.content.decode()
    metadata = NationalMetadata.objects.get(country__code="KAZ")
    # The Russian texts are stored in their own language, not in the English ones.
    assert metadata.data_source == {"en": "Register of residents", "ru": "Регистр резидентов"}
    assert metadata.legal_basis == {"ru": "Закон о миграции"}
    response = client.post(EDIT.format("KAZ"), {**first, "data_source_en": "Register of residents\r\n"}, follow=True)
    assert "Nothing was changed" in response.content.decode()
    assert NationalMetadataVersion.objects.count() == 1
    client.post(EDIT.format("KAZ"), {**first, "data_source_en": "Population register", "note": "Renamed"})
    versions = list(metadata.versions.order_by("changed_at", "pk"))
    assert [(version.changed_by.username, version.note) for version in versions] == [
        ("kaz-admin", "First description"), ("kaz-admin", "Renamed"),
    ]  # fmt: skip
    assert versions[0].changed_at <= versions[1].changed_at
    assert versions[1].changed_by_country.code == "KAZ"
    assert versions[0].texts["data_source"]["en"] == "Register of residents"
    assert set(versions[1].texts) == set(TEXT_FIELDS)


def test_a_blank_form_creates_nothing_and_a_text_too_long_is_refused_where_it_is(people, indicator):
    client = signed_in(people["secretariat"])
    client.post(EDIT.format("KAZ"), form_data())
    assert not NationalMetadata.objects.exists()
    response = client.post(EDIT.format("KAZ"), form_data(caveats_ru="я" * 10001))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Caveats and breaks in series (Русский)" in html
    assert "at most 10000 characters" in html
    assert not NationalMetadata.objects.exists()


def test_the_indicator_page_tells_when_it_changed_and_the_versions_keep_the_earlier_text(people, indicator, kazakhstan):
    # Written before the history was kept: its texts become the first version at their first change.
    NationalMetadata.objects.create(indicator=indicator, country=kazakhstan, data_source={"en": "Old register"})
    signed_in(people["kaz-admin"]).post(EDIT.format("KAZ"), form_data(data_source_en="New register", note="New law"))
    baseline, change = NationalMetadataVersion.objects.order_by("changed_at", "pk")
    assert (baseline.changed_by, baseline.texts["data_source"]) == (None, {"en": "Old register"})
    assert change.changed_by == people["kaz-admin"]
    page = Client().get("/en/data/indicators/RESIDENTS/").content.decode()
    assert f"changed on {date_format(localtime(change.changed_at), 'DATE_FORMAT')}" in page
    assert VERSIONS.format("KAZ") in page
    assert EDIT.format("KAZ") not in page  # the public may not edit
    versions = Client().get(VERSIONS.format("KAZ")).content.decode()
    assert "<del>Old</del>" in versions
    assert "<ins>New</ins>" in versions
    assert "New law" in versions
    assert "before the history started" in versions


# Everyone reads the versions; the author's name only the participating states' officials and the secretariat.
READS_NAMES = {None: False, "kaz-user": True, "kaz-focal": True, "kaz-admin": True, "arm-admin": True,
               "geo-admin": True, "editor": False, "secretariat": True}  # fmt: skip


@pytest.mark.parametrize(("name", "reads_name"), READS_NAMES.items())
def test_everyone_reads_the_versions_and_only_those_who_may_edit_see_the_edit_link(people, indicator, name, reads_name):
    save_national_metadata((indicator, people["kaz-admin"].country), user=people["kaz-admin"],
                           texts={"caveats": {"en": "Break in 2023", "ru": "Разрыв ряда в 2023 году"}})  # fmt: skip
    client = signed_in(people[name]) if name else Client()
    response = client.get(VERSIONS.format("KAZ"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Break in 2023" in html
    assert "Разрыв ряда в 2023 году" in html
    assert "Kazakhstan" in html
    assert ("Aigerim Sadykova" in html) is reads_name
    may_edit = EDITS_KAZ.get(name) == 200
    assert (EDIT.format("KAZ") in html) is may_edit
    assert (EDIT.format("KAZ") in client.get("/en/data/indicators/RESIDENTS/").content.decode()) is may_edit
    assert Client().get(VERSIONS.format("ARM")).status_code == 404  # no metadata, no versions


def test_the_pages_speak_russian(people, indicator):
    client = signed_in(people["kaz-admin"])
    html = client.get(EDIT.format("KAZ").replace("/en/", "/ru/")).content.decode()
    assert "Национальные метаданные" in html
    assert "Русский" in html
    client.post(EDIT.format("KAZ").replace("/en/", "/ru/"), form_data(data_source_ru="Регистр"))
    assert "Версии" in Client().get(VERSIONS.format("KAZ").replace("/en/", "/ru/")).content.decode()


def admin_form(metadata, **texts):
    data = {"indicator": metadata.indicator_id, "country": metadata.country_id}
    for name in TEXT_FIELDS:
        for code in ("en", "ru"):
            data[f"{name}_{code}"] = (getattr(metadata, name) or {}).get(code, "")
    management = {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}
    return {**data, **{f"breaks-{key}": value for key, value in management.items()}, **texts}


def test_an_edit_in_the_wagtail_admin_is_versioned_too(people, indicator, kazakhstan, armenia):
    metadata = NationalMetadata.objects.create(indicator=indicator, country=kazakhstan, caveats={"en": "None known"})
    client = signed_in(people["secretariat"])
    response = client.post(f"/admin/snippets/dsm_data/nationalmetadata/edit/{metadata.pk}/",
                           admin_form(metadata, caveats_ru="Не известны"))  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    metadata.refresh_from_db()
    assert metadata.caveats == {"en": "None known", "ru": "Не известны"}
    baseline, change = NationalMetadataVersion.objects.order_by("changed_at", "pk")
    assert (baseline.texts["caveats"], baseline.changed_by) == ({"en": "None known"}, None)
    assert (change.changed_by, change.changed_by_country) == (people["secretariat"], None)
    client.post(f"/admin/snippets/dsm_data/nationalmetadata/edit/{metadata.pk}/", admin_form(metadata))
    assert NationalMetadataVersion.objects.count() == 2  # saved unchanged: nothing recorded
    new = NationalMetadata(indicator=indicator, country=armenia)
    created = client.post("/admin/snippets/dsm_data/nationalmetadata/add/", admin_form(new, data_source_en="Census"))
    assert created.status_code == 302, created.content.decode()[:3000]
    version = NationalMetadataVersion.objects.get(metadata__country=armenia)
    assert (version.texts["data_source"], version.changed_by) == ({"en": "Census"}, people["secretariat"])
