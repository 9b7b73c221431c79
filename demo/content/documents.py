"""The e-library's documents: laws, decrees, regulations, policies, reports, agendas, minutes, publications.

Each document carries its full text in ``body`` (in the language of its file, see the package's
docstring for the markup); files.render_document(document) makes the PDF or DOCX file.
All texts are fictional, written for the demonstration.
"""

import datetime

from . import _laws, _papers, _regional
from .countries import INFO
from .events import EVENTS

# ``type`` holds a library_pages.models.DocumentType value and ``visibility`` a Visibility value
# (demo/enums.py names them); the lists below are the demo's own.
LANGUAGES = ["en", "ru"]
FILE_FORMATS = ["pdf", "docx"]
# Topic slugs and their labels.
TOPICS = {
    "refugees": {"en": "Refugees", "ru": "Беженцы"},
    "asylum": {"en": "Asylum", "ru": "Убежище"},
    "labour-migration": {"en": "Labour migration", "ru": "Трудовая миграция"},
    "statistics": {"en": "Statistics", "ru": "Статистика"},
    "citizenship": {"en": "Citizenship", "ru": "Гражданство"},
    "statelessness": {"en": "Statelessness", "ru": "Безгражданство"},
    "border": {"en": "Border", "ru": "Граница"},
    "trafficking": {"en": "Trafficking in human beings", "ru": "Торговля людьми"},
    "remittances": {"en": "Remittances", "ru": "Денежные переводы"},
    "return": {"en": "Return and reintegration", "ru": "Возвращение и реинтеграция"},
    "data-sharing": {"en": "Data sharing", "ru": "Обмен данными"},
    "training": {"en": "Training", "ru": "Обучение"},
}

_D = datetime.date


def _t(en, ru):
    return {"en": en, "ru": ru}


def _cap(text):
    return text[0].upper() + text[1:]


def _parliament(code):
    return _t(f"Parliament of {INFO[code]['state_en']}", f"Парламент {INFO[code]['state_ru_gen']}")


def _government(code):
    return _t(f"Government of {INFO[code]['state_en']}", f"Правительство {INFO[code]['state_ru_gen']}")


def _statistics_office(code):
    return _t(
        f"National Statistical Office of {INFO[code]['name']['en']}",
        f"Национальный статистический комитет {INFO[code]['state_ru_gen']}",
    )


def _migration_service(code):
    return _t(f"Migration Service of {INFO[code]['name']['en']}", f"Миграционная служба {INFO[code]['state_ru_gen']}")


def _labour_ministry(code):
    return _t(
        f"Ministry of Labour and Social Protection of {INFO[code]['name']['en']}",
        f"Министерство труда и социальной защиты {INFO[code]['state_ru_gen']}",
    )


_SECRETARIAT = _t("DSM secretariat", "Секретариат МОД")
_IOM = _t("International Organization for Migration (IOM)", "Международная организация по миграции (МОМ)")
_ILO = _t("International Labour Organization (ILO)", "Международная организация труда (МОТ)")

