"""Bodies of the demo laws, decrees and regulations, composed from article templates per topic.

Each builder takes the language ("en" or "ru"), a country's countries.INFO entry and a few details,
and returns a body in the package's markup. The texts are fictional, written for the demonstration.
"""

DISCLAIMER = {
    "en": (
        "This text was written for the demonstration of the DSM portal. It is modelled on the legislation of "
        "the region but is not an official act of any state."
    ),
    "ru": (
        "Текст подготовлен для демонстрации портала МОД. Он составлен по образцу законодательства стран "
        "региона, но не является официальным актом какого-либо государства."
    ),
}

DISCLAIMER_PAPER = {
    "en": "This text was written for the demonstration of the DSM portal; its facts and figures are fictional.",
    "ru": "Текст подготовлен для демонстрации портала МОД; приведённые в нём сведения и цифры вымышлены.",
}

_ARTICLE = {"en": "Article {n}. {title}", "ru": "Статья {n}. {title}"}
_CHAPTER = {"en": "Chapter {n}. {title}", "ru": "Глава {n}. {title}"}


def articles(language, items, start=1):
    """Numbered articles from (title, text or list of paragraphs) pairs."""
    parts = []
    for number, (title, text) in enumerate(items, start=start):
        parts.append("## " + _ARTICLE[language].format(n=number, title=title))
        parts.extend([text] if isinstance(text, str) else text)
    return parts


def join(parts):
    return "\n\n".join(part.strip() for part in parts)


def _statistics_article(language, what, where):
    if language == "en":
        return (
            "Records and statistics",
            [
                f"The authorised body shall keep a central record of {what}, broken down by sex, age group, "
                "citizenship and, where relevant, by type of application and decision. Records shall be kept in "
                "an electronic register that allows anonymised statistical tables to be produced for any period.",
                f"Anonymised statistical data on {what} shall be transmitted quarterly to the national statistical "
                f"office, which publishes them as official statistics of {where}. The authorised body may share "
                "the same anonymised data with the competent authorities of other states and with international "
                "organisations, including through the Data Sharing Mechanism, in accordance with the agreed "
                "definitions of the indicators and the rules on confidentiality.",
                "Personal data shall not be transmitted for statistical purposes. Cells of statistical tables that "
                "could reveal the identity of a person shall be suppressed or aggregated before publication.",
            ],
        )
    return (
        "Учёт и статистика",
        [
            f"Уполномоченный орган ведёт централизованный учёт {what} с разбивкой по полу, возрастным группам, "
            "гражданству, а при необходимости — по видам ходатайств и принятых решений. Учёт ведётся в "
            "электронном реестре, позволяющем формировать обезличенные статистические таблицы за любой период.",
            "В орган государственной статистики ежеквартально передаются обезличенные статистические данные "
            f"учёта {what}. Орган статистики публикует их в качестве официальной статистики {where}. "
            "Уполномоченный орган вправе передавать те же обезличенные данные "
            "компетентным органам других государств и международным организациям, в том числе через Механизм "
            "обмена данными, в соответствии с согласованными определениями показателей и правилами "
            "конфиденциальности.",
            "Персональные данные для статистических целей не передаются. Ячейки статистических таблиц, которые "
            "могут раскрыть личность человека, перед публикацией скрываются или укрупняются.",
        ],
    )


def _final_articles(language, state, months=3):
    if language == "en":
        return [
            (
                "Liability",
                "Officials who violate the provisions of this Law shall be liable in accordance with the "
                f"legislation of {state}. Damage caused by unlawful decisions shall be compensated in accordance "
                "with the procedure established by law.",
            ),
            (
                "Entry into force",
                [
                    f"This Law shall enter into force {months} months after the day of its official publication.",
                    "Within that period the Government shall bring its decisions into conformity with this Law and "
                    "adopt the regulations that it requires, including the forms of the documents and of the "
                    "statistical reports provided for herein.",
                ],
            ),
        ]
    months_ru = {3: "трёх месяцев", 6: "шести месяцев", 1: "одного месяца"}[months]
    return [
        (
            "Ответственность",
            "Должностные лица, нарушившие положения настоящего Закона, несут ответственность в соответствии с "
            f"законодательством {state}. Вред, причинённый незаконными решениями, возмещается в порядке, "
            "установленном законом.",
        ),
        (
            "Вступление в силу",
            [
                f"Настоящий Закон вступает в силу по истечении {months_ru} со дня его официального опубликования.",
                "В течение этого срока Правительство приводит свои решения в соответствие с настоящим Законом и "
                "принимает предусмотренные им нормативные правовые акты, в том числе формы документов и "
                "статистической отчётности.",
            ],
        ),
    ]


def _state(language, c):
    return c["state_en"] if language == "en" else c["state_ru_gen"]


def decree_final(language):
    """The closing article of a decree or regulation."""
    if language == "en":
        return (
            "Final provisions",
            "This act enters into force on the day of its official publication. Ministries and agencies shall bring "
            "their internal acts into conformity with it within three months and inform the Government of the "
            "measures taken. Expenses arising from it are covered within the budget allocations of the bodies "
            "concerned.",
        )
    return (
        "Заключительные положения",
        "Настоящий акт вступает в силу со дня его официального опубликования. Министерствам и ведомствам в "
        "трёхмесячный срок привести свои ведомственные акты в соответствие с ним и проинформировать Правительство о "
        "принятых мерах. Расходы, связанные с его исполнением, осуществляются в пределах бюджетных ассигнований "
        "соответствующих органов.",
    )


