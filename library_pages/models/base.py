"""What every page type of the portal shares: the fallback to the original language, the pages' version."""

import uuid

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page


class FallbackToOriginalMixin:
    """A page not yet translated is shown in its original language instead of a 404.

    ``/ru/library/x/`` routes through the Russian tree; when a page on the way has no
    live Russian version, routing goes on from the same place in the default
    language's tree. The template then shows a notice (``shown_untranslated``).
    """

    def route(self, request, path_components):
        try:
            return super().route(request, path_components)
        except Http404:
            original = self._original_for_fallback()
            if original is None:
                raise
            return original.route(request, path_components)

    def _original_for_fallback(self):
        default_locale = Locale.get_default()
        if self.locale_id == default_locale.pk:
            return None
        original = self.get_translation_or_none(default_locale)
        return original.specific if original is not None else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from ..languages import language_of, reader_language

        context["page_language"] = language_of(self)
        context["shown_untranslated"] = context["page_language"] != reader_language()
        return context


class BasePage(FallbackToOriginalMixin, Page):
    """Abstract base of our page types."""

    class Meta:
        abstract = True


class IndexPage(BasePage):
    """A section of the site listing its child pages (methodology, training, events, countries)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count_per_parent = 1
    parent_page_types = ["library_pages.HomePage"]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from ..selectors import children_in_reader_language

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


class PagesVersion(models.Model):
    """One row whose token changes whenever a page of the site, or a country, changes.

    What is costly to read and changes only with the pages (the e-library's filter
    choices and counts, the site's and the library's sections) is kept in Django's
    cache under this token (``selectors``), so that no process reads a cached value
    after a change. ``services.pages_changed`` renews it on every save, move or
    deletion of a page or a country (see ``apps``), in the transaction of the change;
    a write that bypasses ``save()`` (bulk inserts, ``update()``) calls it itself.
    """

    token = models.UUIDField(default=uuid.uuid4)

    def __str__(self):
        return str(self.token)