# Laws, decrees and regulations: (builder, title en, title ru, summary en, summary ru, topics).
_LEGAL = {
    "refugees": (
        _laws.law_refugees,
        "Law of {state_en} on refugees",
        "Закон {state_ru_gen} о беженцах",
        "Defines who is a refugee, how applications for refugee status are lodged and examined, the rights of "
        "refugees and the records kept on applications and decisions.",
        "Определяет понятие беженца, порядок подачи и рассмотрения ходатайств о признании беженцем, права беженцев "
        "и учёт ходатайств и решений по ним.",
        ["refugees", "asylum", "statistics"],
    ),
    "labour": (
        _laws.law_labour_migration,
        "Law of {state_en} on labour migration",
        "Закон {state_ru_gen} о трудовой миграции",
        "Regulates the employment of foreign workers, the rights of migrant workers and of citizens working abroad, "
        "and the return of labour migrants.",
        "Регулирует привлечение иностранной рабочей силы, права трудовых мигрантов и граждан, работающих за "
        "рубежом, а также возвращение трудовых мигрантов.",
        ["labour-migration", "return", "statistics"],
    ),
    "permits": (
        _laws.regulation_work_permits,
        "Regulation on the issuance of work permits to foreign citizens in {state_en}",
        "Положение о порядке выдачи разрешений на работу иностранным гражданам в {state_ru_prep}",
        "Sets out how employers apply for work permits and extensions, how applications are decided and how "
        "permits issued are reported.",
        "Устанавливает порядок подачи и рассмотрения заявлений о выдаче и продлении разрешений на работу и "
        "отчётности о выданных разрешениях.",
        ["labour-migration", "statistics"],
    ),
    "statistics": (
        _laws.law_statistics,
        "Law of {state_en} on official statistics",
        "Закон {state_ru_gen} об официальной статистике",
        "Establishes the national statistical system, the use of administrative data for migration statistics and "
        "statistical confidentiality.",
        "Устанавливает национальную статистическую систему, порядок использования административных данных для "
        "миграционной статистики и статистическую конфиденциальность.",
        ["statistics", "data-sharing"],
    ),
    "citizenship": (
        _laws.law_citizenship,
        "Law of {state_en} on citizenship",
        "Закон {state_ru_gen} о гражданстве",
        "Governs the acquisition and termination of citizenship, naturalisation and the reduction of statelessness.",
        "Регулирует приобретение и прекращение гражданства, приём в гражданство и сокращение безгражданства.",
        ["citizenship", "statelessness"],
    ),
    "border": (
        _laws.law_border,
        "Law of {state_en} on the state border",
        "Закон {state_ru_gen} о государственной границе",
        "Governs border crossing and border control, refusals of entry and the records of entries and exits of "
        "foreigners.",
        "Регулирует пересечение государственной границы и пограничный контроль, отказ во въезде и учёт въезда и "
        "выезда иностранцев.",
        ["border", "statistics"],
    ),
    "trafficking": (
        _laws.law_trafficking,
        "Law of {state_en} on combating trafficking in human beings",
        "Закон {state_ru_gen} о противодействии торговле людьми",
        "Provides for the identification, protection and assistance of victims of trafficking and for data on them.",
        "Предусматривает выявление жертв торговли людьми, их защиту и помощь им, а также учёт данных о них.",
        ["trafficking", "labour-migration"],
    ),
    "remittances": (
        _papers.decree_remittances,
        "Decree of the Government of {state_en} on measures concerning remittances of labour migrants",
        "Постановление Правительства {state_ru_gen} о мерах в отношении денежных переводов трудовых мигрантов",
        "Measures to lower the cost of remittances, improve financial literacy and measure personal transfers.",
        "Меры по снижению стоимости денежных переводов, повышению финансовой грамотности и учёту личных переводов.",
        ["remittances", "labour-migration", "statistics"],
    ),
    "return": (
        _papers.decree_return,
        "Decree of the Government of {state_en} on the return and reintegration of citizens",
        "Постановление Правительства {state_ru_gen} о возвращении и реинтеграции граждан",
        "Approves a programme for the reception, employment and support of citizens returning from work abroad.",
        "Утверждает программу встречи, трудоустройства и поддержки граждан, вернувшихся после работы за рубежом.",
        ["return", "labour-migration"],
    ),
    "working-group": (
        _papers.decree_migration_statistics,
        "Decree on the inter-ministerial working group on migration statistics of {state_en}",
        "Постановление о межведомственной рабочей группе по миграционной статистике {state_ru_gen}",
        "Establishes the working group, the six indicators it must produce, their owners and the calendar.",
        "Создаёт рабочую группу, определяет шесть показателей, их владельцев и календарь представления данных.",
        ["statistics", "data-sharing"],
    ),
}

_PREPOSITIONAL = {
    "ARM": "Республике Армения",
    "AZE": "Азербайджанской Республике",
    "BLR": "Республике Беларусь",
    "GEO": "Грузии",
    "KAZ": "Республике Казахстан",
    "KGZ": "Кыргызской Республике",
    "MDA": "Республике Молдова",
    "RUS": "Российской Федерации",
    "TJK": "Республике Таджикистан",
    "TKM": "Туркменистане",
    "UKR": "Украине",
    "UZB": "Республике Узбекистан",
}

