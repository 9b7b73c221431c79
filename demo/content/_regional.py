"""Bodies of the regional documents: meeting agendas and minutes, programme papers, publications.

All fictional, written for the demonstration of the portal.
"""

import datetime

from ._laws import DISCLAIMER_PAPER, join
from .methodology import PAGES
from .training import MODULES

_MONTHS_RU = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]


def date_text(language, date):
    if language == "en":
        return f"{date.day} {date:%B %Y}"
    return f"{date.day} {_MONTHS_RU[date.month - 1]} {date.year} года"


def agenda(language, event):
    """The agenda of an event of events.EVENTS as a document body."""

    day_word = {"en": "Day", "ru": "День"}[language]
    parts = [
        DISCLAIMER_PAPER[language],
        f"{event['place'][language]}, {date_text(language, event['start_date'])} – "
        f"{date_text(language, event['end_date'])}.",
        event["summary"][language],
    ]
    days = sorted({item["day"] for item in event["agenda"]})
    for day in days:
        date = event["start_date"] + datetime.timedelta(days=day - 1)
        parts.append(f"## {day_word} {day}. {date_text(language, date)}")
        lines = []
        for item in event["agenda"]:
            if item["day"] != day:
                continue
            speakers = item["speakers"][language]
            lines.append(
                f"- {item['time']}–{item['end_time']} {item['title'][language]}"
                + (f" ({speakers})" if speakers else "")
            )
        parts.append("\n".join(lines))
    closing = {
        "en": "Working languages: English and Russian, with simultaneous interpretation. Documents of the meeting are "
        "available in the e-library of the DSM portal.",
        "ru": "Рабочие языки: английский и русский, обеспечивается синхронный перевод. Документы совещания размещены "
        "в электронной библиотеке портала МОД.",
    }
    parts.append(closing[language])
    return join(parts)


MINUTES_TECHNICAL_RU = join(
    [
        DISCLAIMER_PAPER["ru"],
        "## 1. Открытие совещания",
        "Совещание открыл председатель, который приветствовал делегации двенадцати государств-участников и "
        "представителей международных организаций. Повестка дня принята без изменений.",
        "## 2. Состояние Механизма обмена данными",
        "Секретариат доложил о ходе работ: все государства-участники назначили администраторов стран, одиннадцать "
        "из двенадцати представили данные за последний год хотя бы по четырём показателям из шести. Наиболее полно "
        "представлены данные о ходатайствах об убежище и решениях о признании беженцами; меньше всего данных о "
        "первичных заявлениях о выдаче разрешений на работу, поскольку в ряде государств заявления и продления "
        "учитываются вместе.",
        "## 3. Обмен мнениями",
        "Делегации сообщили о национальных подходах. Несколько делегаций отметили, что учёт ходатайств ведётся по "
        "делам, а не по лицам, и предложили указывать это в метаданных. Делегация Казахстана рассказала о создании "
        "межведомственной рабочей группы, делегация Молдовы — о расширенном миграционном профиле. Делегация Грузии "
        "представила единую миграционную аналитическую систему.",
        "## 4. Электронные шаблоны",
        "Участники согласовали окончательные шаблоны для шести показателей, правила проверки (число решений не "
        "превышает числа ходатайств, итог равен сумме разбивки) и коды для отсутствующих значений: нет данных, "
        "конфиденциально, неприменимо. Решено, что пустая ячейка не допускается.",
        "## 5. Принадлежность и конфиденциальность данных",
        "Подтверждено, что данные принадлежат представившему их учреждению. Для каждого значения устанавливается "
        "один из трёх уровней доступа: открытый, для государств-участников или национальный. Малые ячейки таблиц "
        "скрываются в соответствии с методологией.",
        "## 6. Решения",
        "- Государства-участники вводят квартальные данные в течение шестидесяти дней после окончания квартала.\n- "
        "Секретариат до конца года обновляет методологию и глоссарий.\n- Следующее техническое совещание состоится "
        "через год; региональный семинар по трудовой миграции пройдёт в Алматы в ноябре.",
    ]
)

