"""A new indicator joins the open submissions of its frequencies; the secretariat adds it to past ones."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from dsm_data.intake.problems import Rejected
from dsm_data.models import Role, Status, Submission, SubmissionIndicator, Transition, Value
from dsm_data.services import submissions as services
from dsm_data.services.catalogue import save_indicator
from dsm_data.wagtail_hooks import create_new_series

pytestmark = pytest.mark.django_db

RELEASED = datetime.datetime(2026, 6, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def round_of_submissions(catalogue, kazakhstan, make_user, make_period):
    """KAZ submissions of 2021 to 2025 in every state, and a quarterly draft."""
    secretariat = make_user(Role.SYSTEM_ADMIN, username="secretariat")
    statuses = {2021: Status.DRAFT, 2022: Status.RETURNED, 2023: Status.SUBMITTED, 2024: Status.VALIDATED}
    statuses[2025] = Status.PUBLISHED
    submissions = {}
    for year, status in statuses.items():
        submission = services.open_submission(kazakhstan, make_period(year), user=secretariat)
        released = RELEASED if status == Status.PUBLISHED else None
        Submission.objects.filter(pk=submission.pk).update(status=status, release_at=released, published_at=released)
        submission.refresh_from_db()
        submissions[status] = submission
    quarter = make_period(2030, frequency="quarterly")
    quarter.code = "2030-Q1"
    quarter.save()
    submissions["quarterly"] = services.open_submission(kazakhstan, quarter, user=secretariat)
    return submissions


def linked(submission, code):
    return SubmissionIndicator.objects.filter(submission=submission, indicator__code=code).exists()


def new_indicator(frequencies):
    return save_indicator(
        "ASYLUM_WITHDRAWN",
        ("SEX",),
        name={"en": "Asylum applications withdrawn", "ru": "Отозванные ходатайства"},
        unit={"en": "persons", "ru": "человек"},
        frequencies=frequencies,
        default_confidentiality="public",
    )


def test_a_new_indicator_joins_only_the_open_submissions_of_its_frequency(round_of_submissions):
    new_indicator(["annual"])
    joined = {key: linked(submission, "ASYLUM_WITHDRAWN") for key, submission in round_of_submissions.items()}
    assert joined == {
        Status.DRAFT: True,
        Status.RETURNED: True,
        Status.SUBMITTED: False,
        Status.VALIDATED: False,
        Status.PUBLISHED: False,
        "quarterly": False,
    }
    link = SubmissionIndicator.objects.get(
        submission=round_of_submissions[Status.DRAFT], indicator__code="ASYLUM_WITHDRAWN"
    )
    assert link.confidentiality == "public"


def test_a_frequency_added_in_the_admin_joins_that_frequencys_open_submissions(round_of_submissions):
    indicator = new_indicator(["annual"])
    indicator.frequencies = ["annual", "quarterly"]
    indicator.save()
    create_new_series(None, indicator)  # the admin's after_edit_snippet hook
    assert linked(round_of_submissions["quarterly"], "ASYLUM_WITHDRAWN")
    assert SubmissionIndicator.objects.filter(indicator=indicator).count() == 3  # no link twice


def test_the_secretariat_adds_an_indicator_to_a_past_submission_and_nobody_else_does(
    round_of_submissions, kazakhstan, armenia, make_user
):
    indicator = new_indicator(["annual"])
    published = round_of_submissions[Status.PUBLISHED]
    for user in (
        make_user(Role.COUNTRY_ADMIN, kazakhstan),
        make_user(Role.FOCAL_POINT, kazakhstan),
        make_user(Role.COUNTRY_ADMIN, armenia),
    ):
        with pytest.raises(PermissionDenied):
            services.add_indicator(published, indicator, user=user)
    assert not linked(published, "ASYLUM_WITHDRAWN")

    secretariat = type(published.transitions.first().actor).objects.get(username="secretariat")
    services.add_indicator(published, indicator, user=secretariat)
    assert linked(published, "ASYLUM_WITHDRAWN")
    step = Transition.objects.filter(submission=published).last()
    assert (step.actor, step.from_status, step.to_status) == (secretariat, Status.PUBLISHED, Status.PUBLISHED)
    assert "Asylum applications withdrawn" in step.comment
    with pytest.raises(Rejected, match="already part of the submission of Kazakhstan for 2025"):
        services.add_indicator(published, indicator, user=secretariat)
    with pytest.raises(Rejected, match="not collected for quarterly periods"):
        services.add_indicator(round_of_submissions["quarterly"], indicator, user=secretariat)


def import_table(tmp_path, username, rows):
    path = tmp_path / "withdrawn.csv"
    lines = ["indicator,country,period,SEX,value,reason", *(",".join(row) for row in rows)]
    path.write_text("\n".join(lines), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("dsm_import", str(path), user=username, stdout=out, stderr=err, reason="Loaded in 2026")
    except SystemExit as stop:
        return stop.code, out.getvalue() + err.getvalue()
    return 0, out.getvalue() + err.getvalue()


def test_a_file_for_an_indicator_a_past_submission_lacks(round_of_submissions, kazakhstan, make_user, tmp_path):
    new_indicator(["annual"])
    published = round_of_submissions[Status.PUBLISHED]
    make_user(Role.COUNTRY_ADMIN, kazakhstan, username="kaz-admin")
    rows = [["ASYLUM_WITHDRAWN", "KAZ", "2025", sex, number, ""] for sex, number in (("F", "3"), ("M", "4"))]
    code, output = import_table(tmp_path, "kaz-admin", rows)
    assert code == 1
    assert (
        "Asylum applications withdrawn is not part of the submission of Kazakhstan for 2025: "
        "ask the secretariat to add it."
    ) in output
    assert not linked(published, "ASYLUM_WITHDRAWN")

    code, output = import_table(tmp_path, "secretariat", rows)
    assert code == 0, output
    assert linked(published, "ASYLUM_WITHDRAWN")
    values = Value.objects.filter(submission=published, indicator__code="ASYLUM_WITHDRAWN")
    assert sorted(values.values_list("number", flat=True)) == [3, 4, 7]  # the total computed
    assert {value.released_at for value in values} == {RELEASED}  # published with the submission's figures
    assert {revision.reason for value in values for revision in value.revisions.all()} == {"Loaded in 2026"}
    published.refresh_from_db()
    assert published.status == Status.PUBLISHED
