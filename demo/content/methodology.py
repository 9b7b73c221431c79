"""Methodology pages of the Data Sharing Mechanism: principles, indicators, confidentiality, calendar, templates."""

PAGES = [
    {
        "slug": "principles",
        "title": {"en": "Principles of the Data Sharing Mechanism", "ru": "Принципы Механизма обмена данными"},
        "intro": {
            "en": "What the mechanism is for, who owns the data and the rules every participating state has agreed to.",
            "ru": (
                "Для чего создан механизм, кому принадлежат данные и какие правила согласовали государства-участники."
            ),
        },
        "body": [
            {
                "en": (
                    "The Data Sharing Mechanism (DSM) was created on the initiative of the governments of Eastern "
                    "Europe and Central Asia to collect and exchange migration-related data quickly. It stores "
                    "figures on a small set of agreed indicators together with the national metadata that explain "
                    "them, and a library of laws, policy papers and reports."
                ),
                "ru": (
                    "Механизм обмена данными (МОД) создан по инициативе правительств стран Восточной Европы и "
                    "Центральной Азии для оперативного сбора и обмена данными о миграции. В нём хранятся значения "
                    "небольшого набора согласованных показателей вместе с поясняющими их национальными "
                    "метаданными, а также библиотека законов, программных документов и докладов."
                ),
            },
            {
                "en": (
                    "Ownership. Every figure belongs to the institution that produced it. The national focal point "
                    "enters or uploads the figures, the country administrator validates them, and only then are they "
                    "shared. Nobody else may change a country's figures; corrections are new revisions that keep the "
                    "history of who changed what, when and why."
                ),
                "ru": (
                    "Принадлежность данных. Каждое значение принадлежит учреждению, которое его сформировало. "
                    "Национальный координатор вводит или загружает данные, администратор страны проверяет их, и "
                    "только после этого они становятся доступны другим. Никто другой не может изменить данные "
                    "страны; исправления оформляются как новые редакции с сохранением истории: кто, когда и почему "
                    "внёс изменение."
                ),
            },
            {
                "en": (
                    "Flexibility and simplicity. The mechanism asks for what the states already produce. Figures may "
                    "be entered in a web form, uploaded from an Excel template, keyed in from a paper form or sent by "
                    "machine; a state that cannot provide a breakdown says so rather than leaving a blank."
                ),
                "ru": (
                    "Гибкость и простота. Механизм запрашивает то, что государства уже производят. Данные можно "
                    "ввести в веб-форму, загрузить из шаблона Excel, перенести с бумажной формы или передать "
                    "автоматически; если государство не может представить разбивку, оно указывает это, а не "
                    "оставляет ячейку пустой."
                ),
            },
            {
                "en": (
                    "Confidentiality and security. Each figure is public, shared with the participating states or "
                    "national only. The portal enforces these levels everywhere: in pages, search, exports and the "
                    "API. Officials see the data of other states only when those states have chosen to share them."
                ),
                "ru": (
                    "Конфиденциальность и безопасность. Каждое значение является открытым, доступным "
                    "государствам-участникам или только национальным. Портал соблюдает эти уровни везде: на "
                    "страницах, в поиске, при выгрузке и в API. Сотрудники видят данные других государств, только "
                    "если те решили ими поделиться."
                ),
            },
        ],
    },
    {
        "slug": "indicators",
        "title": {"en": "Indicator definitions and comparability", "ru": "Определения показателей и сопоставимость"},
        "intro": {
            "en": "The six initial indicators, their breakdowns, and how national metadata make figures comparable.",
            "ru": (
                "Шесть исходных показателей, их разбивки и то, как национальные метаданные делают данные сопоставимыми."
            ),
        },
        "body": [
            {
                "en": (
                    "The participating states agreed on six initial indicators: the number of foreigners in the "
                    "country; first-time applications for work permits and for extensions, with the decisions on "
                    "them; foreigners entering the country; foreigners leaving the country; asylum applications; "
                    "and refugee status determinations."
                ),
                "ru": (
                    "Государства-участники согласовали шесть исходных показателей: численность иностранцев в стране; "
                    "первичные заявления о выдаче и продлении разрешений на работу и решения по ним; число "
                    "иностранцев, въехавших в страну; число иностранцев, выехавших из страны; число ходатайств об "
                    "убежище; число решений о признании беженцем."
                ),
            },
            {
                "en": (
                    "Each indicator has a definition, a unit, a frequency and breakdowns such as sex, age group, "
                    "citizenship, type of application and outcome of the decision. Applications and decisions are "
                    "always counted separately: the decisions of a year may concern applications lodged in earlier "
                    "years."
                ),
                "ru": (
                    "У каждого показателя есть определение, единица измерения, периодичность и разбивки: по полу, "
                    "возрастным группам, гражданству, виду заявления и результату рассмотрения. Заявления и решения "
                    "всегда учитываются раздельно: решения, принятые за год, могут касаться заявлений, поданных в "
                    "предыдущие годы."
                ),
            },
            {
                "en": (
                    "National definitions differ. One state counts asylum applications per person, another per "
                    "case; one counts foreigners by residence permit, another by registration. The national metadata "
                    "record, for each indicator and country, the national definition, the source, the owner "
                    "institution, the legal basis and any breaks in the series. The portal shows them side by side."
                ),
                "ru": (
                    "Национальные определения различаются. Одно государство учитывает ходатайства об убежище по "
                    "лицам, другое — по делам; одно учитывает иностранцев по видам на жительство, другое — по "
                    "регистрации. В национальных метаданных для каждого показателя и страны указываются "
                    "национальное определение, источник, учреждение-владелец, правовая основа и разрывы рядов. "
                    "Портал показывает их рядом друг с другом."
                ),
            },
            {
                "en": (
                    "New indicators may be proposed by a country administrator and approved by the system "
                    "administrator once the states have agreed on a definition."
                ),
                "ru": (
                    "Новые показатели может предложить администратор страны; системный администратор утверждает их "
                    "после того, как государства согласуют определение."
                ),
            },
        ],
    },
    {
        "slug": "confidentiality",
        "title": {
            "en": "Confidentiality and statistical disclosure control",
            "ru": "Конфиденциальность и контроль статистического раскрытия",
        },
        "intro": {
            "en": "Three levels of access, and how small figures are protected before they are shared.",
            "ru": "Три уровня доступа и защита малых значений перед передачей данных.",
        },
        "body": [
            {
                "en": (
                    "Every value and every library document has one of three levels: public, open to everyone; "
                    "shared with the participating states, visible to the officials of all participating states; "
                    "national, visible only to the users of the country that owns it. The owner institution chooses "
                    "the level; the country administrator confirms it on validation."
                ),
                "ru": (
                    "Каждое значение и каждый документ библиотеки имеют один из трёх уровней: открытый — доступен "
                    "всем; для государств-участников — виден сотрудникам всех государств-участников; национальный — "
                    "виден только пользователям страны-владельца. Уровень выбирает учреждение-владелец, а "
                    "администратор страны подтверждает его при проверке."
                ),
            },
            {
                "en": (
                    "Statistical disclosure control protects persons behind small numbers. A table of asylum "
                    "applications by citizenship, sex and age may contain cells of one or two persons that identify "
                    "an applicant. Such cells are suppressed, together with enough other cells to prevent their "
                    "recalculation from the totals, or the categories are merged."
                ),
                "ru": (
                    "Контроль статистического раскрытия защищает людей, стоящих за малыми числами. В таблице "
                    "ходатайств об убежище по гражданству, полу и возрасту могут быть ячейки с одним-двумя лицами, "
                    "позволяющие установить заявителя. Такие ячейки скрываются вместе с другими ячейками, чтобы их "
                    "нельзя было вычислить по итогам, либо категории укрупняются."
                ),
            },
            {
                "en": (
                    "A suppressed value is marked as confidential, never entered as zero or left blank: users must "
                    "be able to tell a true zero from a hidden figure and from a figure that is not available."
                ),
                "ru": (
                    "Скрытое значение помечается как конфиденциальное и никогда не вводится как ноль и не "
                    "оставляется пустым: пользователи должны отличать настоящий ноль от скрытого значения и от "
                    "отсутствующих данных."
                ),
            },
        ],
    },
    {
        "slug": "calendar",
        "title": {"en": "Submission and validation calendar", "ru": "Календарь представления и проверки данных"},
        "intro": {
            "en": "When figures are due, who validates them and when they are published.",
            "ru": "Когда представляются данные, кто их проверяет и когда они публикуются.",
        },
        "body": [
            {
                "en": (
                    "Quarterly figures are due sixty days after the end of the quarter; annual figures by 31 March "
                    "of the following year. The system administrator opens each period and closes it for edits once "
                    "the publication date has passed."
                ),
                "ru": (
                    "Квартальные данные представляются в течение шестидесяти дней после окончания квартала, годовые — "
                    "до 31 марта следующего года. Системный администратор открывает каждый период и закрывает его "
                    "для изменений после даты публикации."
                ),
            },
            {
                "en": (
                    "A submission goes from draft to submitted (by the focal point), to validated (by the country "
                    "administrator) and to published. The country administrator may return it with a comment; the "
                    "focal point then corrects and resubmits it. Validation should take no more than fifteen days."
                ),
                "ru": (
                    "Представление данных проходит этапы: черновик, представлено (координатором), проверено "
                    "(администратором страны) и опубликовано. Администратор страны может вернуть его с комментарием; "
                    "тогда координатор исправляет и повторно представляет данные. Проверка должна занимать не более "
                    "пятнадцати дней."
                ),
            },
            {
                "en": (
                    "Automatic checks run on entry: decisions may not exceed applications, totals must equal the sum "
                    "of their breakdown, and a change of more than half against the previous year is flagged for "
                    "review. Figures may be flagged as provisional or estimated and carry a footnote."
                ),
                "ru": (
                    "При вводе выполняются автоматические проверки: число решений не может превышать число заявлений, "
                    "итог должен равняться сумме разбивки, а изменение более чем наполовину по сравнению с прошлым "
                    "годом отмечается для проверки. Значения могут помечаться как предварительные или оценочные и "
                    "сопровождаться сноской."
                ),
            },
        ],
    },
    {
        "slug": "excel-templates",
        "title": {"en": "Using the Excel templates", "ru": "Работа с шаблонами Excel"},
        "intro": {
            "en": "How to download, fill in and upload a template, and what to do when an upload is rejected.",
            "ru": "Как скачать, заполнить и загрузить шаблон и что делать, если загрузка отклонена.",
        },
        "body": [
            {
                "en": (
                    "Focal points who prefer to work offline download the Excel template for their country and "
                    "period from the submission page. The template lists the indicators and breakdowns expected, with "
                    "the figures already entered, and protects the cells that must not be changed."
                ),
                "ru": (
                    "Координаторы, предпочитающие работать без подключения к сети, скачивают шаблон Excel для своей "
                    "страны и периода со страницы представления данных. В шаблоне перечислены ожидаемые показатели и "
                    "разбивки, внесены уже введённые значения, а ячейки, которые нельзя менять, защищены."
                ),
            },
            {
                "en": (
                    "Enter numbers only, without spaces or thousands separators. For a missing figure choose a code "
                    "from the list: not available, confidential or not applicable. Do not add rows or sheets and do "
                    "not rename the template."
                ),
                "ru": (
                    "Вводите только числа, без пробелов и разделителей разрядов. Для отсутствующего значения "
                    "выберите код из списка: нет данных, конфиденциально или неприменимо. Не добавляйте строки и "
                    "листы и не переименовывайте шаблон."
                ),
            },
            {
                "en": (
                    "The portal checks the whole file before storing anything. If a cell is wrong, the report names "
                    "the sheet, the cell and the problem, and nothing is saved: correct the file and upload it again."
                ),
                "ru": (
                    "Портал проверяет весь файл, прежде чем что-либо сохранить. Если ячейка заполнена неверно, в "
                    "отчёте указываются лист, ячейка и ошибка, и ничего не сохраняется: исправьте файл и загрузите "
                    "его снова."
                ),
            },
        ],
    },
]
