"""The 16 training modules of the General Model (seed document, Annex 2), each with a PDF handout.

Render a handout with files.render_pdf(handout["title"][handout["language"]], handout["body"],
handout["language"]).
"""


def _t(en, ru):
    return {"en": en, "ru": ru}


_OFFICIALS = _t(
    "Officials of the national institutions dealing with migration data",
    "Сотрудники национальных учреждений, работающих с данными о миграции",
)
_FOCAL = _t("Focal points and country administrators", "Координаторы и администраторы стран")
_MANAGERS = _t(
    "Heads of departments and members of inter-ministerial working groups",
    "Руководители подразделений и члены межведомственных рабочих групп",
)
_STATISTICIANS = _t(
    "Statisticians and data managers of the migration and statistical authorities",
    "Статистики и специалисты по данным миграционных и статистических ведомств",
)

# (slug, title, objectives, content paragraphs, duration in hours, audience)
_MODULES = [
    (
        "introduction-to-the-dsm",
        _t("Introduction to the Data Sharing Mechanism", "Введение в Механизм обмена данными"),
        [
            _t(
                "Explain why the participating states created the mechanism",
                "Объяснить, зачем государства-участники создали механизм",
            ),
            _t(
                "Describe its public and restricted parts and the roles of its users",
                "Описать открытую и закрытую части механизма и роли пользователей",
            ),
        ],
        [
            _t(
                "The DSM is an electronic tool for the rapid collection and exchange of migration-related data in "
                "Eastern Europe and Central Asia. It stores figures on agreed indicators and shares legal and policy "
                "documents.",
                "МОД — электронный инструмент для оперативного сбора и обмена данными о миграции в Восточной Европе "
                "и Центральной Азии. В нём хранятся значения согласованных показателей и размещаются правовые и "
                "программные документы.",
            ),
            _t(
                "The public part is open to everyone; the restricted part requires a personal account. The system "
                "administrator manages the regional level, and each country administrator manages the users of "
                "his or her state.",
                "Открытая часть доступна всем, закрытая требует личной учётной записи. Системный администратор "
                "управляет региональным уровнем, а администратор каждой страны — пользователями своего государства.",
            ),
        ],
        4,
        _OFFICIALS,
    ),
    (
        "inter-ministerial-working-groups",
        _t(
            "Establishing inter-ministerial working groups: examples and lessons learnt",
            "Создание межведомственных рабочих групп: примеры и уроки",
        ),
        [
            _t(
                "Set up a working group with a clear mandate and membership",
                "Создать рабочую группу с чётким мандатом и составом",
            ),
            _t("Draft and follow a work plan", "Разработать план работы и следовать ему"),
        ],
        [
            _t(
                "Migration data are held by several ministries. A working group chaired at deputy-minister level "
                "brings their owners together, agrees who produces which indicator and resolves conflicts of "
                "definitions.",
                "Данные о миграции находятся в нескольких министерствах. Рабочая группа под председательством "
                "заместителя министра объединяет их владельцев, распределяет ответственность за показатели и "
                "устраняет расхождения в определениях.",
            ),
            _t(
                "The module reviews sample work plans: items, timelines, responsible entities and the tracking of "
                "their status, with examples from states where the group met quarterly.",
                "В модуле разбираются образцы планов работы: мероприятия, сроки, ответственные и отслеживание их "
                "выполнения — на примерах государств, где группа собиралась ежеквартально.",
            ),
        ],
        6,
        _MANAGERS,
    ),
    (
        "networks-and-focal-points",
        _t("Networks and focal points", "Сети и координаторы"),
        [
            _t(
                "Map the national network of persons dealing with migration data",
                "Составить схему национальной сети лиц, работающих с данными о миграции",
            ),
            _t(
                "Define the tasks of a focal point and of a substitute",
                "Определить обязанности координатора и его заместителя",
            ),
        ],
        [
            _t(
                "Each institution appoints a focal point and a substitute. The contact list of the national network "
                "is kept up to date on the country intranet.",
                "Каждое учреждение назначает координатора и его заместителя. Список контактов национальной сети "
                "поддерживается в актуальном состоянии во внутренней сети страны.",
            ),
            _t(
                "Focal points enter the figures of their institution, answer requests of other states and inform "
                "the country administrator of changes in sources or definitions.",
                "Координаторы вводят данные своего учреждения, отвечают на запросы других государств и сообщают "
                "администратору страны об изменениях источников и определений.",
            ),
        ],
        4,
        _FOCAL,
    ),
    (
        "linking-policy-and-data",
        _t("Linking policy and legal issues with data", "Связь политики и законодательства с данными"),
        [
            _t(
                "Identify the data that a policy or law needs", "Определить, какие данные нужны для политики или закона"
            ),
            _t("Use the library of laws together with the figures", "Использовать библиотеку законов вместе с данными"),
        ],
        [
            _t(
                "Laws define the categories that are counted: who is a refugee, a migrant worker or a stateless "
                "person. A change in the law often causes a break in the statistical series.",
                "Законы определяют учитываемые категории: кто является беженцем, трудовым мигрантом или лицом без "
                "гражданства. Изменение закона нередко приводит к разрыву статистического ряда.",
            ),
            _t(
                "Participants read a law on refugees and a regulation on work permits and derive the indicators and "
                "breakdowns needed to monitor them.",
                "Участники изучают закон о беженцах и положение о разрешениях на работу и выводят из них показатели "
                "и разбивки, необходимые для мониторинга их применения.",
            ),
        ],
        6,
        _MANAGERS,
    ),
    (
        "eu-acquis-statistics",
        _t("EU acquis on asylum and migration statistics", "Право ЕС в области статистики убежища и миграции"),
        [
            _t(
                "Know the main European rules on migration and asylum statistics",
                "Знать основные европейские правила статистики миграции и убежища",
            ),
            _t("Compare them with national practice", "Сравнить их с национальной практикой"),
        ],
        [
            _t(
                "European regulations define statistics on residence permits, asylum applications and decisions, "
                "and enforcement of immigration law, with common breakdowns and deadlines.",
                "Европейские регламенты определяют статистику видов на жительство, ходатайств об убежище и решений "
                "по ним, а также применения иммиграционного законодательства, с едиными разбивками и сроками.",
            ),
            _t(
                "Participants compare these definitions with the DSM indicators and with their own national "
                "definitions.",
                "Участники сравнивают эти определения с показателями МОД и с национальными определениями.",
            ),
        ],
        6,
        _STATISTICIANS,
    ),
    (
        "data-management-concepts",
        _t("Overall data management: concepts and clarifications", "Управление данными: понятия и разъяснения"),
        [
            _t(
                "Distinguish stocks from flows and applications from decisions",
                "Различать численность и потоки, заявления и решения",
            ),
            _t("Describe data with metadata", "Описывать данные с помощью метаданных"),
        ],
        [
            _t(
                "A stock is measured on a date, a flow over a period. Confusing them, or counting applications as "
                "decisions, is the most frequent source of incomparable figures.",
                "Численность измеряется на дату, поток — за период. Смешение этих понятий или учёт заявлений как "
                "решений — самая частая причина несопоставимости данных.",
            ),
            _t(
                "Metadata describe the definition, source, coverage and breaks of each series and travel with the "
                "figures.",
                "Метаданные описывают определение, источник, охват и разрывы каждого ряда и сопровождают данные.",
            ),
        ],
        4,
        _STATISTICIANS,
    ),
    (
        "other-regional-models",
        _t("Lessons learnt from other regional models and processes", "Уроки других региональных моделей и процессов"),
        [
            _t(
                "Know the regional processes on migration data (IGC, Eurostat, CIS, SIEMCA)",
                "Знать региональные процессы по данным о миграции (МПК, Евростат, СНГ, SIEMCA)",
            ),
            _t("Draw lessons for the DSM", "Извлечь уроки для МОД"),
        ],
        [
            _t(
                "The Intergovernmental Consultations exchange asylum figures monthly; Eurostat collects harmonised "
                "statistics under European law; the CIS statistical committee publishes population data; SIEMCA "
                "linked the migration statistics of Central American states.",
                "Межправительственные консультации ежемесячно обмениваются данными об убежище; Евростат собирает "
                "гармонизированную статистику на основе европейского права; Статистический комитет СНГ публикует "
                "данные о населении; SIEMCA объединила миграционную статистику государств Центральной Америки.",
            ),
            _t(
                "Common lessons: start with few indicators, agree definitions first and keep the tool simple.",
                "Общие уроки: начинать с небольшого числа показателей, сначала согласовать определения и сохранять "
                "простоту инструмента.",
            ),
        ],
        4,
        _MANAGERS,
    ),
    (
        "data-collection-and-processing",
        _t("Data collection and processing", "Сбор и обработка данных"),
        [
            _t("Extract indicators from administrative registers", "Получать показатели из административных реестров"),
            _t("Check the quality of the figures before submission", "Проверять качество данных перед представлением"),
        ],
        [
            _t(
                "Most figures come from registers kept for administrative purposes. The module shows how to define "
                "queries that count persons once, by date of event, with the agreed breakdowns.",
                "Большинство данных берётся из реестров, которые ведутся в административных целях. В модуле "
                "показано, как составлять запросы, учитывающие каждое лицо один раз, по дате события и с "
                "согласованными разбивками.",
            ),
            _t(
                "Quality checks include totals, consistency between applications and decisions, and comparison with "
                "the previous period.",
                "Проверки качества включают сверку итогов, согласованность заявлений и решений и сравнение с "
                "предыдущим периодом.",
            ),
        ],
        6,
        _STATISTICIANS,
    ),
    (
        "data-exchange-and-sharing",
        _t("Data exchange and sharing", "Обмен данными и совместное использование"),
        [
            _t("Choose the right confidentiality level", "Выбирать правильный уровень конфиденциальности"),
            _t("Answer requests from other participating states", "Отвечать на запросы других государств-участников"),
        ],
        [
            _t(
                "Figures can be public, shared with the participating states or national only. Requests from other "
                "states are sent and answered through the portal, leaving a record.",
                "Значения могут быть открытыми, доступными государствам-участникам или только национальными. Запросы "
                "других государств направляются и рассматриваются через портал, что позволяет сохранить их историю.",
            ),
            _t(
                "Participants practise downloading tables, charts and CSV files and citing the source.",
                "Участники учатся выгружать таблицы, диаграммы и файлы CSV и указывать источник.",
            ),
        ],
        4,
        _FOCAL,
    ),
    (
        "concepts-and-categories-of-migrants",
        _t("Basic concepts and categories of migrants", "Основные понятия и категории мигрантов"),
        [
            _t("Use the glossary terms consistently", "Последовательно использовать термины глоссария"),
            _t(
                "Distinguish refugees, asylum-seekers, labour migrants and stateless persons",
                "Различать беженцев, лиц, ищущих убежища, трудовых мигрантов и лиц без гражданства",
            ),
        ],
        [
            _t(
                "The module introduces the categories used in international law and statistics: long-term and "
                "short-term migrants, migrant workers, refugees, asylum-seekers, stateless persons, victims of "
                "trafficking and returnees.",
                "В модуле вводятся категории, используемые в международном праве и статистике: долгосрочные и "
                "краткосрочные мигранты, трудовые мигранты, беженцы, лица, ищущие убежища, лица без гражданства, "
                "жертвы торговли людьми и вернувшиеся мигранты.",
            ),
            _t(
                "Case studies show how the same person may move between categories over time.",
                "Разбор случаев показывает, как один и тот же человек со временем может переходить из одной "
                "категории в другую.",
            ),
        ],
        4,
        _OFFICIALS,
    ),
    (
        "mapping-national-data-structures",
        _t(
            "Mapping out existing migration data structures in the country",
            "Описание существующих структур миграционных данных в стране",
        ),
        [
            _t("Inventory the sources of migration data", "Провести инвентаризацию источников данных о миграции"),
            _t("Find gaps and overlaps between institutions", "Выявить пробелы и дублирование между учреждениями"),
        ],
        [
            _t(
                "Participants list, for each institution, the registers it keeps, their content, their legal basis "
                "and who may access them, and draw the flows of data between them.",
                "Участники перечисляют по каждому учреждению ведущиеся реестры, их содержание, правовую основу и "
                "круг лиц, имеющих к ним доступ, и составляют схему потоков данных между ними.",
            ),
            _t(
                "The map becomes the basis of the national metadata and of the work plan of the working group.",
                "Эта схема становится основой национальных метаданных и плана работы рабочей группы.",
            ),
        ],
        6,
        _MANAGERS,
    ),
    (
        "national-capacity-building",
        _t(
            "Main elements of capacity-building at the national level",
            "Основные элементы наращивания потенциала на национальном уровне",
        ),
        [
            _t("Assess training needs", "Оценить потребности в обучении"),
            _t("Plan staff, equipment and procedures", "Спланировать кадры, оборудование и процедуры"),
        ],
        [
            _t(
                "Capacity means trained people, working procedures and adequate equipment. The module helps to "
                "assess the needs of each institution and to plan training of trainers.",
                "Потенциал — это обученные люди, отлаженные процедуры и достаточное оборудование. Модуль помогает "
                "оценить потребности каждого учреждения и спланировать подготовку тренеров.",
            ),
            _t(
                "Staff turnover is the main risk: written procedures and substitutes keep the work going.",
                "Главный риск — текучесть кадров: письменные процедуры и заместители обеспечивают непрерывность "
                "работы.",
            ),
        ],
        4,
        _MANAGERS,
    ),
    (
        "it-prerequisites",
        _t(
            "Basic IT prerequisites for data collection, processing and sharing",
            "Базовые требования к ИТ для сбора, обработки и обмена данными",
        ),
        [
            _t(
                "Know the minimum equipment needed at country level",
                "Знать минимальное оборудование, необходимое на уровне страны",
            ),
            _t("Apply basic security rules", "Соблюдать основные правила безопасности"),
        ],
        [
            _t(
                "A computer with an internet connection, an up-to-date browser, a PDF reader and a spreadsheet "
                "program are enough at country level. No national server is required.",
                "На уровне страны достаточно компьютера с подключением к интернету, современного браузера, "
                "программы для чтения PDF и электронных таблиц. Национальный сервер не требуется.",
            ),
            _t(
                "Accounts are personal; passwords are never shared; access is withdrawn when a person leaves.",
                "Учётные записи являются личными; пароли никому не передаются; доступ отзывается при увольнении "
                "сотрудника.",
            ),
        ],
        2,
        _FOCAL,
    ),
    (
        "fundraising-and-project-development",
        _t("Fundraising and project development", "Привлечение средств и разработка проектов"),
        [
            _t(
                "Identify budget lines that participating states are eligible for",
                "Определить бюджетные линии, доступные государствам-участникам",
            ),
            _t(
                "Write a project proposal on migration data",
                "Подготовить проектное предложение в области данных о миграции",
            ),
        ],
        [
            _t(
                "The module reviews the funding programmes of international partners for migration management and "
                "statistics, and their eligibility rules.",
                "В модуле рассматриваются программы финансирования международных партнёров в области управления "
                "миграцией и статистики и условия участия в них.",
            ),
            _t(
                "Participants draft a project with objectives, activities, indicators and a budget.",
                "Участники готовят проект с целями, мероприятиями, показателями и бюджетом.",
            ),
        ],
        6,
        _MANAGERS,
    ),
    (
        "additional-technical-data-issues",
        _t("Additional technical data issues", "Дополнительные технические вопросы работы с данными"),
        [
            _t(
                "Handle revisions, breaks in series and estimates",
                "Работать с пересмотрами, разрывами рядов и оценками",
            ),
            _t("Protect small numbers", "Защищать малые значения"),
        ],
        [
            _t(
                "Corrections of published figures are new revisions with a reason. A change of definition is "
                "recorded as a break in the series in the metadata.",
                "Исправления опубликованных данных оформляются как новые редакции с указанием причины. Изменение "
                "определения отмечается в метаданных как разрыв ряда.",
            ),
            _t(
                "Estimated and provisional values are flagged; small cells are suppressed or merged.",
                "Оценочные и предварительные значения помечаются; малые ячейки скрываются или укрупняются.",
            ),
        ],
        4,
        _STATISTICIANS,
    ),
    (
        "dsm-training-curriculum",
        _t(
            "DSM training curriculum: country administrator, uploading data, country page management",
            "Учебная программа МОД: администратор страны, загрузка данных, ведение страницы страны",
        ),
        [
            _t("Manage the users of the country", "Управлять пользователями страны"),
            _t("Validate or return submissions", "Проверять или возвращать представленные данные"),
            _t(
                "Keep the country profile and intranet up to date",
                "Поддерживать в актуальном состоянии профиль и внутреннюю сеть страны",
            ),
        ],
        [
            _t(
                "The country administrator creates accounts for focal points, assigns their roles and disables "
                "accounts that are no longer needed.",
                "Администратор страны создаёт учётные записи координаторов, назначает им роли и отключает ставшие "
                "ненужными учётные записи.",
            ),
            _t(
                "Hands-on exercises: upload an Excel template, correct a rejected upload, validate a submission, "
                "update the contact list and the work plan on the intranet.",
                "Практические упражнения: загрузка шаблона Excel, исправление отклонённой загрузки, проверка "
                "представленных данных, обновление списка контактов и плана работы во внутренней сети.",
            ),
        ],
        8,
        _FOCAL,
    ),
]

