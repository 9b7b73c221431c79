"""The mapping step of an upload (which column holds what), and the saved mappings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..intake.mapping import MappingSpec, file_outline
from ..intake.problems import Rejected
from ..mapping_forms import MappingForm, initial_from_spec, merge_unknowns, posted_unknowns, spec_recodes
from ..models import Delivery, DeliveryStatus, Dimension, TableMapping
from ..selectors.deliveries import saved_mappings
from ..services import deliveries as services
from ..services import mappings as mapping_services
from .deliveries import mapping_session_key
from .parameters import whole_number


def _mapping_delivery(request, pk):
    """The delivery waiting for its mapping; only its sender maps it (the others are told nothing)."""
    delivery = get_object_or_404(Delivery, pk=pk)
    if not permissions.can_complete_delivery(request.user, delivery):
        raise Http404
    return delivery


def _starting_mapping(request, delivery):
    """The saved mapping the page starts from: the one asked in the URL, else the one chosen on the upload page."""
    chosen = whole_number(request.GET.get("mapping")) or request.session.get(mapping_session_key(delivery), {}).get(
        "mapping"
    )
    return saved_mappings(request.user).filter(pk=chosen).first() if chosen else None


@login_required
def delivery_mapping(request, pk):
    """Map the columns of a kept file, check it, and go on to the preview of what it changes."""
    delivery = _mapping_delivery(request, pk)
    if delivery.status != DeliveryStatus.MAPPING:
        return redirect("dsm_data:delivery", delivery.pk)
    saved = _starting_mapping(request, delivery)
    try:
        start = MappingSpec.from_json(saved.spec) if saved else MappingSpec()
    except Rejected:  # a saved mapping the catalogue no longer fits: start afresh
        saved, start = None, MappingSpec()
    place = request.POST if request.method == "POST" else request.GET
    sheet = place.get("sheet", start.sheet)
    header_row = whole_number(place.get("header_row")) or start.header_row
    with delivery.file.open("rb") as stored:
        data = stored.read()
    context = {"delivery": delivery, "saved": saved, "mappings": saved_mappings(request.user)}
    try:
        outline = file_outline(data, sheet=sheet, header_row=header_row)
    except Rejected as rejected:
        # A sheet or header row this file lacks (a saved mapping meeting next year's file): say so, and
        # show the file's first sheet and likely header instead, to map afresh.
        context["groups"] = rejected.groups
        try:
            outline = file_outline(data)
        except Rejected:  # the file itself cannot be outlined: nothing to map
            return render(request, "dsm_data/mapping.html", context, status=400)
    dimensions = list(Dimension.objects.order_by("code"))
    stash = request.session.get(mapping_session_key(delivery), {})
    initial = initial_from_spec(start, outline) | {
        "sheet": outline.sheet,
        "header_row": outline.header_row,
        "reason": stash.get("reason", ""),
    }
    unknowns = posted_unknowns(request.POST) if request.method == "POST" else spec_recodes(start)
    form = MappingForm(request.POST or None, outline=outline, dimensions=dimensions, unknowns=unknowns, initial=initial)
    if request.method == "POST" and form.is_valid():
        spec = form.spec()
        unchanged = saved is not None and spec.reads_like(start)
        try:
            services.apply_mapping(
                delivery,
                user=request.user,
                spec=spec,
                mapping=saved if unchanged else None,
                reason=form.cleaned_data["reason"].strip(),
            )
        except Rejected as rejected:
            context["groups"] = rejected.groups
            unknowns = merge_unknowns(unknowns, rejected.problems)
            form = MappingForm(request.POST, outline=outline, dimensions=dimensions, unknowns=unknowns, initial=initial)
        else:
            _save_if_asked(request, form, spec)
            request.session.pop(mapping_session_key(delivery), None)
            return redirect("dsm_data:delivery", delivery.pk)
    context.update(
        form=form,
        outline=outline,
        problem_count=sum(group.count for group in context.get("groups", [])),
    )
    return render(request, "dsm_data/mapping.html", context, status=400 if context.get("groups") else 200)


def _save_if_asked(request, form, spec):
    name = form.cleaned_data["save_name"].strip()
    if not name:
        return
    try:
        mapping_services.save_mapping(
            spec, name=name, description=form.cleaned_data["save_description"].strip(), user=request.user
        )
    except Rejected as rejected:
        for group in rejected.groups:
            messages.error(request, _("The mapping was not saved: %(reason)s") % {"reason": group.summary})
    else:
        messages.success(request, _("The mapping is saved as “%(name)s”.") % {"name": name})


@login_required
def mapping_list(request):
    """The saved mappings: apply one to a new file, or delete one's own."""
    if not permissions.can_use_table_mappings(request.user):
        raise PermissionDenied
    mappings = [
        (mapping, permissions.can_change_table_mapping(request.user, mapping))
        for mapping in saved_mappings(request.user)
    ]
    return render(request, "dsm_data/mapping_list.html", {"mappings": mappings})


@login_required
@require_POST
def mapping_delete(request, pk):
    if not permissions.can_use_table_mappings(request.user):
        raise PermissionDenied
    mapping = get_object_or_404(TableMapping, pk=pk)
    if not permissions.can_change_table_mapping(request.user, mapping):
        raise PermissionDenied
    name = mapping.name
    try:
        mapping_services.delete_mapping(mapping, user=request.user)
    except Rejected as rejected:
        for group in rejected.groups:
            messages.error(request, group.summary)
    else:
        messages.success(request, _("The mapping “%(name)s” is deleted.") % {"name": name})
    return redirect("dsm_data:mappings")
