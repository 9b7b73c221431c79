"""The documents of the relevance corpus (``relevance_corpus``): excerpts of laws, conventions and reports in
Russian, Ukrainian and English, written to read like the documents they stand for. No Django import.
"""

import datetime


def _document(key, title, text, *, language, country, type, date, summary="", topics="", title_en=""):
    return {
        "key": key,
        "title": title,
        "title_en": title_en,
        "summary": summary,
        "text": " ".join(text.split()),
        "language": language,
        "country": country,
        "type": type,
        "date": date,
        "topics": topics,
    }


DOCUMENTS = [
    _document(
        "kaz-refugees",
        "Закон Республики Казахстан «О беженцах»",
        """Настоящий Закон регулирует общественные отношения, возникающие в связи с предоставлением убежища,
        и определяет правовое положение лиц, ищущих убежища, и беженцев. Лицо, ищущее убежища, вправе обратиться
        с ходатайством о присвоении статуса беженца в территориальное подразделение уполномоченного органа.
        Ходатайство рассматривается комиссией в срок не более трех месяцев со дня его регистрации.
        На время рассмотрения ходатайства лицу выдается свидетельство лица, ищущего убежища. Беженцы имеют право
        на труд, на охрану здоровья и на образование наравне с гражданами. Беженцу выдается удостоверение беженца
        сроком на один год с последующим продлением. Не допускается высылка беженца в страну, где его жизни или
        свободе угрожает опасность по признаку расы, вероисповедания, гражданства, национальности, принадлежности
        к определенной социальной группе или политических убеждений. Статус беженца утрачивается, если лицо
        добровольно вновь воспользовалось защитой страны своей гражданской принадлежности. Члены семьи беженца
        пользуются теми же правами, что и беженец. Решение об отказе в присвоении статуса беженца может быть
        обжаловано в суд.""",
        language="ru",
        country="KAZ",
        type="law",
        date=datetime.date(2009, 12, 4),
        topics="убежище; беженцы",
        title_en="Law of the Republic of Kazakhstan on Refugees",
    ),
    _document(
        "kaz-migration",
        "Закон Республики Казахстан «О миграции населения»",
        """Настоящий Закон регулирует общественные отношения в области миграции населения, определяет
        основные направления государственной политики в этой области и правовые основы регулирования
        миграционных процессов. Трудовые мигранты прибывают в страну для выполнения работ у работодателей -
        физических лиц в домашнем хозяйстве. Работодатели привлекают иностранную рабочую силу в пределах квоты
        на основании разрешения местного исполнительного органа. Иммигранты регистрируются органами внутренних
        дел в течение пяти суток после прибытия. Внутренние мигранты, переселяющиеся из одной местности в другую,
        обязаны зарегистрироваться по новому месту жительства. Оралманы и члены их семей включаются в региональную
        квоту приема. Центры адаптации и интеграции оказывают временное проживание и консультации по вопросам
        трудоустройства. Государство содействует добровольному возвращению эмигрантов.""",
        language="ru",
        country="KAZ",
        type="law",
        date=datetime.date(2011, 7, 22),
        topics="миграция; трудовая миграция",
    ),
    _document(
        "kaz-labour-code",
        "Трудовой кодекс Республики Казахстан",
        """Трудовое законодательство основывается на Конституции и состоит из настоящего Кодекса и иных
        нормативных правовых актов. Трудовой договор заключается в письменной форме в двух экземплярах.
        Работодатель обязан предоставлять работнику работу, обусловленную трудовым договором. Продолжительность
        рабочего времени не может превышать сорока часов в неделю. Работнику предоставляется ежегодный
        оплачиваемый трудовой отпуск продолжительностью двадцать четыре календарных дня. Заработная плата
        выплачивается не реже одного раза в месяц. Работодатель обеспечивает безопасные условия труда и обучение
        работников правилам охраны труда. Сверхурочная работа допускается с письменного согласия работника.
        Работник вправе расторгнуть трудовой договор, предупредив работодателя за один месяц. Иностранцы и лица без
        гражданства заключают трудовой договор при наличии разрешения на работу, выданного местным исполнительным
        органом. Разрешение на работу не требуется иностранцам, постоянно проживающим в стране. При прекращении
        действия разрешения на работу трудовой договор с иностранцем расторгается. Коллективный договор
        заключается между работодателем и представителями работников.""",
        language="ru",
        country="KAZ",
        type="law",
        date=datetime.date(2015, 11, 23),
        topics="труд; трудовые отношения",
    ),
    _document(
        "kaz-labour-disputes",
        "Указ «О разрешении трудовых споров»",
        """Индивидуальные трудовые споры по работе рассматриваются согласительными комиссиями, а по вопросам,
        не урегулированным ими, судами. Согласительная комиссия создается на паритетной основе из равного числа
        представителей работодателя и работников. Разрешение спора в согласительной комиссии производится в
        течение пятнадцати рабочих дней со дня регистрации заявления. Работник обращается с заявлением по
        вопросам восстановления на работе в течение одного месяца. Решение комиссии по разрешению трудового спора
        подлежит исполнению в течение трех дней. Коллективные трудовые споры разрешаются примирительной
        комиссией, а при недостижении согласия - трудовым арбитражем. Разрешение коллективного спора о работе
        предприятия не освобождает стороны от исполнения коллективного договора.""",
        language="ru",
        country="KAZ",
        type="decree",
        date=datetime.date(2016, 3, 1),
        topics="трудовые споры",
    ),
    _document(
        "kaz-foreigners",
        "Закон Республики Казахстан «О правовом положении иностранцев»",
        """Иностранцы в Республике пользуются теми же правами и свободами, а также несут те же обязанности, что
        и граждане, если иное не предусмотрено законом. Иностранцами признаются лица, не являющиеся гражданами
        Республики и имеющие доказательства своей принадлежности к гражданству иностранного государства.
        Иностранцы могут постоянно или временно проживать на территории страны. Иностранцу, постоянно
        проживающему в стране, выдается вид на жительство иностранца. Иностранцы обязаны регистрировать
        национальные паспорта в органах внутренних дел. Иностранец может быть выдворен за пределы страны, если
        его действия противоречат интересам государственной безопасности. Иностранцы не могут избирать и быть
        избранными, а также участвовать в референдуме.""",
        language="ru",
        country="KAZ",
        type="law",
        date=datetime.date(1995, 6, 19),
        topics="иностранцы; правовой статус",
    ),
    _document(
        "kaz-civil-code",
        "Гражданский кодекс Республики Казахстан (Общая часть)",
        """Гражданское законодательство регулирует товарно-денежные и иные имущественные отношения, а также
        связанные с ними личные неимущественные отношения. Способность иметь гражданские права и нести обязанности
        признается в равной мере за всеми гражданами. Иностранцы, лица без гражданства и беженцы пользуются
        гражданскими правами наравне с гражданами, если иное не установлено законодательными актами. Местом
        жительства признается место, где гражданин постоянно или преимущественно проживает. Гражданин может быть
        признан безвестно отсутствующим, если в течение года в месте его жительства нет сведений о месте его
        пребывания. Сделки совершаются устно или в письменной форме. Общий срок исковой давности устанавливается в
        три года. Право собственности на имущество, имеющее собственника, может быть приобретено другим лицом на
        основании договора.""",
        language="ru",
        country="KAZ",
        type="law",
        date=datetime.date(1994, 12, 27),
        topics="гражданское право",
    ),
    _document(
        "kaz-criminal-code",
        "Уголовный кодекс Республики Казахстан",
        """Уголовное законодательство состоит из настоящего Кодекса и основывается на Конституции и
        общепризнанных принципах международного права. Торговля людьми, то есть купля-продажа или совершение
        иных сделок в отношении человека, а равно его эксплуатация, наказывается лишением свободы. Организация
        незаконной миграции, то есть организация незаконного въезда в страну, пребывания в ней или транзитного
        проезда иностранцев и лиц без гражданства, влечет уголовную ответственность. Незаконное пересечение
        государственной границы наказывается штрафом или лишением свободы. Действие этой статьи не
        распространяется на случаи прибытия иностранцев для использования права политического убежища, если в их
        действиях нет иного состава преступления. Беженцы не подлежат уголовной ответственности за незаконный
        въезд, если они незамедлительно обратились к властям.""",
        language="ru",
        country="KAZ",
        type="law",
        date=datetime.date(2014, 7, 3),
        topics="уголовное право; торговля людьми",
    ),
    _document(
        "kaz-migration-concept",
        "Концепция миграционной политики Республики Казахстан на 2017-2021 годы",
        """Концепция определяет цели, задачи и основные направления миграционной политики. Миграционные
        процессы оказывают возрастающее влияние на демографическое и экономическое развитие. Ежегодно в страну
        въезжают более полутора миллионов иностранных граждан. Сохраняется отток квалифицированных кадров за
        рубеж. Целью политики является регулирование миграционных потоков для устойчивого развития экономики.
        Предусматривается упрощение процедур привлечения квалифицированной иностранной рабочей силы и
        совершенствование учета мигрантов. Будет продолжено сотрудничество с международными организациями в
        вопросах противодействия незаконной миграции.""",
        language="ru",
        country="KAZ",
        type="policy",
        date=datetime.date(2017, 9, 29),
        topics="миграционная политика",
    ),
    _document(
        "ukr-refugees",
        "Закон України «Про біженців та осіб, які потребують додаткового або тимчасового захисту»",
        """Цей Закон регулює суспільні відносини у сфері визнання особи біженцем, особою, яка потребує
        додаткового захисту, надання тимчасового захисту, втрати і позбавлення цих статусів. Особа, яка з
        наміром бути визнаною біженцем перетнула державний кордон, повинна звернутися із заявою протягом п'яти
        робочих днів. Рішення про визнання біженцем приймається центральним органом виконавчої влади. Біженці
        мають право на працевлаштування, на медичну допомогу та на освіту нарівні з громадянами. Біженцю
        видається посвідчення біженця та проїзний документ для виїзду за кордон. Біженець не може бути
        висланий або примусово повернений до країни, де його життю або свободі загрожує небезпека. Члени сім'ї
        біженця мають такі ж права. Рішення про відмову у визнанні біженцем може бути оскаржене до суду.""",
        language="uk",
        country="UKR",
        type="law",
        date=datetime.date(2011, 7, 8),
        topics="біженці; додатковий захист",
    ),
    _document(
        "ukr-foreigners",
        "Закон України «Про правовий статус іноземців та осіб без громадянства»",
        """Цей Закон визначає правовий статус іноземців та осіб без громадянства, які проживають або тимчасово
        перебувають в Україні. Іноземці та особи без громадянства мають ті самі права і свободи, а також несуть
        ті самі обов'язки, що і громадяни, за винятками, встановленими Конституцією. Іноземці можуть
        іммігрувати в Україну на постійне проживання або прибути для працевлаштування на визначений термін.
        Іноземцям, які постійно проживають в Україні, видається посвідка на постійне проживання. Іноземці
        зобов'язані поважати та дотримуватися Конституції і законів. Іноземця може бути примусово видворено, якщо
        його дії порушують законодавство про правовий статус іноземців.""",
        language="uk",
        country="UKR",
        type="law",
        date=datetime.date(2011, 9, 22),
        topics="іноземці",
    ),
    _document(
        "ukr-citizenship",
        "Закон України «Про громадянство України»",
        """Цей Закон визначає правовий зміст громадянства України, підстави і порядок його набуття та
        припинення, повноваження органів державної влади, що беруть участь у вирішенні питань громадянства.
        Закони про громадянство ухвалює Верховна Рада України. Громадянство України набувається за
        народженням, за територіальним походженням, внаслідок прийняття до
        громадянства, внаслідок поновлення у громадянстві та за іншими підставами. Умовами прийняття до
        громадянства є визнання і дотримання Конституції, неперервне проживання на законних підставах протягом
        останніх п'яти років та володіння державною мовою. Іноземець, який набув громадянство України, подає
        декларацію про відмову від іноземного громадянства. Громадянство України припиняється внаслідок виходу
        з громадянства або втрати громадянства.""",
        language="uk",
        country="UKR",
        type="law",
        date=datetime.date(2001, 1, 18),
        topics="громадянство",
    ),
    _document(
        "ukr-labour-code",
        "Кодекс законів про працю України",
        """Кодекс законів про працю визначає правові засади і гарантії здійснення громадянами права
        розпоряджатися своїми здібностями до праці. Трудовий договір є угода між працівником і власником
        підприємства. Нормальна тривалість робочого часу працівників не може перевищувати 40 годин на тиждень.
        Працівникам надається щорічна оплачувана відпустка тривалістю не менш як 24 календарних дні. Іноземці
        та особи без громадянства працюють за трудовим договором на підставі дозволу на застосування праці.
        Трудові спори розглядаються комісіями по трудових спорах і районними судами.""",
        language="uk",
        country="UKR",
        type="law",
        date=datetime.date(1971, 12, 10),
        topics="праця",
    ),
    _document(
        "refugee-convention",
        "Convention relating to the Status of Refugees",
        """The High Contracting Parties, considering that the Charter of the United Nations and the Universal
        Declaration of Human Rights have affirmed the principle that human beings shall enjoy fundamental rights
        and freedoms without discrimination, have agreed as follows. For the purposes of the present Convention,
        the term refugee shall apply to any person who, owing to well-founded fear of being persecuted for
        reasons of race, religion, nationality, membership of a particular social group or political opinion,
        is outside the country of his nationality. The Contracting States shall apply the provisions of this
        Convention to refugees without discrimination. The Contracting States shall not impose penalties, on
        account of their illegal entry or presence, on refugees coming directly from a territory where their
        life or freedom was threatened. No Contracting State shall expel or return a refugee in any manner
        whatsoever to the frontiers of territories where his life or freedom would be threatened. The
        Contracting States shall issue identity papers to any refugee in their territory who does not possess a
        valid travel document.""",
        language="en",
        country=None,
        type="publication",
        date=datetime.date(1951, 7, 28),
        topics="refugees; international law",
    ),
    _document(
        "refugee-protocol",
        "Protocol relating to the Status of Refugees",
        """The States Parties to the present Protocol, considering that the Convention relating to the Status of
        Refugees done at Geneva on 28 July 1951 covers only those persons who have become refugees as a result
        of events occurring before 1 January 1951, and considering that new refugee situations have arisen
        since the Convention was adopted, have agreed as follows. The States Parties undertake to apply articles
        2 to 34 inclusive of the Convention to refugees as hereinafter defined. The term refugee shall mean any
        person within the definition of article 1 of the Convention as if the words as a result of events
        occurring before 1 January 1951 were omitted. The present Protocol shall be applied without any
        geographic limitation. The States Parties undertake to co-operate with the Office of the United Nations
        High Commissioner for Refugees.""",
        language="en",
        country=None,
        type="publication",
        date=datetime.date(1967, 1, 31),
        topics="refugees; international law",
    ),
    _document(
        "migrant-workers-convention",
        "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
        """The States Parties to the present Convention, taking into account the principles embodied in the
        basic instruments of the United Nations concerning human rights, have agreed as follows. The term
        migrant worker refers to a person who is to be engaged, is engaged or has been engaged in a remunerated
        activity in a State of which he or she is not a national. Migrant workers and members of their
        families shall be free to leave any State, including their State of origin. Migrant workers shall enjoy
        treatment not less favourable than that which applies to nationals of the State of employment in
        respect of remuneration and conditions of work. Each child of a migrant worker shall have the basic
        right of access to education. Migrant workers shall have the right to transfer their earnings and
        savings to the State of origin.""",
        language="en",
        country=None,
        type="publication",
        date=datetime.date(1990, 12, 18),
        topics="labour migration; human rights",
    ),
    _document(
        "trafficking-protocol",
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children",
        """The States Parties to this Protocol, declaring that effective action to prevent and combat
        trafficking in persons, especially women and children, requires a comprehensive international approach
        in the countries of origin, transit and destination, have agreed as follows. Trafficking in persons
        shall mean the recruitment, transportation, transfer, harbouring or receipt of persons, by means of the
        threat or use of force or other forms of coercion, for the purpose of exploitation. Each State Party
        shall adopt such legislative measures as may be necessary to establish as criminal offences the
        conduct set forth in this article. Each State Party shall consider implementing measures to provide for
        the physical, psychological and social recovery of victims of trafficking. This Protocol supplements the
        United Nations Convention against Transnational Organized Crime adopted in 2000.""",
        language="en",
        country=None,
        type="publication",
        date=datetime.date(2000, 11, 15),
        topics="trafficking in persons",
    ),
    _document(
        "smuggling-protocol",
        "Protocol against the Smuggling of Migrants by Land, Sea and Air",
        """The States Parties to this Protocol, declaring that effective action to prevent and combat the
        smuggling of migrants by land, sea and air requires a comprehensive international approach, have agreed
        as follows. Smuggling of migrants shall mean the procurement, in order to obtain a financial or other
        material benefit, of the illegal entry of a person into a State Party of which the person is not a
        national. Migrants shall not become liable to criminal prosecution for the fact of having been the
        object of the conduct set forth in this Protocol. Each State Party shall take measures to ensure that
        travel or identity documents issued by it are of such quality that they cannot easily be misused. States
        Parties shall cooperate to the fullest extent possible to prevent and suppress the smuggling of migrants
        by sea.""",
        language="en",
        country=None,
        type="publication",
        date=datetime.date(2000, 11, 15),
        topics="smuggling of migrants",
    ),
    _document(
        "labour-market-report",
        "Labour market and migration statistics: annual report",
        """This report presents the main labour market indicators for the year. Employment grew by 1.8 per
        cent, while unemployment fell to 4.9 per cent. The number of work permits issued to foreign workers
        rose by twelve per cent, most of them in construction and agriculture. Remittances sent by migrant
        workers remained an important source of household income. The report also counts the persons granted
        refugee status or temporary protection during the year. Data come from the labour force survey and
        from the administrative records of the migration service.""",
        language="en",
        country="KAZ",
        type="statistical-report",
        date=datetime.date(2019, 6, 1),
        topics="statistics; labour market",
    ),
    _document(
        "border-guidelines",
        "Guidelines on integrated border management",
        """These guidelines describe how border agencies cooperate at the national and international levels.
        Border checks are carried out on every person crossing the external border. Border surveillance
        between crossing points prevents unauthorised entry. Officers refer persons who ask for international
        protection to the competent asylum authority. Training curricula should include human rights, the
        identification of victims of trafficking and the handling of travel documents. Risk analysis guides the
        deployment of staff and equipment.""",
        language="en",
        country=None,
        type="policy",
        date=datetime.date(2021, 4, 12),
        topics="border management",
    ),
    _document(
        "arm-asylum-statistics",
        "Asylum applications in Armenia, 2022",
        """The State Migration Service received 1,140 asylum applications during the year, against 620 the year
        before. Most applicants came from the Syrian Arab Republic and Iraq. The recognition rate at first
        instance was 38 per cent. Decisions were issued within an average of 74 days. Appeals were lodged against
        one third of the negative decisions.""",
        language="en",
        country="ARM",
        type="statistical-report",
        date=datetime.date(2023, 2, 15),
        topics="asylum; statistics",
    ),
]