MINUTES_NATIONAL_VISIT_RU = join(
    [
        DISCLAIMER_PAPER["ru"],
        "## 1. Встреча в бюро МОМ",
        "Команда МОД представила портал: его открытую и закрытую части, порядок представления и проверки данных, "
        "библиотеку законов и программных документов и страницу Казахстана. Бюро МОМ рассказало о текущих проектах "
        "по управлению миграцией и предложило провести совместное обучение координаторов.",
        "## 2. Совещание с государственными органами",
        "В совещании приняли участие представители миграционной службы, министерства труда и социальной защиты, "
        "пограничной службы, министерства иностранных дел и органа статистики. Участники рассмотрели итоги "
        "семинара по данным и уточнили, какое учреждение отвечает за каждый из шести показателей.",
        "Миграционная служба подтвердила, что ходатайства о признании беженцем и решения по ним учитываются в "
        "электронном реестре с разбивкой по полу, возрасту и гражданству. Министерство труда сообщило, что "
        "разрешения на работу учитываются раздельно по первичным заявлениям и продлениям, а сведения о трудовых "
        "мигрантах из государств ЕАЭС поступают из уведомлений работодателей.",
        "## 3. Выявленные проблемы",
        "- Данные пограничной службы о въезде и выезде иностранцев передаются с задержкой до трёх месяцев.\n- "
        "Национальное определение численности иностранцев отличается от согласованного регионального.\n- Не все "
        "учреждения назначили заместителей координаторов.",
        "## 4. Договорённости",
        "Стороны договорились обновить список контактов национальной сети во внутренней сети страны, описать "
        "национальное определение в метаданных, провести в первом квартале обучение по модулю «Учебная программа "
        "МОД» и представить доклад о статистике трудовой миграции в электронную библиотеку с уровнем доступа "
        "«для государств-участников».",
    ]
)

MINUTES_WORKSHOP_EN = join(
    [
        DISCLAIMER_PAPER["en"],
        "## 1. Opening",
        "The workshop was opened by the host government and the IOM regional office. Some sixty participants from "
        "ministries of labour, migration services and statistical offices of the participating states attended, with "
        "experts from international organisations and an EU member state.",
        "## 2. Plenary I: labour migration policy and its normative frameworks",
        "Speakers reviewed recent laws on labour migration and regulations on work permits. Countries of destination "
        "described electronic permit systems and quotas; countries of origin described the licensing of private "
        "employment agencies, pre-departure orientation and the protection of citizens working abroad.",
        "## 3. Plenary II: the need for data",
        "Participants agreed that policies on labour migration cannot be evaluated without separate figures on "
        "applications, first-time permits, extensions and refusals, and on the return of labour migrants. Several "
        "delegations noted that remittance estimates of central banks and household surveys differ widely.",
        "## 4. Breakout sessions",
        "The group on labour migration policy recommended bilateral agreements on organised recruitment and the "
        "mutual recognition of qualifications. The group on statistics recommended adding breakdowns by occupation "
        "and sex to the work permit indicator, linking the registers of permits and of border crossings, and "
        "publishing a common note on national definitions.",
        "## 5. Conclusions",
        "- The DSM secretariat will draft an extended definition of the work permit indicator.\n- Countries of origin "
        "will test an indicator on citizens leaving for work abroad.\n- A training session on module 8, data "
        "collection and processing, will be organised for the statistical offices.",
    ]
)


def methodology_handbook():
    parts = [
        DISCLAIMER_PAPER["en"],
        "This handbook brings together the methodology of the Data Sharing Mechanism as agreed by the participating "
        "states. Each chapter corresponds to a methodology page of the portal.",
    ]
    for number, page in enumerate(PAGES, start=1):
        parts.append(f"## {number}. {page['title']['en']}")
        parts.append(page["intro"]["en"])
        parts.extend(paragraph["en"] for paragraph in page["body"])
    return join(parts)


