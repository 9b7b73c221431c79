"""Who reads which figures, by every path: data browser, CSV and XLSX exports, value history,
submission pages. Every role, in its own country and in another."""

import csv
import datetime
import gc
import io
import tempfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.utils import timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from dsm_data import exports
from dsm_data.grid import build_grid
from dsm_data.models import Confidentiality, Role, Value, ValueRevision
from dsm_data.services import submissions as services
from tests.conftest import cells_from

pytestmark = pytest.mark.django_db

ENTRIES = {
    "RSD_OUTCOME=RECOGNISED": "11",
    "RSD_OUTCOME=COMPLEMENTARY": "2",
    "RSD_OUTCOME=REJECTED": "30",
    "RSD_OUTCOME=CLOSED": "4",
}


@pytest.fixture
def published(catalogue, kazakhstan, armenia, make_user, make_period):
    """KAZ 2025 published: decisions with each confidentiality in turn (set per test)."""
    decisions = catalogue["REFUGEE_DECISIONS"]
    focal, admin = make_user(Role.FOCAL_POINT, kazakhstan), make_user(Role.COUNTRY_ADMIN, kazakhstan)
    sysadmin = make_user(Role.SYSTEM_ADMIN)
    submission = services.open_submission(kazakhstan, make_period(2025), user=focal)
    grid = build_grid(decisions)
    cells = cells_from(grid, ENTRIES)
    submission.submission_indicators.exclude(indicator=decisions).delete()  # one indicator is enough here
    services.save_cells(submission, decisions, cells=cells, user=focal)
    services.submit(submission, user=focal)
    services.validate(submission, user=admin)
    services.publish(submission, user=sysadmin)
    return submission


def set_confidentiality(level):
    Value.objects.update(confidentiality=level)


# (role, same country as the data) -> may read a value of that confidentiality
READERS = [
    (None, False),
    (Role.DATA_USER, True),
    (Role.FOCAL_POINT, True),
    (Role.COUNTRY_ADMIN, True),
    (Role.DATA_USER, False),
    (Role.FOCAL_POINT, False),
    (Role.COUNTRY_ADMIN, False),
    (Role.EDITOR, False),
    (Role.SYSTEM_ADMIN, False),
]


def may_read(role, own_country, confidentiality):
    if role == Role.SYSTEM_ADMIN or own_country:
        return True
    if confidentiality == Confidentiality.PUBLIC:
        return True
    return confidentiality == Confidentiality.SHARED and role in (Role.DATA_USER, Role.FOCAL_POINT, Role.COUNTRY_ADMIN)


def log_in(client, make_user, role, own_country, kazakhstan, armenia):
    if role is None:
        return
    country = None if role in (Role.EDITOR, Role.SYSTEM_ADMIN) else (kazakhstan if own_country else armenia)
    client.force_login(make_user(role, country, username=f"reader-{role}-{own_country}"))


def exported_codes(response, kind):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if kind == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    else:
        rows = [list(row) for row in openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)]
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("confidentiality", list(Confidentiality))
@pytest.mark.parametrize(("role", "own_country"), READERS)
def test_browser_and_exports_show_exactly_what_the_reader_may_see(
    client, published, make_user, kazakhstan, armenia, role, own_country, confidentiality
):
    set_confidentiality(confidentiality)
    log_in(client, make_user, role, own_country, kazakhstan, armenia)
    expected = may_read(role, own_country, confidentiality)
    html = client.get("/en/data/", {"indicator": "REFUGEE_DECISIONS"}).content.decode()
    assert html.count('href="/en/data/values/') == (5 if expected else 0)
    for kind in ("csv", "xlsx"):
        rows = exported_codes(client.get("/en/data/", {"indicator": "REFUGEE_DECISIONS", "export": kind}), kind)
        assert len(rows) == (5 if expected else 0), kind
    value = Value.objects.get(series__key="RSD_OUTCOME=RECOGNISED")
    assert (client.get(f"/en/data/values/{value.pk}/").status_code == 200) is expected


def test_no_parameter_widens_what_a_reader_sees(client, published, make_user, armenia):
    set_confidentiality(Confidentiality.NATIONAL)
    client.force_login(make_user(Role.FOCAL_POINT, armenia))
    for query in (
        {"country": "KAZ"},
        {"country": "KAZ", "totals_only": ""},
        {"indicator": "REFUGEE_DECISIONS", "period": "2025", "breakdown": "RSD_OUTCOME=RECOGNISED"},
        {"sort": "-number", "page": "1", "country": ["KAZ", "ARM"]},
    ):
        for kind in ("csv", "xlsx"):
            assert exported_codes(client.get("/en/data/", {**query, "export": kind}), kind) == []


