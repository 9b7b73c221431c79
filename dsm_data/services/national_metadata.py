"""Writes to a country's national metadata: its texts, each change kept as a version with who and when.

``save_national_metadata`` is the one path: the portal's form calls it, and so does the Wagtail
admin's form (``wagtail_hooks.NationalMetadataAdminForm``), so an edit is versioned wherever it is made.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .. import permissions
from ..models import Indicator, NationalMetadata, NationalMetadataVersion

TEXT_FIELDS = NationalMetadata.TEXT_FIELDS


def clean_text(text):
    """A text as stored: one kind of line ending (browsers send CRLF), no surrounding blanks."""
    return (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def texts_of(metadata):
    """{field: {language: text}} of every text field, blank texts left out: what a version keeps."""
    return {name: _cleaned(getattr(metadata, name)) for name in TEXT_FIELDS}


def _cleaned(texts):
    return {language: clean_text(text) for language, text in (texts or {}).items() if clean_text(text)}


def _merged(previous, texts):
    """The new texts: a field left out of ``texts`` stays as it was; so does its text in a language the
    settings no longer list (the forms do not show it, and a save must not lose it)."""
    shown = {code for code, _name in settings.LANGUAGES}
    merged = {}
    for name in TEXT_FIELDS:
        if name not in texts:
            merged[name] = previous[name]
            continue
        kept = {language: text for language, text in previous[name].items() if language not in shown}
        merged[name] = {**kept, **_cleaned({k: v for k, v in texts[name].items() if k in shown})}
    return merged


@transaction.atomic
def save_national_metadata(metadata_or_indicator_country, *, user, texts, note=""):
    """Save a country's texts for one indicator and keep the change as a version: (metadata, version).

    ``metadata_or_indicator_country``: a NationalMetadata, or an (indicator, country) pair, created
    when it has no metadata yet. ``texts``: {field: {language: text}}. A save that changes no text
    records nothing (version None); a pair is then not even written. A NationalMetadata handed in is
    saved whatever: the admin's form hands its other edits with it (indicator, country, breaks).
    The first change of texts written before the history was kept records them first, as they were.
    """
    given = metadata_or_indicator_country
    if isinstance(given, NationalMetadata):
        metadata, always_save = given, True
        country = metadata.country
    else:
        indicator, country = given
        # Two first saves of one pair at once: the indicator's row lock makes the second find the first's.
        Indicator.objects.select_for_update().filter(pk=indicator.pk).first()
        metadata = NationalMetadata.objects.filter(indicator=indicator, country=country).first()
        metadata, always_save = metadata or NationalMetadata(indicator=indicator, country=country), False
    if not permissions.can_edit_national_metadata(user, country):
        raise PermissionDenied
    stored = NationalMetadata.objects.select_for_update().filter(pk=metadata.pk).first() if metadata.pk else None
    previous = texts_of(stored) if stored else {name: {} for name in TEXT_FIELDS}
    new_texts = _merged(previous, texts)
    changed = new_texts != previous
    if not changed and not always_save:
        return (stored or metadata), None
    for name in TEXT_FIELDS:
        setattr(metadata, name, new_texts[name])
    metadata.save()
    if not changed:
        return metadata, None
    if stored and any(previous.values()) and not stored.versions.exists():
        NationalMetadataVersion.objects.create(metadata=metadata, texts=previous, changed_at=stored.updated_at)
    version = NationalMetadataVersion.objects.create(
        metadata=metadata,
        texts=new_texts,
        changed_by=user,
        changed_by_country=permissions.country_of(user),
        changed_at=timezone.now(),
        note=clean_text(note)[:300],
    )
    return metadata, version