def training_curriculum():
    parts = [
        DISCLAIMER_PAPER["ru"],
        "Учебная программа Общей модели состоит из шестнадцати модулей. Каждый модуль может проводиться отдельно; "
        "для новых координаторов рекомендуется начинать с модулей 1, 3, 10 и 16.",
    ]
    for module in MODULES:
        parts.append(f"## Модуль {module['number']}. {module['title']['ru']}")
        parts.append(
            f"Продолжительность: {module['duration']['ru'].lower()}. Участники: {module['audience']['ru'].lower()}."
        )
        parts.append("\n".join("- " + objective["ru"] for objective in module["objectives"]))
        parts.append(module["content"][0]["ru"])
    return join(parts)


PROGRAMME_EN = join(
    [
        DISCLAIMER_PAPER["en"],
        "## 1. Background",
        "Since the CIS Conference on refugees and migrants, the states of Eastern Europe and Central Asia have "
        "repeatedly stressed that reliable and comparable migration data are a precondition of sound migration "
        "management. The General Model responds to this need with a programme of legal, institutional, technical and "
        "training measures.",
        "## 2. Objectives",
        "- To establish in each participating state a national network of institutions producing migration data.\n"
        "- To agree on a minimum set of indicators and on common definitions.\n- To create an electronic Data Sharing "
        "Mechanism for the rapid exchange of figures and documents.\n- To build national capacity through training.",
        "## 3. Components",
        "The programme has four components. The legal component reviews national legislation on migration statistics "
        "and data protection. The institutional component supports inter-ministerial working groups. The technical "
        "component develops the mechanism, its templates and its portal. The training component delivers the sixteen "
        "modules of the curriculum to focal points and country administrators.",
        "## 4. Governance",
        "The participating states meet once a year in a technical meeting, which approves the work plan and any new "
        "indicators. A secretariat manages the mechanism day to day; each state appoints a country administrator.",
        "## 5. Expected results",
        "By the end of the programme all participating states will submit the six initial indicators on time, publish "
        "their metadata and use the portal's library to share laws, policies and reports. Applications for new "
        "indicators on labour migration, return and remittances will be examined in the second phase.",
        "## 6. Risks",
        "The main risks are staff turnover, different national definitions and unequal technical equipment. They are "
        "mitigated by written procedures, the metadata and the minimal IT requirements of the mechanism.",
    ]
)

CONCEPT_RU = join(
    [
        DISCLAIMER_PAPER["ru"],
        "## 1. Обоснование",
        "Государства Восточной Европы и Центральной Азии связаны интенсивными миграционными потоками: трудовой "
        "миграцией, возвращением соотечественников, вынужденными перемещениями. Вместе с тем сведения о миграции "
        "разрознены между ведомствами, определения различаются, а обмен данными между государствами происходит "
        "нерегулярно. Это затрудняет выработку политики и выполнение международных обязательств.",
        "## 2. Цель Общей модели",
        "Цель Общей модели — создать устойчивую систему сбора, обработки и обмена данными о миграции на "
        "национальном и региональном уровнях, основанную на согласованных показателях, национальных сетях "
        "учреждений и простом электронном инструменте.",
        "## 3. Принципы",
        "- Добровольность участия и принадлежность данных государствам.\n- Постепенность: от небольшого набора "
        "показателей к более широкому.\n- Прозрачность методологии и сопоставимость данных.\n- Защита персональных "
        "данных и конфиденциальность.",
        "## 4. Элементы модели",
        "Модель включает межведомственные рабочие группы, национальные сети координаторов, Механизм обмена "
        "данными с открытой и закрытой частями, электронную библиотеку законов и программных документов, "
        "учебную программу из шестнадцати модулей и ежегодные технические совещания.",
        "## 5. Этапы реализации",
        "На первом этапе государства-участники согласуют шесть показателей: численность иностранцев, заявления о "
        "выдаче разрешений на работу и решения по ним, въезд и выезд иностранцев, ходатайства об убежище и решения "
        "о признании беженцами. На втором этапе рассматриваются показатели трудовой эмиграции, возвращения и "
        "денежных переводов трудовых мигрантов.",
        "## 6. Ожидаемые результаты",
        "Сопоставимые данные, доступные уполномоченным пользователям в течение нескольких недель после окончания "
        "периода; обученные кадры; более тесное сотрудничество ведомств внутри стран и между государствами.",
    ]
)