def _head(language, c, number, date, kind="law"):
    if language == "en":
        words = {"law": "Law", "decree": "Decree", "regulation": "Regulation"}[kind]
        line = f"{words} No. {number} of {date:%d %B %Y}. {c['capital']['en']}."
    else:
        line = f"№ {number} от {date:%d.%m.%Y}. Город {c['capital']['ru']}."
    return [DISCLAIMER[language], line]


def law_refugees(language, c, number, date):
    state = _state(language, c)
    if language == "en":
        preamble = (
            f"This Law defines the legal status of refugees and asylum-seekers in {state}, the procedure for "
            "considering applications for refugee status, and the guarantees of protection of refugees in "
            "accordance with the 1951 Convention relating to the Status of Refugees and its 1967 Protocol."
        )
        items = [
            (
                "Terms used",
                [
                    "For the purposes of this Law: a refugee is a foreign citizen or stateless person who, owing "
                    "to a well-founded fear of being persecuted for reasons of race, religion, nationality, "
                    "membership of a particular social group or political opinion, is outside the country of "
                    "nationality and is unable or, owing to such fear, unwilling to avail himself or herself of "
                    "the protection of that country;",
                    "an asylum-seeker is a person who has lodged an application for refugee status on which no "
                    "final decision has been taken; temporary protection is the permission to stay granted on "
                    "humanitarian grounds to a person who does not qualify as a refugee but cannot be returned; "
                    "the authorised body is the state body responsible for migration.",
                ],
            ),
            (
                "Principles",
                "The protection of refugees and asylum-seekers is based on legality, non-discrimination, "
                "confidentiality, family unity and non-refoulement. No refugee or asylum-seeker shall be expelled "
                "or returned to a state where his or her life or freedom would be threatened. Applications of "
                "unaccompanied children and of victims of torture shall be considered as a priority.",
            ),
            (
                "Lodging an application",
                [
                    "An application for refugee status shall be lodged in person and in writing with the "
                    "authorised body or its territorial office. A person who applies at a border crossing point "
                    "shall be admitted to the territory, and the border guard shall forward the application to "
                    "the authorised body within three working days.",
                    "Applications on behalf of children under eighteen are lodged by their legal representatives. "
                    "Lodging an application is free of charge. Each applicant receives a certificate of "
                    "registration of the application, which proves identity and lawful stay for the duration of "
                    "the procedure.",
                ],
            ),
            (
                "Examination of applications",
                [
                    "The authorised body shall conduct a preliminary examination of the application within five "
                    "working days and decide whether to examine it on the merits. Applications shall be examined "
                    "on the merits within three months of registration; in exceptional cases this period may be "
                    "extended by another three months.",
                    "The applicant shall be interviewed in a language he or she understands, with an interpreter "
                    "provided free of charge. The authorised body shall take into account up-to-date information "
                    "on the country of origin. Repeated applications without new circumstances may be rejected "
                    "without examination on the merits.",
                ],
            ),
            (
                "Decisions",
                "On the basis of the examination, the authorised body shall decide to grant refugee status, to "
                "grant temporary protection or to refuse the application. The decision shall be notified in "
                "writing within five working days, with the reasons and the remedies available. Persons recognised "
                "as refugees receive a refugee certificate and, on request, a travel document.",
            ),
            (
                "Rights and obligations of refugees",
                "Refugees enjoy the same rights as citizens to work, education, health care and social assistance, "
                "the right to family reunification and the right to apply for citizenship after five years of "
                "lawful residence. Refugees shall respect the law, register their place of residence and inform "
                "the authorised body of any change of it within ten days.",
            ),
            (
                "Appeals",
                "A refusal to examine an application, a refusal of refugee status or a decision to withdraw it may "
                "be appealed to a higher authority or to a court within one month of notification. While the appeal "
                "is pending the applicant may not be expelled.",
            ),
            (
                "Cessation and withdrawal of refugee status",
                "Refugee status ceases when the refugee voluntarily re-avails himself or herself of the protection of "
                "the country of nationality, acquires a new nationality or when the circumstances that gave rise to "
                "the status have ceased to exist. Status shall be withdrawn if it was granted on the basis of false "
                "information.",
            ),
            _statistics_article(
                "en",
                "applications for refugee status, decisions taken, recognised refugees and "
                "persons granted temporary protection",
                state,
            ),
        ]
    else:
        preamble = (
            f"Настоящий Закон определяет правовое положение беженцев и лиц, ищущих убежища, на территории "
            f"{state}, порядок рассмотрения ходатайств о признании беженцем и гарантии защиты беженцев в "
            "соответствии с Конвенцией о статусе беженцев 1951 года и Протоколом к ней 1967 года."
        )
        items = [
            (
                "Основные понятия",
                [
                    "В настоящем Законе используются следующие основные понятия: беженец — иностранец или лицо без "
                    "гражданства, которое в силу обоснованных опасений стать жертвой преследований по признаку "
                    "расы, вероисповедания, гражданства, национальности, принадлежности к определённой социальной "
                    "группе или политических убеждений находится вне страны своей гражданской принадлежности и не "
                    "может или не желает пользоваться защитой этой страны;",
                    "лицо, ищущее убежища, — лицо, подавшее ходатайство о признании беженцем, по которому не "
                    "принято окончательное решение; временное убежище — разрешение пребывать на территории по "
                    "гуманитарным основаниям, предоставляемое лицу, которое не признано беженцем, но не может быть "
                    "возвращено; уполномоченный орган — государственный орган в сфере миграции.",
                ],
            ),
            (
                "Принципы защиты беженцев",
                "Защита беженцев и лиц, ищущих убежища, основывается на принципах законности, недискриминации, "
                "конфиденциальности, единства семьи и невысылки. Никто из беженцев и лиц, подавших ходатайства, "
                "не может быть выслан или возвращён в государство, где его жизни или свободе угрожает опасность. "
                "Ходатайства несопровождаемых несовершеннолетних и жертв пыток рассматриваются в первоочередном "
                "порядке.",
            ),
            (
                "Подача ходатайства о признании беженцем",
                [
                    "Ходатайство о признании беженцем подаётся лично в письменной форме в уполномоченный орган или "
                    "его территориальное подразделение. Лицо, обратившееся с ходатайством в пункте пропуска через "
                    "государственную границу, допускается на территорию, а должностное лицо пограничной службы в "
                    "течение трёх рабочих дней направляет ходатайство в уполномоченный орган.",
                    "За детей, не достигших восемнадцати лет, ходатайства подают их законные представители. Подача "
                    "ходатайства бесплатна. Каждому заявителю выдаётся свидетельство о регистрации ходатайства, "
                    "которое удостоверяет его личность и законность пребывания на время рассмотрения.",
                ],
            ),
            (
                "Рассмотрение ходатайств",
                [
                    "Уполномоченный орган в течение пяти рабочих дней проводит предварительное рассмотрение "
                    "ходатайства и решает вопрос о его рассмотрении по существу. Ходатайства рассматриваются по "
                    "существу в срок, не превышающий трёх месяцев со дня регистрации; в исключительных случаях "
                    "этот срок может быть продлён ещё на три месяца.",
                    "С заявителем проводится собеседование на понятном ему языке; услуги переводчика "
                    "предоставляются бесплатно. Уполномоченный орган учитывает актуальную информацию о стране "
                    "происхождения. Повторные ходатайства, не содержащие новых обстоятельств, могут быть оставлены "
                    "без рассмотрения по существу.",
                ],
            ),
            (
                "Решения по ходатайствам",
                "По результатам рассмотрения ходатайства уполномоченный орган принимает решение о признании "
                "беженцем, о предоставлении временного убежища либо об отказе. Решение направляется заявителю в "
                "письменной форме в течение пяти рабочих дней с указанием причин и порядка обжалования. Лицам, "
                "признанным беженцами, выдаются удостоверение беженца и, по их просьбе, проездной документ.",
            ),
            (
                "Права и обязанности беженцев",
                "Беженцы пользуются наравне с гражданами правом на труд, образование, медицинскую помощь и "
                "социальную поддержку, правом на воссоединение семьи и правом ходатайствовать о приёме в "
                "гражданство после пяти лет законного проживания. Беженцы обязаны соблюдать законодательство, "
                "регистрироваться по месту жительства и сообщать уполномоченному органу о его изменении в течение "
                "десяти дней.",
            ),
            (
                "Обжалование решений",
                "Решение об отказе в рассмотрении ходатайства, об отказе в признании беженцем или о лишении статуса "
                "беженца может быть обжаловано в вышестоящий орган или в суд в течение одного месяца со дня "
                "уведомления. На время обжалования заявитель не может быть выдворен.",
            ),
            (
                "Утрата и лишение статуса беженца",
                "Статус беженца утрачивается, если беженец добровольно вновь воспользовался защитой страны своей "
                "гражданской принадлежности, приобрёл новое гражданство или если обстоятельства, послужившие "
                "основанием для признания беженцем, перестали существовать. Статус беженца отменяется, если он был "
                "предоставлен на основании ложных сведений.",
            ),
            _statistics_article(
                "ru",
                "ходатайств о признании беженцем, принятых решений, признанных беженцев и "
                "лиц, получивших временное убежище",
                state,
            ),
        ]
    return join(
        _head(language, c, number, date) + [preamble] + articles(language, items + _final_articles(language, state))
    )


