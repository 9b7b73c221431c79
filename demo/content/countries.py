"""Country profiles and country intranets (network contacts of Annex 4, work plans of Annex 5).

Every person, phone number, address and web site here is fictional.
"""

COUNTRY_CODES = ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "MDA", "RUS", "TJK", "TKM", "UKR", "UZB"]

# Names and the details the templates below and the documents' bodies need.
# state_ru_gen: the state's official name in the genitive ("закон Республики Казахстан").
INFO = {
    "ARM": {
        "name": {"en": "Armenia", "ru": "Армения"},
        "state_en": "the Republic of Armenia",
        "state_ru": "Республика Армения",
        "state_ru_gen": "Республики Армения",
        "capital": {"en": "Yerevan", "ru": "Ереван"},
        "tld": "am",
        "phone": "+374 10 {a} {b}",
        "currency": {"en": "dram", "ru": "драм"},
        "feature": {
            "en": (
                "Armenia combines sizeable seasonal labour emigration, mostly to the Russian Federation, with "
                "the reception of refugees and displaced persons and an active diaspora policy."
            ),
            "ru": (
                "Для Армении характерны значительная сезонная трудовая эмиграция, главным образом в Российскую "
                "Федерацию, приём беженцев и вынужденных переселенцев и активная политика в отношении диаспоры."
            ),
        },
        "people": [
            ("Armen Petrosyan", "Армен Петросян"),
            ("Anna Sargsyan", "Анна Саргсян"),
            ("Gayane Grigoryan", "Гаянэ Григорян"),
            ("Davit Hovhannisyan", "Давид Ованнисян"),
        ],
    },
    "AZE": {
        "name": {"en": "Azerbaijan", "ru": "Азербайджан"},
        "state_en": "the Republic of Azerbaijan",
        "state_ru": "Азербайджанская Республика",
        "state_ru_gen": "Азербайджанской Республики",
        "capital": {"en": "Baku", "ru": "Баку"},
        "tld": "az",
        "phone": "+994 12 5{a} {b}",
        "currency": {"en": "manat", "ru": "манат"},
        "feature": {
            "en": (
                "Azerbaijan's migration service issues work permits to a growing number of foreign specialists "
                "while the country also hosts a large population of internally displaced persons."
            ),
            "ru": (
                "Миграционная служба Азербайджана выдаёт разрешения на работу растущему числу иностранных "
                "специалистов; в стране также проживает значительное число вынужденно перемещённых лиц."
            ),
        },
        "people": [
            ("Elchin Mammadov", "Эльчин Мамедов"),
            ("Leyla Hasanova", "Лейла Гасанова"),
            ("Rashad Aliyev", "Рашад Алиев"),
            ("Sevinj Huseynova", "Севиндж Гусейнова"),
        ],
    },
    "BLR": {
        "name": {"en": "Belarus", "ru": "Беларусь"},
        "state_en": "the Republic of Belarus",
        "state_ru": "Республика Беларусь",
        "state_ru_gen": "Республики Беларусь",
        "capital": {"en": "Minsk", "ru": "Минск"},
        "tld": "by",
        "phone": "+375 17 2{a} {b}",
        "currency": {"en": "rouble", "ru": "рубль"},
        "feature": {
            "en": (
                "Belarus is a transit and destination country on the eastern border of the European Union; its "
                "population statistics rely on a continuous register of residence."
            ),
            "ru": (
                "Беларусь является страной транзита и назначения на восточной границе Европейского союза; "
                "статистика населения страны опирается на непрерывный учёт регистрации по месту жительства."
            ),
        },
        "people": [
            ("Andrei Kovalev", "Андрей Ковалёв"),
            ("Olga Zhuk", "Ольга Жук"),
            ("Sergei Melnik", "Сергей Мельник"),
            ("Natalia Bondarenko", "Наталья Бондаренко"),
        ],
    },
    "GEO": {
        "name": {"en": "Georgia", "ru": "Грузия"},
        "state_en": "Georgia",
        "state_ru": "Грузия",
        "state_ru_gen": "Грузии",
        "capital": {"en": "Tbilisi", "ru": "Тбилиси"},
        "tld": "ge",
        "phone": "+995 32 2{a} {b}",
        "currency": {"en": "lari", "ru": "лари"},
        "feature": {
            "en": (
                "Georgia has aligned much of its migration and asylum legislation with European standards and "
                "runs a unified migration analytical system shared by several ministries."
            ),
            "ru": (
                "Грузия в значительной мере сблизила миграционное законодательство и законодательство об "
                "убежище с европейскими стандартами и ведёт единую миграционную аналитическую систему, которой "
                "пользуются несколько министерств."
            ),
        },
        "people": [
            ("Giorgi Beridze", "Георгий Беридзе"),
            ("Nino Kapanadze", "Нино Капанадзе"),
            ("Davit Gelashvili", "Давид Гелашвили"),
            ("Tamar Lomidze", "Тамар Ломидзе"),
        ],
    },
    "KAZ": {
        "name": {"en": "Kazakhstan", "ru": "Казахстан"},
        "state_en": "the Republic of Kazakhstan",
        "state_ru": "Республика Казахстан",
        "state_ru_gen": "Республики Казахстан",
        "capital": {"en": "Astana", "ru": "Астана"},
        "tld": "kz",
        "phone": "+7 7172 {a} {b}",
        "currency": {"en": "tenge", "ru": "тенге"},
        "feature": {
            "en": (
                "Kazakhstan is the main destination for labour migrants within Central Asia after the Russian "
                "Federation, receives ethnic Kazakh returnees (kandas) and is itself a country of emigration."
            ),
            "ru": (
                "Казахстан после Российской Федерации является основной страной назначения трудовых мигрантов "
                "в Центральной Азии, принимает этнических казахов-кандасов и одновременно остаётся страной "
                "эмиграции."
            ),
        },
        "people": [
            ("Aigul Nurlanova", "Айгуль Нурланова"),
            ("Yerlan Saparov", "Ерлан Сапаров"),
            ("Dinara Akhmetova", "Динара Ахметова"),
            ("Arman Zhumabekov", "Арман Жумабеков"),
        ],
    },
    "KGZ": {
        "name": {"en": "Kyrgyzstan", "ru": "Кыргызстан"},
        "state_en": "the Kyrgyz Republic",
        "state_ru": "Кыргызская Республика",
        "state_ru_gen": "Кыргызской Республики",
        "capital": {"en": "Bishkek", "ru": "Бишкек"},
        "tld": "kg",
        "phone": "+996 312 {a} {b}",
        "currency": {"en": "som", "ru": "сом"},
        "feature": {
            "en": (
                "Kyrgyzstan is a country of origin of labour migrants, for whom remittances are a major source "
                "of household income, and a member of the Eurasian Economic Union's common labour market."
            ),
            "ru": (
                "Кыргызстан является страной происхождения трудовых мигрантов, для семей которых денежные "
                "переводы служат важным источником дохода, и участником общего рынка труда Евразийского "
                "экономического союза."
            ),
        },
        "people": [
            ("Bakyt Osmonov", "Бакыт Осмонов"),
            ("Ainura Toktogulova", "Айнура Токтогулова"),
            ("Nurlan Abdykalykov", "Нурлан Абдыкалыков"),
            ("Zhyldyz Mambetova", "Жылдыз Мамбетова"),
        ],
    },
    "MDA": {
        "name": {"en": "Moldova", "ru": "Молдова"},
        "state_en": "the Republic of Moldova",
        "state_ru": "Республика Молдова",
        "state_ru_gen": "Республики Молдова",
        "capital": {"en": "Chisinau", "ru": "Кишинёв"},
        "tld": "md",
        "phone": "+373 22 {a} {b}",
        "currency": {"en": "leu", "ru": "лей"},
        "feature": {
            "en": (
                "Moldova has one of the highest shares of its working-age population abroad in Europe and has "
                "developed an extended migration profile that brings together the data of several agencies."
            ),
            "ru": (
                "В Молдове одна из самых высоких в Европе долей населения трудоспособного возраста, находящегося "
                "за рубежом; в стране разработан расширенный миграционный профиль, объединяющий данные "
                "нескольких ведомств."
            ),
        },
        "people": [
            ("Ion Rusu", "Ион Русу"),
            ("Elena Ceban", "Елена Чебан"),
            ("Viorel Munteanu", "Виорел Мунтяну"),
            ("Natalia Popa", "Наталья Попа"),
        ],
    },
    "RUS": {
        "name": {"en": "Russian Federation", "ru": "Российская Федерация"},
        "state_en": "the Russian Federation",
        "state_ru": "Российская Федерация",
        "state_ru_gen": "Российской Федерации",
        "capital": {"en": "Moscow", "ru": "Москва"},
        "tld": "ru",
        "phone": "+7 495 5{a} {b}",
        "currency": {"en": "rouble", "ru": "рубль"},
        "feature": {
            "en": (
                "The Russian Federation is the largest destination of labour migrants in the region; foreign "
                "citizens work there under patents, work permits or the rules of the Eurasian Economic Union."
            ),
            "ru": (
                "Российская Федерация является крупнейшей страной назначения трудовых мигрантов в регионе; "
                "иностранные граждане работают в ней на основании патентов, разрешений на работу или по "
                "правилам Евразийского экономического союза."
            ),
        },
        "people": [
            ("Dmitry Sokolov", "Дмитрий Соколов"),
            ("Ekaterina Volkova", "Екатерина Волкова"),
            ("Alexei Morozov", "Алексей Морозов"),
            ("Irina Lebedeva", "Ирина Лебедева"),
        ],
    },
    "TJK": {
        "name": {"en": "Tajikistan", "ru": "Таджикистан"},
        "state_en": "the Republic of Tajikistan",
        "state_ru": "Республика Таджикистан",
        "state_ru_gen": "Республики Таджикистан",
        "capital": {"en": "Dushanbe", "ru": "Душанбе"},
        "tld": "tj",
        "phone": "+992 37 2{a} {b}",
        "currency": {"en": "somoni", "ru": "сомони"},
        "feature": {
            "en": (
                "Tajikistan's economy depends strongly on the remittances of citizens working abroad; pre-"
                "departure orientation and the reintegration of returning migrants are policy priorities."
            ),
            "ru": (
                "Экономика Таджикистана в значительной степени зависит от денежных переводов граждан, работающих "
                "за рубежом; приоритетами политики являются предвыездная подготовка и реинтеграция "
                "вернувшихся мигрантов."
            ),
        },
        "people": [
            ("Faridun Rakhimov", "Фаридун Рахимов"),
            ("Madina Saidova", "Мадина Саидова"),
            ("Rustam Nazarov", "Рустам Назаров"),
            ("Zarina Karimova", "Зарина Каримова"),
        ],
    },
    "TKM": {
        "name": {"en": "Turkmenistan", "ru": "Туркменистан"},
        "state_en": "Turkmenistan",
        "state_ru": "Туркменистан",
        "state_ru_gen": "Туркменистана",
        "capital": {"en": "Ashgabat", "ru": "Ашхабад"},
        "tld": "tm",
        "phone": "+993 12 {a} {b}",
        "currency": {"en": "manat", "ru": "манат"},
        "feature": {
            "en": (
                "Turkmenistan has carried out large programmes to reduce statelessness by granting citizenship "
                "and residence permits to long-term residents."
            ),
            "ru": (
                "Туркменистан осуществил масштабные программы сокращения безгражданства, предоставив "
                "гражданство и виды на жительство лицам, давно проживающим в стране."
            ),
        },
        "people": [
            ("Mergen Atayev", "Мерген Атаев"),
            ("Oguljahan Orazova", "Огулджахан Оразова"),
            ("Batyr Rejepov", "Батыр Реджепов"),
            ("Aina Berdiyeva", "Айна Бердыева"),
        ],
    },
    "UKR": {
        "name": {"en": "Ukraine", "ru": "Украина"},
        "state_en": "Ukraine",
        "state_ru": "Украина",
        "state_ru_gen": "Украины",
        "capital": {"en": "Kyiv", "ru": "Киев"},
        "tld": "ua",
        "phone": "+380 44 2{a} {b}",
        "currency": {"en": "hryvnia", "ru": "гривна"},
        "feature": {
            "en": (
                "Ukraine's migration statistics cover large movements of its own citizens abroad and within the "
                "country, as well as asylum and the protection of victims of trafficking."
            ),
            "ru": (
                "Миграционная статистика Украины охватывает масштабные перемещения её граждан за рубеж и внутри "
                "страны, а также вопросы убежища и защиты жертв торговли людьми."
            ),
        },
        "people": [
            ("Oleh Shevchenko", "Олег Шевченко"),
            ("Iryna Tkachenko", "Ирина Ткаченко"),
            ("Andrii Kravchenko", "Андрей Кравченко"),
            ("Oksana Boiko", "Оксана Бойко"),
        ],
    },
    "UZB": {
        "name": {"en": "Uzbekistan", "ru": "Узбекистан"},
        "state_en": "the Republic of Uzbekistan",
        "state_ru": "Республика Узбекистан",
        "state_ru_gen": "Республики Узбекистан",
        "capital": {"en": "Tashkent", "ru": "Ташкент"},
        "tld": "uz",
        "phone": "+998 71 2{a} {b}",
        "currency": {"en": "sum", "ru": "сум"},
        "feature": {
            "en": (
                "Uzbekistan, the most populous state of Central Asia, organises the recruitment of its citizens "
                "for work abroad through a public agency and bilateral agreements with destination countries."
            ),
            "ru": (
                "Узбекистан, самое населённое государство Центральной Азии, организует трудоустройство граждан "
                "за рубежом через государственное агентство и двусторонние соглашения со странами назначения."
            ),
        },
        "people": [
            ("Bakhtiyor Yusupov", "Бахтиёр Юсупов"),
            ("Gulnora Rashidova", "Гульнора Рашидова"),
            ("Sherzod Karimov", "Шерзод Каримов"),
            ("Dilnoza Akhmedova", "Дилноза Ахмедова"),
        ],
    },
}

