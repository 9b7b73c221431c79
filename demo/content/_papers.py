"""Bodies of the demo decrees, policy papers and statistical reports (fictional, written for the demo)."""

import zlib

from ._laws import DISCLAIMER_PAPER, _head, _state, _statistics_article, articles, decree_final, join
from .countries import INFO


def _number(language, value):
    text = f"{value:,}"
    return text.replace(",", " ") if language == "ru" else text


def _percent(language, value):
    text = f"{value:.1f}"
    return (text.replace(".", ",") if language == "ru" else text) + "%"


def decree_remittances(language, c, number, date):
    state = _state(language, c)
    if language == "en":
        items = [
            (
                "Purpose",
                f"This Decree approves measures to make remittances of labour migrants to {state} cheaper, "
                "safer and better measured, and to encourage their productive investment.",
            ),
            (
                "Lower transfer costs",
                "The national bank shall publish every quarter a comparison of the fees and "
                "exchange rates applied by money transfer operators and shall simplify the licensing of new operators. "
                "Transfers through banking channels shall be free of any state fee.",
            ),
            (
                "Financial literacy",
                "The migration service, together with banks and microfinance institutions, shall "
                "organise courses on saving, insurance and investment for labour migrants and their families before "
                "departure and after return.",
            ),
            (
                "Investment of remittances",
                "Families receiving remittances may open savings accounts with an increased "
                "interest rate and receive preferential loans for small businesses in rural areas, co-financed from "
                "the "
                "state budget.",
            ),
            (
                "Measurement of remittances",
                [
                    "The national bank shall compile monthly statistics on personal transfers "
                    "by country of origin, by channel and by currency, and the statistical office shall add a module "
                    "on "
                    "remittances to the household budget survey every second year.",
                    "Both bodies shall harmonise their "
                    "estimates and report them to the Government and, in aggregated form, to the Data Sharing "
                    "Mechanism.",
                ],
            ),
            (
                "Implementation",
                "Ministries and agencies shall report on the implementation of this Decree every six "
                "months. Control over its implementation is entrusted to the Deputy Prime Minister.",
            ),
        ]
        return join(_head(language, c, number, date, "decree") + articles(language, items + [decree_final(language)]))
    items = [
        (
            "Цель",
            f"Настоящим Постановлением утверждаются меры по удешевлению, повышению безопасности и улучшению "
            f"учёта денежных переводов трудовых мигрантов в {c['state_ru'].replace('Республика', 'Республику')}, "
            "а также по стимулированию их производительного использования."
            if "Республика" in c["state_ru"]
            else "Настоящим Постановлением утверждаются меры по удешевлению, "
            "повышению безопасности и улучшению учёта денежных переводов трудовых мигрантов, а также по "
            "стимулированию их производительного использования.",
        ),
        (
            "Снижение стоимости переводов",
            "Национальный банк ежеквартально публикует сравнение комиссий и курсов "
            "обмена валют, применяемых операторами денежных переводов, и упрощает лицензирование новых операторов. "
            "Переводы по банковским каналам освобождаются от государственных сборов.",
        ),
        (
            "Финансовая грамотность",
            "Миграционная служба совместно с банками и микрофинансовыми организациями "
            "проводит для трудовых мигрантов и членов их семей занятия по сбережениям, страхованию и инвестициям "
            "перед выездом и после возвращения.",
        ),
        (
            "Инвестирование денежных переводов",
            "Семьи, получающие денежные переводы, могут открывать сберегательные "
            "счета с повышенной ставкой и получать льготные кредиты для малого бизнеса в сельской местности, "
            "софинансируемые из государственного бюджета.",
        ),
        (
            "Учёт денежных переводов",
            [
                "Национальный банк ежемесячно формирует статистику личных переводов по "
                "странам отправления, каналам и валютам, а орган статистики раз в два года включает модуль о денежных "
                "переводах в обследование бюджетов домашних хозяйств.",
                "Оба органа согласовывают свои оценки и "
                "представляют их Правительству, а в сводном виде — в Механизм обмена данными.",
            ],
        ),
        (
            "Исполнение",
            "Министерства и ведомства раз в полгода отчитываются об исполнении настоящего "
            "Постановления. Контроль за его исполнением возлагается на заместителя Премьер-министра.",
        ),
    ]
    return join(_head(language, c, number, date, "decree") + articles(language, items + [decree_final(language)]))


