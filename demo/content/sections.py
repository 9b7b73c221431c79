"""The sections of the DSM e-library (seed document, Annex 3)."""

SECTIONS = [
    {
        "slug": "historical-background",
        "number": 1,
        "title": {"en": "Historical background", "ru": "Историческая справка"},
        "intro": {
            "en": (
                "How the Data Sharing Mechanism came about: the CIS Conference process, the Almaty workshop "
                "on cross-border cooperation and migration legislation (2001) and the Prague workshop on "
                "organisational structures and the sharing of migration-related information (2002)."
            ),
            "ru": (
                "Как возник Механизм обмена данными: процесс Конференции по проблемам беженцев и мигрантов "
                "в странах СНГ, семинар в Алматы по трансграничному сотрудничеству и развитию миграционного "
                "законодательства (2001) и семинар в Праге по организационным структурам, сбору и обмену "
                "информацией о миграции (2002)."
            ),
        },
    },
    {
        "slug": "recent-events",
        "number": 2,
        "title": {"en": "Recent events", "ru": "Последние мероприятия"},
        "intro": {
            "en": (
                "Agendas, minutes and presentations of the technical meetings on the Data Sharing Mechanism, "
                "of national visits and of the thematic regional workshops."
            ),
            "ru": (
                "Повестки дня, протоколы и презентации технических совещаний по Механизму обмена данными, "
                "национальных визитов и тематических региональных семинаров."
            ),
        },
    },
    {
        "slug": "programme-documents",
        "number": 3,
        "title": {"en": "Programme documents of the General Model", "ru": "Программные документы Общей модели"},
        "intro": {
            "en": (
                "The concept paper and programme documents of the General Model for the management of "
                "migration-related data, agreed by the participating states."
            ),
            "ru": (
                "Концептуальная записка и программные документы Общей модели управления данными о миграции, "
                "согласованные государствами-участниками."
            ),
        },
    },
    {
        "slug": "dsm-core-documents",
        "number": 4,
        "title": {"en": "DSM elements and core documents", "ru": "Элементы и основные документы МОД"},
        "intro": {
            "en": (
                "The methodology of the Data Sharing Mechanism, its glossary and the training modules used to "
                "prepare focal points and country administrators."
            ),
            "ru": (
                "Методология Механизма обмена данными, его глоссарий и учебные модули для подготовки "
                "координаторов и администраторов стран."
            ),
        },
    },
    {
        "slug": "participating-states",
        "number": 5,
        "title": {
            "en": "Information and data from the participating states",
            "ru": "Информация и данные государств-участников",
        },
        "intro": {
            "en": (
                "Laws, regulations, policy papers and statistical reports submitted by the migration "
                "authorities of the participating states. Some documents are shared only with participating "
                "states or only within the submitting country."
            ),
            "ru": (
                "Законы, подзаконные акты, программные документы и статистические отчёты, представленные "
                "миграционными ведомствами государств-участников. Часть документов доступна только "
                "государствам-участникам или только пользователям представившей их страны."
            ),
        },
    },
    {
        "slug": "publications",
        "number": 6,
        "title": {"en": "Publications", "ru": "Публикации"},
        "intro": {
            "en": (
                "National statistical reports and publications of international organisations (IOM, UN, ILO, "
                "WTO) on migration, asylum, labour mobility and remittances."
            ),
            "ru": (
                "Национальные статистические доклады и публикации международных организаций (МОМ, ООН, МОТ, "
                "ВТО) по вопросам миграции, убежища, трудовой мобильности и денежных переводов."
            ),
        },
    },
    {
        "slug": "other-dialogues",
        "number": 7,
        "title": {"en": "Other dialogues and processes", "ru": "Другие диалоги и процессы"},
        "intro": {
            "en": (
                "An overview of other regional consultative processes on migration and of their meetings and "
                "events, with the lessons they offer to the Data Sharing Mechanism."
            ),
            "ru": (
                "Обзор других региональных консультативных процессов по вопросам миграции, их встреч и "
                "мероприятий, а также уроков, полезных для Механизма обмена данными."
            ),
        },
    },
    {
        "slug": "links",
        "number": 8,
        "title": {"en": "Links", "ru": "Ссылки"},
        "intro": {
            "en": "Web sites of the migration and statistical authorities and of international partners.",
            "ru": "Веб-сайты миграционных и статистических ведомств и международных партнёров.",
        },
    },
]

SECTION_SLUGS = [section["slug"] for section in SECTIONS]
