"""Keeping the index up to date: pages published or withdrawn, indicators edited, files uploaded.

A failure to index is logged and never breaks the publication, the save or the
upload that caused it (``indexing.safely``); ``python manage.py dsm_reindex``
repairs the index. Direction: signals -> tasks -> indexing; nothing imports this
module but ``apps``, whose import connects its receivers.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from dsm_data.models import Indicator, NationalMetadata
from library_pages.models import DocumentPage, LibraryDocument

from .indexing import index_record, index_safely, index_translation_group, record_key, remove, safely
from .tasks import extract_document_text

EXTRACTION_FIELDS = ("extracted_text", "extraction_status", "extraction_error")


@receiver(page_published, dispatch_uid="dsm_search_published")
@receiver(page_unpublished, dispatch_uid="dsm_search_unpublished")
# On Page's own row, deleted after the page type's: no receiver for every model, which would
# turn off Django's fast deletes everywhere.
@receiver(post_delete, sender=Page, dispatch_uid="dsm_search_page_deleted")
def page_changed(sender, instance, **kwargs):
    index_safely(index_translation_group, instance.translation_key)


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="dsm_search_restricted")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="dsm_search_unrestricted")
def view_restriction_changed(sender, instance, **kwargs):
    """A page made private (or public again) takes its subtree out of the index (or back in)."""
    keys = Page.objects.descendant_of(instance.page, inclusive=True).values_list("translation_key", flat=True)
    for translation_key in set(keys):
        index_safely(index_translation_group, translation_key)


@receiver(post_save, sender=Indicator, dispatch_uid="dsm_search_indicator")
@receiver(post_save, sender=NationalMetadata, dispatch_uid="dsm_search_metadata")
def catalogue_saved(sender, instance, **kwargs):
    index_safely(index_record, instance)


@receiver(post_delete, sender=Indicator, dispatch_uid="dsm_search_indicator_deleted")
@receiver(post_delete, sender=NationalMetadata, dispatch_uid="dsm_search_metadata_deleted")
def catalogue_deleted(sender, instance, **kwargs):
    index_safely(remove, [record_key(instance)])


@receiver(pre_save, sender=LibraryDocument, dispatch_uid="dsm_search_file_before")
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


@receiver(post_save, sender=LibraryDocument, dispatch_uid="dsm_search_file")
def file_saved(sender, instance, created, **kwargs):
    """A new or replaced file: its text is read in the background; an upload never fails for it."""
    if not getattr(instance, "_search_file_changed", False):
        return
    instance._search_file_changed = False
    LibraryDocument.objects.filter(pk=instance.pk).update(
        extraction_status=LibraryDocument.Extraction.PENDING, extraction_error=""
    )
    safely(extract_document_text.enqueue, instance.pk)
    # The immediate backend has read it already: a second save of this object must not undo that.
    stored = LibraryDocument.objects.filter(pk=instance.pk).values(*EXTRACTION_FIELDS).first() or {}
    for name, value in stored.items():
        setattr(instance, name, value)


@receiver(pre_delete, sender=LibraryDocument, dispatch_uid="dsm_search_file_before_delete")
def file_before_delete(sender, instance, **kwargs):
    instance._search_translation_keys = set(
        DocumentPage.objects.filter(document=instance).values_list("translation_key", flat=True)
    )


@receiver(post_delete, sender=LibraryDocument, dispatch_uid="dsm_search_file_deleted")
def file_deleted(sender, instance, **kwargs):
    for translation_key in getattr(instance, "_search_translation_keys", ()):
        index_safely(index_translation_group, translation_key)
