"""The Excel template, read back with openpyxl as a country's statistician's Excel would show it."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from dsm_data.grid import build_grid
from dsm_data.models import Role
from dsm_data.services import submissions as services
from tests.conftest import cells_from

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(catalogue, kazakhstan, make_user, make_period):
    focal = make_user(Role.FOCAL_POINT, kazakhstan)
    submission = services.open_submission(kazakhstan, make_period(2025), user=focal)
    grid = build_grid(catalogue["REFUGEE_DECISIONS"])
    entries = {"RSD_OUTCOME=RECOGNISED": "11", "RSD_OUTCOME=COMPLEMENTARY": ":", "RSD_OUTCOME=REJECTED": "30"}
    services.save_cells(submission, catalogue["REFUGEE_DECISIONS"], cells=cells_from(grid, entries), user=focal)
    return submission


def download(client, submission, language="en"):
    response = client.get(f"/{language}/data/submissions/{submission.pk}/template.xlsx")
    assert response.status_code == 200
    return openpyxl.load_workbook(io.BytesIO(response.content))


def test_one_locked_sheet_per_indicator_with_open_value_cells_and_validation(client, submission, make_user):
    client.force_login(make_user(Role.FOCAL_POINT, submission.country, username="kaz-focal-2"))
    workbook = download(client, submission)
    assert workbook.sheetnames[0] == "Instructions"
    assert "REFUGEE_DECISIONS" in workbook.sheetnames
    assert "ASYLUM_APPLICATIONS" in workbook.sheetnames
    sheet = workbook["REFUGEE_DECISIONS"]
    assert sheet.protection.sheet
    assert [cell.value for cell in sheet[4]] == [
        "Refugee status granted", "Complementary protection", "Rejected", "Otherwise closed", "Total",
    ]  # fmt: skip
    values = sheet[5]
    assert [cell.value for cell in values] == [11, ":", 30, None, None]
    assert all(cell.protection.locked is False for cell in values)
    assert sheet["A1"].protection.locked is True
    (rule,) = sheet.data_validations.dataValidation
    assert str(rule.sqref) == "A5:E5"
    assert 'A5=":"' in rule.formula1


def test_the_hidden_sheet_names_country_period_version_and_every_cell(client, submission, make_user):
    client.force_login(make_user(Role.DATA_USER, submission.country))
    workbook = download(client, submission)
    meta = workbook["_dsm"]
    assert meta.sheet_state == "veryHidden"
    rows = [tuple(cell.value for cell in row) for row in meta.iter_rows()]
    assert rows[:5] == [("template_version", 2, None, None), ("country", "KAZ", None, None),
                        ("period", "2025", None, None), ("language", "en", None, None),
                        ("sheet", "place", "indicator", "categories")]  # fmt: skip
    places = {(sheet, place): (indicator, part) for sheet, place, indicator, part in rows[5:]}
    assert places[("REFUGEE_DECISIONS", "A")] == ("REFUGEE_DECISIONS", "RSD_OUTCOME=RECOGNISED")
    assert places[("REFUGEE_DECISIONS", "E")] == ("REFUGEE_DECISIONS", "RSD_OUTCOME=_T")
    assert places[("REFUGEE_DECISIONS", 5)] == ("REFUGEE_DECISIONS", None)  # one dimension: the row adds no category
    asylum = {place: part for (sheet, place), (_indicator, part) in places.items() if sheet == "ASYLUM_APPLICATIONS"}
    assert len([place for place in asylum if isinstance(place, str)]) == 3  # a column per sex
    assert len([place for place in asylum if isinstance(place, int)]) == 5 * 9  # a row per age and citizenship
    assert ("A" in asylum, asylum["E"]) == (False, "SEX=_T")  # the label columns first, the total last
    assert sorted(asylum[row] for row in asylum if isinstance(row, int))[0].startswith("AGE=")


def test_labels_in_russian(client, submission, make_user):
    client.force_login(make_user(Role.FOCAL_POINT, submission.country, username="kaz-focal-ru"))
    workbook = download(client, submission, "ru")
    assert workbook.sheetnames[0] == "Инструкция"
    assert workbook["REFUGEE_DECISIONS"]["A1"].value == "Решения о статусе беженца"
    assert workbook["FOREIGN_RESIDENTS"]["A4"].value == "Гражданство"


def test_another_countrys_template_is_not_downloadable(client, submission, make_user, armenia):
    client.force_login(make_user(Role.FOCAL_POINT, armenia))
    assert client.get(f"/en/data/submissions/{submission.pk}/template.xlsx").status_code == 404


def test_the_command_writes_the_template_and_refuses_unknown_codes(submission, tmp_path):
    output = tmp_path / "kaz-2025.xlsx"
    call_command("dsm_template", country="kaz", period="2025", indicator=["REFUGEE_DECISIONS"], lang="ru",
                 output=str(output), stdout=io.StringIO())  # fmt: skip
    workbook = openpyxl.load_workbook(output)
    assert workbook.sheetnames == ["Инструкция", "_dsm", "REFUGEE_DECISIONS"]
    assert [cell.value for cell in workbook["REFUGEE_DECISIONS"][5]] == [11, ":", 30, None, None]
    with pytest.raises(CommandError, match="No country with the code XXX"):
        call_command("dsm_template", country="XXX", period="2025", output=str(output))
    with pytest.raises(CommandError, match="Not collected for 2025: NOPE"):
        call_command("dsm_template", country="KAZ", period="2025", indicator=["NOPE"], output=str(output))