def law_labour_migration(language, c, number, date):
    state = _state(language, c)
    if language == "en":
        preamble = (
            f"This Law regulates labour migration to and from {state}: the employment of foreign workers, the "
            "protection of the rights of citizens working abroad and the cooperation of state bodies in managing "
            "labour migration."
        )
        items = [
            (
                "Terms used",
                "A migrant worker is a person who is engaged or has been engaged in remunerated activity in a state "
                "of which he or she is not a citizen. An employer is a legal or natural person who engages migrant "
                "workers under an employment contract. A work permit is the document that entitles a foreign "
                "citizen to work in a given occupation and region for a given period.",
            ),
            (
                "State policy on labour migration",
                "State policy aims at meeting the needs of the economy for labour, protecting the domestic labour "
                "market, ensuring safe, orderly and regular migration and protecting migrant workers from forced "
                "labour and trafficking. The Government sets every year a quota for foreign labour by occupation "
                "and region on the proposal of the ministry of labour.",
            ),
            (
                "Employment of foreign workers",
                [
                    "Foreign citizens may work on the basis of a work permit issued to the employer or of a permit "
                    "issued to the migrant worker personally. Citizens of states with which an agreement on "
                    "freedom of movement of workers is in force may work without a permit.",
                    "Applications for work permits and for their extension shall be decided within fifteen working "
                    "days. The number of applications received, first-time permits, extensions and refusals shall be "
                    "recorded monthly.",
                ],
            ),
            (
                "Rights of migrant workers",
                "Migrant workers lawfully employed enjoy equal treatment with citizens in respect of pay, working "
                "time, safety at work and social insurance. Employers shall not retain the passports of migrant "
                "workers. Migrant workers may transfer their earnings abroad without restriction.",
            ),
            (
                "Citizens working abroad",
                "Private employment agencies that place citizens in jobs abroad require a licence. Before departure "
                "citizens receive free information on the conditions of work and stay in the destination country. "
                "Diplomatic missions keep a record of citizens working abroad and assist them when their rights are "
                "violated.",
            ),
            (
                "Return and reintegration",
                "Citizens returning after work abroad may register with the employment service, have their "
                "qualifications recognised and receive advice on starting a business. Local authorities take "
                "returning labour migrants into account in their employment programmes.",
            ),
            _statistics_article("en", "work permits, migrant workers and citizens placed in employment abroad", state),
        ]
    else:
        preamble = (
            f"Настоящий Закон регулирует привлечение иностранной рабочей силы на территорию {state}, защиту прав "
            "граждан, работающих за рубежом, и взаимодействие государственных органов в сфере регулирования "
            "трудовой миграции."
        )
        items = [
            (
                "Основные понятия",
                "Трудовой мигрант — лицо, которое занимается или занималось оплачиваемой деятельностью в "
                "государстве, гражданином которого оно не является. Работодатель — юридическое или физическое лицо, "
                "привлекающее трудовых мигрантов по трудовому договору. Разрешение на работу — документ, дающий "
                "иностранному гражданину право работать по определённой профессии в определённом регионе в течение "
                "установленного срока.",
            ),
            (
                "Государственная политика в области трудовой миграции",
                "Государственная политика направлена на удовлетворение потребностей экономики в рабочей силе, "
                "защиту внутреннего рынка труда, обеспечение безопасной, упорядоченной и законной миграции и защиту "
                "трудовых мигрантов от принудительного труда и торговли людьми. Правительство ежегодно "
                "устанавливает квоту на привлечение иностранной рабочей силы по профессиям и регионам по "
                "предложению министерства труда.",
            ),
            (
                "Привлечение иностранной рабочей силы",
                [
                    "Иностранные граждане осуществляют трудовую деятельность на основании разрешения, выданного "
                    "работодателю, либо разрешения, выданного трудовому мигранту лично. Граждане государств, с "
                    "которыми действует соглашение о свободе передвижения трудящихся, работают без разрешения.",
                    "Заявления о выдаче и продлении разрешений на работу рассматриваются в течение пятнадцати "
                    "рабочих дней. Число поступивших заявлений, впервые выданных разрешений, продлений и отказов "
                    "учитывается ежемесячно.",
                ],
            ),
            (
                "Права трудовых мигрантов",
                "Трудовые мигранты, законно осуществляющие трудовую деятельность, пользуются равными с гражданами "
                "правами в отношении оплаты и продолжительности труда, охраны труда и социального страхования. "
                "Работодатель не вправе удерживать паспорта трудовых мигрантов. Трудовые мигранты вправе "
                "беспрепятственно переводить заработанные средства за рубеж.",
            ),
            (
                "Граждане, работающие за рубежом",
                "Частные агентства занятости, трудоустраивающие граждан за рубежом, действуют на основании "
                "лицензии. Перед выездом граждане бесплатно получают информацию об условиях труда и пребывания в "
                "стране назначения. Дипломатические представительства ведут учёт граждан, работающих за рубежом, и "
                "оказывают им содействие при нарушении их прав.",
            ),
            (
                "Возвращение и реинтеграция",
                "Граждане, вернувшиеся после работы за рубежом, могут зарегистрироваться в службе занятости, "
                "получить признание своей квалификации и консультации по открытию собственного дела. Местные органы "
                "власти учитывают вернувшихся трудовых мигрантов в программах содействия занятости.",
            ),
            _statistics_article(
                "ru", "разрешений на работу, трудовых мигрантов и граждан, трудоустроенных за рубежом", state
            ),
        ]
    return join(
        _head(language, c, number, date) + [preamble] + articles(language, items + _final_articles(language, state))
    )


