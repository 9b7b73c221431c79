"""Demo periods, national metadata and figures: smooth, plausible series, not noise.

Every figure is made from a country's level, trend and breakdown shares, so that
totals equal the sum of their breakdown and years follow each other smoothly.
Published history is written in bulk (it would take minutes through the form
services); the open 2025 submissions go through the services like real ones.
"""

import datetime
import itertools
import math
import random
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from dsm_data.cells import Cell
from dsm_data.grid import build_grid
from dsm_data.models import (
    TOTAL_CODE,
    Absence,
    Channel,
    Frequency,
    Indicator,
    NationalMetadata,
    Period,
    Role,
    SeriesBreak,
    Status,
    Submission,
    SubmissionIndicator,
    Transition,
    User,
    Value,
    ValueRevision,
)
from dsm_data.services import submissions as submission_services
from dsm_data.services.periods import periods_of_year

from .catalogue import load_catalogue

FIRST_YEAR, LAST_YEAR, OPEN_YEAR = 2015, 2024, 2025
QUARTER_SHARES = [0.21, 0.26, 0.31, 0.22]

# Foreign residents around 2015 and yearly trend, by country.
LEVELS = {
    "ARM": (38_000, 0.04), "AZE": (88_000, 0.01), "BLR": (135_000, 0.02), "GEO": (75_000, 0.05),
    "KAZ": (590_000, 0.03), "KGZ": (58_000, 0.02), "MDA": (24_000, 0.03), "RUS": (9_800_000, -0.01),
    "TJK": (19_000, 0.02), "TKM": (14_000, 0.0), "UKR": (245_000, -0.02), "UZB": (61_000, 0.05),
}  # fmt: skip
ASYLUM_LEVELS = {
    "ARM": 320, "AZE": 90, "BLR": 310, "GEO": 1_100, "KAZ": 210, "KGZ": 95,
    "MDA": 190, "RUS": 5_200, "TJK": 110, "TKM": 6, "UKR": 980, "UZB": 25,
}  # fmt: skip
CITIZENSHIP_WEIGHTS = {"RUS": 25, "UZB": 20, "TJK": 12, "KGZ": 10, "CHN": 8, "TUR": 7, "AFG": 3, "OTHER": 15}
ASYLUM_CITIZENSHIP_WEIGHTS = {"RUS": 3, "UZB": 4, "TJK": 6, "KGZ": 2, "CHN": 2, "TUR": 5, "AFG": 45, "OTHER": 33}
SHARES = {
    "SEX": {"F": 0.42, "M": 0.58},
    "AGE": {"Y0T17": 0.24, "Y18T34": 0.46, "Y35T64": 0.27, "Y_GE65": 0.03},
    "PERMIT_TYPE": {"FIRST": 0.62, "EXTENSION": 0.38},
    "PERMIT_OUTCOME": {"GRANTED": 0.81, "REFUSED": 0.11, "PENDING": 0.08},
    "RSD_OUTCOME": {"RECOGNISED": 0.16, "COMPLEMENTARY": 0.11, "REJECTED": 0.53, "CLOSED": 0.20},
}


def level(country_code, indicator_code, year):
    """The indicator's grand total for a country and year: trend times a slow wave."""
    base, trend = LEVELS[country_code]
    phase = sum(map(ord, country_code)) % 7
    wave = 1 + 0.04 * math.sin((year - FIRST_YEAR + phase) / 1.7)
    residents = base * (1 + trend) ** (year - FIRST_YEAR) * wave
    if indicator_code == "FOREIGN_RESIDENTS":
        return residents
    if indicator_code == "WORK_PERMITS":
        return residents * (0.28 if country_code == "RUS" else 0.12)
    if indicator_code == "ENTRIES":
        return residents * 3.1
    if indicator_code == "EXITS":
        return residents * 3.02
    asylum = ASYLUM_LEVELS[country_code] * (1 + 0.06 * math.sin((year - FIRST_YEAR + phase) / 2.3))
    return asylum if indicator_code == "ASYLUM_APPLICATIONS" else asylum * 0.93