_KIND_SLUG = {
    "refugees": "law-refugees",
    "labour": "law-labour-migration",
    "permits": "regulation-work-permits",
    "statistics": "law-official-statistics",
    "citizenship": "law-citizenship",
    "border": "law-state-border",
    "trafficking": "law-trafficking",
    "remittances": "decree-remittances",
    "return": "decree-return-reintegration",
    "working-group": "decree-statistics-working-group",
}

_KIND_TYPE = {"permits": "regulation", "remittances": "decree", "return": "decree", "working-group": "decree"}


def _legal(kind, code, language, date, number, file_format="pdf", visibility="public"):
    builder, title_en, title_ru, summary_en, summary_ru, topics = _LEGAL[kind]
    names = {
        "state_en": INFO[code]["state_en"],
        "state_ru_gen": INFO[code]["state_ru_gen"],
        "state_ru_prep": _PREPOSITIONAL[code],
    }
    doc_type = _KIND_TYPE.get(kind, "law")
    return {
        "slug": f"{code.lower()}-{_KIND_SLUG[kind]}",
        "title": _t(title_en.format(**names), title_ru.format(**names)),
        "country": code,
        "issuing_body": _parliament(code) if doc_type == "law" else _government(code),
        "type": doc_type,
        "date": date,
        "language": language,
        "topics": topics,
        "section": "participating-states",
        "visibility": visibility,
        "summary": _t(summary_en, summary_ru),
        "file_format": file_format,
        "body": builder(language, INFO[code], number, date),
    }


_REPORTS = {
    "labour": (
        "National report on labour migration statistics {year}",
        "Национальный доклад о статистике трудовой миграции за {year} год",
        "Work permit applications, first-time permits, extensions and refusals in {year}, by citizenship and sex.",
        "Заявления о выдаче разрешений на работу, впервые выданные разрешения, продления и отказы за {year} год по "
        "гражданству и полу.",
        ["labour-migration", "statistics"],
        _labour_ministry,
    ),
    "asylum": (
        "Asylum and refugee statistics {year}",
        "Статистика убежища и беженцев за {year} год",
        "Asylum applications, refugee status determinations and temporary protection granted in {year}.",
        "Ходатайства о признании беженцем, решения о признании беженцами и предоставление временного убежища за "
        "{year} год.",
        ["refugees", "asylum", "statistics"],
        _migration_service,
    ),
    "migration": (
        "Migration statistics yearbook {year}",
        "Статистический сборник «Миграция населения» за {year} год",
        "Foreign residents, entries and exits of foreigners in {year}, with notes on sources and revisions.",
        "Иностранцы, проживающие в стране, въезд и выезд иностранцев за {year} год с пояснениями об источниках и "
        "пересмотрах.",
        ["statistics", "border"],
        _statistics_office,
    ),
    "border": (
        "Border crossings of foreigners in {year}",
        "Пересечение границы иностранцами в {year} году",
        "Entries, exits and refusals of entry of foreigners at the border crossing points in {year}.",
        "Въезд, выезд и отказы во въезде иностранцам в пунктах пропуска через границу в {year} году.",
        ["border", "statistics"],
        _statistics_office,
    ),
    "emigration": (
        "Labour emigration and return of citizens in {year}",
        "Трудовая эмиграция и возвращение граждан в {year} году",
        "Estimated departures of citizens for work abroad, returns and main destinations in {year}.",
        "Оценка числа граждан, выехавших на работу за рубеж, вернувшихся трудовых мигрантов и основных стран "
        "назначения в {year} году.",
        ["labour-migration", "return", "statistics"],
        _labour_ministry,
    ),
}