def regulation_work_permits(language, c, number, date):
    state = _state(language, c)
    if language == "en":
        items = [
            (
                "Scope",
                f"This Regulation establishes the procedure for issuing, extending and revoking work permits for "
                f"foreign citizens and stateless persons in {state}, the documents required and the forms of "
                "reporting on permits issued.",
            ),
            (
                "Applications",
                [
                    "An application for a work permit is submitted by the employer to the territorial office of the "
                    "ministry of labour, on paper or through the electronic government portal, together with: a "
                    "copy of the foreign worker's passport; the draft employment contract; a document confirming the "
                    "qualification; a medical certificate.",
                    "Applications for an extension shall be submitted no later than thirty days before the permit "
                    "expires. Incomplete applications are returned within three working days with a list of the "
                    "missing documents.",
                ],
            ),
            (
                "Examination and decision",
                "The territorial office checks the application against the annual quota and the register of "
                "vacancies offered to citizens. A decision is taken within fifteen working days. A permit is issued "
                "for up to one year and may be extended for the same period; first-time permits and extensions are "
                "registered separately.",
            ),
            (
                "Refusal and revocation",
                "A permit shall be refused if the quota is exhausted, if the documents are false or if the foreign "
                "citizen has been expelled within the last five years. A permit shall be revoked if the employment "
                "contract is terminated or the foreign worker is employed in another occupation. Refusals and "
                "revocations may be appealed to a court.",
            ),
            (
                "Fees",
                "A state fee is charged for the issuance and extension of a permit. No fee is charged to refugees, "
                "persons with temporary protection or applicants for refugee status whose applications have been "
                "pending for more than six months.",
            ),
            (
                "Reporting",
                [
                    "Territorial offices report every month on the number of applications received, first-time "
                    "permits issued, extensions, refusals and revocations, by citizenship, sex, occupation and "
                    "region of employment.",
                    "The ministry of labour compiles the national totals every quarter, validates them against the "
                    'register of permits and submits the indicator "first-time applications for work permits and '
                    'decisions on them" to the Data Sharing Mechanism.',
                ],
            ),
        ]
        items.append(
            (
                "Transitional provisions",
                "Work permits issued before this Regulation takes effect remain valid until they expire. Applications "
                "pending on that day are decided under this Regulation; the territorial offices shall report on "
                "them separately in the first quarterly report.",
            )
        )
        head = _head(language, c, number, date, "regulation")
    else:
        items = [
            (
                "Сфера применения",
                "Настоящее Положение устанавливает порядок выдачи, продления и аннулирования разрешений на работу "
                f"иностранным гражданам и лицам без гражданства на территории {state}, перечень необходимых "
                "документов и формы отчётности о выданных разрешениях.",
            ),
            (
                "Подача заявлений",
                [
                    "Заявление о выдаче разрешения на работу подаётся работодателем в территориальное подразделение "
                    "министерства труда на бумаге или через портал электронного правительства. К заявлению "
                    "прилагаются: копия паспорта иностранного работника; проект трудового договора; документ, "
                    "подтверждающий квалификацию; медицинская справка.",
                    "Заявления о продлении разрешений подаются не позднее чем за тридцать дней до истечения срока их "
                    "действия. Неполные заявления возвращаются в течение трёх рабочих дней с перечнем недостающих "
                    "документов.",
                ],
            ),
            (
                "Рассмотрение заявлений и принятие решений",
                "Территориальное подразделение проверяет заявление на соответствие годовой квоте и реестру "
                "вакансий, предложенных гражданам. Решение принимается в течение пятнадцати рабочих дней. "
                "Разрешение выдаётся на срок до одного года и может быть продлено на тот же срок; впервые выданные "
                "разрешения и продления учитываются раздельно.",
            ),
            (
                "Отказ в выдаче и аннулирование разрешений",
                "В выдаче разрешения отказывается, если квота исчерпана, представлены подложные документы или "
                "иностранный гражданин был выдворен в течение последних пяти лет. Разрешение аннулируется при "
                "расторжении трудового договора или при работе иностранного работника по другой профессии. Отказы "
                "и решения об аннулировании могут быть обжалованы в суд.",
            ),
            (
                "Государственная пошлина",
                "За выдачу и продление разрешения взимается государственная пошлина. Пошлина не взимается с "
                "беженцев, лиц, получивших временное убежище, и лиц, ходатайства которых о признании беженцами "
                "рассматриваются более шести месяцев.",
            ),
            (
                "Отчётность",
                [
                    "Территориальные подразделения ежемесячно представляют сведения о числе поступивших заявлений, "
                    "впервые выданных разрешений, продлений, отказов и аннулирований с разбивкой по гражданству, "
                    "полу, профессиям и регионам трудоустройства.",
                    "Министерство труда ежеквартально сводит общенациональные итоги, сверяет их с реестром "
                    "разрешений и передаёт показатель «Число первичных заявлений о выдаче разрешений на работу и "
                    "решений по ним» в Механизм обмена данными.",
                ],
            ),
        ]
        items.append(
            (
                "Переходные положения",
                "Разрешения на работу, выданные до вступления в силу настоящего Положения, действуют до истечения "
                "их срока. Заявления, находящиеся на рассмотрении в этот день, рассматриваются в соответствии с "
                "настоящим Положением; территориальные подразделения отчитываются о них отдельно в первом "
                "квартальном отчёте.",
            )
        )
        head = _head(language, c, number, date, "regulation")
    return join(head + articles(language, items + [decree_final(language)]))