def decree_return(language, c, number, date):
    state = _state(language, c)
    if language == "en":
        items = [
            (
                "Purpose",
                f"This Decree approves the programme for the return and reintegration of citizens of {state} "
                "who have worked or lived abroad, including those who may not re-enter their former country of "
                "destination.",
            ),
            (
                "Reception",
                "Returning citizens are met at the main border crossing points and airports by advisers of "
                "the employment service, who inform them of the services available and, on request, register them.",
            ),
            (
                "Employment and training",
                "Returnees may attend free vocational training, have the qualifications and "
                "work experience acquired abroad recognised, and receive a start-up grant after completing a business "
                "course.",
            ),
            (
                "Vulnerable returnees",
                "Returnees who are victims of trafficking or of forced labour, persons with "
                "disabilities and families with children receive priority access to social housing, health care and "
                "psychological support.",
            ),
            (
                "Records",
                "The migration service and the employment service keep a joint record of returning labour "
                "migrants, of their needs and of the assistance provided, and publish anonymised figures each year.",
            ),
            _statistics_article("en", "returning citizens and the reintegration assistance provided to them", state),
        ]
        return join(_head(language, c, number, date, "decree") + articles(language, items + [decree_final(language)]))
    items = [
        (
            "Цель",
            f"Настоящим Постановлением утверждается программа возвращения и реинтеграции граждан {state}, "
            "работавших или проживавших за рубежом, в том числе тех, кому закрыт въезд в прежнюю страну пребывания.",
        ),
        (
            "Встреча вернувшихся граждан",
            "Вернувшихся граждан в основных пунктах пропуска и аэропортах встречают "
            "консультанты службы занятости, которые информируют их о доступных услугах и по их просьбе "
            "регистрируют их.",
        ),
        (
            "Трудоустройство и обучение",
            "Вернувшиеся граждане могут бесплатно пройти профессиональное обучение, "
            "получить признание квалификации и трудового стажа, приобретённых за рубежом, и после окончания курса "
            "по основам предпринимательства получить грант на открытие дела.",
        ),
        (
            "Уязвимые категории",
            "Вернувшиеся граждане, ставшие жертвами торговли людьми или принудительного труда, "
            "лица с инвалидностью и семьи с детьми имеют первоочередное право на социальное жильё, медицинскую и "
            "психологическую помощь.",
        ),
        (
            "Учёт вернувшихся трудовых мигрантов",
            "Миграционная служба и служба занятости ведут совместный учёт "
            "вернувшихся трудовых мигрантов, их потребностей и оказанной помощи и ежегодно публикуют обезличенные "
            "данные.",
        ),
        _statistics_article("ru", "вернувшихся граждан и оказанной им помощи в реинтеграции", state),
    ]
    return join(_head(language, c, number, date, "decree") + articles(language, items + [decree_final(language)]))