def _report(focus, code, year, language, date, file_format="pdf", visibility="public", section="publications"):
    title_en, title_ru, summary_en, summary_ru, topics, body = _REPORTS[focus]
    slug = f"{code.lower()}-report-{focus}-{year}"
    if focus == "labour":
        slug = f"{code.lower()}-report-labour-migration-{year}"
    elif focus == "emigration":
        slug = f"{code.lower()}-report-labour-emigration-{year}"
    return {
        "slug": slug,
        "title": _t(
            f"{title_en.format(year=year)} ({INFO[code]['name']['en']})",
            f"{title_ru.format(year=year)} ({INFO[code]['name']['ru']})",
        ),
        "country": code,
        "issuing_body": body(code),
        "type": "statistical-report",
        "date": date,
        "language": language,
        "topics": topics,
        "section": section,
        "visibility": visibility,
        "summary": _t(summary_en.format(year=year), summary_ru.format(year=year)),
        "file_format": file_format,
        "body": _papers.statistical_report(language, code, year, focus, slug),
    }


def _policy(code, language, first, last, date, file_format="pdf", visibility="public"):
    return {
        "slug": f"{code.lower()}-policy-migration-strategy-{first}-{last}",
        "title": _t(
            f"Migration policy strategy of {INFO[code]['name']['en']} for {first}–{last}",
            f"Стратегия миграционной политики {INFO[code]['state_ru_gen']} на {first}–{last} годы",
        ),
        "country": code,
        "issuing_body": _government(code),
        "type": "policy",
        "date": date,
        "language": language,
        "topics": ["labour-migration", "refugees", "return", "statistics"],
        "section": "participating-states",
        "visibility": visibility,
        "summary": _t(
            "Goals and measures of migration policy: regular labour migration, protection of refugees, return and "
            "reintegration, and better migration statistics.",
            "Цели и меры миграционной политики: законная трудовая миграция, защита беженцев, возвращение и "
            "реинтеграция, совершенствование миграционной статистики.",
        ),
        "file_format": file_format,
        "body": _papers.policy_strategy(language, INFO[code], first, last),
    }


def _other(slug, title, issuing_body, doc_type, date, language, topics, section, summary, body, **options):
    return {
        "slug": slug,
        "title": title,
        "country": options.get("country"),
        "issuing_body": issuing_body,
        "type": doc_type,
        "date": date,
        "language": language,
        "topics": topics,
        "section": section,
        "visibility": options.get("visibility", "public"),
        "summary": summary,
        "file_format": options.get("file_format", "pdf"),
        "body": body,
    }


_EVENTS = {event["slug"]: event for event in EVENTS}


def _meeting_documents(event_slug, prefix, agenda_language, minutes, minutes_language, **options):
    event = _EVENTS[event_slug]
    title = event["title"]
    end = event["end_date"]
    return [
        _other(
            f"{prefix}-agenda",
            _t(f"Agenda: {title['en']}", f"Повестка дня: {title['ru']}"),
            _SECRETARIAT,
            "agenda",
            event["start_date"] - datetime.timedelta(days=21),
            agenda_language,
            options.get("topics", ["data-sharing"]),
            "recent-events",
            _t(
                f"Programme of the meeting held in {event['place']['en']} on "
                f"{_regional.date_text('en', event['start_date'])}.",
                f"Программа встречи, состоявшейся {_regional.date_text('ru', event['start_date'])} (город: "
                f"{event['place']['ru'].split(',')[0]}).",
            ),
            _regional.agenda(agenda_language, event),
            country=options.get("country"),
        ),
        _other(
            f"{prefix}-minutes",
            _t(f"Minutes: {title['en']}", f"Протокол: {title['ru']}"),
            _SECRETARIAT,
            "minutes",
            end + datetime.timedelta(days=14),
            minutes_language,
            options.get("topics", ["data-sharing"]),
            "recent-events",
            _t(
                "Summary of the discussions, the decisions taken and the follow-up agreed by the participants.",
                "Краткое изложение обсуждений, принятых решений и согласованных участниками дальнейших действий.",
            ),
            minutes,
            country=options.get("country"),
            visibility=options.get("minutes_visibility", "participating"),
            file_format=options.get("minutes_format", "pdf"),
        ),
    ]


