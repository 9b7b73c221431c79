"""The paper channel: the form to print (page or PDF), and the scan of a filled-in form keyed in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import paper
from ..forms import PaperScanForm
from ..intake.problems import Rejected
from ..models import Value
from ..services import audit_events
from ..services import deliveries as services
from .submissions import readable_submission


def _prefilled(request):
    """``?prefilled=1`` writes the stored figures in the boxes, e.g. to check them with the institution."""
    return request.GET.get("prefilled") == "1"


@login_required
def paper_form(request, pk):
    """The paper form as a page to print from the browser (the print stylesheet hides the site around it)."""
    submission = readable_submission(request, pk)
    prefilled = _prefilled(request)
    return render(
        request,
        "dsm_data/paper_form.html",
        {"submission": submission, "form": paper.paper_form(submission, prefilled), "prefilled": prefilled},
    )


@login_required
def paper_form_pdf(request, pk):
    """The paper form as a PDF, in the reader's language; prefilled, its figures not yet public are audited."""
    submission = readable_submission(request, pk)
    prefilled = _prefilled(request)
    data = paper.paper_form_pdf(submission, get_language(), prefilled=prefilled)
    response = HttpResponse(data, content_type="application/pdf")
    filename = f"dsm-{submission.country.code.lower()}-{submission.period.code}-paper.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if prefilled:
        indicators = submission.submission_indicators.values("indicator")
        stored = Value.objects.filter(submission=submission, indicator__in=indicators)
        audit_events.record_export(stored, file_format="pdf paper form", instance=submission)
    return response


@login_required
@require_POST
def paper_scan(request, pk):
    """Keep the scan of a paper form that the country administrator keys in, with its institution."""
    submission = readable_submission(request, pk)
    form = PaperScanForm(request.POST, request.FILES)
    if not form.is_valid():
        for field_name, errors in form.errors.items():
            label = form.fields[field_name].label if field_name in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
        return redirect("dsm_data:submission", submission.pk)
    try:
        delivery = services.attach_paper_scan(
            submission,
            uploaded_file=form.cleaned_data["file"],
            institution=form.cleaned_data["institution"],
            user=request.user,
        )
    except Rejected as rejected:
        messages.error(request, _("The scan was not kept:"))
        for problem in rejected.problems:
            messages.error(request, str(problem))
    else:
        messages.success(request, _("Scan kept as %(number)s.") % {"number": delivery.number})
    return redirect("dsm_data:submission", submission.pk)