def shares(country_code, indicator_code, dimension_code):
    if dimension_code != "CITIZENSHIP":
        return SHARES[dimension_code]
    weights = ASYLUM_CITIZENSHIP_WEIGHTS if indicator_code.startswith(("ASYLUM", "REFUGEE")) else CITIZENSHIP_WEIGHTS
    generator = random.Random(country_code)
    varied = {code: weight * generator.uniform(0.6, 1.4) for code, weight in weights.items()}
    varied.pop(country_code, None)  # a country's own citizens are not foreigners there
    total = sum(varied.values())
    return {code: weight / total for code, weight in varied.items()}


def allocate(total, weights):
    """Split an integer total by weights so that the parts add up to it exactly (largest remainder)."""
    raw = {key: total * weight for key, weight in weights.items()}
    parts = {key: math.floor(value) for key, value in raw.items()}
    leftover = total - sum(parts.values())
    for key in sorted(raw, key=lambda key: raw[key] - parts[key], reverse=True)[:leftover]:
        parts[key] += 1
    return parts


def figures(country_code, grid, total):
    """{series pk: Cell} for a whole grid, its detail cells allocated from ``total``."""
    dimension_shares = [shares(country_code, grid.indicator.code, dimension.code) for dimension in grid.dimensions]
    combinations = list(itertools.product(*(sorted(item.items()) for item in dimension_shares)))
    detail = allocate(
        round(total), {tuple(code for code, _ in combo): math.prod(s for _, s in combo) for combo in combinations}
    )
    cells = {}
    for series in grid.series:
        codes = [category.code for category in grid.categories_by_series[series.pk]]
        if any(code != TOTAL_CODE and code not in dimension_shares[index] for index, code in enumerate(codes)):
            cells[series.pk] = Cell(absence=Absence.NOT_APPLICABLE)
            continue
        matching = [
            number
            for key, number in detail.items()
            if all(code == TOTAL_CODE or key[index] == code for index, code in enumerate(codes))
        ]
        cells[series.pk] = Cell(number=Decimal(sum(matching)))
    return cells


@transaction.atomic
def load_periods(today=None):
    """Annual periods to the open year, quarters to the last published one, dated as ``create_periods`` dates them;
    the open year's deadline is two months away, so that its round is open for entry."""
    today = today or timezone.localdate()
    wanted = []
    for year in range(FIRST_YEAR, OPEN_YEAR + 1):
        ((code, start, end, deadline),) = periods_of_year(Frequency.ANNUAL, year)
        if year == OPEN_YEAR:
            deadline = today + datetime.timedelta(days=60)
        wanted.append((Frequency.ANNUAL, code, start, end, deadline))
        if year <= LAST_YEAR:
            wanted += [(Frequency.QUARTERLY, *quarter) for quarter in periods_of_year(Frequency.QUARTERLY, year)]
    return [
        Period.objects.update_or_create(
            code=code, defaults={"frequency": frequency, "start": start, "end": end, "deadline": deadline}
        )[0]
        for frequency, code, start, end, deadline in wanted
    ]


METADATA = {
    "data_source": (
        "Administrative register of the migration service of {country}",
        "Административный реестр миграционной службы ({country})",
    ),
    "owner_institution": ("Migration service of {country}", "Миграционная служба ({country})"),
    "legal_basis": (
        "Law on the legal status of foreign citizens and stateless persons; law on official statistics",
        "Закон о правовом положении иностранных граждан и лиц без гражданства; закон об официальной статистике",
    ),
    "collection_method": (
        "Continuous registration; figures extracted from the register after the end of the period",
        "Непрерывная регистрация; данные выгружаются из реестра после окончания периода",
    ),
}


BREAK_YEAR = 2019
BREAK_NOTE = {
    "en": "From 2019 the register includes persons with temporary stay permits.",
    "ru": "С 2019 года в реестр включены лица с разрешением на временное пребывание.",
}


