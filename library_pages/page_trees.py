"""Pages across the language trees: what a reader sees in their language.

Each language has its own page tree. A reader sees the live pages of their language,
plus the default language's pages not yet translated into it, at their place, plus the
pages that exist only in another language (a Russian law loaded into the Russian tree
alone is listed to English readers too, in Russian). These
reads need nothing of library_pages but ``languages``, so both the page models (an
index lists its children) and the selectors build on them without a loop.
"""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Substr
from wagtail.models import Locale, Page

from .languages import default_language, reader_language


def in_locale(language_code):
    # A subquery rather than a join on the locales: with the join, SQLite reads the
    # locales first and then has to sort every document page of a listing.
    return Q(locale__in=Locale.objects.filter(language_code=language_code))


def in_reader_language(pages):
    """Live pages in the active language; for a page without one, its default language's version; for a page
    in neither, its version in any other language (one statement, so listings stay one query)."""
    pages = pages.live()
    active, default = reader_language(), default_language()

    def has_live_version(language_code):
        # Correlated, so that it is asked only of the pages not in the active language, through the unique
        # index on (translation_key, locale): an IN list of every live page's key cost 25 ms at 10,000 documents.
        versions = pages.model.objects.live().filter(
            in_locale(language_code), translation_key=OuterRef("translation_key")
        )
        return Exists(versions)

    elsewhere = ~in_locale(active) & ~in_locale(default) & ~has_live_version(default)
    if active == default:
        return pages.filter(in_locale(active) | elsewhere)
    return pages.filter(in_locale(active) | (in_locale(default) | elsewhere) & ~has_live_version(active))


def children_in_reader_language(index):
    """The live children of ``index`` in the reader's language; a child not yet translated appears
    in the default language, at its place among its siblings (as in ``selectors.site_sections``)."""
    within = Q()
    for path in Page.objects.filter(translation_key=index.translation_key).values_list("path", flat=True):
        within |= Q(path__startswith=path)
    children = Page.objects.filter(within, depth=index.depth + 1)
    return in_reader_language(children).order_by(place_in_default_tree(index.depth + 1), "path").specific()


def place_in_default_tree(depth):
    """The place among its siblings of a page's original, in the default language: the same for all
    its translations, whichever of its siblings are translated yet, so the trees list as one."""
    originals = Page.objects.filter(in_locale(default_language()), translation_key=OuterRef("translation_key"))
    return Subquery(originals.values(place=Substr("path", (depth - 1) * Page.steplen + 1, Page.steplen))[:1])
