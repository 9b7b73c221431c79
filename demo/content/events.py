"""Three events modelled on the agendas of the seed document (Annexes 6, 7 and 8).

agenda items: {day (1-based), time, end_time, title, speakers}; linked_documents: slugs of
documents.DOCUMENTS (the agenda and the minutes of each event, and related papers).
"""

import datetime


def _t(en, ru):
    return {"en": en, "ru": ru}


def _item(day, time, end_time, title, speakers=None):
    return {
        "day": day,
        "time": time,
        "end_time": end_time,
        "title": title,
        "speakers": speakers or _t("All participants", "Все участники"),
    }


_CHAIR = _t("Chair: head of the DSM secretariat", "Председатель: руководитель секретариата МОД")
_SECRETARIAT = _t("DSM secretariat", "Секретариат МОД")
_DELEGATES = _t("Delegations of the participating states", "Делегации государств-участников")
_IOM = _t("IOM regional office", "Региональное бюро МОМ")

EVENTS = [
    {
        "slug": "technical-meeting-vienna-2024",
        "kind": "technical-meeting",
        "title": _t(
            "Technical meeting on the Data Sharing Mechanism", "Техническое совещание по Механизму обмена данными"
        ),
        "start_date": datetime.date(2024, 6, 6),
        "end_date": datetime.date(2024, 6, 7),
        "place": _t("Vienna, Austria", "Вена, Австрия"),
        "summary": _t(
            "Delegates of the twelve participating states finalised the electronic templates for the agreed "
            "indicators, the rules on ownership and confidentiality of the data and the use of the portal as a "
            "library and a national intranet.",
            "Делегаты двенадцати государств-участников доработали электронные шаблоны для согласованных "
            "показателей, правила принадлежности и конфиденциальности данных и порядок использования портала как "
            "библиотеки и национальной внутренней сети.",
        ),
        "agenda": [
            _item(1, "10:00", "10:30", _t("Welcoming remarks", "Приветственное слово"), _CHAIR),
            _item(
                1,
                "10:30",
                "11:00",
                _t(
                    "The Data Sharing Mechanism: status and demonstration",
                    "Механизм обмена данными: текущее состояние и демонстрация",
                ),
                _SECRETARIAT,
            ),
            _item(
                1,
                "11:00",
                "11:40",
                _t(
                    "Tour de table: outcomes and challenges of national approaches",
                    "Обмен мнениями: результаты и трудности национальных подходов",
                ),
                _DELEGATES,
            ),
            _item(
                1,
                "11:40",
                "12:00",
                _t("Presentation of the OSCE/ODIHR", "Выступление представителя ОБСЕ/БДИПЧ"),
                _t("OSCE/ODIHR representative", "Представитель ОБСЕ/БДИПЧ"),
            ),
            _item(
                1,
                "12:00",
                "13:00",
                _t(
                    "Lessons learnt from national and regional data sharing mechanisms",
                    "Уроки национальных и региональных механизмов обмена данными",
                ),
                _t("Invited experts", "Приглашённые эксперты"),
            ),
            _item(1, "13:00", "13:30", _t("Discussion", "Обсуждение")),
            _item(
                1,
                "15:00",
                "17:00",
                _t(
                    "Finalisation of the electronic templates: definitions, validation, ownership and "
                    "confidentiality, frequency",
                    "Доработка электронных шаблонов: определения, проверка, принадлежность и конфиденциальность "
                    "данных, периодичность",
                ),
                _SECRETARIAT,
            ),
            _item(
                2,
                "10:00",
                "11:00",
                _t(
                    "Demonstration of the final electronic templates", "Демонстрация окончательных электронных шаблонов"
                ),
                _SECRETARIAT,
            ),
            _item(
                2,
                "11:00",
                "12:30",
                _t(
                    "The mechanism and the portal, part I: retrieval, storage, access and levels of security",
                    "Механизм и портал, часть I: поиск, хранение, доступ к данным и уровни безопасности",
                ),
                _SECRETARIAT,
            ),
            _item(2, "12:30", "13:30", _t("Discussion", "Обсуждение")),
            _item(
                2,
                "14:45",
                "16:00",
                _t(
                    "The mechanism and the portal, part II: the e-library, policy and legal issues, national intranets",
                    "Механизм и портал, часть II: электронная библиотека, вопросы политики и права, национальные "
                    "внутренние сети",
                ),
                _IOM,
            ),
            _item(2, "16:00", "16:30", _t("Future activities", "Дальнейшая деятельность"), _CHAIR),
            _item(2, "16:30", "17:00", _t("Closure of the meeting", "Закрытие совещания"), _CHAIR),
        ],
        "linked_documents": [
            "technical-meeting-2024-agenda",
            "technical-meeting-2024-minutes",
            "dsm-methodology-handbook",
        ],
    },
    {
        "slug": "national-visit-kazakhstan-2024",
        "kind": "national-visit",
        "title": _t("National visit to Kazakhstan", "Национальный визит в Казахстан"),
        "start_date": datetime.date(2024, 9, 17),
        "end_date": datetime.date(2024, 9, 18),
        "place": _t("Astana, Kazakhstan", "Астана, Казахстан"),
        "summary": _t(
            "The DSM team presented the portal to the IOM office and to the government focal points of "
            "Kazakhstan, reviewed the national network of data owners and agreed next steps for the country page.",
            "Команда МОД представила портал бюро МОМ и государственным координаторам Казахстана, рассмотрела "
            "национальную сеть владельцев данных и согласовала дальнейшие шаги по странице страны.",
        ),
        "agenda": [
            _item(
                1,
                "15:00",
                "15:45",
                _t(
                    "Demonstration of the DSM and its portal: structure, workflow, public and restricted information",
                    "Демонстрация МОД и портала: структура, порядок работы, открытая и закрытая информация",
                ),
                _SECRETARIAT,
            ),
            _item(
                1,
                "15:45",
                "16:30",
                _t(
                    "Issues for discussion with the government focal point; the country on the portal",
                    "Вопросы для обсуждения с государственным координатором; страница страны на портале",
                ),
                _t("IOM office in Astana", "Бюро МОМ в Астане"),
            ),
            _item(
                1,
                "16:30",
                "17:00",
                _t("National proposals and reports; any other business", "Национальные предложения и доклады; разное"),
                _IOM,
            ),
            _item(
                2,
                "14:00",
                "14:30",
                _t(
                    "Follow-up to the data seminar with core institutions",
                    "Итоги семинара по данным с основными учреждениями",
                ),
                _t("Migration Service of Kazakhstan", "Миграционная служба Казахстана"),
            ),
            _item(
                2,
                "14:30",
                "15:15",
                _t(
                    "Kazakhstan's participation in the mechanism: indicators, training modules, the e-library",
                    "Участие Казахстана в механизме: показатели, учебные модули, электронная библиотека",
                ),
                _SECRETARIAT,
            ),
            _item(
                2,
                "15:15",
                "15:45",
                _t(
                    "Best practices in pilot states; capacity building for migration management",
                    "Лучшие практики пилотных государств; наращивание потенциала в сфере управления миграцией",
                ),
                _IOM,
            ),
            _item(2, "15:45", "16:00", _t("Future activities", "Дальнейшая деятельность"), _SECRETARIAT),
        ],
        "linked_documents": [
            "national-visit-kaz-2024-agenda",
            "national-visit-kaz-2024-minutes",
            "kaz-report-labour-migration-2023",
        ],
    },
    {
        "slug": "labour-migration-workshop-almaty-2024",
        "kind": "regional-meeting",
        "title": _t(
            "Regional workshop on labour migration policy and data management",
            "Региональный семинар по политике в области трудовой миграции и управлению данными",
        ),
        "start_date": datetime.date(2024, 11, 13),
        "end_date": datetime.date(2024, 11, 14),
        "place": _t("Almaty, Kazakhstan", "Алматы, Казахстан"),
        "summary": _t(
            "Policy makers and statisticians discussed the normative frameworks of labour migration, the data they "
            "need to manage it and strategies for better labour migration statistics.",
            "Разработчики политики и статистики обсудили нормативную базу трудовой миграции, данные, необходимые "
            "для управления ею, и стратегии совершенствования статистики трудовой миграции.",
        ),
        "agenda": [
            _item(1, "08:30", "09:00", _t("Registration", "Регистрация участников")),
            _item(
                1,
                "09:00",
                "09:30",
                _t("Welcoming remarks", "Приветственное слово"),
                _t("Host government and IOM", "Правительство принимающей страны и МОМ"),
            ),
            _item(
                1,
                "09:30",
                "09:45",
                _t("Keynote speech", "Основной доклад"),
                _t("Invited keynote speaker", "Приглашённый докладчик"),
            ),
            _item(
                1,
                "10:00",
                "10:30",
                _t(
                    "Plenary I: labour migration policy and its normative frameworks",
                    "Пленарное заседание I: политика в области трудовой миграции и её нормативная база",
                ),
                _DELEGATES,
            ),
            _item(
                1, "11:00", "11:15", _t("Invited speaker from IOM", "Выступление приглашённого докладчика от МОМ"), _IOM
            ),
            _item(
                1,
                "13:30",
                "14:00",
                _t(
                    "Plenary II: the need for data; linking data, policy and legislation",
                    "Пленарное заседание II: потребность в данных; связь данных, политики и законодательства",
                ),
                _DELEGATES,
            ),
            _item(
                1,
                "15:00",
                "15:20",
                _t(
                    "Invited speaker from a national government of an EU member state",
                    "Выступление представителя правительства государства — члена ЕС",
                ),
                _t("Invited speaker", "Приглашённый докладчик"),
            ),
            _item(
                2,
                "10:00",
                "10:15",
                _t(
                    "Wrap-up of day 1: effective practices and key statistical indicators",
                    "Итоги первого дня: эффективные практики и ключевые статистические показатели",
                ),
                _t("IOM and OSCE representatives", "Представители МОМ и ОБСЕ"),
            ),
            _item(
                2,
                "10:30",
                "12:30",
                _t(
                    "Breakout sessions: I. Labour migration policy; II. Strategies for labour migration statistics",
                    "Работа в группах: I. Политика в области трудовой миграции; II. Стратегии статистики трудовой "
                    "миграции",
                ),
                _t("Group facilitators", "Модераторы групп"),
            ),
            _item(
                2,
                "14:00",
                "14:30",
                _t("Reports from the breakout sessions", "Доклады рабочих групп"),
                _t("Group rapporteurs", "Докладчики групп"),
            ),
            _item(
                2,
                "14:30",
                "15:00",
                _t("Discussion and concluding remarks", "Обсуждение и заключительное слово"),
                _CHAIR,
            ),
        ],
        "linked_documents": [
            "labour-migration-workshop-2024-agenda",
            "labour-migration-workshop-2024-minutes",
            "rus-regulation-work-permits",
            "uzb-report-labour-emigration-2023",
        ],
    },
]