@transaction.atomic
def load_national_metadata(countries, indicators):
    """Each country's metadata of each indicator; about one in four has a break in series in 2019."""
    break_period = Period.objects.filter(frequency=Frequency.ANNUAL, start__year=BREAK_YEAR).first()
    for country, indicator in itertools.product(countries, indicators):
        names = country.name
        texts = {
            field: {"en": en.format(country=names["en"]), "ru": ru.format(country=names["ru"])}
            for field, (en, ru) in METADATA.items()
        }
        texts["national_definition"] = {
            "en": f"As the regional definition. {indicator.definition['en']}",
            "ru": f"Соответствует региональному определению. {indicator.definition['ru']}",
        }
        if (sum(map(ord, country.code)) + indicator.pk) % 4 == 0:
            texts["caveats"] = {
                "en": "Break in series in 2019: the register was extended to persons with temporary stay permits.",
                "ru": "Разрыв ряда в 2019 году: в реестр включены лица с разрешением на временное пребывание.",
            }
            texts["national_definition"] = {
                "en": "Counts permits, not persons: a person with two permits in the period is counted twice.",
                "ru": "Учитываются разрешения, а не лица: лицо с двумя разрешениями за период учитывается дважды.",
            }
        metadata, _created = NationalMetadata.objects.update_or_create(
            indicator=indicator, country=country, defaults=texts
        )
        if "caveats" in texts and break_period is not None:
            SeriesBreak.objects.update_or_create(metadata=metadata, period=break_period, defaults={"note": BREAK_NOTE})


# Footnotes, flags and a year not available, so that the pages show their marks and gaps:
# (country, indicator, year) -> what the grand total says.
NOTES = {
    ("KAZ", "ASYLUM_APPLICATIONS", 2023): {"footnote": "Includes applications lodged at border crossings."},
    ("RUS", "FOREIGN_RESIDENTS", 2024): {
        "footnote": "December estimated from the register's monthly trend.",
        "is_provisional": True,
    },
    ("UZB", "WORK_PERMITS", 2022): {"footnote": "Permits issued by regional offices are counted from March."},
    ("ARM", "FOREIGN_RESIDENTS", 2016): {"is_estimated": True},
}
NOT_AVAILABLE = [("TKM", "ENTRIES", 2017), ("TKM", "EXITS", 2017)]  # every cell of the year and its quarters ":"


@transaction.atomic
def load_notes():
    """Footnotes and flags on a few published grand totals, and a year a country could not report
    (each of its cells ":"), on the value and its revision alike. Running it again changes nothing."""
    # The cells are found first, then changed by their keys: PostgreSQL, its statistics not yet
    # gathered after the bulk load, planned "UPDATE ... WHERE id IN (the joined query)" as a scan of
    # every value for each, and a test run waited on it for a quarter of an hour.
    for (country, indicator, year), fields in NOTES.items():
        totals = Value.objects.filter(
            country__code=country,
            indicator__code=indicator,
            period__frequency=Frequency.ANNUAL,
            period__start__year=year,
            series__is_grand_total=True,
        )
        _change(list(totals.values_list("pk", flat=True)), fields)
    for country, indicator, year in NOT_AVAILABLE:
        # The year and its quarters alike.
        cells = Value.objects.filter(country__code=country, indicator__code=indicator, period__start__year=year)
        _change(list(cells.values_list("pk", flat=True)), {"number": None, "absence": Absence.NOT_AVAILABLE})


def _change(value_pks, fields):
    """``fields`` set on the values and their first revisions alike."""
    Value.objects.filter(pk__in=value_pks).update(**fields)
    ValueRevision.objects.filter(value_id__in=value_pks, revision=1).update(**fields)