# The core institutions of Annex 4, the same in every country; each has a key used in e-mail addresses.
_INSTITUTIONS = [
    {
        "key": "migration",
        "name": {
            "en": "Ministry of Internal Affairs, Migration Service",
            "ru": "Министерство внутренних дел, миграционная служба",
        },
        "role": {
            "en": (
                "Registers foreigners, issues residence permits, receives asylum applications and decides on "
                "refugee status; the national focal point for the Data Sharing Mechanism."
            ),
            "ru": (
                "Регистрирует иностранцев, выдаёт виды на жительство, принимает ходатайства об убежище и "
                "принимает решения о статусе беженца; национальный координатор Механизма обмена данными."
            ),
        },
        "title": {"en": "Deputy Head of the Migration Service", "ru": "заместитель начальника миграционной службы"},
        "site": "migration",
    },
    {
        "key": "statistics",
        "name": {
            "en": "National Statistical Office, Population Statistics Department",
            "ru": "Национальный статистический комитет, управление статистики населения",
        },
        "role": {
            "en": (
                "Produces official population and migration statistics from administrative sources and the "
                "census; checks the comparability of the indicators shared in the mechanism."
            ),
            "ru": (
                "Формирует официальную статистику населения и миграции на основе административных источников и "
                "переписи; проверяет сопоставимость показателей, которыми обмениваются в рамках механизма."
            ),
        },
        "title": {"en": "Deputy Director of the Department", "ru": "заместитель директора управления"},
        "site": "stat",
    },
    {
        "key": "labour",
        "name": {
            "en": "Ministry of Labour and Social Protection, Labour Migration Department",
            "ru": "Министерство труда и социальной защиты, департамент трудовой миграции",
        },
        "role": {
            "en": (
                "Sets quotas for foreign labour, issues work permits and keeps the records of citizens placed "
                "in employment abroad."
            ),
            "ru": (
                "Устанавливает квоты на привлечение иностранной рабочей силы, выдаёт разрешения на работу и ведёт "
                "учёт граждан, трудоустроенных за рубежом."
            ),
        },
        "title": {"en": "Head of the Department", "ru": "начальник департамента"},
        "site": "labour",
    },
    {
        "key": "border",
        "name": {
            "en": "State Border Service, Analysis Division",
            "ru": "Государственная пограничная служба, аналитический отдел",
        },
        "role": {
            "en": "Records entries and exits of foreigners and citizens at the border crossing points.",
            "ru": "Ведёт учёт въезда и выезда иностранцев и граждан в пунктах пропуска через государственную границу.",
        },
        "title": {"en": "Head of Division", "ru": "начальник отдела"},
        "site": "border",
    },
    {
        "key": "consular",
        "name": {
            "en": "Ministry of Foreign Affairs, Consular Department",
            "ru": "Министерство иностранных дел, консульский департамент",
        },
        "role": {
            "en": (
                "Issues visas, registers citizens staying abroad and coordinates the inter-ministerial working group."
            ),
            "ru": (
                "Выдаёт визы, ведёт консульский учёт граждан за рубежом и координирует межведомственную рабочую группу."
            ),
        },
        "title": {"en": "Third Secretary", "ru": "третий секретарь"},
        "site": "mfa",
    },
]

