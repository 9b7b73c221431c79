"""Steps taken on many submissions at once, from the submissions list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from .. import permissions
from ..forms import BulkActionForm
from ..selectors import submissions
from ..services import bulk
from ..translation import translated

# The bulk actions of permissions.BULK_ACTIONS as the submissions list offers them.
BULK_ACTION_LABELS = {
    "submit": gettext_lazy("Submit for validation"),
    "validate": gettext_lazy("Validate"),
    "publish": gettext_lazy("Publish now"),
    "submit_validate_publish": gettext_lazy("Submit, validate and publish"),
}


def bulk_form(user, data=None):
    """The bulk action form with the actions ``user`` may take, or None when there are none."""
    actions = [(name, BULK_ACTION_LABELS.get(name, name)) for name in permissions.bulk_actions_for(user)]
    return BulkActionForm(data, actions=actions) if actions else None


@login_required
@require_POST
def submission_bulk(request):
    """One action on the ticked submissions: each is checked and moved on in turn; the page says what was refused."""
    user = request.user
    if not permissions.can_use_submissions(user):
        raise PermissionDenied
    form = bulk_form(user, request.POST)
    if form is None:
        raise PermissionDenied
    if not form.is_valid():
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
        return redirect("dsm_data:submissions")
    ticked = set(form.cleaned_data["submissions"])
    chosen = list(submissions.submissions_readable_by(user).filter(pk__in=ticked))
    if len(chosen) < len(ticked):
        messages.error(
            request,
            ngettext(
                "%(count)s ticked submission is not one you may act on: nothing was done to it.",
                "%(count)s ticked submissions are not ones you may act on: nothing was done to them.",
                len(ticked) - len(chosen),
            )
            % {"count": len(ticked) - len(chosen)},
        )
    result = bulk.take_bulk_action(
        chosen,
        user=user,
        action=form.cleaned_data["action"],
        missing_reason=form.cleaned_data["missing_reason"].strip(),
        comment=form.cleaned_data["comment"].strip(),
    )
    _report_bulk_result(request, result, BULK_ACTION_LABELS.get(form.cleaned_data["action"]))
    return redirect("dsm_data:submissions")


def _named(submission_list):
    return ", ".join(f"{translated(item.country.name)} {item.period.code}" for item in submission_list)


def _report_bulk_result(request, result, action):
    """What was done, and what was refused grouped by reason, each reason naming its submissions."""
    if result.done:
        messages.success(
            request,
            ngettext("%(action)s: done for %(count)s submission: %(names)s.",
                     "%(action)s: done for %(count)s submissions: %(names)s.", len(result.done))
            % {"action": action, "count": len(result.done), "names": _named(result.done)},
        )  # fmt: skip
    refused_by_reason = {}
    for submission, problems in result.refused:
        for problem in problems or [None]:
            reason = (problem.group or problem.message) if problem else _("refused")
            refused_by_reason.setdefault(reason, []).append(submission)
    for reason, refused in refused_by_reason.items():
        messages.error(
            request,
            ngettext("Refused for %(count)s submission (%(names)s): %(reason)s",
                     "Refused for %(count)s submissions (%(names)s): %(reason)s", len(refused))
            % {"count": len(refused), "names": _named(refused), "reason": reason},
        )  # fmt: skip