def _gather_statistics():
    """Let PostgreSQL's planner know the tables the bulk load filled (autovacuum would, minutes later)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE dsm_data_value, dsm_data_valuerevision, dsm_data_submission")


def _users(country, role):
    return User.objects.filter(country=country, role=role).first()


def publish_in_bulk(country, period, figures, *, released, entered_by, validated_by, published_by):
    """A submission published at ``released``, written in bulk as a portal holds its history.

    ``figures``: {indicator: {series pk: Cell}}; every indicator in it is part of the
    submission, with figures or none. Its four transitions, its values and their first
    revisions are stored at once (the form services would take minutes for ten years).
    """
    submission = Submission.objects.create(
        country=country,
        period=period,
        status=Status.PUBLISHED,
        validated_at=released - datetime.timedelta(days=20),
        published_at=released,
        release_at=released,
    )
    Transition.objects.bulk_create(
        Transition(submission=submission, from_status=before, to_status=after, actor=actor)
        for before, after, actor in [
            ("", Status.DRAFT, entered_by),
            (Status.DRAFT, Status.SUBMITTED, entered_by),
            (Status.SUBMITTED, Status.VALIDATED, validated_by),
            (Status.VALIDATED, Status.PUBLISHED, published_by),
        ]
    )
    SubmissionIndicator.objects.bulk_create(
        SubmissionIndicator(
            submission=submission, indicator=indicator, confidentiality=indicator.default_confidentiality
        )
        for indicator in figures
    )
    values = Value.objects.bulk_create(
        (
            Value(
                submission=submission,
                series_id=series_pk,
                indicator=indicator,
                country=country,
                period=period,
                number=cell.number,
                absence=cell.absence,
                confidentiality=indicator.default_confidentiality,
                released_at=released,
            )
            for indicator, cells in figures.items()
            for series_pk, cell in cells.items()
        ),
        batch_size=2000,
    )
    ValueRevision.objects.bulk_create(
        (
            ValueRevision(
                value=value,
                revision=1,
                number=value.number,
                absence=value.absence,
                channel=Channel.EXCEL,
                changed_by=entered_by,
            )
            for value in values
        ),
        batch_size=2000,
    )
    return submission


@transaction.atomic
def load_history(countries, indicators, periods):
    """Published figures for 2015-2024 (annual, and quarterly where collected); skips what exists."""
    system_admin = User.objects.filter(role=Role.SYSTEM_ADMIN).first()
    grids = {indicator.pk: build_grid(indicator) for indicator in indicators}
    existing = set(Submission.objects.values_list("country_id", "period_id"))
    for country in countries:
        focal_point, administrator = _users(country, Role.FOCAL_POINT), _users(country, Role.COUNTRY_ADMIN)
        for period in periods:
            year = period.start.year
            if year > LAST_YEAR or (country.pk, period.pk) in existing:
                continue
            quarter_share = QUARTER_SHARES[period.start.month // 3] if period.frequency == Frequency.QUARTERLY else 1
            collected = [indicator for indicator in indicators if period.frequency in indicator.frequencies]
            publish_in_bulk(
                country,
                period,
                {
                    indicator: figures(
                        country.code, grids[indicator.pk], level(country.code, indicator.code, year) * quarter_share
                    )
                    for indicator in collected
                },
                released=timezone.make_aware(datetime.datetime(year + 1, 6, 1, 9, 0)),
                entered_by=focal_point,
                validated_by=administrator,
                published_by=system_admin,
            )


def load_open_submissions(countries, indicators, period):
    """The open 2025 round, through the services: a few drafts, one submitted, one returned."""
    by_code = {country.code: country for country in countries}
    plan = {"KAZ": "draft", "KGZ": "draft", "ARM": "submitted", "GEO": "returned", "MDA": "submitted"}
    for code, state in plan.items():
        country = by_code.get(code)
        if country is None or Submission.objects.filter(country=country, period=period).exists():
            continue
        focal_point, administrator = _users(country, Role.FOCAL_POINT), _users(country, Role.COUNTRY_ADMIN)
        submission = submission_services.open_submission(country, period, user=focal_point)
        collected = [indicator for indicator in indicators if period.frequency in indicator.frequencies]
        # A draft holds the first indicators only; the others are filled in.
        for indicator in collected[:2] if state == "draft" else collected:
            cells = figures(code, build_grid(indicator), level(code, indicator.code, period.start.year))
            submission_services.save_cells(submission, indicator, cells=cells, user=focal_point)
        if state in ("submitted", "returned"):
            submission_services.submit(submission, user=focal_point)
        if state == "returned":
            submission_services.return_submission(
                submission,
                user=administrator,
                comment="Please check the asylum applications by age group: the 0-17 group looks low compared to 2024.",
            )


def load(countries):
    indicators = load_catalogue()
    periods = load_periods()
    load_national_metadata(countries, indicators)
    load_history(countries, indicators, periods)
    _gather_statistics()
    load_notes()
    open_period = Period.objects.get(code=str(OPEN_YEAR))
    load_open_submissions(countries, Indicator.objects.all(), open_period)
    return indicators, periods