GLOSSARY_RU = join(
    [
        DISCLAIMER_PAPER["ru"],
        "Глоссарий содержит термины, используемые в показателях и метаданных Механизма обмена данными. Национальные "
        "глоссарии государств-участников согласуются с ним.",
        "## Лица и категории",
        "- Беженец — лицо, признанное беженцем в соответствии с Конвенцией 1951 года и национальным законом.\n"
        "- Лицо, ищущее убежища, — лицо, подавшее ходатайство о признании беженцем, по которому не принято "
        "окончательное решение.\n- Лицо без гражданства — лицо, которое не рассматривается в качестве гражданина "
        "каким-либо государством.\n- Трудовой мигрант — лицо, занимающееся оплачиваемой деятельностью в "
        "государстве, гражданином которого оно не является.\n- Иностранец — иностранный гражданин или лицо без "
        "гражданства.\n- Вернувшийся мигрант — гражданин, вернувшийся в страну после пребывания за рубежом "
        "продолжительностью не менее трёх месяцев.\n- Жертва торговли людьми — лицо, подвергшееся вербовке, "
        "перевозке или укрывательству в целях эксплуатации.",
        "## Документы и процедуры",
        "- Ходатайство о признании беженцем — обращение лица к уполномоченному органу о предоставлении защиты.\n"
        "- Повторное ходатайство — ходатайство, поданное после окончательного решения по предыдущему "
        "ходатайству.\n- Разрешение на работу — документ, дающий иностранцу право на трудовую деятельность.\n"
        "- Первичное заявление — заявление о выдаче разрешения лицу, не имевшему его ранее.\n- Продление — решение "
        "о продлении срока действия ранее выданного разрешения.\n- Вид на жительство — документ, дающий право на "
        "постоянное или временное проживание.",
        "## Статистические понятия",
        "- Численность — число лиц на определённую дату.\n- Поток — число событий за период.\n- Разбивка — "
        "распределение показателя по признаку (пол, возраст, гражданство).\n- Метаданные — сведения об "
        "определении, источнике, охвате и разрывах ряда.\n- Редакция — новая версия опубликованного значения с "
        "указанием причины исправления.\n- Предварительное значение — значение, которое может быть уточнено.\n"
        "- Конфиденциальное значение — значение, скрытое для защиты лиц, стоящих за малыми числами.",
    ]
)

CIS_CONFERENCE_RU = join(
    [
        DISCLAIMER_PAPER["ru"],
        "## Конференция по проблемам беженцев и мигрантов",
        "Региональная конференция по проблемам беженцев, вынужденных переселенцев, других форм вынужденного "
        "перемещения и возвращающихся лиц в странах СНГ и соответствующих соседних государствах стала первым "
        "крупным форумом, на котором государства региона совместно рассмотрели последствия массовых перемещений "
        "населения после распада СССР.",
        "## Итоги процесса",
        "В ходе последующих встреч государства приняли программы действий, направленные на создание национальных "
        "миграционных служб, принятие законов о беженцах и о вынужденных переселенцах, присоединение к Конвенции о "
        "статусе беженцев и развитие сотрудничества с международными организациями. Особое внимание уделялось "
        "защите беженцев и лиц без гражданства и предотвращению новых вынужденных перемещений.",
        "## Вопросы данных",
        "Уже на ранних этапах участники отметили нехватку достоверной статистики: число беженцев и вынужденных "
        "переселенцев оценивалось по-разному, ходатайства и решения учитывались несопоставимо, а данные о трудовых "
        "мигрантах практически отсутствовали. Было рекомендовано согласовать основные понятия, создать системы "
        "учёта и наладить регулярный обмен информацией.",
        "## Значение для МОД",
        "Эти рекомендации легли в основу последующих семинаров в Алматы и Праге и в конечном счёте Общей модели и "
        "Механизма обмена данными. Многие национальные сети учреждений, участвующих в механизме, сложились именно в "
        "рамках процесса Конференции.",
    ]
)

