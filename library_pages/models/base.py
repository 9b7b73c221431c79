"""What every page type of the portal shares: the fallback to the original language, what the
search asks of a page type, and the pages' version with what is cached under it.

The page models read what their pages show through their own managers and through
``page_trees``; they never import ``library_pages.selectors``, which reads through them
(selectors -> models -> page_trees, languages, forms).
"""

import hashlib
import uuid

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page

from dsm_data.version_tokens import current_token, read_together

from ..languages import language_of, reader_language
from ..page_trees import children_in_reader_language

# What is cached under ``PagesVersion``'s token is never read after a change; the timeout
# only frees the memory of unused entries.
CACHE_SECONDS = 24 * 60 * 60


class FallbackToOriginalMixin:
    """A page not yet translated is shown in its original language instead of a 404.

    ``/ru/library/x/`` routes through the Russian tree; when a page on the way has no
    live Russian version, routing goes on from the same place in the default
    language's tree, then in the other languages' trees (a document that exists only
    in Russian is found at its /en/ address too). The template then shows a notice
    (``shown_untranslated``) unless the page says otherwise (``is_shown_untranslated``).
    """

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            # Each translation group tries the rest of a path once: the trees fall back to one another.
            tried = request.__dict__.setdefault("_dsm_fallbacks_tried", set())
            attempt = (self.translation_key, tuple(path_components))
            if attempt in tried:
                raise
            tried.add(attempt)
            for other in self._translations_for_fallback():
                try:
                    return other.route(request, path_components)
                except Http404:
                    continue
            raise

    def _translations_for_fallback(self):
        """This page's other live translations: the default language's first."""
        default_locale = Locale.get_default()
        others = Page.objects.live().filter(translation_key=self.translation_key).exclude(locale_id=self.locale_id)
        return sorted(others.specific(), key=lambda page: (page.locale_id != default_locale.pk, page.locale_id))

    def is_shown_untranslated(self, reader_language):
        """Whether a reader of ``reader_language`` is told that this page is not translated into it yet."""
        return language_of(self) != reader_language

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_language"] = language_of(self)
        context["shown_untranslated"] = self.is_shown_untranslated(reader_language())
        return context


class BasePage(FallbackToOriginalMixin, Page):
    """Abstract base of our page types.

    A page type that the portal's search indexes names its ``search_kind`` (a kind of
    ``search.models.SearchEntry``) and says what it contributes with the methods below;
    the search asks them and knows nothing else of the page types.
    """

    search_kind = ""  # not indexed

    class Meta:
        abstract = True

    def search_texts(self):
        """(summary, body) of this translation, as plain text."""
        return "", ""

    def search_facets(self, translations):
        """The entry's facets and date (as ``SearchEntry``'s fields), where they differ from none.

        ``self`` is the first of ``translations``, the default language's when there is one.
        """
        return {"type": self.search_kind}

    @classmethod
    def search_leading_texts(cls, translations):
        """Texts searched before the translations' bodies (a document's file text)."""
        return []


class IndexPage(BasePage):
    """A section of the site listing its child pages (methodology, training, events, countries)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    parent_page_types = ["library_pages.HomePage"]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = children_in_reader_language(self)
        return context


class TextPage(BasePage):
    """Abstract: an introduction and a body of rich text."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        abstract = True


def refuse(request):
    """A page the user may not read: anonymous readers are asked to log in, others get 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


@read_together  # with the catalogue's token: the data pages read both
class PagesVersion(models.Model):
    """One row whose token changes whenever a page of the site, or a country, changes.

    What is costly to read and changes only with the pages (the e-library's filter
    choices and counts, the site's and the library's sections) is kept in Django's
    cache under this token (``cached``), so that no process reads a cached value
    after a change. ``services.pages_changed`` renews it on every save, move or
    deletion of a page or a country (see ``signals``), in the transaction of the change;
    a write that bypasses ``save()`` (bulk inserts, ``update()``) calls it itself.
    """

    token = models.UUIDField(default=uuid.uuid4)

    def __str__(self):
        return str(self.token)


def pages_version(request=None):
    """The token of the pages' current state (``PagesVersion``), None before any change; read once per ``request``.
    As the database gives it: only compared with itself, and part of a key (``dsm_data.version_tokens``)."""
    return current_token(PagesVersion, request)


def cached(parts, compute):
    """``compute()``, kept in Django's cache under ``parts`` (which include ``pages_version``)."""
    key = "library-pages:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value
