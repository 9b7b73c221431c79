"""Issue 13's acceptance: loading real history.

- A publisher's wide table (country names, years in columns, ``*`` cells, extra columns),
  loaded through a saved mapping into periods already published: every figure of the
  CSV export, the revisions with their reasons, the receipt.
- The same file without the mapping is refused, its problems grouped and naming what
  would be right.
- A partial submission is submitted with a reason, validated, published, shown with its
  "not collected" cells, and counted on the completeness page.
- 100 submissions published in one action, each step a transition with its actor.
"""

import csv
import datetime
import io
import re
from decimal import Decimal
from html.parser import HTMLParser

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from demo.values import publish_in_bulk
from dsm_data.cells import Cell, format_number
from dsm_data.grid import build_grid
from dsm_data.intake.mapping import MappingSpec
from dsm_data.intake.problems import Rejected
from dsm_data.models import (
    Absence,
    Channel,
    Delivery,
    DeliveryStatus,
    Role,
    Status,
    Submission,
    SubmissionIndicator,
    TableMapping,
    Transition,
    Value,
    ValueRevision,
)
from dsm_data.services import bulk
from dsm_data.services import deliveries as delivery_services
from dsm_data.services import submissions as submission_services
from dsm_data.services.accounts import save_country
from dsm_data.services.mappings import save_mapping
from tests.conftest import cells_from

pytestmark = pytest.mark.django_db

YEARS = (2022, 2023, 2024)
INDICATOR = "ASYLUM_APPLICATIONS"
REASON = "UNHCR revision 2025"
RELEASED = timezone.make_aware(datetime.datetime(2025, 6, 1, 9, 0))

# The grand totals published before the file comes: (country, year) -> number, or None for
# an indicator of a published submission whose figure was not collected. Georgia has no
# submission for 2024 yet.
PUBLISHED = {
    ("KAZ", 2022): 210, ("KAZ", 2023): 230, ("KAZ", 2024): 250,
    ("ARM", 2022): 320, ("ARM", 2023): 340, ("ARM", 2024): 360,
    ("MDA", 2022): 190, ("MDA", 2023): None, ("MDA", 2024): 205,
    ("GEO", 2022): 1_100, ("GEO", 2023): 1_150,
}  # fmt: skip

# The publisher's rows: its own names, an ISO column nobody maps, the years, its notes.
# None: a blank cell (no figure given: nothing changes); "*": suppressed by the publisher.
FILE_ROWS = [
    ("Kazakhstan", "KAZ", 210, 236, "*", "Data as of mid-2025."),
    ("Armenia", "ARM", None, 341, 360, ""),
    ("Republic of Moldova", "MDA", 190, 199, 207, "Excluding the left bank of the Dniester."),
    ("Georgia*", "GEO", 1_100, "1,180", 1_210, "* Excluding Abkhazia and South Ossetia."),
]
HEADER = ["Country or territory of asylum", "ISO", 2022, 2023, 2024, "Notes"]

# What the file does: (country, year) -> (before, after); after "c" is the confidential mark.
CORRECTED = {
    ("KAZ", 2023): (230, 236),
    ("KAZ", 2024): (250, "c"),
    ("ARM", 2023): (340, 341),
    ("MDA", 2024): (205, 207),
    ("GEO", 2023): (1_150, 1_180),
}
ADDED = {("MDA", 2023): 199, ("GEO", 2024): 1_210}  # the first into a published submission, the second a new draft
UNCHANGED = [("KAZ", 2022), ("ARM", 2024), ("MDA", 2022), ("GEO", 2022)]

# Refugee status decisions by outcome, closed cases aside.
DECISIONS = {"RSD_OUTCOME=RECOGNISED": "12", "RSD_OUTCOME=COMPLEMENTARY": "3", "RSD_OUTCOME=REJECTED": "20"}


def the_mapping():
    """How the publisher's export reads: the country by name, each year's column a period, one indicator."""
    return MappingSpec(
        columns={"Country or territory of asylum": "country"},
        wide={str(year): {"period": str(year)} for year in YEARS},
        fixed={"indicator": INDICATOR},
    )


def publisher_workbook(rows=FILE_ROWS, header=HEADER):
    """An .xlsx as a publisher exports it: a title, a blank line, the header, the countries."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Asylum applications"
    sheet.append(["Asylum applications by country of asylum, 2022–2024 (persons)"])
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(list(row))
    sheet.append([])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def grand_total(indicator):
    return next(series for series in build_grid(indicator).series if series.is_grand_total)


def publish(country, period, figures, *, actor, release_at=RELEASED):
    """A published submission as a portal holds its history: the demo's bulk writer, one actor for every step."""
    return publish_in_bulk(
        country, period, figures, released=release_at, entered_by=actor, validated_by=actor, published_by=actor
    )