_STREETS = [
    ({"en": "12 Independence Avenue", "ru": "проспект Независимости, 12"}),
    ({"en": "45 Republic Street", "ru": "улица Республики, 45"}),
    ({"en": "7 Government Square", "ru": "площадь Правительства, 7"}),
    ({"en": "101 Friendship Street", "ru": "улица Дружбы, 101"}),
    ({"en": "3 Unity Square", "ru": "площадь Единства, 3"}),
]

# Annex 5: the sample work plan of the inter-ministerial working group.
_WORK_PLAN = [
    {
        "item": {
            "en": (
                "Draft a regulation on the procedure and forms for collecting and exchanging information "
                "between ministries and agencies"
            ),
            "ru": (
                "Разработка проекта положения о порядке и формах сбора и обмена информацией между министерствами и "
                "ведомствами"
            ),
        },
        "timeline": {"en": "Third quarter", "ru": "Третий квартал"},
        "responsible": {"en": "MFA, all ministries involved", "ru": "МИД, все участвующие министерства"},
    },
    {
        "item": {
            "en": "Hold the quarterly meeting of the inter-ministerial working group",
            "ru": "Проведение ежеквартального заседания межведомственной рабочей группы",
        },
        "timeline": {"en": "Quarterly", "ru": "Ежеквартально"},
        "responsible": {"en": "MFA", "ru": "МИД"},
    },
    {
        "item": {
            "en": "Confirm the minimum set of data (six indicators) and the instruction on their collection",
            "ru": "Утверждение минимального набора данных (шесть показателей) и инструкции по их сбору",
        },
        "timeline": {"en": "Second quarter", "ru": "Второй квартал"},
        "responsible": {
            "en": "Migration Service, National Statistical Office",
            "ru": "Миграционная служба, национальный статистический комитет",
        },
    },
    {
        "item": {
            "en": "Develop a national glossary of migration terms consistent with the DSM glossary",
            "ru": "Разработка национального глоссария миграционных терминов, согласованного с глоссарием МОД",
        },
        "timeline": {"en": "Third and fourth quarters", "ru": "Третий–четвёртый кварталы"},
        "responsible": {"en": "All ministries involved", "ru": "Все участвующие министерства"},
    },
    {
        "item": {
            "en": "Train the staff appointed to enter and validate data in the DSM",
            "ru": "Обучение сотрудников, назначенных для ввода и проверки данных в МОД",
        },
        "timeline": {"en": "Second quarter", "ru": "Второй квартал"},
        "responsible": {"en": "IOM, MFA", "ru": "МОМ, МИД"},
    },
    {
        "item": {
            "en": "Collect data on citizens seeking employment abroad and on work permits issued to foreigners",
            "ru": (
                "Сбор данных о гражданах, желающих трудоустроиться за рубежом, и о разрешениях на работу, выданных "
                "иностранцам"
            ),
        },
        "timeline": {"en": "Third and fourth quarters", "ru": "Третий–четвёртый кварталы"},
        "responsible": {"en": "Ministry of Labour", "ru": "Министерство труда"},
    },
]