def law_statistics(language, c, number, date):
    state = _state(language, c)
    if language == "en":
        preamble = (
            f"This Law establishes the legal basis for the production and dissemination of official statistics "
            f"in {state}, including statistics on population and migration compiled from administrative sources."
        )
        items = [
            (
                "Principles of official statistics",
                "Official statistics are produced in accordance with the principles of professional independence, "
                "impartiality, objectivity, reliability, statistical confidentiality and cost-effectiveness, and in "
                "line with the Fundamental Principles of Official Statistics adopted by the United Nations.",
            ),
            (
                "The national statistical system",
                "The national statistical system consists of the national statistical office and of the other "
                "producers of official statistics designated by the Government, among them the bodies responsible "
                "for internal affairs, labour, border protection and migration. The national statistical office "
                "coordinates the system and approves the methodology of statistical indicators.",
            ),
            (
                "Statistical programme",
                "Statistical work is carried out under a five-year programme and annual plans adopted by the "
                "Government. The programme lists the statistics to be produced, their producers, periodicity and "
                "release dates, including the indicators on international migration, residence permits, work permits, "
                "asylum applications and decisions.",
            ),
            (
                "Use of administrative data",
                [
                    "Producers of official statistics have the right to obtain, free of charge, the administrative "
                    "data held by state bodies, including individual records, for statistical purposes. Holders of "
                    "administrative registers shall consult the national statistical office when introducing or "
                    "changing registers so that they can be used for statistics.",
                    "Migration statistics shall combine the records of residence registration, of border crossings, "
                    "of work permits and of asylum applications using common definitions and classifications.",
                ],
            ),
            (
                "Statistical confidentiality",
                "Data collected for statistical purposes shall be used exclusively for such purposes. Published "
                "statistics shall not allow the direct or indirect identification of a respondent. Employees of "
                "producers of official statistics are bound by confidentiality even after leaving their post.",
            ),
            (
                "Dissemination and international cooperation",
                "Official statistics are disseminated free of charge and simultaneously to all users according to "
                "a release calendar published in advance. The national statistical office represents the state in "
                "international statistical cooperation and may transmit aggregated data to international "
                "organisations and to regional data sharing mechanisms.",
            ),
        ]
    else:
        preamble = (
            "Настоящий Закон устанавливает правовые основы производства и распространения официальной "
            f"статистики {state}, в том числе статистики населения и миграции, формируемой на основе "
            "административных источников."
        )
        items = [
            (
                "Принципы официальной статистики",
                "Официальная статистика формируется в соответствии с принципами профессиональной независимости, "
                "беспристрастности, объективности, достоверности, статистической конфиденциальности и "
                "экономичности, а также с Основополагающими принципами официальной статистики, принятыми "
                "Организацией Объединённых Наций.",
            ),
            (
                "Национальная статистическая система",
                "Национальная статистическая система состоит из национального статистического органа и иных "
                "производителей официальной статистики, определённых Правительством, в том числе органов "
                "внутренних дел, труда, пограничной охраны и миграции. Национальный статистический орган "
                "координирует систему и утверждает методологию статистических показателей.",
            ),
            (
                "Статистическая программа",
                "Статистические работы проводятся в соответствии с пятилетней программой и годовыми планами, "
                "утверждаемыми Правительством. В программе указываются формируемые статистические показатели, их "
                "производители, периодичность и сроки публикации, включая показатели международной миграции, видов "
                "на жительство, разрешений на работу, ходатайств об убежище и решений по ним.",
            ),
            (
                "Использование административных данных",
                [
                    "Производители официальной статистики вправе безвозмездно получать административные данные "
                    "государственных органов, в том числе индивидуальные записи, для статистических целей. "
                    "Держатели административных реестров согласовывают с национальным статистическим органом "
                    "создание и изменение реестров, чтобы их можно было использовать для статистики.",
                    "Миграционная статистика объединяет сведения о регистрации по месту жительства, о пересечении "
                    "границы, о разрешениях на работу и о ходатайствах об убежище на основе единых определений и "
                    "классификаций.",
                ],
            ),
            (
                "Статистическая конфиденциальность",
                "Данные, собранные для статистических целей, используются исключительно в этих целях. "
                "Опубликованные статистические данные не должны позволять прямо или косвенно установить "
                "респондента. Работники производителей официальной статистики обязаны соблюдать "
                "конфиденциальность и после оставления должности.",
            ),
            (
                "Распространение данных и международное сотрудничество",
                "Официальная статистика распространяется бесплатно и одновременно для всех пользователей в "
                "соответствии с заранее опубликованным календарём. Национальный статистический орган представляет "
                "государство в международном статистическом сотрудничестве и вправе передавать сводные данные "
                "международным организациям и региональным механизмам обмена данными.",
            ),
        ]
    return join(
        _head(language, c, number, date) + [preamble] + articles(language, items + _final_articles(language, state, 6))
    )