def decree_migration_statistics(language, c, number, date):
    """A decree establishing the inter-ministerial working group and the minimum set of indicators."""
    state = _state(language, c)
    if language == "en":
        items = [
            (
                "Working group",
                f"An inter-ministerial working group on migration statistics of {state} is "
                "established, chaired by a deputy minister of foreign affairs and composed of representatives of the "
                "ministries of internal affairs, labour, education and finance, of the border service and of the "
                "national statistical office.",
            ),
            (
                "Minimum set of indicators",
                [
                    "The working group shall ensure the regular production of the following indicators:",
                    "- number of foreigners in the country;\n- number of first-time applications for work "
                    "permits and for extensions, and decisions on such applications;\n- number of foreigners "
                    "entering the "
                    "country;\n- number of foreigners leaving the country;\n- number of asylum applications;\n- "
                    "number of "
                    "refugee status determinations.",
                ],
            ),
            (
                "Owners of the data",
                "For each indicator the working group designates one owner institution, which "
                "is responsible for its definition, its national metadata and the timely entry of the figures into the "
                "Data Sharing Mechanism, and one substitute.",
            ),
            (
                "Calendar",
                "Quarterly figures shall be entered within sixty days after the end of the quarter and "
                "validated by the country administrator within a further fifteen days. Annual figures shall be final "
                "by "
                "30 June of the following year.",
            ),
            (
                "Confidentiality",
                "Each owner institution decides, for each figure, whether it is public, shared with "
                "the participating states or national only, in accordance with the law on official statistics.",
            ),
            (
                "Reporting",
                "The working group reports to the Government twice a year on the completeness and quality "
                "of the data and proposes amendments to the legislation where definitions differ from the agreed "
                "regional ones.",
            ),
        ]
    else:
        items = [
            (
                "Рабочая группа",
                f"Создаётся межведомственная рабочая группа по миграционной статистике {state} под "
                "председательством заместителя министра иностранных дел в составе представителей министерств "
                "внутренних дел, труда, образования и финансов, пограничной службы и органа статистики.",
            ),
            (
                "Минимальный набор показателей",
                [
                    "Рабочая группа обеспечивает регулярное формирование следующих показателей:",
                    "- численность иностранцев в стране;\n- число первичных заявлений о выдаче и "
                    "продлении разрешений на работу и решений по ним;\n- число иностранцев, въехавших в страну;\n- "
                    "число "
                    "иностранцев, выехавших из страны;\n- число ходатайств об убежище;\n- число решений о признании "
                    "беженцем.",
                ],
            ),
            (
                "Владельцы данных",
                "По каждому показателю рабочая группа определяет учреждение-владельца, отвечающее "
                "за его определение, национальные метаданные и своевременный ввод данных в Механизм обмена данными, "
                "а также его заместителя.",
            ),
            (
                "Календарь",
                "Квартальные данные вводятся в течение шестидесяти дней после окончания квартала и "
                "проверяются администратором страны в течение следующих пятнадцати дней. Годовые данные становятся "
                "окончательными к 30 июня следующего года.",
            ),
            (
                "Конфиденциальность",
                "Учреждение-владелец по каждому значению решает, является ли оно открытым, "
                "доступным государствам-участникам или только национальным пользователям, в соответствии с законом "
                "об официальной статистике.",
            ),
            (
                "Отчётность",
                "Рабочая группа дважды в год докладывает Правительству о полноте и качестве данных и "
                "предлагает изменения законодательства там, где определения расходятся с согласованными "
                "региональными.",
            ),
        ]
    return join(_head(language, c, number, date, "decree") + articles(language, items + [decree_final(language)]))


