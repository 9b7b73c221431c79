from django import forms
from django.utils.translation import gettext_lazy as _

from .cells import format_entry, parse_entry
from .models import Confidentiality, TableMapping
from .translation import translated


def correction_reason_field():
    """The reason an upload gives for changing published figures (the upload page and the mapping step)."""
    return forms.CharField(
        label=_("Reason for corrections"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Needed only when the file changes published figures: why they change. "
            "A reason column in the file takes precedence for its rows."
        ),
    )


def missing_reason_field(*, help_text):
    """Why a submission's blank cells were not collected (its submit form and the bulk actions)."""
    return forms.CharField(
        label=_("Why some figures were not collected"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=help_text,
    )


class EntryForm(forms.Form):
    """One indicator's grid: a text field per series (``s<pk>``), read with ``parse_entry``.

    Comments on warnings come as ``comment-<pk>``, footnotes as ``footnote-<pk>``.
    """

    confidentiality = forms.ChoiceField(
        label=_("Who may read these figures once published"), choices=Confidentiality.choices
    )

    new_footnote_cell = forms.TypedChoiceField(label=_("Add a footnote to"), required=False, coerce=int)
    new_footnote = forms.CharField(label=_("Footnote"), required=False, max_length=1000)

    def __init__(self, grid, cells, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.grid = grid
        self.stored = cells
        self.fields["new_footnote_cell"].choices = [("", "—")] + [
            (series.pk, grid.cell_label(series)) for series in grid.series
        ]
        for series in grid.series:
            cell = cells.get(series.pk)
            self.fields[f"s{series.pk}"] = forms.CharField(
                label=grid.cell_label(series),
                required=False,
                initial=format_entry(cell),
                max_length=40,
                # The page posts back what it showed, so that a stale page changes only what was typed on it.
                show_hidden_initial=True,
            )
            self.fields[f"comment-{series.pk}"] = forms.CharField(
                required=False, initial=cell.comment if cell else "", widget=forms.Textarea(attrs={"rows": 2})
            )
            self.fields[f"footnote-{series.pk}"] = forms.CharField(
                required=False, initial=cell.footnote if cell else "", max_length=1000
            )

    def clean(self):
        """``self.cells``: the cells this page changed, so that two people editing at once
        overwrite only what each of them typed."""
        cleaned = super().clean()
        self.cells = {}
        changed = set(self.changed_data)
        for series in self.grid.series:
            names = {f"s{series.pk}", f"comment-{series.pk}", f"footnote-{series.pk}"}
            if not names & changed and series.pk != cleaned.get("new_footnote_cell"):
                continue
            name = f"s{series.pk}"
            try:
                cell = parse_entry(cleaned.get(name, ""))
            except ValueError:
                self.add_error(
                    name,
                    _(
                        "%(cell)s: “%(text)s” is not a number (at most 15 digits, 3 decimals) or one of the codes"
                        " : c z (with p or e after a number)."
                    )
                    % {"cell": self.grid.cell_label(series), "text": cleaned.get(name)},
                )
                continue
            stored = self.stored.get(series.pk)
            for name in ("comment", "footnote"):
                field_name = f"{name}-{series.pk}"
                # A note the page did not show is kept as stored, not blanked.
                if field_name in self.data:
                    setattr(cell, name, cleaned.get(field_name, "").strip())
                elif stored is not None:
                    setattr(cell, name, getattr(stored, name))
            self.cells[series.pk] = cell
        target, footnote = cleaned.get("new_footnote_cell"), cleaned.get("new_footnote", "").strip()
        if target in self.cells and footnote:
            self.cells[target].footnote = footnote
        return cleaned

    def cell_field(self, series):
        return self[f"s{series.pk}"]


class PublishForm(forms.Form):
    release_at = forms.DateTimeField(
        label=_("Release time"),
        required=False,
        help_text=_("Leave empty to publish now. Until then only the country's own users see the figures."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class CorrectionForm(forms.Form):
    entry = forms.CharField(
        label=_("Corrected value"), max_length=40, help_text=_("A number, or : c z; add p or e after a number.")
    )
    footnote = forms.CharField(label=_("Footnote"), required=False, max_length=1000)
    reason = forms.CharField(label=_("Reason for the correction"), widget=forms.Textarea(attrs={"rows": 3}))

    def clean_entry(self):
        try:
            return parse_entry(self.cleaned_data["entry"])
        except ValueError as error:
            raise forms.ValidationError(_("Enter a number, or one of the codes : c z.")) from error


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("A filled-in Excel template, or a long table (CSV or .xlsx) with the columns indicator, country,"
                    " period, one per breakdown, value, flag, footnote."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )  # fmt: skip
    mapping = forms.ModelChoiceField(
        label=_("Saved mapping"),
        required=False,
        queryset=TableMapping.objects.none(),
        empty_label=_("None: the file has the portal's columns"),
        help_text=_("For a publisher's export read before: its columns are mapped as last time."),
    )
    map_columns = forms.BooleanField(
        label=_("Map the columns myself"),
        required=False,
        help_text=_("For a publisher's table with its own headers, years in columns or country names: you say "
                    "which column holds what before the file is checked."),
    )  # fmt: skip
    reason = correction_reason_field()

    def __init__(self, *args, mappings=None, **kwargs):
        super().__init__(*args, **kwargs)
        if mappings is not None:
            self.fields["mapping"].queryset = mappings


class ConfirmUploadForm(forms.Form):
    fingerprint = forms.CharField(widget=forms.HiddenInput)


class PaperScanForm(forms.Form):
    institution = forms.CharField(
        label=_("Institution"), max_length=200, help_text=_("The institution that filled in the paper form.")
    )
    file = forms.FileField(
        label=_("Scanned form"),
        help_text=_("PDF, JPEG or PNG."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )


class SubmitForm(forms.Form):
    """Submitting for validation; with cells not collected, the reason is asked once for the submission."""

    missing_reason = missing_reason_field(help_text=_("Shown to the validator with the count of cells left blank."))

    def __init__(self, *args, missing_required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["missing_reason"].required = missing_required


class AddIndicatorForm(forms.Form):
    """An indicator the submission lacks (a new one, for a past period): ``indicators`` are those it may take."""

    indicator = forms.ChoiceField(label=_("Indicator"), choices=())

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = {indicator.code: indicator for indicator in indicators}
        self.fields["indicator"].choices = [
            (indicator.code, f"{translated(indicator.name)} ({indicator.code})") for indicator in indicators
        ]

    def clean_indicator(self):
        return self.indicators[self.cleaned_data["indicator"]]


class _SubmissionNumbers(forms.TypedMultipleChoiceField):
    """The ticked submissions' numbers; the view keeps those the user may read and says how many it left."""

    def valid_value(self, value):
        return str(value).isdigit()


class BulkActionForm(forms.Form):
    """A step taken on the submissions ticked in the list, each checked and recorded in turn."""

    submissions = _SubmissionNumbers(
        label=_("Submissions"), coerce=int, error_messages={"required": _("Tick at least one submission.")}
    )
    action = forms.ChoiceField(label=_("Action"), choices=())
    missing_reason = missing_reason_field(
        help_text=_("For the submissions with cells left blank that give no reason yet.")
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Recorded with each validation."),
    )

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = actions