def law_citizenship(language, c, number, date):
    state = _state(language, c)
    if language == "en":
        preamble = (
            f"This Law determines the grounds and procedure for acquiring and terminating the citizenship of {state}."
        )
        items = [
            (
                "Citizenship",
                "Citizenship is the stable legal bond of a person with the state. Citizens may not be "
                "deprived of citizenship or extradited to a foreign state. Nobody shall be left stateless as a "
                "result of "
                "a decision under this Law.",
            ),
            (
                "Acquisition by birth",
                "A child acquires citizenship by birth if at least one parent is a citizen, or if "
                "the child is born on the territory to stateless parents or to parents whose citizenship is unknown.",
            ),
            (
                "Naturalisation",
                [
                    "Foreign citizens and stateless persons may apply for citizenship after seven years "
                    "of lawful residence, five years for refugees and stateless persons, if they know the state "
                    "language at "
                    "a basic level and have a lawful source of income.",
                    "Applications for citizenship are submitted to the "
                    "authorised body, which prepares a reasoned proposal within six months. Decisions on "
                    "applications are "
                    "taken by the President.",
                ],
            ),
            (
                "Reduction of statelessness",
                "Stateless persons who have lived in the country for at least ten years "
                "may acquire citizenship under a simplified procedure, without a language test. The authorised body "
                "shall identify stateless persons and inform them of their rights.",
            ),
            (
                "Termination of citizenship",
                "Citizenship is terminated by renunciation at the request of the citizen, "
                "provided that the person has acquired or has been guaranteed another citizenship, or by annulment "
                "of a "
                "decision taken on the basis of false documents.",
            ),
            _statistics_article(
                "en", "applications for citizenship, decisions on them and stateless persons identified", state
            ),
        ]
    else:
        preamble = f"Настоящий Закон определяет основания и порядок приобретения и прекращения гражданства {state}."
        items = [
            (
                "Гражданство",
                "Гражданство — устойчивая правовая связь человека с государством. Гражданин не может "
                "быть лишён гражданства или выдан иностранному государству. Никто не должен стать лицом без "
                "гражданства в результате решения, принятого на основании настоящего Закона.",
            ),
            (
                "Приобретение гражданства по рождению",
                "Ребёнок приобретает гражданство по рождению, если хотя бы "
                "один из его родителей является гражданином либо если ребёнок родился на территории государства у "
                "лиц без гражданства или у родителей, гражданство которых неизвестно.",
            ),
            (
                "Приём в гражданство",
                [
                    "Иностранные граждане и лица без гражданства вправе обратиться с заявлением о "
                    "приёме в гражданство после семи лет законного проживания, беженцы и лица без гражданства — после "
                    "пяти лет, при условии владения государственным языком на базовом уровне и наличия законного "
                    "источника средств к существованию.",
                    "Заявления о приёме в гражданство подаются в уполномоченный "
                    "орган, который в течение шести месяцев готовит мотивированное заключение. Решения по заявлениям "
                    "принимает Президент.",
                ],
            ),
            (
                "Сокращение безгражданства",
                "Лица без гражданства, проживающие в стране не менее десяти лет, вправе "
                "приобрести гражданство в упрощённом порядке без экзамена по языку. Уполномоченный орган выявляет лиц "
                "без гражданства и разъясняет им их права.",
            ),
            (
                "Прекращение гражданства",
                "Гражданство прекращается вследствие выхода из гражданства по заявлению "
                "гражданина при условии, что он приобрёл другое гражданство или имеет гарантию его приобретения, либо "
                "вследствие отмены решения, принятого на основании подложных документов.",
            ),
            _statistics_article(
                "ru", "заявлений о приёме в гражданство, решений по ним и выявленных лиц без гражданства", state
            ),
        ]
    return join(
        _head(language, c, number, date) + [preamble] + articles(language, items + _final_articles(language, state))
    )


