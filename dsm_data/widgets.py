"""A select that writes its options in Python, for the long lists of the filter forms.

Django renders a template for every option: on the data browser and the e-library's
index that took longer than the query for the page itself.
"""

from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .markup import escaped

# Lists of choices kept as HTML by each select (QuickSelect.escaped_choices), at most.
MAX_KEPT_CHOICES = 32


class QuickSelect(forms.Select):
    """One select, single or (``multiple=True``) multiple; choices may be grouped as Django's are.

    A single select writes one option per line, a multiple one writes them together:
    the markup each of the two forms had before they shared this widget.
    """

    def __init__(self, attrs=None, choices=(), *, multiple=False):
        super().__init__(attrs, choices)
        self.allow_multiple_selected = multiple
        self.kept = {}  # escaped_choices: {(choices, field, language): their HTML}

    def value_from_datadict(self, data, files, name):
        if not self.allow_multiple_selected:
            return super().value_from_datadict(data, files, name)
        getter = getattr(data, "getlist", data.get)
        return getter(name)

    def value_omitted_from_data(self, data, files, name):
        # A multiple select with nothing chosen is absent from the data (as Django's SelectMultiple).
        return False if self.allow_multiple_selected else super().value_omitted_from_data(data, files, name)

    def render(self, name, value, attrs=None, renderer=None):
        selected = set(self.format_value(value))
        separator = "" if self.allow_multiple_selected else "\n"

        def option(code, start, end):  # the longest part of a filter form: plain strings joined
            return f"{start} selected{end}" if code in selected else f"{start}{end}"

        items = [
            f'<optgroup label="{group}">{separator.join(option(*choice) for choice in choices)}</optgroup>'
            if isinstance(choices, list)
            else option(group, *choices)
            for group, choices in self.escaped_choices()
        ]
        extra = {"name": name, "multiple": True} if self.allow_multiple_selected else {"name": name}
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), **extra})
        # Every code, label and group escaped by escaped_choices, the attributes by ``attributes``.
        return mark_safe(f"<select{attributes(final_attrs)}>{separator}{separator.join(items)}{separator}</select>")

    def escaped_choices(self):
        """The choices as escaped HTML: [(code, (start of its option, end)) or (group, [(code, start, end)])],
        the option's ``selected`` mark going between start and end; each code as the selected values are.

        Kept, for choices that a form's fields share (django-filter's, which wrap the field's list), for
        those choices and the language (their labels may be lazy): a form of the data browser shows the
        same lists on every page. ``kept`` is shared by this widget's copies (a copy is shallow).
        """
        source, field = getattr(self.choices, "choices", None), getattr(self.choices, "field", None)
        if source is None:  # choices of this widget's own (a list copied with it): nothing to share
            return written_choices(self.choices)
        key = (id(source), id(field), get_language())
        kept = self.kept.get(key)
        if kept is None or kept[0] is not source or kept[1] is not field:  # (an id of choices gone, reused)
            if len(self.kept) >= MAX_KEPT_CHOICES:  # a bound on the memory of lists no longer shown
                self.kept.clear()
            kept = self.kept[key] = (source, field, written_choices(self.choices))
        return kept[2]


def written_choices(choices):
    """``QuickSelect.escaped_choices`` of ``choices``, written from them."""

    def option(code, label):
        return str(code), f'<option value="{escaped(code)}"', f">{escaped(label)}</option>"

    items = []
    for group, choices_or_label in choices:
        if isinstance(choices_or_label, (list, tuple)):
            items.append((escaped(group), [option(*choice) for choice in choices_or_label]))
        else:
            code, start, end = option(group, choices_or_label)
            items.append((code, (start, end)))
    return items


def attributes(attrs):
    """What Django's ``flatatt`` writes (the attributes with a value, sorted, then those set to True, sorted),
    without format_html's checks of each part."""
    valued = sorted((key, item) for key, item in attrs.items() if item is not None and not isinstance(item, bool))
    named = sorted(key for key, item in attrs.items() if item is True)
    return "".join(f' {escaped(key)}="{escaped(item)}"' for key, item in valued) + "".join(
        f" {escaped(key)}" for key in named
    )


class QuickInput:
    """An input (mixed into one of Django's) written in Python, as Django's template writes it: the
    data browser's year and switch fields each took a template render, together a third of its form."""

    def render(self, name, value, attrs=None, renderer=None):
        return mark_safe(written_input(self.get_context(name, value, attrs)["widget"]))  # escaped there


def written_input(widget):
    """An input of Django's, from its context (``widget``), as Django's template writes it."""
    shown = "" if widget["value"] is None else f' value="{escaped(widget["value"])}"'
    # In their order, as the template writes them (flatatt sorts them): True as a bare name, False left out.
    written = "".join(
        f" {key}" if item is True else f' {key}="{escaped(item)}"'
        for key, item in widget["attrs"].items()
        if item is not False
    )
    return f'<input type="{widget["type"]}" name="{escaped(widget["name"])}"{shown}{written}>'


class QuickNumberInput(QuickInput, forms.NumberInput):
    """Django's number input, written in Python."""


class QuickCheckboxInput(QuickInput, forms.CheckboxInput):
    """Django's checkbox, written in Python."""


class QuickMultipleHiddenInput(forms.MultipleHiddenInput):
    """Django's hidden inputs of a list of values (one input each), written in Python: its template, one
    template for each input, took as long as every select of the data browser's form together."""

    def render(self, name, value, attrs=None, renderer=None):
        subwidgets = self.get_context(name, value, attrs)["widget"]["subwidgets"]
        return mark_safe("".join(written_input(widget) for widget in subwidgets))  # escaped there