@pytest.fixture
def history(catalogue, kazakhstan, armenia, make_user, make_period):
    """Four countries whose 2022-2024 figures are published, the secretariat, and a reader of shared data."""

    class Portal:
        countries = {
            "KAZ": kazakhstan,
            "ARM": armenia,
            "MDA": save_country("MDA", {"en": "Moldova", "ru": "Молдова"}),
            "GEO": save_country("GEO", {"en": "Georgia", "ru": "Грузия"}),
        }
        periods = {year: make_period(year, deadline=datetime.date(year + 1, 3, 31)) for year in YEARS}
        secretariat = make_user(Role.SYSTEM_ADMIN, username="secretariat")
        reader = make_user(Role.DATA_USER, armenia, username="arm-reader")
        indicator = catalogue[INDICATOR]
        total = grand_total(catalogue[INDICATOR])

    annual = [indicator for indicator in catalogue.values() if "annual" in indicator.frequencies]
    for (code, year), number in PUBLISHED.items():
        figures = {indicator: {} for indicator in annual}  # every annual indicator is part of it
        if number is not None:
            figures[Portal.indicator] = {Portal.total.pk: Cell(number=Decimal(number))}
        publish(Portal.countries[code], Portal.periods[year], figures, actor=Portal.secretariat)
    return Portal


def database_state():
    return (
        Delivery.objects.count(),
        Submission.objects.count(),
        sorted(Value.objects.values_list("pk", "number", "absence", "revision")),
        ValueRevision.objects.count(),
        TableMapping.objects.count(),
    )