DOCUMENTS = [
    # Refugees and asylum
    _legal("refugees", "KAZ", "ru", _D(2009, 12, 4), "216-IV"),
    _legal("refugees", "ARM", "en", _D(2008, 11, 27), "HO-211-N"),
    _legal("refugees", "GEO", "en", _D(2016, 12, 1), "42-IIs"),
    _legal("refugees", "KGZ", "ru", _D(2002, 3, 25), "44"),
    _legal("refugees", "BLR", "ru", _D(2008, 6, 23), "354-З", file_format="docx"),
    _legal("refugees", "UKR", "en", _D(2011, 7, 8), "3671-VI"),
    # Labour migration
    _legal("labour", "UZB", "ru", _D(2021, 6, 30), "ЗРУ-701"),
    _legal("labour", "TJK", "ru", _D(2019, 5, 17), "1612"),
    _legal("labour", "MDA", "en", _D(2008, 7, 10), "180"),
    _legal("permits", "RUS", "ru", _D(2020, 3, 31), "388"),
    _legal("permits", "KAZ", "ru", _D(2023, 6, 30), "502", file_format="docx", visibility="participating"),
    _legal("permits", "AZE", "en", _D(2013, 11, 20), "311"),
    _legal("permits", "KGZ", "en", _D(2022, 2, 15), "64", file_format="docx"),
    # Statistics
    _legal("statistics", "UKR", "en", _D(2022, 7, 5), "2439-IX"),
    _legal("statistics", "KGZ", "ru", _D(2019, 7, 25), "98"),
    _legal("statistics", "ARM", "en", _D(2020, 3, 19), "HO-140-N"),
    _legal("working-group", "ARM", "en", _D(2023, 2, 9), "118-N", file_format="docx", visibility="national"),
    _legal("working-group", "KAZ", "ru", _D(2022, 10, 3), "781", visibility="national"),
    # Citizenship, border, trafficking
    _legal("citizenship", "TKM", "ru", _D(2013, 6, 22), "197-IV"),
    _legal("citizenship", "MDA", "en", _D(2000, 6, 2), "1024-XIV"),
    _legal("border", "GEO", "en", _D(2007, 6, 5), "4778"),
    _legal("border", "BLR", "ru", _D(2008, 7, 21), "419-З"),
    _legal("trafficking", "UKR", "en", _D(2011, 9, 20), "3739-VI"),
    _legal("trafficking", "AZE", "ru", _D(2005, 6, 28), "958-IIQ"),
    # Remittances and return
    _legal("remittances", "TJK", "ru", _D(2022, 4, 29), "215"),
    _legal("return", "UZB", "ru", _D(2023, 3, 14), "112", file_format="docx"),
    _legal("return", "KGZ", "ru", _D(2021, 8, 9), "347", visibility="national"),
    # Policies
    _policy("ARM", "en", 2021, 2025, _D(2021, 2, 11)),
    _policy("KAZ", "ru", 2023, 2027, _D(2022, 12, 30)),
    _policy("GEO", "en", 2021, 2030, _D(2020, 12, 25), file_format="docx"),
    _policy("MDA", "ru", 2022, 2026, _D(2022, 1, 26), visibility="participating"),
    # Statistical reports
    _report("labour", "KAZ", 2023, "ru", _D(2024, 4, 15), visibility="participating"),
    _report("asylum", "ARM", 2023, "en", _D(2024, 3, 28)),
    _report("migration", "RUS", 2023, "ru", _D(2024, 5, 20)),
    _report("migration", "MDA", 2022, "en", _D(2023, 6, 1)),
    _report("migration", "BLR", 2023, "ru", _D(2024, 4, 2), file_format="docx", visibility="national"),
    _report("emigration", "UZB", 2023, "ru", _D(2024, 3, 5), visibility="national"),
    _report("border", "GEO", 2023, "en", _D(2024, 2, 20), visibility="participating"),
    _report("migration", "TKM", 2022, "ru", _D(2023, 5, 12), visibility="national"),
    _report("labour", "AZE", 2023, "en", _D(2024, 4, 30), file_format="docx"),
    _report("asylum", "UKR", 2022, "en", _D(2023, 4, 18)),
    _report("emigration", "TJK", 2023, "en", _D(2024, 5, 8), section="participating-states"),
    # Meetings
    *_meeting_documents(
        "technical-meeting-vienna-2024",
        "technical-meeting-2024",
        "en",
        _regional.MINUTES_TECHNICAL_RU,
        "ru",
        minutes_format="docx",
    ),
    *_meeting_documents(
        "national-visit-kazakhstan-2024",
        "national-visit-kaz-2024",
        "ru",
        _regional.MINUTES_NATIONAL_VISIT_RU,
        "ru",
        country="KAZ",
        minutes_visibility="national",
        minutes_format="docx",
    ),
    *_meeting_documents(
        "labour-migration-workshop-almaty-2024",
        "labour-migration-workshop-2024",
        "en",
        _regional.MINUTES_WORKSHOP_EN,
        "en",
        topics=["labour-migration", "statistics"],
    ),
    # Regional and international documents
    _other(
        "cis-conference-overview",
        _t(
            "The CIS Conference process on refugees and migrants: an overview",
            "Процесс Конференции СНГ по проблемам беженцев и мигрантов: обзор",
        ),
        _SECRETARIAT,
        "publication",
        _D(2003, 5, 15),
        "ru",
        ["refugees", "statistics"],
        "historical-background",
        _t(
            "How the CIS Conference process prepared the ground for regional cooperation on migration data.",
            "Как процесс Конференции СНГ подготовил почву для регионального сотрудничества в области данных о "
            "миграции.",
        ),
        _regional.CIS_CONFERENCE_RU,
    ),
    _other(
        "almaty-workshop-2001-report",
        _t(
            "Report of the workshop on cross-border cooperation and migration legislation, Almaty, 29–31 October 2001",
            "Доклад семинара по трансграничному сотрудничеству и развитию миграционного законодательства, Алматы, "
            "29–31 октября 2001 года",
        ),
        _IOM,
        "publication",
        _D(2001, 12, 10),
        "en",
        ["border", "refugees", "labour-migration"],
        "historical-background",
        _t(
            "Findings and recommendations of the Almaty workshop on migration legislation and border cooperation.",
            "Выводы и рекомендации алматинского семинара по миграционному законодательству и пограничному "
            "сотрудничеству.",
        ),
        _regional.ALMATY_2001_EN,
    ),
    _other(
        "prague-workshop-2002-report",
        _t(
            "Report of the workshop on organisational structures and the sharing of migration information, Prague, "
            "3–5 July 2002",
            "Доклад семинара по организационным структурам, сбору и обмену информацией о миграции, Прага, 3–5 июля "
            "2002 года",
        ),
        _IOM,
        "publication",
        _D(2002, 9, 2),
        "ru",
        ["statistics", "data-sharing"],
        "historical-background",
        _t(
            "The Prague workshop endorsed the idea of a regional data sharing mechanism on a few agreed indicators.",
            "Пражский семинар поддержал идею регионального механизма обмена данными по небольшому числу "
            "согласованных показателей.",
        ),
        _regional.PRAGUE_2002_RU,
    ),
    _other(
        "general-model-programme",
        _t(
            "Programme of the General Model for migration data management",
            "Программа Общей модели управления данными о миграции",
        ),
        _SECRETARIAT,
        "publication",
        _D(2004, 1, 20),
        "en",
        ["statistics", "data-sharing", "training"],
        "programme-documents",
        _t(
            "Objectives, components, governance and expected results of the General Model.",
            "Цели, компоненты, управление и ожидаемые результаты Общей модели.",
        ),
        _regional.PROGRAMME_EN,
    ),
    _other(
        "general-model-concept-paper",
        _t("Concept paper on the General Model", "Концептуальная записка об Общей модели"),
        _SECRETARIAT,
        "publication",
        _D(2003, 10, 6),
        "ru",
        ["statistics", "data-sharing"],
        "programme-documents",
        _t(
            "The rationale, principles and stages of the General Model and of the Data Sharing Mechanism.",
            "Обоснование, принципы и этапы реализации Общей модели и Механизма обмена данными.",
        ),
        _regional.CONCEPT_RU,
    ),
    _other(
        "dsm-methodology-handbook",
        _t("Methodology of the Data Sharing Mechanism", "Методология Механизма обмена данными"),
        _SECRETARIAT,
        "publication",
        _D(2024, 3, 1),
        "en",
        ["statistics", "data-sharing"],
        "dsm-core-documents",
        _t(
            "Principles, indicator definitions, confidentiality, the calendar and the Excel templates in one handbook.",
            "Принципы, определения показателей, конфиденциальность, календарь и шаблоны Excel в одном руководстве.",
        ),
        _regional.methodology_handbook(),
    ),
    _other(
        "dsm-glossary",
        _t("Glossary of the Data Sharing Mechanism", "Глоссарий Механизма обмена данными"),
        _SECRETARIAT,
        "publication",
        _D(2024, 3, 1),
        "ru",
        ["statistics", "refugees", "labour-migration"],
        "dsm-core-documents",
        _t(
            "Definitions of the persons, procedures and statistical terms used in the indicators and metadata.",
            "Определения лиц, процедур и статистических терминов, используемых в показателях и метаданных.",
        ),
        _regional.GLOSSARY_RU,
        file_format="docx",
    ),
    _other(
        "dsm-training-curriculum",
        _t(
            "Training curriculum of the General Model: sixteen modules",
            "Учебная программа Общей модели: шестнадцать модулей",
        ),
        _SECRETARIAT,
        "training",
        _D(2024, 4, 10),
        "ru",
        ["training", "data-sharing"],
        "dsm-core-documents",
        _t(
            "Objectives, audience and duration of the sixteen training modules.",
            "Цели, участники и продолжительность шестнадцати учебных модулей.",
        ),
        _regional.training_curriculum(),
    ),
    _other(
        "iom-remittances-overview",
        _t(
            "Remittances in Eastern Europe and Central Asia: measurement and policy",
            "Денежные переводы в Восточной Европе и Центральной Азии: учёт и политика",
        ),
        _IOM,
        "publication",
        _D(2023, 10, 16),
        "en",
        ["remittances", "labour-migration", "statistics"],
        "publications",
        _t(
            "Why remittances matter, how they are measured and which policies make them cheaper and more productive.",
            "Значение денежных переводов, способы их учёта и меры, делающие их дешевле и полезнее.",
        ),
        _regional.REMITTANCES_EN,
    ),
    _other(
        "ilo-labour-migration-statistics-guide",
        _t("Guide to labour migration statistics", "Руководство по статистике трудовой миграции"),
        _ILO,
        "publication",
        _D(2022, 11, 21),
        "ru",
        ["labour-migration", "statistics"],
        "publications",
        _t(
            "International concepts, sources and recommended indicators of labour migration statistics.",
            "Международные понятия, источники и рекомендуемые показатели статистики трудовой миграции.",
        ),
        _regional.ILO_GUIDE_RU,
    ),
    _other(
        "regional-dialogues-overview",
        _t(
            "Regional dialogues and processes on migration: an overview",
            "Региональные диалоги и процессы по вопросам миграции: обзор",
        ),
        _SECRETARIAT,
        "publication",
        _D(2024, 1, 25),
        "en",
        ["data-sharing", "refugees", "labour-migration"],
        "other-dialogues",
        _t(
            "The Intergovernmental Consultations, the Budapest, Prague and Almaty processes and statistical "
            "cooperation.",
            "Межправительственные консультации, Будапештский, Пражский и Алматинский процессы и статистическое "
            "сотрудничество.",
        ),
        _regional.DIALOGUES_EN,
    ),
]

DOCUMENT_SLUGS = [document["slug"] for document in DOCUMENTS]
