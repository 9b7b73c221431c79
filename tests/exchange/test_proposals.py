"""Indicator proposals through their services: approval creates the indicator, its series and its rows in the
open submissions, in one transaction; a decline needs a reason and creates nothing; codes never clash; each
step by the rule of dsm_data.permissions.proposals (role x own/other/third state); e-mails in each recipient's
language after the commit; a refusal writes nothing."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from dsm_data.intake.problems import Rejected
from dsm_data.models import Dimension, Indicator, Role, Series, Status, SubmissionIndicator
from dsm_data.services import catalogue
from dsm_data.services.accounts import save_country
from dsm_data.services.submissions import open_submission
from exchange import selectors
from exchange.forms.proposals import parse_breakdowns
from exchange.models import IndicatorProposal, ProposalComment, ProposalStatus, ProposalSupport
from exchange.services import proposals as services

pytestmark = pytest.mark.django_db

DURATION = {
    "code": "DURATION",
    "name": {"en": "Duration of stay", "ru": "Срок пребывания"},
    "categories": [
        {"code": "SHORT", "name": {"en": "Under 90 days", "ru": "До 90 дней"}},
        {"code": "LONG", "name": {"en": "90 days or more", "ru": "90 дней и более"}},
    ],
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
    found = {
        "kaz-admin": make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin"),
        "kaz-focal": make_user(Role.FOCAL_POINT, kazakhstan, username="kaz-focal"),
        "arm-admin": make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin"),
        "arm-user": make_user(Role.DATA_USER, armenia, username="arm-user"),
        "geo-admin": make_user(Role.COUNTRY_ADMIN, georgia, username="geo-admin"),
        "fra-admin": make_user(Role.COUNTRY_ADMIN, outside, username="fra-admin"),
        "secretariat": make_user(Role.SYSTEM_ADMIN, username="secretariat"),
        "editor": make_user(Role.EDITOR, username="editor"),
    }
    found["arm-admin"].language = "ru"
    found["arm-admin"].save()
    return found


def fields(**overrides):
    return {
        "code": "RESIDENCE_PERMITS_SHORT",
        "name": {"en": "Short residence permits", "ru": "Краткосрочные виды на жительство"},
        "definition": {"en": "Permits granted for a short stay.", "ru": "Разрешения на краткосрочное пребывание."},
        "unit": {"en": "permits", "ru": "разрешений"},
        "dimension_codes": ["SEX"],
        "new_dimensions": [DURATION],
        "frequencies": ["annual"],
        "default_confidentiality": "public",
        **overrides,
    }


@pytest.fixture
def proposal(people):
    return services.propose(people["kaz-admin"], **fields())


@pytest.fixture
def submissions(people, kazakhstan, armenia, make_user, make_period):
    """An open (draft) annual submission of Kazakhstan, a submitted one of Armenia, a quarterly draft."""
    annual, quarterly = make_period(2025), make_period(2026, frequency="quarterly")
    draft = open_submission(kazakhstan, annual, user=people["kaz-focal"])
    submitted = open_submission(armenia, annual, user=make_user(Role.FOCAL_POINT, armenia, username="arm-focal"))
    submitted.status = Status.SUBMITTED
    submitted.save()
    return draft, submitted, open_submission(kazakhstan, quarterly, user=people["kaz-focal"])


def test_an_approved_proposal_creates_the_indicator_its_series_and_its_rows_in_the_open_submissions(
    people, proposal, submissions
):
    draft, submitted, quarterly = submissions
    indicator = services.approve(proposal, user=people["secretariat"])

    assert Indicator.objects.get(code="RESIDENCE_PERMITS_SHORT") == indicator
    assert indicator.name["ru"] == "Краткосрочные виды на жительство"
    assert indicator.unit == {"en": "permits", "ru": "разрешений"}
    assert indicator.frequencies == ["annual"]
    assert indicator.default_confidentiality == "public"
    assert [link.dimension.code for link in indicator.indicator_dimensions.select_related("dimension")] == [
        "SEX",
        "DURATION",
    ]
    assert set(Dimension.objects.get(code="DURATION").categories.values_list("code", flat=True)) == {
        "SHORT",
        "LONG",
        "_T",
    }
    assert Series.objects.filter(indicator=indicator).count() == 9  # (F, M, total) x (short, long, total)
    assert Series.objects.filter(indicator=indicator, is_grand_total=True).count() == 1
    row = SubmissionIndicator.objects.get(submission=draft, indicator=indicator)
    assert row.confidentiality == "public"
    assert not SubmissionIndicator.objects.filter(submission__in=[submitted, quarterly], indicator=indicator).exists()
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_by, proposal.indicator) == ("approved", people["secretariat"], indicator)
    assert proposal.decided_at is not None
    assert selectors.open_proposals_for(people["secretariat"]).count() == 0


def test_a_change_updates_the_indicator_keeps_its_code_and_joins_the_open_submissions_of_its_new_frequency(
    people, submissions
):
    existing = catalogue.save_indicator(
        "ASYLUM", ["SEX"], name={"en": "Asylum", "ru": "Убежище"}, unit={"en": "persons", "ru": "человек"},
        frequencies=["quarterly"],
    )  # fmt: skip
    draft, _submitted, quarterly = submissions
    assert SubmissionIndicator.objects.filter(submission=quarterly, indicator=existing).exists()
    change = services.propose(people["arm-admin"], **fields(indicator=existing, code="IGNORED", new_dimensions=[]))
    assert (change.kind, change.code) == ("change", "ASYLUM")
    services.approve(change, user=people["secretariat"])
    existing.refresh_from_db()
    assert existing.name["en"] == "Short residence permits"
    assert existing.frequencies == ["annual"]
    assert Series.objects.filter(indicator=existing).count() == 3
    assert SubmissionIndicator.objects.filter(submission=draft, indicator=existing).exists()
    assert SubmissionIndicator.objects.filter(submission=quarterly, indicator=existing).exists()  # kept as it was
    assert Indicator.objects.count() == 1


def test_a_change_keeps_the_breakdowns_the_figures_are_kept_by(people):
    existing = catalogue.save_indicator("ASYLUM", ["SEX"], name={"en": "Asylum"}, frequencies=["annual"])
    for breakdowns in ({"dimension_codes": []}, {"new_dimensions": [DURATION]}):
        with pytest.raises(Rejected, match="A change keeps the breakdowns of ASYLUM"):
            services.propose(people["arm-admin"], **fields(indicator=existing, **{"new_dimensions": [], **breakdowns}))
    assert not IndicatorProposal.objects.exists()


def test_a_decline_needs_a_reason_and_creates_nothing(people, proposal, submissions):
    with pytest.raises(Rejected, match="Say why"):
        services.decline(proposal, user=people["secretariat"], reason="   ")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.decided_at) == ("open", None)

    services.decline(proposal, user=people["secretariat"], reason="Already counted in RESIDENCE_PERMITS.")
    proposal.refresh_from_db()
    assert (proposal.status, proposal.reason) == ("declined", "Already counted in RESIDENCE_PERMITS.")
    assert not Indicator.objects.exists()
    assert not Dimension.objects.filter(code="DURATION").exists()
    assert not SubmissionIndicator.objects.filter(indicator__code="RESIDENCE_PERMITS_SHORT").exists()
    with pytest.raises(Rejected, match="has been decided"):
        services.approve(proposal, user=people["secretariat"])
    with pytest.raises(Rejected, match="has been decided"):
        services.comment(proposal, user=people["geo-admin"], body="Too late?")


def test_a_code_that_clashes_is_refused_when_proposing_in_the_readers_language(people):
    catalogue.save_indicator("ASYLUM", [], name={"en": "Asylum"}, frequencies=["annual"])
    with pytest.raises(Rejected, match="An indicator with the code “ASYLUM” already exists."):
        services.propose(people["kaz-admin"], **fields(code="asylum"))
    with translation.override("ru"), pytest.raises(Rejected, match="уже существует"):
        services.propose(people["kaz-admin"], **fields(code="ASYLUM"))
    assert not IndicatorProposal.objects.exists()


def test_a_second_open_proposal_for_a_code_is_refused(people, proposal):
    with pytest.raises(Rejected, match="already open"):
        services.propose(people["arm-admin"], **fields())
    assert IndicatorProposal.objects.count() == 1


def test_a_code_taken_since_is_refused_at_approval_and_nothing_is_written(people, proposal, submissions):
    catalogue.save_indicator("RESIDENCE_PERMITS_SHORT", [], name={"en": "Taken"}, frequencies=["monthly"])
    with pytest.raises(Rejected, match="already exists"):
        services.approve(proposal, user=people["secretariat"])
    proposal.refresh_from_db()
    assert proposal.status == "open"
    assert not Dimension.objects.filter(code="DURATION").exists()
    assert Indicator.objects.get().name == {"en": "Taken"}


def test_a_failure_half_way_through_the_approval_leaves_nothing_behind(people, proposal, submissions, monkeypatch):
    def broken(indicator):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(catalogue, "join_open_submissions", broken)
    with pytest.raises(RuntimeError):
        services.approve(proposal, user=people["secretariat"])
    assert not Indicator.objects.exists()
    assert not Series.objects.exists()
    assert not Dimension.objects.filter(code="DURATION").exists()
    proposal.refresh_from_db()
    assert proposal.status == "open"


def test_bad_content_is_refused_with_every_problem_and_nothing_is_stored(people):
    bad_dimension = {"code": "SEX", "name": {"en": "Sex"}, "categories": []}
    with pytest.raises(Rejected) as refused:
        services.propose(
            people["kaz-admin"],
            **fields(code="bad code", name={"en": "Only English"}, frequencies=[], dimension_codes=["NOPE"],
                     new_dimensions=[bad_dimension]),
        )  # fmt: skip
    messages = [str(problem) for problem in refused.value.problems]
    assert "The code “BAD CODE” may hold capital letters, digits and underscores only." in messages
    assert "The name in Russian is missing." in messages
    assert "There is no breakdown “NOPE”." in messages
    assert "A breakdown “SEX” already exists: choose it among the existing ones." in messages
    assert "Choose how often it is collected." in messages
    assert not IndicatorProposal.objects.exists()


# Who may take each step: the proposing state (KAZ), another (ARM), a third (GEO), a non-participating one (FRA).
STEPS = {
    "kaz-admin": {"comment": True, "support": False, "approve": False, "decline": False},
    "kaz-focal": {"comment": False, "support": False, "approve": False, "decline": False},
    "arm-admin": {"comment": True, "support": True, "approve": False, "decline": False},
    "arm-user": {"comment": False, "support": False, "approve": False, "decline": False},
    "geo-admin": {"comment": True, "support": True, "approve": False, "decline": False},
    "fra-admin": {"comment": False, "support": False, "approve": False, "decline": False},
    "secretariat": {"comment": True, "support": False, "approve": True, "decline": True},
    "editor": {"comment": False, "support": False, "approve": False, "decline": False},
}
PROPOSERS = {"kaz-admin", "arm-admin", "geo-admin"}


@pytest.mark.parametrize("name", STEPS)
def test_each_step_by_role_and_state(people, proposal, name):
    user = people[name]
    second = services.propose(people["geo-admin"], **fields(code="SECOND"))
    actions = {
        "comment": lambda: services.comment(proposal, user=user, body="A question."),
        "support": lambda: services.support(proposal, user=user),
        "approve": lambda: services.approve(proposal, user=user),
        "decline": lambda: services.decline(second, user=user, reason="No."),
    }
    for step, action in actions.items():
        if STEPS[name][step]:
            action()
        else:
            with pytest.raises(PermissionDenied):
                action()
    assert ProposalComment.objects.filter(author=user).exists() is STEPS[name]["comment"]
    assert ProposalSupport.objects.filter(user=user).exists() is STEPS[name]["support"]
    assert IndicatorProposal.objects.filter(decided_by=user).count() == (2 if STEPS[name]["approve"] else 0)
    if name in PROPOSERS:
        services.propose(user, **fields(code="THIRD"))
    else:
        with pytest.raises(PermissionDenied):
            services.propose(user, **fields(code="THIRD"))


def test_a_state_supports_once_and_the_proposing_state_not_at_all(people, proposal, armenia, make_user):
    services.support(proposal, user=people["arm-admin"])
    second_admin = make_user(Role.COUNTRY_ADMIN, armenia, username="arm-admin-2")
    with pytest.raises(Rejected, match="Armenia already supports this proposal."):
        services.support(proposal, user=second_admin)
    with pytest.raises(PermissionDenied):
        services.support(proposal, user=people["kaz-admin"])
    assert ProposalSupport.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        ProposalSupport.objects.create(proposal=proposal, country=armenia, user=second_admin)


def test_the_database_refuses_a_decline_without_reason_and_a_decision_without_who(people, proposal):
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorProposal.objects.filter(pk=proposal.pk).update(
            status="declined", decided_by=people["secretariat"], decided_at=timezone.now()
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorProposal.objects.filter(pk=proposal.pk).update(status="approved")


def subjects_by_address():
    return {address: message.subject for message in mail.outbox for address in message.to}


def test_e_mails_go_after_the_commit_to_those_concerned_in_their_language(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.propose(people["kaz-admin"], **fields())
    assert subjects_by_address() == {
        "secretariat@example.org": "Indicator proposal RESIDENCE_PERMITS_SHORT from Kazakhstan",
        "geo-admin@example.org": "Indicator proposal RESIDENCE_PERMITS_SHORT from Kazakhstan",
        "arm-admin@example.org": "Предложение по показателю RESIDENCE_PERMITS_SHORT (Казахстан)",  # reads Russian
    }
    russian = next(message for message in mail.outbox if message.to == ["arm-admin@example.org"])
    assert f"/ru/proposals/{proposal.pk}/" in russian.body
    assert "Краткосрочные виды на жительство" in russian.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.comment(proposal, user=people["arm-admin"], body="Is the duration counted from entry?")
        services.support(proposal, user=people["arm-admin"])
    assert [message.to for message in mail.outbox] == [["kaz-admin@example.org"]]
    assert "Is the duration counted from entry?" in mail.outbox[0].body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.decline(proposal, user=people["secretariat"], reason="Counted elsewhere.")
    assert subjects_by_address() == {
        "kaz-admin@example.org": "Indicator proposal RESIDENCE_PERMITS_SHORT declined",
        "arm-admin@example.org": "Предложение по показателю RESIDENCE_PERMITS_SHORT отклонено",
    }
    assert all("Counted elsewhere." in message.body for message in mail.outbox)


def test_a_refused_step_sends_nothing(people, proposal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Rejected):
        services.decline(proposal, user=people["secretariat"], reason="")
    assert mail.outbox == []


def test_the_secretariat_waits_on_the_open_proposals_only(people, proposal):
    other = services.propose(people["arm-admin"], **fields(code="OTHER"))
    services.decline(other, user=people["secretariat"], reason="No.")
    assert list(selectors.open_proposals_for(people["secretariat"])) == [proposal]
    assert not selectors.open_proposals_for(people["kaz-admin"]).exists()
    assert [item.status for item in selectors.proposals_for(people["arm-user"])] == ["open", "declined"]
    assert not selectors.proposals_for(people["editor"]).exists()
    assert not selectors.proposals_for(people["fra-admin"]).exists()


def test_the_history_keeps_who_did_what_and_when(people, proposal):
    services.comment(proposal, user=people["geo-admin"], body="Why 90 days?")
    services.support(proposal, user=people["arm-admin"])
    services.comment(proposal, user=people["secretariat"], body="Agreed at the meeting.")
    services.approve(proposal, user=people["secretariat"])
    history = selectors.proposal_history(IndicatorProposal.objects.get(pk=proposal.pk))
    assert [(event.what, event.who.username, event.side) for event in history] == [
        ("Proposed", "kaz-admin", "Kazakhstan"),
        ("Comment", "geo-admin", "Georgia"),
        ("Support", "arm-admin", "Armenia"),
        ("Comment", "secretariat", "the secretariat"),
        (ProposalStatus.APPROVED.label, "secretariat", "the secretariat"),
    ]


def test_the_breakdowns_typed_are_read_line_by_line():
    typed = "duration: Duration of stay | Срок пребывания\n- SHORT: Under 90 days | До 90 дней\n\n- LONG: 90+ | 90+\n"
    assert parse_breakdowns(typed) == [
        {
            "code": "DURATION",
            "name": {"en": "Duration of stay", "ru": "Срок пребывания"},
            "categories": [
                {"code": "SHORT", "name": {"en": "Under 90 days", "ru": "До 90 дней"}},
                {"code": "LONG", "name": {"en": "90+", "ru": "90+"}},
            ],
        }
    ]
    with pytest.raises(ValidationError) as refused:
        parse_breakdowns("- F: Female | Женщины\nAGE Age\nSEX: Sex")
    assert refused.value.messages == [
        "Line 1: a category comes after its breakdown.",
        "Line 2: write “CODE: names”.",
        "Line 3: give a name in each language (English | Русский).",
    ]
