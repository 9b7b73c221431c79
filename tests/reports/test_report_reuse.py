"""A report asked again while nothing it reads has changed is the same report; a change makes a new one.
A build that fails is never served, and says so; a build shows its progress."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from dsm_data.cells import Cell
from dsm_data.models import NationalMetadata, SeriesBreak, Value
from dsm_data.services import submissions as submission_services
from reports import pdf, services
from reports.models import Report, ReportStatus

from .conftest import RESIDENTS, file_bytes, pdf_text, prints, report_inputs

pytestmark = pytest.mark.django_db


def asked(user, **inputs):
    return services.request_report(user, **report_inputs(**inputs))


def kaz_residents(year, key):
    return Value.objects.get(indicator__code=RESIDENTS, country__code="KAZ", period__code=str(year), series__key=key)


def test_the_same_inputs_and_data_give_the_same_report_without_building_it_again(report_figures, monkeypatch):
    first = asked(AnonymousUser())
    assert first.status == ReportStatus.READY

    def must_not_build(*args, **kwargs):
        raise AssertionError("built again")

    monkeypatch.setattr(pdf, "report_pdf", must_not_build)
    again = asked(AnonymousUser())
    # A signed-in reader asking "as the public reads it" gets the public's report too.
    as_public = asked(report_figures.kaz_user, as_public=True)
    assert again.pk == first.pk == as_public.pk
    assert Report.objects.count() == 1


def test_a_corrected_figure_makes_a_new_report_holding_it(report_figures):
    first = asked(AnonymousUser())
    total = kaz_residents(2022, "SEX=_T.CITIZENSHIP=_T")
    part = kaz_residents(2022, "SEX=F.CITIZENSHIP=RUS")
    submission_services.correct_value(
        part, Cell(number=part.number + 1000), user=report_figures.kaz_admin, reason="Late registrations."
    )
    second = asked(AnonymousUser())
    assert second.pk != first.pk
    assert second.status == ReportStatus.READY
    assert prints(pdf_text(file_bytes(second)), total.number + 1000, "en")
    assert prints(pdf_text(file_bytes(first)), total.number, "en")  # the old file stays as it was built
    assert asked(AnonymousUser()).pk == second.pk


def test_each_reader_has_their_own_report_and_a_lifted_embargo_renews_the_publics(report_figures):
    public, own = asked(AnonymousUser()), asked(report_figures.kaz_user)
    assert own.pk != public.pk
    assert (public.requester, own.requester) == (None, report_figures.kaz_user)
    assert asked(report_figures.arm_admin).pk not in (public.pk, own.pk)
    Value.objects.filter(period__code="2024").update(released_at=timezone.now() - datetime.timedelta(minutes=1))
    renewed = asked(AnonymousUser())
    assert renewed.pk != public.pk
    assert prints(pdf_text(file_bytes(renewed)), 777_777, "en")


def test_a_new_break_in_series_or_another_format_or_language_is_another_report(report_figures):
    first = asked(AnonymousUser())
    assert asked(AnonymousUser(), file_format="xlsx").pk != first.pk
    assert asked(AnonymousUser(), language="ru").pk != first.pk
    metadata = NationalMetadata.objects.get(country__code="KAZ")
    SeriesBreak.objects.create(metadata=metadata, period=report_figures.periods[2024], note={"en": "Counted anew."})
    renewed = asked(AnonymousUser())
    assert renewed.pk != first.pk
    assert "Counted anew." in pdf_text(file_bytes(renewed))


def test_a_failed_build_keeps_its_error_is_never_served_and_is_asked_anew(report_figures, monkeypatch, client):
    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(pdf, "report_pdf", broken)
    failed = asked(AnonymousUser())
    failed.refresh_from_db()
    assert (failed.status, failed.error, bool(failed.file)) == (
        ReportStatus.FAILED,
        "RuntimeError: the disk is full",
        False,
    )
    page = client.get(f"/en/reports/{failed.pk}/")
    assert "could not be built" in page.content.decode()
    assert client.get(f"/en/reports/{failed.pk}/file/").url == f"/en/reports/{failed.pk}/"
    monkeypatch.undo()
    again = asked(AnonymousUser())
    assert again.pk != failed.pk
    assert again.status == ReportStatus.READY


def test_a_report_stalled_in_the_queue_is_not_waited_for(report_figures):
    stalled = asked(AnonymousUser())
    Report.objects.filter(pk=stalled.pk).update(
        status=ReportStatus.BUILDING, requested_at=timezone.now() - services.STALLED_AFTER - datetime.timedelta(1)
    )
    assert asked(AnonymousUser()).pk != stalled.pk
    Report.objects.filter(pk=stalled.pk).update(requested_at=timezone.now())
    Report.objects.exclude(pk=stalled.pk).delete()
    assert asked(AnonymousUser()).pk == stalled.pk  # still on its way: the same report


def test_the_build_tells_its_progress_and_ends_at_a_hundred(report_figures, monkeypatch):
    seen = []
    real = pdf.report_pdf

    def watched(content, **kwargs):
        report = Report.objects.get()
        seen.append((report.status, report.progress))
        return real(content, **kwargs)

    monkeypatch.setattr(pdf, "report_pdf", watched)
    report = asked(AnonymousUser())
    assert seen == [(ReportStatus.BUILDING, 60)]  # the figures read, the file not yet laid out
    assert (report.status, report.progress) == (ReportStatus.READY, 100)


def test_a_ready_report_whose_file_is_gone_is_built_anew(report_figures):
    first = asked(AnonymousUser())
    first.file.storage.delete(first.file.name)
    second = asked(AnonymousUser())
    assert second.pk != first.pk
    assert second.status == ReportStatus.READY
    assert second.file.storage.exists(second.file.name)