def policy_strategy(language, c, first_year, last_year, focus="migration"):
    """A national migration strategy (or a concept / a reintegration programme) with goals and measures."""
    state = _state(language, c)
    period = f"{first_year}–{last_year}"
    if language == "en":
        parts = [
            DISCLAIMER_PAPER["en"],
            "## 1. Introduction",
            f"This strategy sets out the objectives of the migration policy of {state} for {period}. It was "
            "prepared by an inter-ministerial working group after consultations with civil society, employers and "
            "international organisations, and takes into account the commitments of the state under international "
            "agreements on refugees, labour migration and the fight against trafficking.",
            "## 2. The current situation",
            f"{c['feature']['en']} Administrative sources give a fragmented picture: the records of residence "
            "registration, of border crossings, of work permits and of asylum applications use different "
            "definitions, and the exchange of data between institutions still relies largely on paper.",
            "## 3. Strategic goals",
            "- Goal 1. Regular and safe labour migration that meets the needs of the economy.\n- Goal 2. Effective "
            "protection of refugees, asylum-seekers and stateless persons.\n- Goal 3. Protection of the rights of "
            "citizens abroad and support for their return and reintegration.\n- Goal 4. Reliable, comparable and "
            "timely migration statistics for policy making.",
            "## 4. Measures",
            "Under goal 1 the Government will introduce an electronic work permit system, review the quota "
            "procedure every year and conclude bilateral agreements on organised recruitment. Under goal 2 it will "
            "shorten the examination of asylum applications, train border guards to refer asylum-seekers and "
            "improve reception conditions. Under goal 3 it will open migrant resource centres in the regions of "
            "origin and support returning migrants with training and start-up grants.",
            "Under goal 4 the national statistical office and the migration service will build a shared register of "
            "migration events, adopt the definitions agreed in the Data Sharing Mechanism, publish an annual "
            "migration profile and submit the agreed indicators to the mechanism on time.",
            "## 5. Monitoring and evaluation",
            "Each measure has an owner institution, a deadline and an indicator. The working group reports on "
            "progress every year; a mid-term review will be carried out in the third year and a final evaluation "
            "at the end of the period, both published on the web site of the migration service.",
            "## 6. Financing",
            "The strategy is financed from the state budget within the allocations of the institutions concerned, "
            "supplemented by projects of international partners. The cost of each measure is estimated in the "
            "action plan annexed to the strategy.",
        ]
        return join(parts)
    parts = [
        DISCLAIMER_PAPER["ru"],
        "## 1. Введение",
        f"Настоящий документ определяет цели миграционной политики {state} на {period} годы. Он подготовлен "
        "межведомственной рабочей группой по итогам консультаций с гражданским обществом, работодателями и "
        "международными организациями и учитывает обязательства государства по международным договорам о "
        "беженцах, трудовой миграции и противодействии торговле людьми.",
        "## 2. Текущее положение",
        f"{c['feature']['ru']} Административные источники дают разрозненную картину: учёт регистрации по месту "
        "жительства, пересечений границы, разрешений на работу и ходатайств об убежище ведётся по разным "
        "определениям, а обмен данными между ведомствами по-прежнему в основном осуществляется на бумаге.",
        "## 3. Стратегические цели",
        "- Цель 1. Законная и безопасная трудовая миграция, отвечающая потребностям экономики.\n- Цель 2. "
        "Эффективная защита беженцев, лиц, ищущих убежища, и лиц без гражданства.\n- Цель 3. Защита прав граждан "
        "за рубежом и поддержка их возвращения и реинтеграции.\n- Цель 4. Достоверная, сопоставимая и "
        "своевременная миграционная статистика для выработки политики.",
        "## 4. Меры",
        "В рамках первой цели Правительство введёт электронную систему разрешений на работу, будет ежегодно "
        "пересматривать порядок квотирования и заключит двусторонние соглашения об организованном наборе "
        "трудовых мигрантов. В рамках второй цели будут сокращены сроки рассмотрения ходатайств об убежище, "
        "пограничники пройдут обучение по перенаправлению лиц, ищущих убежища, улучшатся условия приёма. В "
        "рамках третьей цели в регионах выезда откроются центры консультирования мигрантов, а вернувшимся "
        "трудовым мигрантам будут предоставляться обучение и гранты на открытие дела.",
        "В рамках четвёртой цели орган статистики и миграционная служба создадут общий реестр миграционных "
        "событий, примут определения, согласованные в Механизме обмена данными, будут ежегодно публиковать "
        "миграционный профиль и своевременно передавать согласованные показатели в механизм.",
        "## 5. Мониторинг и оценка",
        "По каждой мере определены ответственное учреждение, срок и показатель. Рабочая группа ежегодно "
        "отчитывается о ходе реализации; в третьем году проводится среднесрочный обзор, а в конце периода — "
        "итоговая оценка, результаты которых публикуются на сайте миграционной службы.",
        "## 6. Финансирование",
        "Реализация документа финансируется из государственного бюджета в пределах ассигнований "
        "соответствующих ведомств и дополняется проектами международных партнёров. Стоимость каждой меры "
        "оценена в плане действий, прилагаемом к документу.",
    ]
    return join(parts)


