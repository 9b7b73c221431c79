"""A refused file's problems help fix it: grouped by kind, counted, placed, with the allowed values."""

import datetime

import openpyxl
import pytest

from dsm_data.intake.problems import Rejected
from dsm_data.intake.reading import read_file
from dsm_data.models import Period

pytestmark = pytest.mark.django_db

HEADER = "indicator,country,period,CITIZENSHIP,value"
CITIZENSHIPS = ["RUS", "UZB", "TJK", "KGZ", "CHN", "TUR", "AFG", "OTHER"]


@pytest.fixture
def setting(catalogue, kazakhstan, armenia, make_period):
    for year in (2015, 2016, 2017, 2019):
        make_period(year)
    Period.objects.create(
        code="2019-Q1", frequency="quarterly", start=datetime.date(2019, 1, 1), end=datetime.date(2019, 3, 31),
        deadline=datetime.date(2019, 5, 15),
    )  # fmt: skip
    return catalogue


def csv_data(lines, header=HEADER):
    return "\n".join([header, *lines]).encode()


def refusal_of(data, **options):
    with pytest.raises(Rejected) as refusal:
        read_file(data, **options)
    return refusal.value


def test_187_rows_of_one_unknown_period_make_one_group_with_the_known_periods(setting):
    lines = [f"ENTRIES,KAZ,2010,{CITIZENSHIPS[row % 8]},{row}" for row in range(187)]
    refusal = refusal_of(csv_data(lines + ["ENTRIES,KAZ,2019,RUS,5"]))
    assert len(refusal.problems) == 187
    [group] = refusal.groups
    assert (group.count, group.rows[:3], group.rows[-1]) == (187, [2, 3, 4], 188)
    assert group.hint == "known annual periods: 2015–2017, 2019; known quarterly periods: 2019-Q1"
    assert group.summary == (
        "CSV: Unknown period “2010” (187 rows: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …); "
        "known annual periods: 2015–2017, 2019; known quarterly periods: 2019-Q1"
    )
    assert {(problem.field, problem.value) for problem in refusal.problems} == {("period", "2010")}


def test_an_unknown_category_names_the_dimensions_codes_and_carries_its_text(setting):
    refusal = refusal_of(csv_data(["ENTRIES,KAZ,2019,ARM,5", "ENTRIES,KAZ,2019,Narnia,6", "ENTRIES,KAZ,2019,ARM,7"]))
    groups = {group.heading: group for group in refusal.groups}
    armenians = groups["CSV: Unknown category “ARM” of CITIZENSHIP"]
    assert (armenians.count, armenians.rows) == (2, [2, 4])
    assert armenians.hint == (
        "codes of CITIZENSHIP: RUS, UZB, TJK, KGZ, CHN, TUR, AFG, OTHER (empty or _T for the total)"
    )
    assert [(problem.field, problem.value, problem.cell) for problem in armenians.problems] == [
        ("CITIZENSHIP", "ARM", "D2"),
        ("CITIZENSHIP", "ARM", "D4"),
    ]
    assert "CSV: Unknown category “Narnia” of CITIZENSHIP" in groups


def test_unknown_countries_indicators_and_columns_come_with_what_is_allowed(setting):
    refusal = refusal_of(csv_data(["ENTRIES,Narnia,2019,RUS,5", "ENTRIES,France,2019,RUS,5", "ARRIVALS,KAZ,2019,,5"]))
    by_value = {problem.value: problem for problem in refusal.problems}
    assert by_value["Narnia"].message == "Unknown country “Narnia”."
    assert by_value["Narnia"].hint == (
        "use ISO 3166 codes, M49 codes or country names; the portal's countries: ARM, KAZ"
    )
    assert by_value["France"].message == "“France” (FRA) is not one of the portal's countries."
    assert by_value["ARRIVALS"].hint.startswith("known indicators: ASYLUM_APPLICATIONS, ENTRIES, EXITS")
    refusal = refusal_of(csv_data(["ENTRIES,KAZ,2019,RUS,5"], header=HEADER + ",colour"))
    [problem] = refusal.problems
    assert (problem.cell, problem.message) == ("F1", "Unknown column “colour”: not a dimension of any indicator.")
    assert problem.hint.startswith("known columns: indicator, country, period, value, flag, footnote, comment, reason")
    assert "AGE, CITIZENSHIP" in problem.hint


def test_no_header_row_lists_the_headers_seen_and_the_columns_needed(setting, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["Entries by citizenship"])
    workbook.active.append(["Land", "Jahr", "Anzahl"])
    workbook.active.append(["KAZ", 2019, 5])
    path = tmp_path / "german.xlsx"
    workbook.save(path)
    [problem] = refusal_of(path.read_bytes()).problems
    assert problem.message == (
        "No header row found: a long table needs the columns indicator, country, period, value. "
        "The first rows hold: row 1: “Entries by citizenship”; row 2: “Land”, “Jahr”, “Anzahl”; "
        "row 3: “KAZ”, “2019”, “5”."
    )
    assert problem.hint.startswith("known columns: indicator, country, period, value, flag, footnote")


def test_a_file_over_the_cell_limit_is_told_its_own_count(setting, monkeypatch, tmp_path):
    monkeypatch.setattr("dsm_data.intake.figures.MAX_USED_CELLS", 1000)
    lines = [f"ENTRIES,KAZ,2019,{CITIZENSHIPS[row % 8]},{row}" for row in range(300)]
    [problem] = refusal_of(csv_data(lines)).problems
    assert str(problem) == "CSV: The file has 1,505 filled cells; at most 1,000 are read."
    workbook = openpyxl.Workbook()
    for line in [HEADER, *lines]:
        workbook.active.append(line.split(","))
    path = tmp_path / "big.xlsx"
    workbook.save(path)
    [problem] = refusal_of(path.read_bytes()).problems
    assert str(problem) == "Sheet: The file has 1,505 filled cells; at most 1,000 are read."


def test_rule_errors_of_a_long_table_name_the_country_and_period(setting):
    lines = [f"ENTRIES,ARM,2019,{code},1" for code in CITIZENSHIPS] + ["ENTRIES,ARM,2019,,9", "ENTRIES,KAZ,2019,RUS,-1"]
    problems = [str(problem) for problem in refusal_of(csv_data(lines)).problems]
    assert any(text.startswith("Sheet CSV, cell E10: Armenia, 2019: ") and "the total 9 differs" in text
               for text in problems), problems  # fmt: skip
    assert any(text.startswith("Sheet CSV, cell E11: Kazakhstan, 2019: ") for text in problems), problems


def test_a_row_repeated_is_one_group_of_duplicates(setting):
    refusal = refusal_of(csv_data(["ENTRIES,KAZ,2019,RUS,5"] * 4))
    [group] = refusal.groups
    assert (group.heading, group.count, group.rows) == ("CSV: The same figure is given twice", 3, [3, 4, 5])
