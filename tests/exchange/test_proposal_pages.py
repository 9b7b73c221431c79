"""The proposals' pages, role x state: the proposing state (KAZ), another (ARM), a third (GEO), a state outside
the mechanism (FRA), the secretariat, an editor and the public, over every page and action; then a proposal's
journey on the pages, in English and Russian."""

import pytest
from django.test import Client

from dsm_data.models import Indicator, Role, SubmissionIndicator
from dsm_data.services import catalogue
from dsm_data.services.accounts import save_country
from dsm_data.services.submissions import open_submission
from exchange.models import IndicatorProposal
from exchange.services import proposals as services

pytestmark = pytest.mark.django_db

FORM = {
    "code": "residence_permits_short",
    "name_en": "Short residence permits",
    "name_ru": "Краткосрочные виды на жительство",
    "definition_en": "Permits granted for a short stay.",
    "definition_ru": "Разрешения на краткосрочное пребывание.",
    "unit_en": "permits",
    "unit_ru": "разрешений",
    "dimensions": ["SEX"],
    "new_breakdowns": "DURATION: Duration of stay | Срок пребывания\n- SHORT: Under 90 days | До 90 дней\n"
    "- LONG: 90 days or more | 90 дней и более",
    "frequencies": ["annual"],
    "default_confidentiality": "shared",
    "explanation": "Seasonal workers stay less than 90 days.",
}


@pytest.fixture
def people(kazakhstan, armenia, make_user):
    georgia = save_country("GEO", {"en": "Georgia", "ru": "Грузия"})
    outside = save_country("FRA", {"en": "France", "ru": "Франция"})
    outside.is_participating = False
    outside.save()
    catalogue.save_dimension(
        "SEX",
        {"en": "Sex", "ru": "Пол"},
        [("F", {"en": "Female", "ru": "Женщины"}), ("M", {"en": "Male", "ru": "Мужчины"})],
    )
    return {
        "kaz-admin": make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin"),
        "kaz-focal": make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal"),
        "arm-admin": make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin"),
        "arm-user": make_user(Role.DATA_USER, armenia, username="arm-user"),
        "geo-admin": make_user(Role.COUNTRY_ADMIN, georgia, username="geo-admin"),
        "fra-admin": make_user(Role.COUNTRY_ADMIN, outside, username="fra-admin"),
        "secretariat": make_user(Role.SYSTEM_ADMIN, username="secretariat"),
        "editor": make_user(Role.EDITOR, username="editor"),
    }


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def propose(people, code="RESIDENCE_PERMITS_SHORT"):
    return services.propose(
        people["kaz-admin"], code=code, name={"en": "Short permits", "ru": "Краткие разрешения"},
        definition={"en": "Short.", "ru": "Краткие."}, unit={"en": "permits", "ru": "разрешений"},
        dimension_codes=["SEX"], frequencies=["annual"], default_confidentiality="shared",
    )  # fmt: skip


READ, NEW, COMMENT, SUPPORT, DECIDE = "read", "new", "comment", "support", "decide"
RIGHTS = {
    "kaz-admin": {READ, NEW, COMMENT},  # the proposing state: proposing is its support
    "kaz-focal": {READ},
    "arm-admin": {READ, NEW, COMMENT, SUPPORT},
    "arm-user": {READ},
    "geo-admin": {READ, NEW, COMMENT, SUPPORT},
    "fra-admin": set(),  # not a participating state
    "secretariat": {READ, COMMENT, DECIDE},
    "editor": set(),
}


@pytest.mark.parametrize("name", RIGHTS)
def test_every_page_and_action_by_role_and_state(people, name):
    proposal, second = propose(people), propose(people, code="SECOND")
    client, rights = signed_in(people[name]), RIGHTS[name]

    def expected(right, allowed=200):
        return allowed if right in rights else 403

    assert client.get("/en/proposals/").status_code == expected(READ)
    detail = client.get(f"/en/proposals/{proposal.pk}/")
    assert detail.status_code == expected(READ)
    if READ in rights:
        page = detail.content.decode()
        assert ("My state supports this proposal" in page) is (SUPPORT in rights)
        assert (f'action="/en/proposals/{proposal.pk}/comment/"' in page) is (COMMENT in rights)
        assert (f'action="/en/proposals/{proposal.pk}/approve/"' in page) is (DECIDE in rights)
        assert (f'action="/en/proposals/{proposal.pk}/decline/"' in page) is (DECIDE in rights)
    assert client.get("/en/proposals/new/").status_code == expected(NEW)
    base = f"/en/proposals/{proposal.pk}/"
    assert client.post(base + "comment/", {"body": "A question."}).status_code == expected(COMMENT, 302)
    assert client.post(base + "support/").status_code == expected(SUPPORT, 302)
    assert client.post(f"/en/proposals/{second.pk}/decline/", {"reason": "No."}).status_code == expected(DECIDE, 302)
    assert client.post(base + "approve/").status_code == expected(DECIDE, 302)
    assert Indicator.objects.filter(code="RESIDENCE_PERMITS_SHORT").exists() is (DECIDE in rights)
    assert proposal.comments.exists() is (COMMENT in rights)
    assert proposal.supports.exists() is (SUPPORT in rights)


