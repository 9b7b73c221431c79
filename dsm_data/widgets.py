"""A select that writes its options in Python, for the long lists of the filter forms.

Django renders a template for every option: on the data browser and the e-library's
index that took longer than the query for the page itself.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe

from .markup import escaped


class QuickSelect(forms.Select):
    """One select, single or (``multiple=True``) multiple; choices may be grouped as Django's are.

    A single select writes one option per line, a multiple one writes them together:
    the markup each of the two forms had before they shared this widget.
    """

    def __init__(self, attrs=None, choices=(), *, multiple=False):
        super().__init__(attrs, choices)
        self.allow_multiple_selected = multiple

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

        def option(code, label):  # the longest part of a filter form: plain strings, without format_html's checks
            mark = " selected" if str(code) in selected else ""
            return f'<option value="{escaped(code)}"{mark}>{escaped(label)}</option>'

        items = [
            f'<optgroup label="{escaped(group)}">{separator.join(option(*choice) for choice in choices)}</optgroup>'
            if isinstance(choices, (list, tuple))
            else option(group, choices)
            for group, choices in self.choices
        ]
        extra = {"name": name, "multiple": True} if self.allow_multiple_selected else {"name": name}
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), **extra})
        # Every code, label and group escaped above, the attributes by flatatt.
        return mark_safe(f"<select{flatatt(final_attrs)}>{separator}{separator.join(items)}{separator}</select>")


class QuickInput:
    """An input (mixed into one of Django's) written in Python, as Django's template writes it: the
    data browser's year and switch fields each took a template render, together a third of its form."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        shown = "" if widget["value"] is None else f' value="{escaped(widget["value"])}"'
        # In their order, as the template writes them (flatatt sorts them): True as a bare name, False left out.
        attributes = "".join(
            f" {key}" if item is True else f' {key}="{escaped(item)}"'
            for key, item in widget["attrs"].items()
            if item is not False
        )
        return mark_safe(f'<input type="{widget["type"]}" name="{escaped(name)}"{shown}{attributes}>')  # escaped


class QuickNumberInput(QuickInput, forms.NumberInput):
    """Django's number input, written in Python."""


class QuickCheckboxInput(QuickInput, forms.CheckboxInput):
    """Django's checkbox, written in Python."""
