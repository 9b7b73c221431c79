"""The index follows the site: publish, unpublish, privacy, deletion, indicators, reindex."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from dsm_data.models import Indicator, NationalMetadata
from library_pages.models import CountryIndexPage, MethodologyIndexPage, MethodologyPage
from library_pages.services import ensure_country_pages
from search import indexing
from search.models import SearchEntry

from .conftest import search, titles

pytestmark = pytest.mark.django_db


def test_unpublish_removes_and_publish_brings_back(client, make_document):
    page = make_document("visa-rules", "Visa rules for students.", title="Visa rules")
    assert titles(search(client, "students")) == ["Visa rules"]
    page.unpublish()
    assert titles(search(client, "students")) == []
    page.save_revision().publish()
    assert titles(search(client, "students")) == ["Visa rules"]


def test_an_edited_title_is_found_after_publication(client, make_document):
    page = make_document("permit", "Work permits.", title="Work permits")
    page.title = "Quota of work permits"
    page.save_revision().publish()
    assert titles(search(client, "quota")) == ["Quota of work permits"]


def test_a_deleted_page_leaves_the_index(client, make_document):
    page = make_document("gone", "Readmission agreement.")
    page.delete()
    assert search(client, "readmission")["results"].total == 0
    assert not SearchEntry.objects.exists()


def test_a_page_under_a_view_restriction_is_not_indexed(client, roots):
    index = roots[MethodologyIndexPage]
    page = index.add_child(instance=MethodologyPage(title="Secret method", slug="secret", intro="Sampling frames."))
    page.save_revision().publish()
    assert titles(search(client, "sampling")) == ["Secret method"]
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert titles(search(client, "sampling")) == []
    restriction.delete()
    assert titles(search(client, "sampling")) == ["Secret method"]


def test_country_intranets_are_never_indexed(roots, kazakhstan):
    ensure_country_pages(kazakhstan, roots[CountryIndexPage])
    assert set(SearchEntry.objects.values_list("kind", flat=True)) <= {"country", "methodology", "training", "event"}
    assert not SearchEntry.objects.filter(title__icontains="intranet").exists()
    call_command("dsm_reindex", stdout=io.StringIO())
    assert list(SearchEntry.objects.values_list("kind", flat=True)) == ["country"]


def test_indicators_and_national_metadata_are_found(client, kazakhstan):
    indicator = Indicator.objects.create(
        code="ASYLUM_APPLICATIONS",
        name={"en": "Asylum applications", "ru": "Ходатайства об убежище"},
        definition={"en": "Persons who applied for asylum."},
        unit={"en": "persons", "ru": "человек"},
    )
    NationalMetadata.objects.create(indicator=indicator, country=kazakhstan, data_source={"ru": "Реестр беженцев МВД"})
    found = sorted(titles(search(client, "ходатайство", "ru")))
    assert found == ["Ходатайства об убежище", "Ходатайства об убежище: Казахстан"]
    context = search(client, "беженцами", "ru")
    assert titles(context) == ["Ходатайства об убежище: Казахстан"]
    assert context["results"].hits[0].url == "/ru/data/indicators/ASYLUM_APPLICATIONS/#KAZ"
    assert 'id="KAZ"' in client.get(context["results"].hits[0].url).content.decode()
    assert "<mark>беженцев</mark>" in context["results"].hits[0].snippet
    indicator.delete()
    assert search(client, "беженцами", "ru")["results"].total == 0


def test_a_document_named_by_the_words_ranks_above_each_country_s_notes_on_an_indicator_so_named(
    client, kazakhstan, armenia, make_document
):
    indicator = Indicator.objects.create(code="ASYLUM_APPLICATIONS", name={"en": "Asylum applications"})
    for country in (kazakhstan, armenia):
        NationalMetadata.objects.create(indicator=indicator, country=country, data_source={"en": "Register"})
    make_document("asylum-law", "Who may apply and how.", title="Law on asylum applications")
    found = titles(search(client, "asylum applications"))
    assert set(found[:2]) == {"Asylum applications", "Law on asylum applications"}
    assert sorted(found[2:]) == ["Asylum applications: Armenia", "Asylum applications: Kazakhstan"]
    assert titles(search(client, "asylum applications Armenia"))[0] == "Asylum applications: Armenia"


def test_dsm_reindex_rebuilds_the_same_results(client, make_document):
    make_document("asylum", "Ходатайства о признании беженцами.", title="Asylum")
    SearchEntry.objects.all().delete()
    assert search(client, "беженцев")["results"].total == 0
    call_command("dsm_reindex", stdout=io.StringIO())
    assert titles(search(client, "беженцев")) == ["Asylum"]
    call_command("dsm_reindex", stdout=io.StringIO())
    assert titles(search(client, "беженцев")) == ["Asylum"]


def test_deferred_indexing_indexes_nothing_until_the_block_ends_then_everything_once(client, make_document):
    with indexing.deferred():
        make_document("asylum", "Ходатайства о признании беженцами.", title="Asylum")
        Indicator.objects.create(code="ASYLUM_APPLICATIONS", name={"en": "Asylum applications"})
        assert not SearchEntry.objects.exists()
    assert titles(search(client, "беженцев")) == ["Asylum"]
    assert titles(search(client, "applications")) == ["Asylum applications"]
    page = make_document("visa", "Visa rules.", title="Visa rules")  # after the block: indexed at once again
    assert titles(search(client, "visa")) == ["Visa rules"]
    SearchEntry.objects.filter(title="Asylum").delete()
    with indexing.deferred():  # nothing indexed changes: nothing rebuilt
        page.save()  # a draft's save: no publication
    assert titles(search(client, "беженцев")) == []
    with pytest.raises(RuntimeError):
        unpublish_in_a_failed_load(page)
    assert titles(search(client, "visa")) == ["Visa rules"]  # a failed load rebuilds nothing: dsm_reindex repairs


def unpublish_in_a_failed_load(page):
    with indexing.deferred():
        page.unpublish()
        raise RuntimeError("the load failed")