def test_exports_match_the_filtered_table_and_keep_numbers_numeric(client, published):
    set_confidentiality(Confidentiality.PUBLIC)
    query = {"indicator": "REFUGEE_DECISIONS", "sort": "-number"}
    csv_rows = exported_codes(client.get("/en/data/", {**query, "export": "csv"}), "csv")
    xlsx_rows = exported_codes(client.get("/en/data/", {**query, "export": "xlsx"}), "xlsx")
    assert [row["value"] for row in xlsx_rows] == [47, 30, 11, 4, 2]
    assert [row["value"] for row in csv_rows] == ["47", "30", "11", "4", "2"]
    assert xlsx_rows[0]["breakdown"] == "Total"


def openpyxl_temporary_files():
    return set(Path(tempfile.gettempdir()).glob("openpyxl.*"))


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_an_xlsx_export_too_large_to_build_points_to_csv(client, published, monkeypatch):
    set_confidentiality(Confidentiality.PUBLIC)
    temporary_files = openpyxl_temporary_files()
    monkeypatch.setattr("dsm_data.exports.MAX_XLSX_ROWS", 3)
    query = {"indicator": "REFUGEE_DECISIONS", "sort": "-number"}
    response = client.get("/en/data/", {**query, "export": "xlsx"}, follow=True)
    assert response.redirect_chain[0][0] == "/en/data/?indicator=REFUGEE_DECISIONS&sort=-number"
    assert "more than 3 rows: download it as CSV" in response.content.decode()
    assert openpyxl_temporary_files() == temporary_files
    gc.collect()  # a sheet abandoned half-written would raise here
    assert len(exported_codes(client.get("/en/data/", {**query, "export": "csv"}), "csv")) == 5


def test_exports_neutralise_formulas_in_text(client, published):
    set_confidentiality(Confidentiality.PUBLIC)
    Value.objects.filter(series__key="RSD_OUTCOME=CLOSED").update(footnote='=HYPERLINK("http://evil","x")')
    for kind in ("csv", "xlsx"):
        response = client.get("/en/data/", {"indicator": "REFUGEE_DECISIONS", "export": kind})
        rows = exported_codes(response, kind)
        footnote = next(row["footnote"] for row in rows if row["breakdown_code"] == "RSD_OUTCOME=CLOSED")
        if kind == "csv":
            assert footnote == '\'=HYPERLINK("http://evil","x")'
        else:
            workbook = openpyxl.load_workbook(io.BytesIO(response.content))
            cells = [cell for row in workbook.active.iter_rows() for cell in row if cell.value == footnote]
            assert cells
            assert all(cell.data_type == "s" for cell in cells)


def test_exports_drop_the_control_characters_an_xlsx_file_cannot_hold(client, published):
    """dsm_data.exports keeps openpyxl's own pattern, so that writing a CSV needs no openpyxl."""
    assert exports.ILLEGAL_CHARACTERS_RE.pattern == ILLEGAL_CHARACTERS_RE.pattern
    set_confidentiality(Confidentiality.PUBLIC)
    Value.objects.filter(series__key="RSD_OUTCOME=CLOSED").update(footnote="Closed\x01 cases\x0b\x1f")
    for kind in ("csv", "xlsx"):
        response = client.get("/en/data/", {"indicator": "REFUGEE_DECISIONS", "export": kind})
        rows = exported_codes(response, kind)
        assert next(row["footnote"] for row in rows if row["breakdown_code"] == "RSD_OUTCOME=CLOSED") == "Closed cases"


def test_embargoed_figures_are_hidden_from_other_countries_until_release(
    client, published, make_user, kazakhstan, armenia
):
    set_confidentiality(Confidentiality.PUBLIC)
    Value.objects.update(released_at=timezone.now() + datetime.timedelta(days=1))
    assert exported_codes(client.get("/en/data/", {"export": "csv"}), "csv") == []
    client.force_login(make_user(Role.DATA_USER, armenia))
    assert exported_codes(client.get("/en/data/", {"export": "csv"}), "csv") == []
    client.force_login(make_user(Role.DATA_USER, kazakhstan))
    assert len(exported_codes(client.get("/en/data/", {"export": "csv"}), "csv")) == 1  # totals only by default


SUBMISSION_PAGES = ["/en/data/submissions/{pk}/", "/en/data/submissions/{pk}/indicators/REFUGEE_DECISIONS/"]