def law_border(language, c, number, date):
    state = _state(language, c)
    if language == "en":
        preamble = f"This Law governs the state border of {state}, the crossing of the border and border control."
        items = [
            (
                "Crossing the border",
                "Persons, vehicles and goods cross the state border at the border crossing points "
                "established by the Government, upon presentation of valid travel documents and, where required, "
                "visas. "
                "Crossing the border outside the crossing points is prohibited except in emergencies.",
            ),
            (
                "Border control",
                "Border control comprises the checking of documents, of persons and of vehicles. "
                "Border guards shall treat every person with dignity. A person who expresses the wish to seek asylum "
                "at the border shall not be refused entry before the application is forwarded to the authorised body.",
            ),
            (
                "Refusal of entry",
                "Entry is refused to foreigners without valid documents, to persons banned from entry "
                "and to persons who cannot show sufficient means of subsistence. The refusal is given in writing with "
                "the reasons and may be appealed.",
            ),
            (
                "Records of border crossings",
                [
                    "The border service keeps an automated record of every entry and exit of "
                    "citizens, foreigners and stateless persons, with the date, the crossing point, the citizenship, "
                    "the "
                    "declared purpose of the trip and the sex and age of the person.",
                    "Anonymised data on entries and exits "
                    "of foreigners are transmitted monthly to the national statistical office and to the migration "
                    "service "
                    "and form the basis of the indicators on foreigners entering and leaving the country.",
                ],
            ),
            (
                "Cooperation with neighbouring states",
                "The border service cooperates with the border authorities of "
                "neighbouring states, exchanges statistical information with them and holds joint analyses of risks, "
                "including irregular migration and trafficking in human beings.",
            ),
            _statistics_article("en", "entries and exits of foreigners and stateless persons", state),
        ]
    else:
        preamble = (
            f"Настоящий Закон регулирует вопросы государственной границы {state}, порядок её пересечения и "
            "пограничного контроля."
        )
        items = [
            (
                "Пересечение государственной границы",
                "Лица, транспортные средства и грузы пересекают государственную "
                "границу в пунктах пропуска, установленных Правительством, при предъявлении действительных "
                "документов, а в необходимых случаях и виз. Пересечение границы вне пунктов пропуска запрещается, "
                "за исключением чрезвычайных ситуаций.",
            ),
            (
                "Пограничный контроль",
                "Пограничный контроль включает проверку документов, лиц и транспортных "
                "средств. Пограничники обязаны уважать достоинство каждого человека. Лицу, заявившему о желании "
                "ходатайствовать об убежище на границе, не может быть отказано во въезде до передачи его ходатайства "
                "в уполномоченный орган.",
            ),
            (
                "Отказ во въезде",
                "Во въезде отказывается иностранцам, не имеющим действительных документов, лицам, "
                "въезд которым запрещён, и лицам, не подтвердившим наличие достаточных средств к существованию. Отказ "
                "оформляется письменно с указанием причин и может быть обжалован.",
            ),
            (
                "Учёт пересечений границы",
                [
                    "Пограничная служба ведёт автоматизированный учёт каждого въезда и выезда "
                    "граждан, иностранцев и лиц без гражданства с указанием даты, пункта пропуска, гражданства, "
                    "заявленной цели поездки, пола и возраста.",
                    "Обезличенные данные о въезде и выезде иностранцев "
                    "ежемесячно передаются в орган государственной статистики и миграционную службу и служат основой "
                    "показателей о числе иностранцев, въехавших в страну и выехавших из неё.",
                ],
            ),
            (
                "Сотрудничество с сопредельными государствами",
                "Пограничная служба сотрудничает с пограничными "
                "ведомствами сопредельных государств, обменивается с ними статистической информацией и проводит "
                "совместный анализ рисков, в том числе незаконной миграции и торговли людьми.",
            ),
            _statistics_article("ru", "въездов и выездов иностранцев и лиц без гражданства", state),
        ]
    return join(
        _head(language, c, number, date) + [preamble] + articles(language, items + _final_articles(language, state))
    )


