"""The mapping step of an upload: which column of a publisher's file holds what, as a form.

``MappingForm`` draws one select per column of the file's outline (``intake.mapping.file_outline``),
the values fixed for every row, the publisher's suppression marks, and a recode for every value
the last check did not know (``Problem.field``/``value``); ``spec()`` gives the ``MappingSpec``.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import correction_reason_field
from .intake.mapping import EVERY_OTHER, KEY_FIELDS, LEAVE_OUT, MappingSpec, allowed_codes
from .translation import translated

WIDE = "wide:"  # a column choice "wide:<field>": the column holds values, its header (or code) says of what
LEAVE_OUT_CHOICE = "-"  # a recode's choice for "leave these rows out" (LEAVE_OUT is "", the select's empty choice)
MAX_RECODES = 100  # unknown values offered a recode on one page; the others are listed with the problems
COLUMN_FIELDS = [
    ("indicator", _("Indicator")),
    ("country", _("Country")),
    ("period", _("Period")),
    ("value", _("Value")),
    ("flag", _("Flag (p, e, c, :, z)")),
    ("footnote", _("Footnote")),
    ("comment", _("Comment on a warning")),
    ("reason", _("Reason for a correction")),
]


def column_choices(dimensions):
    """What a column of the file may hold: a field, a breakdown, or values of one period or category."""
    choices = [("", _("Ignore this column")), *COLUMN_FIELDS]
    choices += [(dimension.code, translated(dimension.name)) for dimension in dimensions]
    wide = [(f"{WIDE}period", _("Values of one period (the header is its code)"))]
    wide += [
        (f"{WIDE}{dimension.code}", _("Values of one category of %(name)s (the header is its code)")
         % {"name": translated(dimension.name)})
        for dimension in dimensions
    ]  # fmt: skip
    return [(_("Fields"), choices), (_("Columns that each hold values"), wide)]


def posted_unknowns(data):
    """The (field, value) pairs a previous check did not know, as the page posts them back."""
    unknowns = []
    for index in range(MAX_RECODES):
        name = data.get(f"recode-field-{index}")
        if name is None:
            break
        unknowns.append((name, data.get(f"recode-value-{index}", "")))
    return unknowns


def merge_unknowns(known, problems):
    """``known`` (field, value) pairs followed by those of ``problems`` not among them, at most MAX_RECODES."""
    merged = list(known)
    for problem in problems:
        pair = (problem.field, problem.value)
        if problem.field and pair not in merged:
            merged.append(pair)
    return merged[:MAX_RECODES]


def initial_from_spec(spec, outline):
    """The form's initial data for ``spec`` over the columns of ``outline``."""
    initial = {"marks_confidential": " ".join(mark for mark, code in spec.marks.items() if code == "c")}
    initial["marks_not_available"] = " ".join(mark for mark, code in spec.marks.items() if code == ":")
    for letter, header in outline.headers:
        if header in spec.columns:
            initial[f"col-{letter}"] = spec.columns[header]
        elif header in spec.wide and len(spec.wide[header]) == 1:
            (name, code), *_rest = spec.wide[header].items()
            initial[f"col-{letter}"] = f"{WIDE}{name}"
            initial[f"code-{letter}"] = "" if code == header else code
    for name, code in spec.fixed.items():
        initial[f"fixed-{name}"] = code
    for name, texts in spec.recode.items():
        if EVERY_OTHER in texts:
            initial[f"other-{name}"] = texts[EVERY_OTHER] or LEAVE_OUT_CHOICE
    return initial


def spec_recodes(spec):
    """The (field, value) pairs ``spec`` recodes, so that the page shows them again."""
    return [(name, text) for name, texts in spec.recode.items() for text in texts if text != EVERY_OTHER]


