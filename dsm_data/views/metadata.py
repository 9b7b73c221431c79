"""A country's national metadata of an indicator: the form its administrators (and the secretariat) edit it
with, and its versions, read by everyone as the texts themselves are."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import permissions
from ..metadata_forms import NationalMetadataForm
from ..models import Country, Indicator, NationalMetadata
from ..selectors import metadata as selectors
from ..services.national_metadata import save_national_metadata


def _indicator_and_country(code, country_code):
    indicator = get_object_or_404(Indicator, code=code)
    country = get_object_or_404(Country, code=country_code)
    return indicator, country, NationalMetadata.objects.filter(indicator=indicator, country=country).first()


@login_required
def metadata_edit(request, code, country_code):
    """Another country's administrator is refused with 403, not 404: the texts are public, so there is
    nothing to hide about them; the page just is not theirs to change."""
    indicator, country, metadata = _indicator_and_country(code, country_code)
    if not permissions.can_edit_national_metadata(request.user, country):
        raise PermissionDenied
    form = NationalMetadataForm(request.POST or None, metadata=metadata)
    if request.method == "POST" and form.is_valid():
        _metadata, version = save_national_metadata(
            (indicator, country), user=request.user, texts=form.texts(), note=form.cleaned_data["note"]
        )
        if version is None:
            messages.info(request, _("Nothing was changed, so no new version was recorded."))
        else:
            messages.success(request, _("The national metadata was saved; the earlier version is kept."))
        return redirect(reverse("dsm_data:indicator", args=[indicator.code]) + f"#{country.code}")
    context = {"indicator": indicator, "country": country, "metadata": metadata, "form": form}
    return render(request, "dsm_data/metadata_edit.html", context)


def metadata_versions(request, code, country_code):
    indicator, country, metadata = _indicator_and_country(code, country_code)
    if metadata is None or not permissions.can_read_national_metadata(request.user):
        raise Http404
    history = selectors.metadata_history(metadata)
    context = {
        "indicator": indicator,
        "country": country,
        "metadata": metadata,
        "versions": history or [selectors.current_texts(metadata)],
        "shows_authors": permissions.can_see_metadata_authors(request.user),
        "can_edit": permissions.can_edit_national_metadata(request.user, country),
    }
    return render(request, "dsm_data/metadata_versions.html", context)
