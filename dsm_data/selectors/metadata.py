"""National metadata as the pages read it: when each country's texts last changed, and their versions
side by side with what each changed from the one before (difflib, word by word)."""

import difflib
import re
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import Coalesce
from django.utils.text import capfirst

from ..models import NationalMetadata

TEXT_FIELDS = NationalMetadata.TEXT_FIELDS
_WORDS = re.compile(r"(\s+)")

SAME, ADDED, REMOVED = "same", "added", "removed"


def with_last_change(metadata):
    """The queryset ``metadata`` with ``last_changed``: its latest version's time, else when it was saved."""
    return metadata.annotate(last_changed=Coalesce(Max("versions__changed_at"), "updated_at"))


def word_changes(before, after):
    """[(SAME | ADDED | REMOVED, text)]: ``after`` told as the words it kept, added and removed from ``before``."""
    old, new = _WORDS.split(before or ""), _WORDS.split(after or "")
    parts = []
    for tag, old_start, old_end, new_start, new_end in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag == "equal":
            parts.append((SAME, "".join(new[new_start:new_end])))
            continue
        if old_end > old_start:
            parts.append((REMOVED, "".join(old[old_start:old_end])))
        if new_end > new_start:
            parts.append((ADDED, "".join(new[new_start:new_end])))
    return [part for part in parts if part[1]]


@dataclass
class ShownText:
    language: str
    language_name: str
    text: str
    changed: bool
    parts: list  # word_changes from the previous version, when changed


@dataclass
class ShownVersion:
    version: object  # a NationalMetadataVersion, or None for texts saved before any version
    fields: list  # [(label, [ShownText])]: every field with a text in this version or the one before
    changed_fields: list  # labels of the fields this version changed


def metadata_history(metadata):
    """Its versions, newest first, each with what it changed from the one before it."""
    versions = list(metadata.versions.select_related("changed_by", "changed_by_country").order_by("changed_at", "pk"))
    shown, previous = [], None
    for version in versions:
        shown.append(_shown(version, version.texts, previous))
        previous = version.texts
    return list(reversed(shown))


def _shown(version, texts, previous):
    languages = dict(settings.LANGUAGES)
    fields, changed_fields = [], []
    for name in TEXT_FIELDS:
        label = capfirst(NationalMetadata._meta.get_field(name).verbose_name)
        now, before = texts.get(name) or {}, (previous or {}).get(name) or {}
        shown_texts = []
        for language in [*languages, *sorted((set(now) | set(before)) - set(languages))]:
            text, old = now.get(language, ""), before.get(language, "")
            if not text and not old:
                continue
            changed = previous is not None and text != old
            parts = word_changes(old, text) if changed else []
            shown_texts.append(ShownText(language, languages.get(language, language), text, changed, parts))
        if shown_texts:
            fields.append((label, shown_texts))
        if any(item.changed for item in shown_texts):
            changed_fields.append(label)
    return ShownVersion(version, fields, changed_fields)


def current_texts(metadata):
    """The texts as they stand, shown like a version (for metadata no change of which was recorded yet)."""
    return _shown(None, {name: getattr(metadata, name) or {} for name in TEXT_FIELDS}, None)