ALMATY_2001_EN = join(
    [
        DISCLAIMER_PAPER["en"],
        "## Introduction",
        "The workshop on cross-border cooperation and the development of migration legislation brought together "
        "officials of migration services, border guards and ministries of foreign affairs of Central Asian states and "
        "their neighbours for three days in Almaty.",
        "## Sessions",
        "The first day reviewed national legislation on the entry, stay and exit of foreigners and on refugees. The "
        "second day was devoted to cross-border cooperation: joint border crossing points, readmission and the "
        "exchange of information on irregular migration. On the third day working groups discussed the harmonisation "
        "of legal definitions and of statistics.",
        "## Findings",
        "Participants found that laws on refugees existed in most states but that procedures for applications differed "
        "widely; that border services recorded crossings without distinguishing citizens from foreigners; and that "
        "labour migration was hardly regulated. They noted the growing number of labour migrants and the absence of "
        "data on them.",
        "## Recommendations",
        "- Bring national laws on refugees and on labour migration into line with international standards.\n- Record "
        "entries and exits of foreigners separately, by citizenship.\n- Designate in each state a focal point for the "
        "exchange of migration information.\n- Hold a follow-up workshop on organisational structures and data "
        "sharing.",
        "## Follow-up",
        "The recommendations were taken up by the Prague workshop in 2002 and by the programme of the General Model.",
    ]
)

PRAGUE_2002_RU = join(
    [
        DISCLAIMER_PAPER["ru"],
        "## Введение",
        "Семинар по организационным структурам, сбору и обмену информацией о миграции продолжил работу, начатую в "
        "Алматы. В нём приняли участие представители миграционных служб, органов статистики и пограничных ведомств "
        "государств Восточной Европы и Центральной Азии, а также эксперты государств — членов Европейского союза.",
        "## Организационные структуры",
        "Участники рассмотрели, какие ведомства отвечают за учёт иностранцев, беженцев и трудовых мигрантов. "
        "Выяснилось, что ответственность нередко разделена между несколькими министерствами, а координация между "
        "ними отсутствует. Было рекомендовано создавать межведомственные рабочие группы и назначать координаторов.",
        "## Сбор информации",
        "Обсуждались источники данных: регистрация по месту жительства, учёт пересечений границы, разрешения на "
        "работу, ходатайства о признании беженцем. Эксперты подчеркнули необходимость раздельно учитывать "
        "ходатайства и решения по ходатайствам, а также первичные разрешения и их продления.",
        "## Обмен информацией",
        "Участники поддержали идею регионального механизма обмена данными по небольшому числу согласованных "
        "показателей с соблюдением конфиденциальности и принадлежности данных государствам. Было предложено "
        "разработать простой электронный инструмент, не требующий сложного оборудования в странах.",
        "## Итоги",
        "Семинар одобрил концепцию Общей модели и поручил подготовить проект перечня показателей к первому "
        "техническому совещанию.",
    ]
)