_NEIGHBOURS = {
    "ARM": ["RUS", "GEO", "UKR"],
    "AZE": ["RUS", "GEO", "UZB"],
    "BLR": ["RUS", "UKR", "KAZ"],
    "GEO": ["RUS", "ARM", "AZE"],
    "KAZ": ["UZB", "RUS", "KGZ", "TJK"],
    "KGZ": ["KAZ", "UZB", "TJK"],
    "MDA": ["UKR", "RUS", "BLR"],
    "RUS": ["UZB", "TJK", "KGZ", "KAZ"],
    "TJK": ["UZB", "KGZ", "KAZ"],
    "TKM": ["UZB", "KAZ", "RUS"],
    "UKR": ["MDA", "BLR", "RUS"],
    "UZB": ["KAZ", "TJK", "KGZ", "RUS"],
}

# Russian genitive plural of "citizens of X": "граждан Узбекистана".
_RU_GEN = {
    "ARM": "Армении",
    "AZE": "Азербайджана",
    "BLR": "Беларуси",
    "GEO": "Грузии",
    "KAZ": "Казахстана",
    "KGZ": "Кыргызстана",
    "MDA": "Молдовы",
    "RUS": "России",
    "TJK": "Таджикистана",
    "TKM": "Туркменистана",
    "UKR": "Украины",
    "UZB": "Узбекистана",
}


