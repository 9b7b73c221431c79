"""HTML written in Python for the pages whose templates cost more than their queries."""

import html

from django.utils.safestring import mark_safe


def escaped(text):
    """``text`` escaped as a template escapes it (``conditional_escape``): safe HTML as it is, anything else
    as text. Without Django's check of every argument for a lazy translation, which on a page of a few
    hundred cells cost more than the escaping itself."""
    if hasattr(text, "__html__"):
        return text.__html__()
    return html.escape(str(text))


# A visible field of a filter form, as dsm_data/browse.html's loop wrote it: its label as ``label_tag`` writes it.
FILTER_FIELD = '\n  <div class="field">\n    <label for="{id}">{label}</label>\n    {field}\n  </div>\n  '


def filter_fields(form, kept_labels=None):
    """The fields of a filter form as HTML: the hidden ones, then each visible one with its label. Written
    here rather than by the template's loops, whose lookups for each field cost as much as its widget.

    ``kept_labels``: a dict kept for the form's class and language, in which each label is written once
    ({field name: label and suffix, escaped}), not looked up in the catalogues of translations each time.
    """
    kept_labels = {} if kept_labels is None else kept_labels
    for field in form.visible_fields():
        if field.name not in kept_labels:
            kept_labels[field.name] = escaped(field.label) + escaped(form.label_suffix)
    hidden = "".join(str(field) for field in form.hidden_fields())
    visible = "".join(
        FILTER_FIELD.format(id=escaped(field.id_for_label), label=kept_labels[field.name], field=field)
        for field in form.visible_fields()
    )
    return mark_safe(f"{hidden}\n  {visible}")  # every label escaped above, every field written by its widget