REMITTANCES_EN = join(
    [
        DISCLAIMER_PAPER["en"],
        "## Why remittances matter",
        "For several participating states, personal transfers from citizens working abroad equal a large share of "
        "gross domestic product. Remittances reduce poverty, pay for education and housing and support consumption, "
        "but their dependence on a few destination countries makes households vulnerable to economic shocks there.",
        "## Measuring remittances",
        "Central banks estimate remittances from the reports of money transfer operators and banks; household surveys "
        "measure what families receive. The two sources rarely agree: informal channels, transfers carried in cash and "
        "the classification of transfers by residence rather than by citizenship all explain differences.",
        "## Costs of sending money",
        "The cost of sending money within the region is lower than the world average, thanks to competition between "
        "operators and to transfers in roubles and other regional currencies. Costs remain high for small amounts and "
        "for transfers to rural areas.",
        "## Policy options",
        "- Publish comparisons of fees and exchange rates to increase competition.\n- Offer savings and investment "
        "products to families receiving remittances.\n- Include a remittance module in household budget surveys.\n"
        "- Share harmonised estimates through regional mechanisms such as the DSM.",
        "## Conclusion",
        "Better data on remittances, labour migrants and their return would allow governments to design policies that "
        "turn remittances into lasting development.",
    ]
)

ILO_GUIDE_RU = join(
    [
        DISCLAIMER_PAPER["ru"],
        "## Назначение руководства",
        "Руководство предназначено для органов статистики и министерств труда, которые формируют статистику "
        "трудовой миграции. В нём изложены международные рекомендации по определению трудовых мигрантов и "
        "показатели, которые государства могут рассчитывать на основе имеющихся источников.",
        "## Основные понятия",
        "Международный трудовой мигрант — лицо, которое в течение отчётного периода находилось в стране, "
        "гражданином которой не является, и было занято или искало работу. Статистика трудовой миграции "
        "охватывает как трудовых мигрантов в стране назначения, так и граждан, работающих за рубежом, и вернувшихся "
        "трудовых мигрантов.",
        "## Источники данных",
        "- Обследования рабочей силы с вопросами о стране рождения и гражданстве.\n- Реестры разрешений на работу и "
        "уведомлений работодателей.\n- Учёт пересечений границы с указанием цели поездки.\n- Консульский учёт "
        "граждан за рубежом.\n- Переписи населения.",
        "## Рекомендуемые показатели",
        "Численность трудовых мигрантов по полу, возрасту, гражданству и виду экономической деятельности; число "
        "выданных разрешений на работу, в том числе первичных и продлений; число граждан, выехавших на работу за "
        "рубеж, и вернувшихся трудовых мигрантов; средняя заработная плата трудовых мигрантов.",
        "## Сопоставимость",
        "Руководство рекомендует публиковать вместе с данными подробные метаданные, чтобы пользователи могли "
        "оценить сопоставимость показателей разных стран, и использовать единые классификации занятий и видов "
        "экономической деятельности.",
    ]
)

DIALOGUES_EN = join(
    [
        DISCLAIMER_PAPER["en"],
        "## Overview",
        "The Data Sharing Mechanism is one of several regional processes in which states exchange migration "
        "information. This overview describes those most relevant to the participating states and what the DSM can "
        "learn from them.",
        "## Intergovernmental Consultations on Migration, Asylum and Refugees",
        "An informal forum of destination states that exchange asylum and migration figures monthly under strict "
        "confidentiality. Its experience shows the value of a few well-defined indicators exchanged often.",
        "## The Budapest Process and the Prague Process",
        "Consultative processes bringing together European states and the states of Eastern Europe, the South "
        "Caucasus and Central Asia. They have produced migration profiles, handbooks and pilot projects on data "
        "management, return and labour migration.",
        "## The Almaty Process",
        "A regional consultative process on mixed migration and refugee protection in Central Asia and neighbouring "
        "states, which promotes protection-sensitive border management and the exchange of information on "
        "asylum-seekers and refugees.",
        "## Statistical cooperation",
        "The CIS statistical committee, Eurostat and the United Nations Economic Commission for Europe support the "
        "harmonisation of migration statistics through common questionnaires, task forces and training. SIEMCA in "
        "Central America is an example of an information system on international migration shared by several "
        "states.",
        "## Lessons",
        "- Start small and build trust.\n- Agree definitions before exchanging figures.\n- Keep meetings regular and "
        "technical.\n- Publish metadata with every figure.",
    ]
)