def exported_rows(client, user, indicator_code):
    """The data browser's CSV export of an indicator's grand totals, as ``user`` downloads it."""
    client.force_login(user)
    response = client.get(
        reverse("dsm_data:browse"), {"indicator": indicator_code, "totals_only": "on", "export": "csv"}
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


class _TableRows(HTMLParser):
    """The text of each cell of each table row of a page: [[cell text, ...], ...]."""

    def __init__(self):
        super().__init__()
        self.rows, self._row, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table_rows(html):
    parser = _TableRows()
    parser.feed(html)
    return parser.rows


def shown(number):
    """A figure as the pages write it in English: 1180 -> "1,180", "c" stays "c"."""
    return format_number(Decimal(number)) if isinstance(number, int) else number


# (a) Mapped load into published periods


def test_a_publishers_wide_table_loads_through_a_saved_mapping_into_published_periods(history, client):
    secretariat = history.secretariat
    saved = save_mapping(
        the_mapping(), name="UNHCR asylum applications, wide", description="UNHCR refugee data finder", user=secretariat
    )
    mapping = TableMapping.objects.get(name="UNHCR asylum applications, wide")  # reused for the next file
    assert mapping == saved
    assert mapping.created_by == secretariat
    assert MappingSpec.from_json(mapping.spec) == the_mapping()

    data = publisher_workbook()
    delivery, changes = delivery_services.receive(
        data, original_name="unhcr-asylum.xlsx", user=secretariat, mapping=mapping, reason=REASON
    )
    assert (changes.added, changes.changed, changes.unchanged) == (len(ADDED), len(CORRECTED), len(UNCHANGED))
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.mapping == mapping
    assert delivery.mapping_spec == the_mapping().to_json()
    assert delivery.reason == REASON
    assert not ValueRevision.objects.filter(delivery=delivery).exists()  # nothing stored before the confirmation

    delivery, _warnings = delivery_services.confirm(delivery, user=secretariat, fingerprint=changes.fingerprint)
    assert delivery.status == DeliveryStatus.ACCEPTED
    assert (delivery.added, delivery.changed, delivery.unchanged) == (len(ADDED), len(CORRECTED), len(UNCHANGED))

    check_the_export(history, client)
    check_the_revisions(history, delivery)
    check_the_submissions(history)
    check_the_receipt(history, client, delivery)


def expected_published_totals():
    """(country, period) -> (value, missing_because) of every published grand total after the file."""
    expected = {}
    for (code, year), number in PUBLISHED.items():
        if number is not None:
            expected[(code, str(year))] = (str(number), "")
    for (code, year), (_before, after) in CORRECTED.items():
        expected[(code, str(year))] = ("", Absence.CONFIDENTIAL) if after == "c" else (str(after), "")
    expected[("MDA", "2023")] = (str(ADDED[("MDA", 2023)]), "")  # into a published submission: released with it
    return expected  # Georgia's 2024 went into a new draft: not published, not exported


def check_the_export(history, client):
    rows = exported_rows(client, history.reader, INDICATOR)
    exported = {(row["country_code"], row["period"]): (row["value"], row["missing_because"]) for row in rows}
    assert len(rows) == len(exported)  # one row a figure
    assert exported == expected_published_totals()
    for row in rows:
        assert row["indicator_code"] == INDICATOR
        assert (row["provisional"], row["estimated"], row["footnote"]) == ("0", "0", "")


def check_the_revisions(history, delivery):
    revisions = {
        (revision.value.country.code, int(revision.value.period.code)): revision
        for revision in ValueRevision.objects.filter(delivery=delivery).select_related(
            "value__country", "value__period", "value__series"
        )
    }
    assert set(revisions) == set(CORRECTED) | set(ADDED)  # unchanged figures get no revision
    for place, (before, after) in CORRECTED.items():
        revision = revisions[place]
        assert revision.value.series.is_grand_total
        assert revision.is_correction, place
        assert revision.reason == REASON, place
        assert revision.changed_by == history.secretariat
        assert revision.revision == 2 == revision.value.revision
        if after == "c":
            assert (revision.number, revision.absence) == (None, Absence.CONFIDENTIAL)
        else:
            assert (revision.number, revision.absence) == (Decimal(after), "")
        first = ValueRevision.objects.get(value=revision.value, revision=1)
        assert (first.number, first.delivery, first.is_correction) == (Decimal(before), None, False)
    assert revisions[("GEO", 2024)].is_correction is False  # a draft's figure corrects nothing
    assert revisions[("GEO", 2024)].number == 1_210
    assert revisions[("MDA", 2023)].number == 199
    for place in UNCHANGED:
        value = Value.objects.get(
            country__code=place[0], period__code=str(place[1]), series_id=history.total.pk, indicator=history.indicator
        )
        assert value.revision == 1
        assert value.number == PUBLISHED[place]


def check_the_submissions(history):
    statuses = dict(Submission.objects.filter(period__code="2024").values_list("country__code", "status"))
    assert statuses == {"KAZ": "published", "ARM": "published", "MDA": "published", "GEO": "draft"}
    added = Value.objects.get(country__code="MDA", period__code="2023", series_id=history.total.pk)
    assert added.released_at == RELEASED  # the submission's release time
    new_draft = Value.objects.get(country__code="GEO", period__code="2024", series_id=history.total.pk)
    assert new_draft.released_at is None


def check_the_receipt(history, client, delivery):
    client.force_login(history.secretariat)
    response = client.get(reverse("dsm_data:delivery", args=[delivery.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Receipt {delivery.number}" in html
    rows = table_rows(html)

    def row_of(code, year):
        found = [row for row in rows if row[:2] == [code, str(year)]]  # the country's code, the period's
        assert len(found) == 1, (code, year, rows)
        return found[0]

    for (code, year), (before, after) in CORRECTED.items():
        row = row_of(code, year)
        assert shown(before) in row, row
        assert shown(after) in row, row
        assert any(REASON in cell and "correction" in cell for cell in row), row
    for (code, year), after in ADDED.items():
        row = row_of(code, year)
        assert shown(after) in row, row
        assert "not collected" in row, row  # nothing before
    assert not any("correction" in cell for cell in row_of("GEO", 2024))
    for code, year in UNCHANGED:
        assert not any(row[:2] == [code, str(year)] for row in rows)


# (b) Unmapped refusal


def test_the_same_file_without_its_mapping_is_refused_naming_the_columns_seen_and_needed(history):
    before = database_state()
    with pytest.raises(Rejected) as refused:
        delivery_services.receive(publisher_workbook(), original_name="unhcr-asylum.xlsx", user=history.secretariat)
    assert database_state() == before
    groups = refused.value.groups
    assert len(groups) == 1  # one reason, said once
    summary = groups[0].summary
    assert "No header row found" in summary
    for needed in ("indicator", "country", "period", "value"):
        assert needed in summary
    assert "Country or territory of asylum" in summary  # the headers it saw


def test_an_unknown_year_column_and_an_unknown_country_of_a_mapped_file_name_the_allowed_values(history):
    """A year column the portal has no period for names the known periods; an unknown country names the
    portal's countries, and carries its field and text (the mapping page offers a recode for it)."""
    rows = [(*row[:5], 500 + index, row[5]) for index, row in enumerate(FILE_ROWS)]
    rows.append(("Atlantis", "ATL", 7, None, None, None, ""))
    header = [*HEADER[:5], 2021, "Notes"]
    spec = the_mapping()
    spec.wide["2021"] = {"period": "2021"}
    before = database_state()
    with pytest.raises(Rejected) as refused:
        delivery_services.receive(
            publisher_workbook(rows, header), original_name="unhcr.xlsx", user=history.secretariat, spec=spec
        )
    assert database_state() == before
    groups = refused.value.groups
    assert len(groups) == 2, [group.summary for group in groups]
    (period_group,) = [group for group in groups if "Unknown period “2021”" in group.heading]
    assert period_group.hint == "known annual periods: 2022–2024"
    assert {(problem.field, problem.value) for problem in period_group.problems} == {("period", "2021")}
    (country_group,) = [group for group in groups if "Atlantis" in group.heading]
    assert country_group.rows == [8]
    for code in ("ARM", "GEO", "KAZ", "MDA"):
        assert code in country_group.hint
    (unknown,) = country_group.problems
    assert (unknown.field, unknown.value) == ("country", "Atlantis")


def test_a_year_repeated_on_many_rows_of_a_long_table_is_one_line_with_its_rows_and_the_known_periods(history):
    rows = [(2022, "Kazakhstan", 5), (2019, "Kazakhstan", 3), (2023, "Armenia", 4), (2019, "Armenia", 2),
            (2019, "Georgia", 1), (2024, "Republic of Moldova", 9)]  # fmt: skip
    text = "Year,Country of asylum,Applied\r\n" + "".join(
        f'{year},"{name}",{number}\r\n' for year, name, number in rows
    )
    spec = MappingSpec(
        columns={"Year": "period", "Country of asylum": "country", "Applied": "value"}, fixed={"indicator": INDICATOR}
    )
    before = database_state()
    with pytest.raises(Rejected) as refused:
        delivery_services.receive(text.encode(), original_name="unhcr.csv", user=history.secretariat, spec=spec)
    assert database_state() == before
    (group,) = refused.value.groups
    assert group.count == 3
    assert "Unknown period “2019” (3 rows: 3, 5, 6); known annual periods: 2022–2024" in group.summary


# (c) Partial submission


MISSING_REASON = "The register records no breakdown by age or citizenship before 2026."


def not_collected_counts(submission):
    """{indicator code: cells without a figure} of a submission, from its stored values."""
    counts = {}
    for link in submission.submission_indicators.select_related("indicator"):
        grid = build_grid(link.indicator)
        filled = Value.objects.filter(submission=submission, indicator=link.indicator).count()
        counts[link.indicator.code] = len(grid.series) - filled
    return counts


def test_a_partial_submission_is_submitted_with_a_reason_validated_published_and_counted(
    portal_team, kazakhstan, catalogue, client
):
    focal, administrator = portal_team.focal, portal_team.kaz_admin
    submission = submission_services.open_submission(kazakhstan, portal_team.period, user=focal)
    decisions, applications = catalogue["REFUGEE_DECISIONS"], catalogue[INDICATOR]
    outcomes = {**DECISIONS, "RSD_OUTCOME=CLOSED": ":"}
    submission_services.save_cells(submission, decisions, cells=cells_from(build_grid(decisions), outcomes), user=focal)
    total = grand_total(applications)
    submission_services.save_cells(submission, applications, cells={total.pk: Cell(number=Decimal(45))}, user=focal)

    with pytest.raises(Rejected) as refused:
        submission_services.submit(submission, user=focal)
    assert "reason" in str(refused.value).lower()
    submission.refresh_from_db()
    assert submission.status == Status.DRAFT
    assert submission.missing_reason == ""

    submission_services.submit(submission, user=focal, missing_reason=MISSING_REASON)
    submission.refresh_from_db()
    assert (submission.status, submission.missing_reason) == (Status.SUBMITTED, MISSING_REASON)
    # A blank stays blank: nothing invented, not even the decisions' total (one outcome is ":").
    assert not Value.objects.filter(submission=submission, indicator=decisions, series__is_grand_total=True).exists()
    counts = not_collected_counts(submission)
    assert counts[INDICATOR] == len(build_grid(applications).series) - 1
    assert counts["REFUGEE_DECISIONS"] == 1  # the total, left to the reader to add up

    client.force_login(administrator)  # the validator sees why
    page = client.get(reverse("dsm_data:submission", args=[submission.pk])).content.decode()
    assert MISSING_REASON in page
    missing_indicators = sum(1 for count in counts.values() if count)
    assert f"Not collected: {sum(counts.values())} cells in {missing_indicators} indicators." in page

    submission_services.validate(submission, user=administrator)
    submission_services.publish(submission, user=portal_team.sysadmin)
    submission.refresh_from_db()
    assert submission.status == Status.PUBLISHED
    assert Value.objects.filter(submission=submission).count() == 5  # 4 decisions, 1 application

    # The published grid, read-only: the one figure, and every other cell "not collected" (not ":", not 0).
    entry = client.get(reverse("dsm_data:entry", args=[submission.pk, INDICATOR])).content.decode()
    grid_cells = [cell for row in table_rows(entry) for cell in row]
    assert grid_cells.count("45") == 1
    assert grid_cells.count("not collected") == counts[INDICATOR]
    decisions_page = client.get(reverse("dsm_data:entry", args=[submission.pk, "REFUGEE_DECISIONS"])).content.decode()
    decisions_cells = [cell for row in table_rows(decisions_page) for cell in row]
    assert decisions_cells.count("not collected") == 1
    assert decisions_cells.count(":") == 1

    check_the_completeness_page(client, portal_team.sysadmin, submission, counts)


def check_the_completeness_page(client, user, submission, counts):
    """Kazakhstan's row: each indicator's cells not collected, then their sum; the foot, the rows' sums."""
    client.force_login(user)
    response = client.get(reverse("dsm_data:completeness"), {"period": submission.period.code})
    assert response.status_code == 200
    rows = table_rows(response.content.decode())
    indicators = [link.indicator.code for link in submission.submission_indicators.order_by("indicator__sort_order")]
    (kazakhstan_row,) = [row for row in rows if row and row[0] == "Kazakhstan"]
    for code, cell in zip(indicators, kazakhstan_row[1 : len(indicators) + 1], strict=True):
        if counts[code]:
            assert f"{counts[code]} not collected" in cell, (code, cell)
        else:
            assert "not collected" not in cell, (code, cell)
    assert kazakhstan_row[len(indicators) + 1] == str(sum(counts.values()))
    foot = rows[-1]
    assert foot[0] == "Not collected"
    countries = rows[1:-1]  # Armenia too: no submission, every cell not collected
    assert len(countries) == 2
    for column in range(1, len(indicators) + 1):
        assert foot[column] == str(sum(not_collected_in(row[column]) for row in countries)), column
    assert foot[len(indicators) + 1] == str(sum(int(row[len(indicators) + 1]) for row in countries))


def not_collected_in(cell):
    """7 of a completeness cell "Published7 not collected", 0 of one without."""
    found = re.search(r"(\d+) not collected", cell)
    return int(found.group(1)) if found else 0


# (d) Bulk publication


BULK_COUNTRIES = ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB",
                  "MNG", "TUR", "IRN", "CHN", "AFG", "POL", "LTU", "LVA"]  # fmt: skip
BULK_YEARS = range(2020, 2025)
COMMENT = "History 2020-2024 loaded from the national registers"


def test_a_hundred_submissions_are_submitted_validated_and_published_in_one_action(
    catalogue, make_user, make_period, client
):
    """The secretariat ticks 100 drafts in the submissions list and takes one action."""
    secretariat = make_user(Role.SYSTEM_ADMIN, username="secretariat")
    countries = [save_country(code, {"en": code, "ru": code}) for code in BULK_COUNTRIES]
    focal = make_user(Role.FOCAL_POINT, countries[0])
    periods = [make_period(year, deadline=datetime.date(year + 1, 3, 31)) for year in BULK_YEARS]
    decisions = catalogue["REFUGEE_DECISIONS"]
    grid = build_grid(decisions)
    # The same figures every year: no year-on-year warning asks for a comment.
    cells = cells_from(grid, {**DECISIONS, "RSD_OUTCOME=CLOSED": "5", "RSD_OUTCOME=_T": "40"})
    drafts = Submission.objects.bulk_create(
        Submission(country=country, period=period) for country in countries for period in periods
    )
    assert len(drafts) == 100
    SubmissionIndicator.objects.bulk_create(
        SubmissionIndicator(submission=draft, indicator=decisions, confidentiality=decisions.default_confidentiality)
        for draft in drafts
    )
    Transition.objects.bulk_create(
        Transition(submission=draft, to_status=Status.DRAFT, actor=focal) for draft in drafts
    )
    values = Value.objects.bulk_create(
        Value(submission=draft, series_id=pk, indicator=decisions, country=draft.country, period=draft.period,
              number=cell.number, confidentiality=decisions.default_confidentiality)
        for draft in drafts
        for pk, cell in cells.items()
    )  # fmt: skip
    ValueRevision.objects.bulk_create(
        ValueRevision(value=value, revision=1, number=value.number, channel=Channel.EXCEL, changed_by=focal)
        for value in values
    )
    before = Transition.objects.count()

    client.force_login(secretariat)
    response = client.post(
        reverse("dsm_data:submission_bulk"),
        {
            "submissions": [draft.pk for draft in drafts],
            "action": "submit_validate_publish",
            "comment": COMMENT,
        },
        follow=True,
    )

    assert response.status_code == 200
    said = [str(message) for message in response.context["messages"]]
    assert len(said) == 1, said  # done for all, refused for none
    assert "done for 100 submissions" in said[0]
    assert set(Submission.objects.values_list("status", flat=True)) == {Status.PUBLISHED}
    assert Transition.objects.count() - before == 300
    steps = [(Status.DRAFT, Status.SUBMITTED), (Status.SUBMITTED, Status.VALIDATED),
             (Status.VALIDATED, Status.PUBLISHED)]  # fmt: skip
    for draft in drafts:
        taken = list(
            Transition.objects.filter(submission=draft).exclude(from_status="").order_by("at", "pk")
            .values_list("from_status", "to_status", "actor")
        )  # fmt: skip
        assert taken == [(before_status, after, secretariat.pk) for before_status, after in steps], draft
    validations = Transition.objects.filter(to_status=Status.VALIDATED).values_list("comment", flat=True)
    assert len(validations) == 100
    assert all(COMMENT in comment for comment in validations)
    assert not Value.objects.filter(released_at__isnull=True).exists()
    assert Value.objects.filter(released_at__isnull=False).count() == 500


def test_a_bulk_action_refuses_each_submission_on_its_own_and_stops_nothing_else(catalogue, make_user, make_period):
    """A submission that may not move (already published) is refused with its reason, the others move;
    a draft with figures not collected moves only once the reason for them is given."""
    secretariat = make_user(Role.SYSTEM_ADMIN, username="secretariat")
    kazakhstan = save_country("KAZ", {"en": "Kazakhstan", "ru": "Казахстан"})
    armenia = save_country("ARM", {"en": "Armenia", "ru": "Армения"})
    period = make_period(2024, deadline=datetime.date(2025, 3, 31))
    decisions = catalogue["REFUGEE_DECISIONS"]
    cells = cells_from(build_grid(decisions), {**DECISIONS, "RSD_OUTCOME=CLOSED": "5"})
    published = publish(armenia, period, {decisions: cells}, actor=secretariat)
    draft = submission_services.open_submission(kazakhstan, period, user=secretariat)  # every annual indicator
    submission_services.save_cells(draft, decisions, cells=cells, user=secretariat, channel=Channel.EXCEL)
    selection = Submission.objects.filter(pk__in=[draft.pk, published.pk]).order_by("pk")
    transitions = Transition.objects.count()

    without_reason = bulk.take_bulk_action(selection, user=secretariat, action="submit_validate_publish")
    assert without_reason.done == []
    assert [submission.pk for submission, _problems in without_reason.refused] == [published.pk, draft.pk]
    assert Transition.objects.count() == transitions  # nothing half done
    assert dict(Submission.objects.values_list("country__code", "status")) == {"KAZ": "draft", "ARM": "published"}

    result = bulk.take_bulk_action(
        selection, user=secretariat, action="submit_validate_publish", missing_reason="Only decisions are kept."
    )

    assert [submission.pk for submission in result.done] == [draft.pk]
    ((refused, problems),) = result.refused
    assert refused.pk == published.pk
    assert "is published: it cannot be changed" in " ".join(str(problem) for problem in problems)
    assert Transition.objects.filter(submission=published).count() == 4  # as it was
    assert list(Transition.objects.filter(submission=draft).values_list("to_status", flat=True).order_by("pk")) == [
        Status.DRAFT, Status.SUBMITTED, Status.VALIDATED, Status.PUBLISHED
    ]  # fmt: skip
    draft.refresh_from_db()
    assert (draft.status, draft.missing_reason) == (Status.PUBLISHED, "Only decisions are kept.")