@pytest.mark.parametrize(("role", "own_country"), READERS)
def test_submission_pages_are_for_their_country_and_the_system_administrators(
    client, published, make_user, kazakhstan, armenia, role, own_country
):
    log_in(client, make_user, role, own_country, kazakhstan, armenia)
    allowed = role == Role.SYSTEM_ADMIN or (role is not None and own_country)
    for page in SUBMISSION_PAGES:
        response = client.get(page.format(pk=published.pk))
        if role is None:
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == (200 if allowed else 404), page


def test_posting_figures_into_another_country_is_refused_and_stores_nothing(
    client, catalogue, kazakhstan, armenia, make_user, make_period
):
    submission = services.open_submission(kazakhstan, make_period(2025), user=make_user(Role.FOCAL_POINT, kazakhstan))
    series = build_grid(catalogue["REFUGEE_DECISIONS"]).series_by_key["RSD_OUTCOME=REJECTED"]
    url = f"/en/data/submissions/{submission.pk}/indicators/REFUGEE_DECISIONS/"
    for role in (Role.FOCAL_POINT, Role.COUNTRY_ADMIN, Role.DATA_USER):
        client.force_login(make_user(role, armenia))
        assert client.post(url, {f"s{series.pk}": "5", "confidentiality": "public"}).status_code == 404
        assert client.post(f"/en/data/submissions/{submission.pk}/submit/").status_code == 404
    client.force_login(make_user(Role.DATA_USER, kazakhstan))
    assert client.post(url, {f"s{series.pk}": "5", "confidentiality": "public"}).status_code == 403
    assert not Value.objects.exists()


def test_the_entry_form_names_bad_cells_and_saves_nothing(client, catalogue, kazakhstan, make_user, make_period):
    focal = make_user(Role.FOCAL_POINT, kazakhstan)
    submission = services.open_submission(kazakhstan, make_period(2025), user=focal)
    grid = build_grid(catalogue["REFUGEE_DECISIONS"])
    client.force_login(focal)
    url = f"/ru/data/submissions/{submission.pk}/indicators/REFUGEE_DECISIONS/"
    data = {f"s{grid.series_by_key[key].pk}": text for key, text in {**ENTRIES, "RSD_OUTCOME=REJECTED": "-3"}.items()}
    html = client.post(url, {**data, "confidentiality": "shared"}).content.decode()
    assert "Ничего не сохранено" in html
    assert "Решения о статусе беженца: Отказано: число не может быть отрицательным (-3)." in html
    assert not Value.objects.exists()
    data[f"s{grid.series_by_key['RSD_OUTCOME=REJECTED'].pk}"] = "30 p"
    response = client.post(url, {**data, "confidentiality": "shared"})
    assert response.status_code == 302
    rejected = Value.objects.get(series__key="RSD_OUTCOME=REJECTED")
    assert (rejected.number, rejected.is_provisional) == (Decimal(30), True)
    assert Value.objects.get(series__key="RSD_OUTCOME=_T").number == 47


@pytest.mark.parametrize("confidentiality", list(Confidentiality))
@pytest.mark.parametrize(("role", "own_country"), READERS)
def test_comparison_and_country_series_show_only_what_the_reader_may_see(
    client, published, make_user, kazakhstan, armenia, role, own_country, confidentiality
):
    set_confidentiality(confidentiality)
    log_in(client, make_user, role, own_country, kazakhstan, armenia)
    expected = may_read(role, own_country, confidentiality)
    comparison = client.get("/en/data/compare/", {"indicator": "REFUGEE_DECISIONS"}).content.decode()
    series = client.get("/en/data/countries/KAZ/").content.decode()
    assert ('href="/en/data/values/' in comparison) is expected
    assert ('href="/en/data/values/' in series) is expected
    for kind in ("csv", "xlsx"):
        rows = exported_codes(client.get("/en/data/compare/", {"indicator": "REFUGEE_DECISIONS", "export": kind}), kind)
        assert rows == (
            [{"country_code": "KAZ", "country": "Kazakhstan", "2025": 47 if kind == "xlsx" else "47"}]
            if expected
            else []
        )
        rows = exported_codes(client.get("/en/data/countries/KAZ/", {"export": kind}), kind)
        assert len(rows) == (1 if expected else 0)