_PROFILE_TEMPLATE = {
    "en": (
        "{name} has taken part in the Data Sharing Mechanism since its pilot phase. {feature} The Migration "
        "Service in {capital} is the national focal point: it coordinates the inter-ministerial working group, "
        "collects the six agreed indicators from the institutions listed below and submits them for validation. "
        "Figures marked as national remain visible to the users of {name} only."
    ),
    "ru": (
        "{name} участвует в Механизме обмена данными с его пилотного этапа. {feature} Национальным "
        "координатором является миграционная служба в городе {capital}: она координирует межведомственную "
        "рабочую группу, собирает шесть согласованных показателей у перечисленных ниже учреждений и передаёт их "
        "на проверку. Данные с пометкой «национальные» видны только пользователям этой страны."
    ),
}


def _country(index, code):
    info = INFO[code]
    tld = info["tld"]
    institutions = []
    contacts = []
    for number, institution in enumerate(_INSTITUTIONS):
        website = f"https://{institution['site']}.{tld}.example"
        institutions.append({"name": institution["name"], "role": institution["role"], "website": website})
        if number >= len(info["people"]):
            continue
        name_en, name_ru = info["people"][number]
        login = name_en.split()[0][0].lower() + "." + name_en.split()[1].lower()
        street = _STREETS[(index + number) % len(_STREETS)]
        contacts.append(
            {
                "institution": institution["name"],
                "name": {"en": name_en, "ru": name_ru},
                "title": institution["title"],
                "address": {
                    "en": f"{street['en']}, {info['capital']['en']}",
                    "ru": f"{info['capital']['ru']}, {street['ru']}",
                },
                "phone": info["phone"].format(
                    a=f"{55 + number:02d}", b=f"{(index * 7 + number * 13) % 100:02d} 0{number}"
                ),
                "email": f"{login}@{institution['site']}.{tld}.example",
                "website": website,
            }
        )
    work_plan = []
    items = _WORK_PLAN[: 4 + index % 3]
    for number, item in enumerate(items, start=1):
        # Values of library_pages.models.WorkPlanStatus (demo/enums.py): the first items are done.
        status = "done" if number <= 1 + index % 2 else ("planned", "in-progress")[(number + index) % 2]
        work_plan.append({"number": number, **item, "status": status})
    overview = {
        language: _PROFILE_TEMPLATE[language].format(
            name=info["name"][language], feature=info["feature"][language], capital=info["capital"][language]
        )
        for language in ("en", "ru")
    }
    return {
        "code": code,
        "name": info["name"],
        "profile": {"overview": overview, "institutions": institutions},
        "intranet": {"contacts": contacts, "work_plan": work_plan},
    }


COUNTRIES = [_country(index, code) for index, code in enumerate(COUNTRY_CODES)]
