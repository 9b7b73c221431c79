"""The admin's "Create periods" page: the periods of past (or coming) years in one step, for the secretariat."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from .. import permissions
from ..intake.problems import Rejected
from ..models import Frequency
from ..services.periods import FIRST_YEAR, LAST_YEAR, create_periods


class CalendarForm(forms.Form):
    frequency = forms.ChoiceField(label=_("Frequency"), choices=Frequency.choices)
    first_year = forms.IntegerField(label=_("First year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)
    last_year = forms.IntegerField(label=_("Last year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)

    def clean(self):
        data = super().clean()
        first, last = data.get("first_year"), data.get("last_year")
        if first is not None and last is not None and first > last:
            self.add_error("last_year", _("The last year cannot be before the first."))
        return data


def create_periods_view(request):
    """GET: the form; POST: create the periods, then say how many were created and which existed."""
    if not permissions.can_manage_calendar(request.user):
        raise PermissionDenied
    form = CalendarForm(request.POST if request.method == "POST" else None)
    result = None
    if form.is_bound and form.is_valid():
        try:
            created, existing = create_periods(
                form.cleaned_data["frequency"],
                first_year=form.cleaned_data["first_year"],
                last_year=form.cleaned_data["last_year"],
            )
        except Rejected as rejected:
            for problem in rejected.problems:
                form.add_error(None, str(problem))
        else:
            result = {"created": created, "existing": existing}
    status = 400 if form.is_bound and form.errors else 200
    return TemplateResponse(request, "dsm_data/calendar.html", {"form": form, "result": result}, status=status)