_DURATION = {
    2: _t("2 hours", "2 часа"),
    4: _t("Half a day (4 hours)", "Полдня (4 часа)"),
    6: _t("One day (6 hours)", "Один день (6 часов)"),
    8: _t("One day (8 hours)", "Один день (8 часов)"),
}

_HANDOUT = {
    "en": {
        "title": "Handout. Module {number}: {title}",
        "intro": "This handout summarises module {number} of the DSM training programme. Keep it for reference.",
        "objectives": "Learning objectives",
        "content": "Content",
        "practice": "Practical exercise",
        "exercise": (
            "Working in pairs, apply the module to your own institution: list what you already do, what is missing "
            "and who should act. Present the result in five minutes and add it to your working group's work plan."
        ),
        "details": "Duration: {duration}. Audience: {audience}.",
    },
    "ru": {
        "title": "Раздаточный материал. Модуль {number}: {title}",
        "intro": "Настоящий материал кратко излагает содержание модуля {number} учебной программы МОД.",
        "objectives": "Цели обучения",
        "content": "Содержание",
        "practice": "Практическое упражнение",
        "exercise": (
            "Работая в парах, примените материал модуля к своему учреждению: перечислите, что уже делается, чего не "
            "хватает и кто должен действовать. Представьте результат за пять минут и внесите его в план работы "
            "рабочей группы."
        ),
        "details": "Продолжительность: {duration}. Участники: {audience}.",
    },
}


def _handout(number, slug, title, objectives, content, duration, audience):
    language = "en" if number % 2 else "ru"
    words = _HANDOUT[language]
    parts = [
        words["intro"].format(number=number),
        words["details"].format(duration=duration[language].lower(), audience=audience[language].lower()),
        "## " + words["objectives"],
        "\n".join("- " + objective[language] for objective in objectives),
        "## " + words["content"],
        *(paragraph[language] for paragraph in content),
        "## " + words["practice"],
        words["exercise"],
    ]
    return {
        "slug": f"handout-{number:02d}-{slug}",
        "title": {lang: _HANDOUT[lang]["title"].format(number=number, title=title[lang]) for lang in ("en", "ru")},
        "language": language,
        "body": "\n\n".join(parts),
    }


MODULES = [
    {
        "slug": slug,
        "number": number,
        "title": title,
        "objectives": objectives,
        "content": content,
        "duration": _DURATION[hours],
        "duration_hours": hours,
        "audience": audience,
        "handout": _handout(number, slug, title, objectives, content, _DURATION[hours], audience),
    }
    for number, (slug, title, objectives, content, hours, audience) in enumerate(_MODULES, start=1)
]
