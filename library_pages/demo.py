"""Demo pages for `manage.py dsm_demo`; safe to run again."""

from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import HomePage

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
