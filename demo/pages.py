"""Demo pages for `manage.py dsm_demo`, from the data of ``demo.content``; safe to run again.

A page that exists (same slug under the same parent) is left as it is, so a second
run creates nothing and publishes nothing. Pages are made in the default language,
then translated into each other language of the data with ``copy_for_translation``
(as an editor would), so wagtail-localize sees ordinary translations.
"""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale, Page, Site

from dsm_data.files import private_storage
from dsm_data.models import Country
from library_pages import services
from library_pages.models import (
    CountryIndexPage,
    CountryIntranetPage,
    CountryProfilePage,
    DocumentPage,
    DocumentType,
    EventIndexPage,
    EventPage,
    HomePage,
    LibraryDocument,
    LibraryIndexPage,
    LibrarySectionPage,
    MethodologyIndexPage,
    MethodologyPage,
    TrainingIndexPage,
    TrainingModulePage,
    Visibility,
    WorkPlanStatus,
)

from .content import countries as country_content
from .content import documents as document_content
from .content import events as event_content
from .content import files as content_files
from .content import methodology as methodology_content
from .content import sections as section_content
from .content import training as training_content

HOME = {
    "en": {
        "title": "Data Sharing Mechanism",
        "intro": (
            "Migration statistics, the methodology behind them, and the laws and policy "
            "papers of the participating states, shared in one place."
        ),
        "body": (
            "<p>The Data Sharing Mechanism brings together the migration authorities of the "
            "participating states. Each state's focal points submit agreed indicators: "
            "foreigners in the country, work permits, entries and exits, asylum applications "
            "and refugee status decisions. Country administrators validate them before they "
            "are shared.</p>"
            "<p>The e-library holds national legislation, policy papers, statistical reports "
            "and training material. Public material is open to everyone; officials of the "
            "participating states log in to see what is shared among them.</p>"
        ),
    },
    "ru": {
        "title": "Механизм обмена данными",
        "intro": (
            "Миграционная статистика, методология её сбора, законы и программные документы "
            "государств-участников в одном месте."
        ),
        "body": (
            "<p>Механизм обмена данными объединяет миграционные ведомства государств-участников. "
            "Координаторы каждой страны представляют согласованные показатели: иностранцы в "
            "стране, разрешения на работу, въезд и выезд, ходатайства о предоставлении убежища и "
            "решения о статусе беженца. Администраторы стран проверяют данные перед тем, как "
            "ими поделиться.</p>"
            "<p>В электронной библиотеке собраны национальное законодательство, программные "
            "документы, статистические отчёты и учебные материалы. Открытые материалы доступны "
            "всем; сотрудники государств-участников входят в систему, чтобы видеть то, чем "
            "они обмениваются между собой.</p>"
        ),
    },
}


def _publish(page, content):
    """Publish ``content`` on ``page`` unless it is live with that content already."""
    if page.live and all(getattr(page, field) == value for field, value in content.items()):
        return page
    for field, value in content.items():
        setattr(page, field, value)
    page.save_revision().publish()
    return page


@transaction.atomic
def load_home_pages():
    """One home page per language, the default one as the root of the default site."""
    default_locale = Locale.get_default()
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's migrations leave a placeholder "Welcome" page with a site on it.
        Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
        home = root.add_child(instance=HomePage(slug="home", **HOME[default_locale.language_code]))
    _publish(home, HOME[default_locale.language_code])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "DSM"},
    )
    for language_code, content in HOME.items():
        if language_code == default_locale.language_code:
            continue
        locale = Locale.objects.get(language_code=language_code)
        translation = home.get_translation_or_none(locale) or home.copy_for_translation(locale)
        _publish(translation, content)
    return home


SECTION_ROOTS = [
    (
        LibraryIndexPage,
        "library",
        {"en": "E-library", "ru": "Электронная библиотека"},
        {
            "en": "Laws, policy papers, statistical reports and meeting documents of the participating states.",
            "ru": "Законы, программные документы, статистические отчёты и документы совещаний государств-участников.",
        },
    ),
    (
        MethodologyIndexPage,
        "methodology",
        {"en": "Methodology", "ru": "Методология"},
        {
            "en": "How the Data Sharing Mechanism defines, collects and checks its indicators.",
            "ru": "Как Механизм обмена данными определяет, собирает и проверяет свои показатели.",
        },
    ),
    (
        TrainingIndexPage,
        "training",
        {"en": "Training modules", "ru": "Учебные модули"},
        {
            "en": "The sixteen training modules of the General Model.",
            "ru": "Шестнадцать учебных модулей Общей модели.",
        },
    ),
    (
        EventIndexPage,
        "events",
        {"en": "Events", "ru": "Мероприятия"},
        {
            "en": "Technical meetings, national visits and regional meetings, with their agendas.",
            "ru": "Технические совещания, национальные визиты и региональные встречи с их повестками дня.",
        },
    ),
    (
        CountryIndexPage,
        "countries",
        {"en": "Countries", "ru": "Страны"},
        {
            "en": "The participating states: their migration institutions, documents and public figures.",
            "ru": "Государства-участники: миграционные учреждения, документы и открытые данные.",
        },
    ),
]


