"""Keeping the index up to date: pages published or withdrawn, indicators edited, files uploaded.

A failure to index is logged and never breaks the publication, the save or the
upload that caused it; ``python manage.py dsm_reindex`` repairs the index.
"""

import logging

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from dsm_data.models import Indicator, NationalMetadata
from library_pages.models import DocumentPage, LibraryDocument

logger = logging.getLogger(__name__)
EXTRACTION_FIELDS = ("extracted_text", "extraction_status", "extraction_error")


def safely(function, *args):
    try:
        return function(*args)
    except Exception:
        logger.exception("Search indexing failed in %s", function.__name__)
        return None


def page_changed(sender, instance, **kwargs):
    from .indexing import index_translation_group

    safely(index_translation_group, instance.translation_key)


def view_restriction_changed(sender, instance, **kwargs):
    """A page made private (or public again) takes its subtree out of the index (or back in)."""
    from .indexing import index_translation_group

    keys = Page.objects.descendant_of(instance.page, inclusive=True).values_list("translation_key", flat=True)
    for translation_key in set(keys):
        safely(index_translation_group, translation_key)


def indicator_saved(sender, instance, **kwargs):
    from .indexing import index_indicator

    safely(index_indicator, instance)


def metadata_saved(sender, instance, **kwargs):
    from .indexing import index_metadata

    safely(index_metadata, instance)


def catalogue_deleted(sender, instance, **kwargs):
    from .indexing import remove

    prefix = "indicator" if isinstance(instance, Indicator) else "metadata"
    safely(remove, [f"{prefix}:{instance.pk}"])


def file_before_save(sender, instance, **kwargs):
    """Note whether the file is new or replaced: only then is its text read again."""
    if kwargs.get("raw"):
        instance._search_file_changed = False
        return
    old = LibraryDocument.objects.filter(pk=instance.pk).values("file", "file_hash").first() if instance.pk else None
    instance._search_file_changed = old is None or (old["file"], old["file_hash"]) != (
        instance.file.name,
        instance.file_hash,
    )


def file_saved(sender, instance, created, **kwargs):
    """A new or replaced file: its text is read in the background; an upload never fails for it."""
    if not getattr(instance, "_search_file_changed", False):
        return
    from .tasks import extract_document_text

    instance._search_file_changed = False
    LibraryDocument.objects.filter(pk=instance.pk).update(
        extraction_status=LibraryDocument.Extraction.PENDING, extraction_error=""
    )
    safely(extract_document_text.enqueue, instance.pk)
    # The immediate backend has read it already: a second save of this object must not undo that.
    stored = LibraryDocument.objects.filter(pk=instance.pk).values(*EXTRACTION_FIELDS).first() or {}
    for name, value in stored.items():
        setattr(instance, name, value)


def file_before_delete(sender, instance, **kwargs):
    instance._search_translation_keys = set(
        DocumentPage.objects.filter(document=instance).values_list("translation_key", flat=True)
    )


def file_deleted(sender, instance, **kwargs):
    from .indexing import index_translation_group

    for translation_key in getattr(instance, "_search_translation_keys", ()):
        safely(index_translation_group, translation_key)


def connect():
    uid = "dsm_search"
    page_published.connect(page_changed, dispatch_uid=f"{uid}_published")
    page_unpublished.connect(page_changed, dispatch_uid=f"{uid}_unpublished")
    # On Page's own row, deleted after the page type's: no receiver for every model, which would
    # turn off Django's fast deletes everywhere.
    post_delete.connect(page_changed, sender=Page, dispatch_uid=f"{uid}_page_deleted")
    post_save.connect(view_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}_restricted")
    post_delete.connect(view_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}_unrestricted")
    post_save.connect(indicator_saved, sender=Indicator, dispatch_uid=f"{uid}_indicator")
    post_save.connect(metadata_saved, sender=NationalMetadata, dispatch_uid=f"{uid}_metadata")
    post_delete.connect(catalogue_deleted, sender=Indicator, dispatch_uid=f"{uid}_indicator_deleted")
    post_delete.connect(catalogue_deleted, sender=NationalMetadata, dispatch_uid=f"{uid}_metadata_deleted")
    pre_save.connect(file_before_save, sender=LibraryDocument, dispatch_uid=f"{uid}_file_before")
    post_save.connect(file_saved, sender=LibraryDocument, dispatch_uid=f"{uid}_file")
    pre_delete.connect(file_before_delete, sender=LibraryDocument, dispatch_uid=f"{uid}_file_before_delete")
    post_delete.connect(file_deleted, sender=LibraryDocument, dispatch_uid=f"{uid}_file_deleted")
