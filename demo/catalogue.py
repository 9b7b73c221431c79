"""The six indicators of the seed's Annex 10, their breakdowns and rules, in en and ru."""

from django.db import transaction

from dsm_data.models import TOTAL_CODE, Category, Confidentiality, Frequency, ValidationRule
from dsm_data.services.catalogue import save_dimension, save_indicator

CITIZENSHIPS = [
    ("RUS", "Russian Federation", "Российская Федерация"),
    ("UZB", "Uzbekistan", "Узбекистан"),
    ("TJK", "Tajikistan", "Таджикистан"),
    ("KGZ", "Kyrgyzstan", "Кыргызстан"),
    ("CHN", "China", "Китай"),
    ("TUR", "Türkiye", "Турция"),
    ("AFG", "Afghanistan", "Афганистан"),
    ("OTHER", "Other countries and stateless", "Другие страны и лица без гражданства"),
]

DIMENSIONS = {
    "SEX": ({"en": "Sex", "ru": "Пол"}, [("F", "Female", "Женщины"), ("M", "Male", "Мужчины")]),
    "AGE": (
        {"en": "Age group", "ru": "Возрастная группа"},
        [
            ("Y0T17", "0–17", "0–17"),
            ("Y18T34", "18–34", "18–34"),
            ("Y35T64", "35–64", "35–64"),
            ("Y_GE65", "65 and over", "65 и старше"),
        ],
    ),
    "CITIZENSHIP": ({"en": "Citizenship", "ru": "Гражданство"}, CITIZENSHIPS),
    "PERMIT_TYPE": (
        {"en": "Application type", "ru": "Вид заявления"},
        [("FIRST", "First-time", "Первичное"), ("EXTENSION", "Extension", "Продление")],
    ),
    "PERMIT_OUTCOME": (
        {"en": "Decision", "ru": "Решение"},
        [
            ("GRANTED", "Granted", "Выдано"),
            ("REFUSED", "Refused", "Отказано"),
            ("PENDING", "Pending", "На рассмотрении"),
        ],
    ),
    "RSD_OUTCOME": (
        {"en": "Outcome", "ru": "Результат"},
        [
            ("RECOGNISED", "Refugee status granted", "Предоставлен статус беженца"),
            ("COMPLEMENTARY", "Complementary protection", "Дополнительная защита"),
            ("REJECTED", "Rejected", "Отказано"),
            ("CLOSED", "Otherwise closed", "Прекращено по иным основаниям"),
        ],
    ),
}

PERSONS = {"en": "persons", "ru": "человек"}

INDICATORS = [
    {
        "code": "FOREIGN_RESIDENTS",
        "dimension_codes": ["SEX", "CITIZENSHIP"],
        "name": {"en": "Foreigners in the country", "ru": "Иностранные граждане в стране"},
        "definition": {
            "en": "Foreign citizens and stateless persons staying in the country on the last day of the period, "
            "whatever the legal basis of their stay.",
            "ru": "Иностранные граждане и лица без гражданства, находящиеся в стране на последний день периода, "
            "независимо от основания пребывания.",
        },
        "unit": PERSONS,
        "frequencies": [Frequency.ANNUAL],
        "default_confidentiality": Confidentiality.PUBLIC,
    },
    {
        "code": "WORK_PERMITS",
        "dimension_codes": ["PERMIT_OUTCOME", "PERMIT_TYPE"],
        "name": {
            "en": "Work permit applications and decisions",
            "ru": "Заявления на разрешение на работу и решения по ним",
        },
        "definition": {
            "en": "First-time applications for a work permit and applications for its extension received during "
            "the period, by the decision taken on them by the end of the period.",
            "ru": "Первичные заявления на получение разрешения на работу и заявления о его продлении, поступившие "
            "за период, по решению, принятому по ним к концу периода.",
        },
        "unit": {"en": "applications", "ru": "заявлений"},
        "frequencies": [Frequency.ANNUAL],
        "default_confidentiality": Confidentiality.SHARED,
    },
    {
        "code": "ENTRIES",
        "dimension_codes": ["CITIZENSHIP"],
        "name": {"en": "Foreigners entering the country", "ru": "Въезд иностранных граждан"},
        "definition": {
            "en": "Entries of foreign citizens and stateless persons recorded at the state border during the period.",
            "ru": "Въезды иностранных граждан и лиц без гражданства, зарегистрированные на государственной границе "
            "за период.",
        },
        "unit": {"en": "entries", "ru": "въездов"},
        "frequencies": [Frequency.ANNUAL, Frequency.QUARTERLY],
        "default_confidentiality": Confidentiality.PUBLIC,
    },
    {
        "code": "EXITS",
        "dimension_codes": ["CITIZENSHIP"],
        "name": {"en": "Foreigners leaving the country", "ru": "Выезд иностранных граждан"},
        "definition": {
            "en": "Exits of foreign citizens and stateless persons recorded at the state border during the period.",
            "ru": "Выезды иностранных граждан и лиц без гражданства, зарегистрированные на государственной границе "
            "за период.",
        },
        "unit": {"en": "exits", "ru": "выездов"},
        "frequencies": [Frequency.ANNUAL, Frequency.QUARTERLY],
        "default_confidentiality": Confidentiality.PUBLIC,
    },
    {
        "code": "ASYLUM_APPLICATIONS",
        "dimension_codes": ["SEX", "AGE", "CITIZENSHIP"],
        "name": {"en": "Asylum applications", "ru": "Ходатайства о предоставлении убежища"},
        "definition": {
            "en": "Persons who applied for refugee status or complementary protection for the first time during "
            "the period.",
            "ru": "Лица, впервые обратившиеся за период с ходатайством о признании беженцем или о предоставлении "
            "дополнительной защиты.",
        },
        "unit": PERSONS,
        "frequencies": [Frequency.ANNUAL],
        "default_confidentiality": Confidentiality.SHARED,
    },
    {
        "code": "REFUGEE_DECISIONS",
        "dimension_codes": ["RSD_OUTCOME"],
        "name": {"en": "Refugee status determinations", "ru": "Решения о статусе беженца"},
        "definition": {
            "en": "First-instance decisions on applications for refugee status taken during the period, by outcome.",
            "ru": "Решения первой инстанции по ходатайствам о признании беженцем, принятые за период, по результату.",
        },
        "unit": {"en": "decisions", "ru": "решений"},
        "frequencies": [Frequency.ANNUAL],
        "default_confidentiality": Confidentiality.SHARED,
    },
]


@transaction.atomic
def load_catalogue():
    for code, (name, categories) in DIMENSIONS.items():
        save_dimension(
            code, name=name, categories=[(category, {"en": en, "ru": ru}) for category, en, ru in categories]
        )
    indicators = [
        save_indicator(sort_order=order, **definition) for order, definition in enumerate(INDICATORS, start=1)
    ]
    work_permits = indicators[1]
    if not ValidationRule.objects.filter(indicator=work_permits).exists():
        rule = ValidationRule.objects.create(
            indicator=work_permits,
            message={"en": "decisions exceed applications", "ru": "решений больше, чем заявлений"},
        )
        outcomes = Category.objects.filter(dimension__code="PERMIT_OUTCOME")
        rule.left.set(outcomes.filter(code__in=["GRANTED", "REFUSED"]))
        rule.right.set(outcomes.filter(code=TOTAL_CODE))
    return indicators