# The e-library section of documents given without one (training handouts).
HANDOUT_SECTION = "dsm-core-documents"


def text(value, language):
    """A text of the demo data in ``language`` (a plain string is the same in every language)."""
    if isinstance(value, dict):
        return value.get(language) or value.get(settings.LANGUAGE_CODE) or ""
    return value or ""


def paragraphs(value, language):
    """Rich text from a text or a list of texts, one paragraph each."""
    items = value if isinstance(value, list) else [part for part in text(value, language).split("\n\n") if part]
    return "".join(f"<p>{escape(text(item, language))}</p>" for item in items)


def bullets(items, language):
    return "<ul>" + "".join(f"<li>{escape(text(item, language))}</li>" for item in items) + "</ul>"


def data_languages():
    """The content languages with a Wagtail locale, the default one first."""
    default = Locale.get_default()
    others = Locale.objects.exclude(pk=default.pk).filter(
        language_code__in=[code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    )
    return [default, *others]


def ensure_page(parent, model, slug, fields, children=None):
    """The page ``slug`` under ``parent``: created and published once, in every language, else left alone.

    ``fields(language)`` gives the page's fields, ``children(language)`` its child
    objects as {relation name: [field dicts]}, the same number in every language.
    """
    existing = services.child_with_slug(parent, slug)
    if existing is not None:
        return existing
    children = children or (lambda language: {})
    default, *others = data_languages()
    page = model(slug=slug, **fields(default.language_code))
    for relation, items in children(default.language_code).items():
        child_model = page._meta.get_field(relation).related_model
        setattr(page, relation, [child_model(**item) for item in items])
    parent.add_child(instance=page)
    services.publish(page)
    for locale in others:
        translated_parent = parent.get_translation_or_none(locale)
        if translated_parent is None:
            continue
        translation = page.copy_for_translation(locale)
        for name, value in fields(locale.language_code).items():
            setattr(translation, name, value)
        for relation, items in children(locale.language_code).items():
            objects = list(getattr(translation, relation).all())
            for child, item in zip(objects, items, strict=True):
                for name, value in item.items():
                    setattr(child, name, value)
            setattr(translation, relation, objects)
        services.publish(translation)
    return page


def ensure_file(title, filename, content):
    """A library file with ``content``; a file already in the private storage with those bytes is reused."""
    name = f"documents/{filename}"
    document = LibraryDocument.objects.filter(file=name).first()
    if document is not None:
        return document
    document = LibraryDocument(title=title)
    storage = private_storage()
    if storage.exists(name) and storage.size(name) == len(content):
        with storage.open(name) as existing:
            same = existing.read() == content
        if same:
            document.file.name = name
    if not document.file:
        document.file.save(filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _topics(slugs, language):
    return "; ".join(text(document_content.TOPICS.get(slug, slug), language) for slug in slugs)


def load_library(library):
    sections = {}
    for section in section_content.SECTIONS:
        sections[section["slug"]] = ensure_page(
            library,
            LibrarySectionPage,
            section["slug"],
            lambda language, section=section: {
                "title": text(section["title"], language),
                "intro": text(section["intro"], language),
                "number": section["number"],
            },
        )
    countries = {country.code: country for country in Country.objects.all()}
    documents = {}
    for item in document_content.DOCUMENTS:
        section = sections[item["section"]]
        if services.child_with_slug(section, item["slug"]) is None:
            filename, content = content_files.render_document(item)
            file = ensure_file(text(item["title"], item["language"]), filename, content)
        else:
            file = None
        documents[item["slug"]] = ensure_page(
            section,
            DocumentPage,
            item["slug"],
            lambda language, item=item, file=file: {
                "title": text(item["title"], language),
                "document_type": DocumentType(item["type"]),
                "country": countries.get(item["country"]) if item["country"] else None,
                "issuing_body": text(item.get("issuing_body"), language),
                "date": item["date"],
                "language": item["language"],
                "topics": _topics(item.get("topics", []), language),
                "summary": text(item.get("summary"), language),
                "document": file,
                "visibility": Visibility(item["visibility"]),
            },
        )
    return sections, documents


def load_handout(section, handout):
    if services.child_with_slug(section, handout["slug"]) is None:
        language = handout["language"]
        title = text(handout["title"], language)
        file = ensure_file(title, f"{handout['slug']}.pdf", content_files.render_pdf(title, handout["body"], language))
    else:
        file = None
    return ensure_page(
        section,
        DocumentPage,
        handout["slug"],
        lambda language: {
            "title": text(handout["title"], language),
            "document_type": DocumentType.TRAINING,
            "language": handout["language"],
            "document": file,
            "visibility": Visibility.PUBLIC,
        },
    )


def load_training(index, section):
    for module in training_content.MODULES:
        handout = load_handout(section, module["handout"]) if module.get("handout") else None
        ensure_page(
            index,
            TrainingModulePage,
            module["slug"],
            lambda language, module=module: {
                "title": text(module["title"], language),
                "number": module["number"],
                "audience": text(module.get("audience"), language),
                "duration": text(module.get("duration"), language),
                "objectives": bullets(module.get("objectives", []), language),
                "content": paragraphs(module.get("content", []), language),
            },
            lambda language, handout=handout: {"attachments": [{"document_page": handout}] if handout else []},
        )


def load_methodology(index):
    for item in methodology_content.PAGES:
        ensure_page(
            index,
            MethodologyPage,
            item["slug"],
            lambda language, item=item: {
                "title": text(item["title"], language),
                "intro": text(item.get("intro"), language),
                "body": paragraphs(item.get("body", []), language),
            },
        )


def _time(value):
    return datetime.time.fromisoformat(value) if isinstance(value, str) and value else value or None


def load_events(index, documents):
    for event in event_content.EVENTS:
        ensure_page(
            index,
            EventPage,
            event["slug"],
            lambda language, event=event: {
                "title": text(event["title"], language),
                "start_date": event["start_date"],
                "end_date": event.get("end_date"),
                "place": text(event.get("place"), language),
                "summary": text(event.get("summary"), language),
            },
            lambda language, event=event: {
                "agenda_items": [
                    {
                        "day": item.get("day", 1),
                        "start_time": _time(item.get("time")),
                        "end_time": _time(item.get("end_time")),
                        "title": text(item["title"], language),
                        "speakers": text(item.get("speakers"), language),
                    }
                    for item in event.get("agenda", [])
                ],
                "linked_documents": [
                    {"document_page": documents[slug]}
                    for slug in event.get("linked_documents", [])
                    if slug in documents
                ],
            },
        )


def load_countries(index):
    content = {item["code"]: item for item in country_content.COUNTRIES}
    for country in Country.objects.all():
        item = content.get(country.code, {"profile": {}, "intranet": {}})
        profile = ensure_page(
            index,
            CountryProfilePage,
            country.code.lower(),
            lambda language, country=country, item=item: {
                "title": country.name.get(language) or str(country),
                "country": country,
                "overview": paragraphs(item["profile"].get("overview", ""), language),
            },
            lambda language, item=item: {
                "institutions": [
                    {
                        "name": text(institution["name"], language),
                        "role": text(institution.get("role"), language),
                        "website": institution.get("website", ""),
                    }
                    for institution in item["profile"].get("institutions", [])
                ]
            },
        )
        ensure_page(
            profile,
            CountryIntranetPage,
            "intranet",
            lambda language, country=country: {
                "title": {"en": "Intranet", "ru": "Интранет"}.get(language, "Intranet"),
                "country": country,
            },
            lambda language, item=item: {
                "contacts": [
                    {
                        **{
                            name: text(contact.get(name), language)
                            for name in ("institution", "name", "title", "address")
                        },
                        **{name: contact.get(name, "") for name in ("phone", "email", "website")},
                    }
                    for contact in item["intranet"].get("contacts", [])
                ],
                "work_plan_items": [
                    {
                        "item": text(entry["item"], language),
                        "timeline": text(entry.get("timeline"), language),
                        "responsible_entity": text(entry.get("responsible"), language),
                        "status": WorkPlanStatus(entry.get("status", WorkPlanStatus.PLANNED)),
                    }
                    for entry in item["intranet"].get("work_plan", [])
                ],
            },
        )
        services.grant_section_rights(profile)


def load_section_roots(home):
    """The e-library, methodology, training, events and countries under ``home``, with their groups' rights."""
    roots = {}
    for model, slug, title, intro in SECTION_ROOTS:
        roots[model] = ensure_page(
            home,
            model,
            slug,
            lambda language, title=title, intro=intro: {
                "title": text(title, language),
                "intro": paragraphs(intro, language),
                "show_in_menus": True,
            },
        )
    for root in roots.values():
        services.grant_section_rights(root)
    return roots


@transaction.atomic
def load_pages():
    """Every demo page: the section roots, the library and its files, training, methodology, events, countries."""
    roots = load_section_roots(load_home_pages())
    sections, documents = load_library(roots[LibraryIndexPage])
    load_training(roots[TrainingIndexPage], sections[HANDOUT_SECTION])
    load_methodology(roots[MethodologyIndexPage])
    load_events(roots[EventIndexPage], documents)
    load_countries(roots[CountryIndexPage])
    return DocumentPage.objects.filter(locale=Locale.get_default()).count()