@pytest.mark.parametrize(("role", "own_country"), READERS)
def test_completeness_is_for_participating_states_and_system_administrators(
    client, published, make_user, kazakhstan, armenia, role, own_country
):
    log_in(client, make_user, role, own_country, kazakhstan, armenia)
    response = client.get("/en/data/completeness/", {"period": "2025"})
    if role is None:
        assert response.status_code == 302
    elif role == Role.EDITOR:
        assert response.status_code == 403
    else:
        html = response.content.decode()
        assert response.status_code == 200
        kazakhstan_row = html[html.index('<th scope="row">Kazakhstan</th>') :].split("</tr>")[0]
        assert kazakhstan_row.count("status-published") == 1


def test_a_footnote_is_added_to_a_cell_and_kept_when_the_grid_is_saved_again(
    client, catalogue, kazakhstan, make_user, make_period
):
    focal = make_user(Role.FOCAL_POINT, kazakhstan)
    submission = services.open_submission(kazakhstan, make_period(2025), user=focal)
    grid = build_grid(catalogue["REFUGEE_DECISIONS"])
    client.force_login(focal)
    url = f"/en/data/submissions/{submission.pk}/indicators/REFUGEE_DECISIONS/"
    data = {f"s{grid.series_by_key[key].pk}": text for key, text in ENTRIES.items()}
    closed = grid.series_by_key["RSD_OUTCOME=CLOSED"]
    note = "Includes applications withdrawn before the interview."
    response = client.post(
        url, {**data, "confidentiality": "shared", "new_footnote_cell": closed.pk, "new_footnote": note}
    )
    assert response.status_code == 302
    assert Value.objects.get(series_id=closed.pk).footnote == note
    html = client.get(url).content.decode()
    assert f'name="footnote-{closed.pk}"' in html
    client.post(url, {**data, "confidentiality": "shared", f"footnote-{closed.pk}": note + " Revised."})
    assert Value.objects.get(series_id=closed.pk).footnote == note + " Revised."


def test_outside_readers_see_the_history_from_publication_on_without_names(
    client, catalogue, kazakhstan, armenia, make_user, make_period
):
    """A figure suppressed before publication must not leak through the value's history."""
    focal, admin = make_user(Role.FOCAL_POINT, kazakhstan), make_user(Role.COUNTRY_ADMIN, kazakhstan)
    submission = services.open_submission(kazakhstan, make_period(2025), user=focal)
    submission.submission_indicators.exclude(indicator=catalogue["REFUGEE_DECISIONS"]).delete()
    grid = build_grid(catalogue["REFUGEE_DECISIONS"])
    decisions = catalogue["REFUGEE_DECISIONS"]
    services.save_cells(
        submission, decisions, cells=cells_from(grid, {**ENTRIES, "RSD_OUTCOME=RECOGNISED": "11"}), user=focal
    )
    services.save_cells(submission, decisions, cells=cells_from(grid, {"RSD_OUTCOME=RECOGNISED": "c"}), user=focal)
    services.set_confidentiality(submission, decisions, confidentiality=Confidentiality.PUBLIC, user=focal)
    services.submit(submission, user=focal)
    services.validate(submission, user=admin)
    services.publish(submission, user=make_user(Role.SYSTEM_ADMIN))
    value = Value.objects.get(series__key="RSD_OUTCOME=RECOGNISED")
    url = f"/en/data/values/{value.pk}/"
    for reader in (None, make_user(Role.DATA_USER, armenia)):
        client.logout()
        if reader:
            client.force_login(reader)
        history = client.get(url).content.decode().split("<tbody>")[1].split("</tbody>")[0]
        assert ">11<" not in history
        assert focal.username not in history
    client.force_login(make_user(Role.DATA_USER, kazakhstan))
    history = client.get(url).content.decode().split("<tbody>")[1].split("</tbody>")[0]
    assert ">11<" in history


def test_an_unknown_code_in_a_filter_empties_the_table_instead_of_dropping_the_filter(client, published):
    set_confidentiality(Confidentiality.PUBLIC)
    assert exported_codes(client.get("/en/data/", {"country": ["ARM", "XXX"], "export": "csv"}), "csv") == []
    assert exported_codes(client.get("/en/data/", {"indicator": "NOPE", "export": "csv"}), "csv") == []