def test_the_public_is_sent_to_sign_in(people):
    proposal = propose(people)
    for path in ("/en/proposals/", "/en/proposals/new/", f"/en/proposals/{proposal.pk}/"):
        assert Client().get(path)["Location"].startswith("/en/accounts/login/")
    for action in ("comment", "support", "approve", "decline"):
        assert Client().post(f"/en/proposals/{proposal.pk}/{action}/")["Location"].startswith("/en/accounts/login/")
    assert IndicatorProposal.objects.get().status == "open"


def test_a_proposal_made_discussed_and_approved_on_the_pages(people, kazakhstan, make_period):
    draft = open_submission(kazakhstan, make_period(2025), user=people["kaz-focal"])
    sent = signed_in(people["kaz-admin"]).post("/en/proposals/new/", FORM)
    assert sent.status_code == 302, sent.content.decode()[:3000]
    path = sent["Location"]
    page = signed_in(people["arm-user"]).get(path).content.decode()
    assert "Short residence permits" in page
    assert "Seasonal workers stay less than 90 days." in page
    assert "DURATION" in page

    signed_in(people["geo-admin"]).post(path + "comment/", {"body": "Why 90 days?"})
    signed_in(people["arm-admin"]).post(path + "support/")
    secretariat = signed_in(people["secretariat"])
    refused = secretariat.post(path + "decline/", {"reason": ""}, follow=True)
    assert "Say why the proposal is declined." in refused.content.decode()
    assert IndicatorProposal.objects.get().status == "open"
    approved = secretariat.post(path + "approve/", follow=True).content.decode()
    assert "The proposal is approved" in approved

    indicator = Indicator.objects.get(code="RESIDENCE_PERMITS_SHORT")
    assert SubmissionIndicator.objects.filter(submission=draft, indicator=indicator).exists()
    history = signed_in(people["kaz-focal"]).get(path.replace("/en/", "/ru/", 1)).content.decode()
    for text in ("Why 90 days?", "Грузия", "Армения", "Одобрено", "Краткосрочные виды на жительство"):
        assert text in history
    assert "Georgia" not in history  # the Russian page names the states in Russian


def test_the_list_puts_open_proposals_first_and_filters_by_status(people):
    first, later = propose(people, code="FIRST"), propose(people, code="LATER")
    services.decline(later, user=people["secretariat"], reason="No.")
    newest = propose(people, code="NEWEST")
    client = signed_in(people["arm-user"])
    page = client.get("/en/proposals/").content.decode()
    assert page.index("NEWEST") < page.index("FIRST") < page.index("LATER")
    declined = client.get("/en/proposals/?status=declined").content.decode()
    assert "LATER" in declined
    assert "FIRST" not in declined
    assert newest.status == first.status == "open"


def test_the_form_tells_what_is_wrong_and_where_in_the_readers_language(people):
    catalogue.save_indicator("ASYLUM", [], name={"en": "Asylum", "ru": "Убежище"}, frequencies=["annual"])
    client = signed_in(people["kaz-admin"])
    page = client.post("/ru/proposals/new/", {**FORM, "code": "ASYLUM", "name_ru": ""}).content.decode()
    assert "Показатель с кодом «ASYLUM» уже существует." in page
    assert "Не заполнено поле «Название» (Русский)." in page
    bad_lines = client.post("/en/proposals/new/", {**FORM, "new_breakdowns": "DURATION Duration"}).content.decode()
    assert "Line 1: write “CODE: names”." in bad_lines
    assert not IndicatorProposal.objects.exists()


def test_a_change_starts_from_the_indicator_as_it_is(people):
    existing = catalogue.save_indicator(
        "ASYLUM", ["SEX"], name={"en": "Asylum seekers", "ru": "Просители убежища"}, unit={"en": "persons"},
        frequencies=["annual"],
    )  # fmt: skip
    client = signed_in(people["arm-admin"])
    page = client.get("/en/proposals/new/?indicator=ASYLUM").content.decode()
    assert 'value="Asylum seekers"' in page
    assert 'name="code"' not in page  # a change keeps the code
    sent = client.post(
        "/en/proposals/new/?indicator=ASYLUM",
        {**FORM, "new_breakdowns": "", "name_en": "Asylum applicants", "unit_ru": "человек"},
    )
    assert sent.status_code == 302, sent.content.decode()[:3000]
    change = IndicatorProposal.objects.get()
    assert (change.kind, change.code, change.indicator) == ("change", "ASYLUM", existing)
    assert client.get("/en/proposals/new/?indicator=NOPE").status_code == 404