def statistical_report(language, code, year, focus, seed):
    """A national statistical report: sources, main results with figures, breakdowns, quality notes."""
    c = INFO[code]
    rnd = zlib.crc32(seed.encode())
    scale = 1 + rnd % 7

    def figure(base, salt):
        return base * scale + (zlib.crc32(f"{seed}-{salt}".encode()) % (base // 2 + 1))

    n = {
        key: figure(base, key)
        for key, base in {
            "foreigners": 40_000,
            "entries": 300_000,
            "exits": 280_000,
            "permits_first": 6_000,
            "permits_ext": 2_500,
            "refused": 700,
            "asylum": 120,
            "recognised": 30,
            "temporary": 20,
            "emigrants": 50_000,
            "returned": 9_000,
        }.items()
    }
    n["previous"] = int(n["asylum"] * 0.86)
    growth = (n["entries"] - n["exits"]) / n["exits"] * 100
    women = 30 + rnd % 15
    neighbours = _NEIGHBOURS[code]
    shares = [38 - 5 * i - (rnd >> i) % 4 for i in range(len(neighbours))]
    num = lambda value: _number(language, value)  # noqa: E731
    pct = lambda value: _percent(language, value)  # noqa: E731
    if language == "en":
        citizenships = ", ".join(
            f"{INFO[other]['name']['en']} ({pct(share)})" for other, share in zip(neighbours, shares, strict=True)
        )
        main = {
            "labour": [
                f"In {year} employers submitted {num(n['permits_first'] + n['refused'])} first-time applications "
                f"for work permits and {num(n['permits_ext'])} applications for extensions. {num(n['permits_first'])} "
                f"first-time permits were issued and {num(n['refused'])} applications were refused, a refusal rate "
                f"of {pct(n['refused'] / (n['permits_first'] + n['refused']) * 100)}.",
                f"Women held {pct(women)} of the permits. The largest groups of migrant workers were citizens of "
                f"{citizenships}. Construction, trade and agriculture accounted for two thirds of the permits.",
            ],
            "asylum": [
                f"In {year} the migration service registered {num(n['asylum'])} asylum applications, against "
                f"{num(n['previous'])} a year earlier. {num(n['recognised'])} applicants were recognised as refugees "
                f"and {num(n['temporary'])} were granted temporary protection; the other applications were refused "
                "or remained pending at the end of the year.",
                f"Women and girls made up {pct(women)} of the applicants; one application in eight concerned an "
                "unaccompanied child. The average time to a first-instance decision was four months.",
            ],
            "migration": [
                f"On 31 December {year}, {num(n['foreigners'])} foreigners held a valid residence permit. During the "
                f"year {num(n['entries'])} entries and {num(n['exits'])} exits of foreigners were recorded, a net "
                f"inflow of {pct(growth)} of the exits.",
                f"The main countries of citizenship of foreign residents were {citizenships}. Women made up "
                f"{pct(women)} of foreign residents.",
            ],
            "border": [
                f"Border guards recorded {num(n['entries'])} entries and {num(n['exits'])} exits of foreigners in "
                f"{year}. Road crossing points handled three quarters of the flow, airports most of the rest.",
                f"The most frequent citizenships were {citizenships}. {num(n['refused'])} foreigners were refused "
                "entry, mostly for lack of valid documents.",
            ],
            "emigration": [
                f"An estimated {num(n['emigrants'])} citizens left for work abroad in {year} and {num(n['returned'])} "
                f"labour migrants returned. Women made up {pct(women)} of labour emigrants.",
                f"The main destinations were {citizenships}. Most labour migrants worked in construction, services "
                "and agriculture on seasonal contracts.",
            ],
        }[focus]
        parts = [
            DISCLAIMER_PAPER["en"],
            "## 1. Introduction",
            f"This report presents the migration statistics of {c['state_en']} for {year}. It is prepared by the "
            "national statistical office together with the migration service, the ministry of labour and the border "
            "service, and its figures are those submitted to the Data Sharing Mechanism.",
            "## 2. Sources and definitions",
            "The report uses the administrative registers of residence permits, work permits, asylum applications "
            "and border crossings. Definitions follow the indicators agreed in the Data Sharing Mechanism; national "
            "differences are described in the metadata published with each indicator.",
            "## 3. Main results",
            *main,
            "## 4. Age structure",
            "Persons aged 18 to 39 made up about two thirds of the total, children under 18 about one tenth and "
            "persons aged 60 and over less than one twentieth. The age structure has changed little over the last "
            "five years; the share of women is slowly rising in all age groups.",
            "## 5. Comparison with other participating states",
            "Figures of the other participating states for the same indicators are available in the DSM. The "
            "comparison must take into account the differences in national definitions, in particular whether "
            "applications are counted per person or per case, and whether extensions of permits are counted "
            "together with first-time permits.",
            "## 6. Quarterly pattern",
            f"Flows peaked in the second and third quarters, as in previous years; the fourth quarter of {year} was "
            "about a fifth below the third. Monthly figures are available to the users of the participating states "
            "in the DSM data browser.",
            "## 7. Quality and revisions",
            f"Figures for {year} are provisional until 30 June of the following year. Figures for {year - 1} were "
            "revised after late registrations were added; the revision changed the totals by less than one per "
            "cent. Cells with fewer than five persons are suppressed in the detailed tables.",
            "## 8. Conclusions",
            "The data confirm the need to link the registers of the institutions concerned, to record applications "
            "and decisions separately and to publish the breakdowns by sex and age that policy makers ask for.",
        ]
        return join(parts)
    citizenships = ", ".join(
        f"{_RU_GEN[other]} ({pct(share)})" for other, share in zip(neighbours, shares, strict=True)
    )
    main = {
        "labour": [
            f"В {year} году работодатели подали {num(n['permits_first'] + n['refused'])} первичных заявлений о выдаче "
            f"разрешений на работу и {num(n['permits_ext'])} заявлений о продлении. Впервые выдано "
            f"{num(n['permits_first'])} разрешений, по {num(n['refused'])} заявлениям принято решение об отказе; доля "
            f"отказов составила {pct(n['refused'] / (n['permits_first'] + n['refused']) * 100)}.",
            f"На долю женщин пришлось {pct(women)} разрешений. Крупнейшими группами трудовых мигрантов были граждане "
            f"{citizenships}. Две трети разрешений выданы для работы в строительстве, торговле и сельском хозяйстве.",
        ],
        "asylum": [
            f"В {year} году миграционная служба зарегистрировала {num(n['asylum'])} ходатайств о признании беженцем "
            f"против {num(n['previous'])} годом ранее. Беженцами признаны {num(n['recognised'])} заявителей, "
            f"временное убежище предоставлено {num(n['temporary'])} лицам; по остальным ходатайствам приняты решения "
            "об отказе или рассмотрение продолжалось на конец года.",
            f"Женщины и девочки составили {pct(women)} заявителей; каждое восьмое ходатайство касалось "
            "несопровождаемого ребёнка. Средний срок рассмотрения ходатайств в первой инстанции составил четыре "
            "месяца.",
        ],
        "migration": [
            f"На 31 декабря {year} года действующий вид на жительство имели {num(n['foreigners'])} иностранцев. За "
            f"год зарегистрировано {num(n['entries'])} въездов и {num(n['exits'])} выездов иностранцев; чистый приток "
            f"составил {pct(growth)} от числа выездов.",
            f"Больше всего среди иностранцев, проживающих в стране, граждан {citizenships}. "
            f"Женщины составили {pct(women)} иностранных жителей.",
        ],
        "border": [
            f"В {year} году пограничники зарегистрировали {num(n['entries'])} въездов и {num(n['exits'])} выездов "
            "иностранцев. Автомобильные пункты пропуска обслужили три четверти потока, аэропорты — большую часть "
            "остального.",
            f"Чаще всего границу пересекали граждане {citizenships}. Во въезде отказано {num(n['refused'])} "
            "иностранцам, главным образом из-за отсутствия действительных документов.",
        ],
        "emigration": [
            f"По оценке, в {year} году на работу за рубеж выехали {num(n['emigrants'])} граждан, вернулись "
            f"{num(n['returned'])} трудовых мигрантов. Женщины составили {pct(women)} трудовых эмигрантов.",
            "Основными странами назначения трудовых мигрантов были "
            f"{', '.join(INFO[o]['name']['ru'] for o in neighbours)}. "
            "Большинство трудовых мигрантов работали в строительстве, сфере услуг и сельском хозяйстве по "
            "сезонным договорам.",
        ],
    }[focus]
    parts = [
        DISCLAIMER_PAPER["ru"],
        "## 1. Введение",
        f"В настоящем докладе представлена миграционная статистика {c['state_ru_gen']} за {year} год. Доклад "
        "подготовлен органом статистики совместно с миграционной службой, министерством труда и пограничной "
        "службой; приведённые в нём данные совпадают с данными, переданными в Механизм обмена данными.",
        "## 2. Источники и определения",
        "В докладе использованы административные реестры видов на жительство, разрешений на работу, "
        "ходатайств об убежище и пересечений границы. Определения соответствуют показателям, согласованным в "
        "Механизме обмена данными; национальные особенности описаны в метаданных, публикуемых вместе с каждым "
        "показателем.",
        "## 3. Основные результаты",
        *main,
        "## 4. Возрастная структура",
        "Лица в возрасте от 18 до 39 лет составили около двух третей общего числа, дети до 18 лет — около "
        "десятой части, лица в возрасте 60 лет и старше — менее двадцатой части. За последние пять лет возрастная "
        "структура изменилась мало; доля женщин медленно растёт во всех возрастных группах.",
        "## 5. Сравнение с другими государствами-участниками",
        "Данные других государств-участников по тем же показателям доступны в МОД. При сравнении необходимо "
        "учитывать различия национальных определений, в частности учитываются ли ходатайства по лицам или по "
        "делам и учитываются ли продления разрешений вместе с впервые выданными разрешениями.",
        "## 6. Квартальная динамика",
        f"Как и в предыдущие годы, потоки достигали максимума во втором и третьем кварталах; в четвёртом квартале "
        f"{year} года они были примерно на пятую часть ниже, чем в третьем. Месячные данные доступны "
        "пользователям государств-участников в разделе данных МОД.",
        "## 7. Качество данных и пересмотры",
        f"Данные за {year} год являются предварительными до 30 июня следующего года. Данные за {year - 1} год "
        "пересмотрены с учётом поздних регистраций; пересмотр изменил итоговые значения менее чем на один "
        "процент. В подробных таблицах ячейки с числом лиц менее пяти не публикуются.",
        "## 8. Выводы",
        "Данные подтверждают необходимость связать реестры заинтересованных ведомств, раздельно учитывать "
        "заявления и решения по ним и публиковать разбивки по полу и возрасту, которые запрашивают "
        "разработчики политики.",
    ]
    return join(parts)