def test_an_unreadable_release_time_does_not_publish(client, catalogue, kazakhstan, make_user, make_period):
    from dsm_data.models import Status

    focal, admin = make_user(Role.FOCAL_POINT, kazakhstan), make_user(Role.COUNTRY_ADMIN, kazakhstan)
    submission = services.open_submission(kazakhstan, make_period(2025), user=focal)
    submission.submission_indicators.exclude(indicator=catalogue["REFUGEE_DECISIONS"]).delete()
    grid = build_grid(catalogue["REFUGEE_DECISIONS"])
    services.save_cells(submission, catalogue["REFUGEE_DECISIONS"], cells=cells_from(grid, ENTRIES), user=focal)
    services.submit(submission, user=focal)
    services.validate(submission, user=admin)
    client.force_login(make_user(Role.SYSTEM_ADMIN))
    client.post(f"/en/data/submissions/{submission.pk}/publish/", {"release_at": "31/12/2030 10:00"})
    submission.refresh_from_db()
    assert submission.status == Status.VALIDATED


def test_a_rejected_grid_keeps_its_confidentiality_and_a_change_is_recorded(
    client, catalogue, kazakhstan, make_user, make_period
):
    admin = make_user(Role.COUNTRY_ADMIN, kazakhstan)  # keys in a paper form
    submission = services.open_submission(kazakhstan, make_period(2025), user=admin)
    grid = build_grid(catalogue["REFUGEE_DECISIONS"])
    client.force_login(admin)
    url = f"/en/data/submissions/{submission.pk}/indicators/REFUGEE_DECISIONS/"
    data = {f"s{grid.series_by_key[key].pk}": text for key, text in ENTRIES.items()}
    bad = {**data, f"s{grid.series_by_key['RSD_OUTCOME=_T'].pk}": "999"}
    client.post(url, {**bad, "confidentiality": "public"})
    link = submission.submission_indicators.get(indicator__code="REFUGEE_DECISIONS")
    assert link.confidentiality == Confidentiality.SHARED
    assert not Value.objects.exists()
    assert client.post(url, {**data, "confidentiality": "public"}).status_code == 302
    link.refresh_from_db()
    assert link.confidentiality == Confidentiality.PUBLIC
    assert set(Value.objects.values_list("confidentiality", flat=True)) == {"public"}
    assert set(ValueRevision.objects.values_list("channel", flat=True)) == {"paper"}
    assert submission.transitions.last().comment == "Refugee status determinations: Public"


def test_xlsx_export_survives_control_characters(client, published):
    set_confidentiality(Confidentiality.PUBLIC)
    Value.objects.filter(series__key="RSD_OUTCOME=CLOSED").update(footnote="pasted\x0bfrom Word")
    rows = exported_codes(client.get("/en/data/", {"indicator": "REFUGEE_DECISIONS", "export": "xlsx"}), "xlsx")
    assert "pastedfrom Word" in [row["footnote"] for row in rows]


def test_breakdowns_combine_or_within_a_dimension_and_totals_only_keeps_the_chosen_ones(client, published):
    set_confidentiality(Confidentiality.PUBLIC)

    def codes(query):
        rows = exported_codes(client.get("/en/data/", {**query, "export": "csv"}), "csv")
        return sorted(row["breakdown_code"] for row in rows)

    chosen = ["RSD_OUTCOME=RECOGNISED", "RSD_OUTCOME=REJECTED"]
    assert codes({"breakdown": chosen}) == chosen
    assert codes({"breakdown": chosen, "totals_only": "on"}) == chosen
    assert codes({"totals_only": "on"}) == ["RSD_OUTCOME=_T"]


def test_a_stale_page_changes_only_what_was_typed_on_it(client, catalogue, kazakhstan, make_user, make_period):
    focal = make_user(Role.FOCAL_POINT, kazakhstan)
    submission = services.open_submission(kazakhstan, make_period(2025), user=focal)
    grid = build_grid(catalogue["REFUGEE_DECISIONS"])
    client.force_login(focal)
    url = f"/en/data/submissions/{submission.pk}/indicators/REFUGEE_DECISIONS/"
    blank_page = {f"initial-s{series.pk}": "" for series in grid.series}  # what both saw at first
    first = {f"s{grid.series_by_key[key].pk}": text for key, text in ENTRIES.items()}
    assert client.post(url, {**blank_page, **first, "confidentiality": "shared"}).status_code == 302
    closed = grid.series_by_key["RSD_OUTCOME=CLOSED"]
    second = {**{f"s{series.pk}": "" for series in grid.series}, f"s{closed.pk}": "6"}
    assert client.post(url, {**blank_page, **second, "confidentiality": "shared"}).status_code == 302
    numbers = dict(Value.objects.values_list("series__key", "number"))
    assert numbers["RSD_OUTCOME=RECOGNISED"] == 11
    assert numbers["RSD_OUTCOME=CLOSED"] == 6
    assert numbers["RSD_OUTCOME=_T"] == 49