class MappingForm(forms.Form):
    sheet = forms.CharField(required=False, widget=forms.HiddenInput)
    header_row = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    marks_confidential = forms.CharField(
        label=_("Marks of confidential figures"), required=False, max_length=100,
        help_text=_("Separated by spaces, e.g. * x. A value cell holding one is stored as c (confidential)."),
    )  # fmt: skip
    marks_not_available = forms.CharField(
        label=_("Marks of figures not available"), required=False, max_length=100,
        help_text=_("Separated by spaces, e.g. .. …. A value cell holding one is stored as : (not available)."),
    )  # fmt: skip
    reason = correction_reason_field()
    save_name = forms.CharField(
        label=_("Save this mapping as"), required=False, max_length=100,
        help_text=_("A name to apply it to the next file of this publisher; saved once the file passes the check."),
    )  # fmt: skip
    save_description = forms.CharField(
        label=_("Description of the mapping"), required=False, max_length=1000,
        help_text=_("The publisher and the export it reads, e.g. “UNHCR asylum, CSV”."),
    )  # fmt: skip

    def __init__(self, data=None, *, outline, dimensions, unknowns=(), **kwargs):
        if data is not None:  # the values a check found unknown since the page was sent go back with the page
            data = data.copy()
            for index, (name, value) in enumerate(unknowns):
                data[f"recode-field-{index}"], data[f"recode-value-{index}"] = name, value
        super().__init__(data, label_suffix="", **kwargs)
        self.outline = outline
        self.unknowns = list(unknowns)
        choices = column_choices(dimensions)
        for letter, header in outline.headers:
            self.fields[f"col-{letter}"] = forms.ChoiceField(
                label=_("Column %(letter)s: %(header)s") % {"letter": letter, "header": header or "—"},
                choices=choices,
                required=False,
                disabled=not header,  # a column without a header cannot be named in a mapping
            )
            self.fields[f"code-{letter}"] = forms.CharField(
                label=_("Code of its values, if not the header"), required=False, max_length=100
            )
        self.fixed_names = [*KEY_FIELDS, *(dimension.code for dimension in dimensions)]
        codes = {name: allowed_codes(name) for name in {*self.fixed_names, *(name for name, _value in unknowns)}}
        for name in self.fixed_names:
            self.fields[f"fixed-{name}"] = forms.ChoiceField(
                label=self._field_label(name, dimensions),
                choices=[("", _("— from the file —")), *codes[name]],
                required=False,
            )
        recode_choices = {
            name: [("", _("— not recoded —")), (LEAVE_OUT_CHOICE, _("Leave these rows out")), *codes[name]]
            for name in codes
        }
        for index, (name, value) in enumerate(self.unknowns):
            self.fields[f"recode-field-{index}"] = forms.CharField(widget=forms.HiddenInput, initial=name)
            self.fields[f"recode-value-{index}"] = forms.CharField(
                widget=forms.HiddenInput, initial=value, required=False
            )
            self.fields[f"recode-{index}"] = forms.ChoiceField(
                label=f"{self._field_label(name, dimensions)}: “{value}”", choices=recode_choices[name], required=False
            )
        # "Every other unknown value" of a field: asked once a value of it was unknown, and kept when the
        # mapping the page started from (initial) or the page sent back (data) says it already.
        kept = [key.removeprefix("other-") for key in [*self.initial, *(data or {})] if key.startswith("other-")]
        names = [name for name, _value in self.unknowns] + kept
        self.other_names = [name for name in dict.fromkeys(names) if name in recode_choices]
        for name in self.other_names:
            self.fields[f"other-{name}"] = forms.ChoiceField(
                label=_("%(field)s: every other unknown value") % {"field": self._field_label(name, dimensions)},
                choices=recode_choices[name],
                required=False,
            )

    @staticmethod
    def _field_label(name, dimensions):
        labels = dict(COLUMN_FIELDS) | {dimension.code: translated(dimension.name) for dimension in dimensions}
        return labels.get(name, name)

    # For the template: the groups of fields it lays out.
    def column_rows(self):
        """Per column of the file: its letter, header, first values, and its two fields."""
        rows = []
        for position, (letter, header) in enumerate(self.outline.headers):
            sample = [row[position] for row in self.outline.sample[:3] if position < len(row) and row[position]]
            rows.append((letter, header, sample, self[f"col-{letter}"], self[f"code-{letter}"]))
        return rows

    def fixed_fields(self):
        return [self[f"fixed-{name}"] for name in self.fixed_names]

    def recode_fields(self):
        return [
            (self[f"recode-field-{index}"], self[f"recode-value-{index}"], self[f"recode-{index}"])
            for index in range(len(self.unknowns))
        ]

    def other_fields(self):
        return [self[f"other-{name}"] for name in self.other_names]

    def clean(self):
        cleaned = super().clean()
        chosen = {}
        for letter, header in self.outline.headers:
            choice = cleaned.get(f"col-{letter}")
            if not choice:
                continue
            if header in chosen:
                raise forms.ValidationError(
                    _("Columns %(first)s and %(second)s have the same header “%(header)s”: a mapping tells columns "
                      "apart by their headers, so map only one of them, or rename one in the file.")
                    % {"first": chosen[header], "second": letter, "header": header}
                )  # fmt: skip
            chosen[header] = letter
        choices = [cleaned.get(f"col-{letter}") for letter, _header in self.outline.headers]
        if "value" not in choices and not any(choice and choice.startswith(WIDE) for choice in choices):
            raise forms.ValidationError(
                _("Choose the column that holds the values, or the columns that each hold the values of one "
                  "period or category.")
            )  # fmt: skip
        for name, label in COLUMN_FIELDS[:3]:
            if name not in choices and f"{WIDE}{name}" not in choices and not cleaned.get(f"fixed-{name}"):
                self.add_error(
                    f"fixed-{name}",
                    _("Say where the %(field)s comes from: choose its column, or set one %(field)s for every row.")
                    % {"field": str(label).lower()},
                )
        return cleaned

    def spec(self):
        """The MappingSpec the valid form describes."""
        data = self.cleaned_data
        spec = MappingSpec(sheet=self.outline.sheet, header_row=self.outline.header_row, marks={})
        for letter, header in self.outline.headers:
            choice = data.get(f"col-{letter}")
            if not choice or not header:
                continue
            if choice.startswith(WIDE):
                spec.wide[header] = {choice[len(WIDE) :]: data.get(f"code-{letter}", "").strip() or header}
            else:
                spec.columns[header] = choice
        spec.fixed = {name: data[f"fixed-{name}"] for name in self.fixed_names if data.get(f"fixed-{name}")}
        for index, (name, value) in enumerate(self.unknowns):
            choice = data.get(f"recode-{index}")
            if choice:
                spec.recode.setdefault(name, {})[value] = LEAVE_OUT if choice == LEAVE_OUT_CHOICE else choice
        for name in self.other_names:
            choice = data.get(f"other-{name}")
            if choice:
                spec.recode.setdefault(name, {})[EVERY_OTHER] = LEAVE_OUT if choice == LEAVE_OUT_CHOICE else choice
        for mark in data.get("marks_confidential", "").split():
            spec.marks[mark] = "c"
        for mark in data.get("marks_not_available", "").split():
            spec.marks[mark] = ":"
        return spec