def law_trafficking(language, c, number, date):
    state = _state(language, c)
    if language == "en":
        preamble = (
            f"This Law establishes the measures to prevent and combat trafficking in human beings in {state} "
            "and to protect and assist its victims."
        )
        items = [
            (
                "Terms used",
                "Trafficking in human beings means the recruitment, transportation, transfer, harbouring "
                "or receipt of persons by means of threat, force, deception or abuse of a position of vulnerability "
                "for "
                "the purpose of exploitation. A victim of trafficking is a person subjected to such acts, regardless "
                "of "
                "his or her consent to the intended exploitation.",
            ),
            (
                "National coordinator",
                "The Government appoints a national coordinator who leads the inter-agency "
                "commission, prepares the national action plan and reports annually on its implementation.",
            ),
            (
                "Identification of victims",
                "Law enforcement officers, labour inspectors, border guards, social workers "
                "and the staff of migration services shall be trained to identify victims, in particular among labour "
                "migrants and asylum-seekers, and shall refer them to assistance within twenty-four hours.",
            ),
            (
                "Assistance to victims",
                [
                    "Victims receive safe accommodation, medical and psychological care, legal aid "
                    "and interpretation free of charge, whether or not they cooperate with the investigation.",
                    "Foreign "
                    "victims receive a reflection period of thirty days and a temporary residence permit for the "
                    "duration of "
                    "the proceedings; their voluntary and safe return is organised with international organisations.",
                ],
            ),
            (
                "National referral mechanism",
                "The national coordinator keeps the national referral mechanism, which "
                "records every identified victim and every referral to assistance, by sex, age, citizenship and form "
                "of "
                "exploitation, and shares anonymised figures with the statistical office.",
            ),
            _statistics_article("en", "identified victims of trafficking and criminal cases of trafficking", state),
        ]
    else:
        preamble = (
            "Настоящий Закон устанавливает меры по предупреждению торговли людьми и борьбе с ней на "
            f"территории {state}, а также по защите пострадавших и оказанию им помощи."
        )
        items = [
            (
                "Основные понятия",
                "Торговля людьми — вербовка, перевозка, передача, укрывательство или получение "
                "людей путём угрозы, применения силы, обмана или злоупотребления уязвимым положением в целях "
                "эксплуатации. Жертва торговли людьми — лицо, подвергшееся таким действиям, независимо от его "
                "согласия на предполагаемую эксплуатацию.",
            ),
            (
                "Национальный координатор",
                "Правительство назначает национального координатора, который возглавляет "
                "межведомственную комиссию, готовит национальный план действий и ежегодно отчитывается о его "
                "выполнении.",
            ),
            (
                "Выявление жертв торговли людьми",
                "Сотрудники правоохранительных органов, трудовые инспекторы, "
                "пограничники, социальные работники и сотрудники миграционных служб проходят обучение выявлению жертв, "
                "в том числе среди трудовых мигрантов и лиц, ищущих убежища, и в течение суток направляют их для "
                "получения помощи.",
            ),
            (
                "Помощь жертвам",
                [
                    "Жертвам бесплатно предоставляются безопасное жильё, медицинская и психологическая "
                    "помощь, юридическая помощь и услуги переводчика независимо от их сотрудничества со следствием.",
                    "Иностранным гражданам, ставшим жертвами, предоставляется период восстановления продолжительностью "
                    "тридцать дней и временный вид на жительство на время производства по делу; их добровольное и "
                    "безопасное возвращение организуется совместно с международными организациями.",
                ],
            ),
            (
                "Национальный механизм перенаправления",
                "Национальный координатор ведёт национальный механизм "
                "перенаправления, в котором учитывается каждая выявленная жертва и каждое направление для получения "
                "помощи по полу, возрасту, гражданству и форме эксплуатации.",
            ),
            _statistics_article("ru", "выявленных жертв торговли людьми и уголовных дел о торговле людьми", state),
        ]
    return join(
        _head(language, c, number, date) + [preamble] + articles(language, items + _final_articles(language, state))
    )
