"""A publisher's export read through a mapping: wide columns, country names, `*` cells, recodes summed."""

import json
from decimal import Decimal

import openpyxl
import pytest

from dsm_data.intake.mapping import DEFAULT_MARKS, MappingSpec, allowed_codes, file_outline
from dsm_data.intake.problems import Rejected
from dsm_data.intake.reading import read_file

pytestmark = pytest.mark.django_db

TITLE = ["Entries of foreigners by citizenship (publisher's table 4)"]
HEADER = ["Country", "Citizenship", "Notes", "2019", "2020"]
ROWS = [
    ["Kazakhstan*", "Russian Federation", "revised", 100, 110],
    ["Kazakhstan*", "Uzbekistan", None, 50, "*"],
    ["Kazakhstan*", "Afghanistan", None, 5, 6],
    ["Kazakhstan*", "Iraq", None, 3, 4],
    ["Kazakhstan*", "Syrian Arab Republic", "", 2, "*"],
    ["Армения", "Turkey", None, 7, None],  # 2020 not given: not collected
    ["World", "Total", None, 1000, 1200],  # a region: left out by the mapping
]


@pytest.fixture
def setting(catalogue, kazakhstan, armenia, make_period):
    make_period(2019)
    make_period(2020)
    return catalogue


def wide_workbook(tmp_path, rows=ROWS, header=HEADER, name="entries.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Table 4"
    sheet.append(TITLE)
    sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.create_sheet("Notes").append(["Source: a publisher"])
    path = tmp_path / name
    workbook.save(path)
    return path.read_bytes()


def entries_mapping(**changes):
    spec = MappingSpec(
        sheet="Table 4",
        columns={"Country": "country", "Citizenship": "CITIZENSHIP"},
        wide={"2019": {"period": "2019"}, "2020": {"period": "2020"}},
        fixed={"indicator": "ENTRIES"},
        recode={"CITIZENSHIP": {"*": "OTHER"}, "country": {"World": ""}},
    )
    for name, value in changes.items():
        setattr(spec, name, value)
    return spec


def figures_of(reading):
    """{(country, period, series key): Cell} of every upload."""
    figures = {}
    for upload in reading.uploads:
        for indicator, cells in upload.cells.items():
            keys = {series.pk: series.key for series in upload.grids[indicator.code].series_by_key.values()}
            for pk, cell in cells.items():
                if not cell.is_blank:
                    figures[(upload.country.code, upload.period.code, keys[pk])] = cell
    return figures


def test_a_wide_table_with_names_and_marks_is_read_through_a_mapping(setting, tmp_path):
    reading = read_file(wide_workbook(tmp_path), mapping=entries_mapping())
    assert reading.kind == "table"
    figures = figures_of(reading)
    assert figures[("KAZ", "2019", "CITIZENSHIP=RUS")].number == 100
    assert figures[("KAZ", "2020", "CITIZENSHIP=RUS")].number == 110
    assert figures[("KAZ", "2019", "CITIZENSHIP=UZB")].number == 50
    assert figures[("KAZ", "2020", "CITIZENSHIP=UZB")].absence == "confidential"  # "*"
    assert figures[("KAZ", "2019", "CITIZENSHIP=AFG")].number == 5
    assert figures[("ARM", "2019", "CITIZENSHIP=TUR")].number == 7
    assert ("ARM", "2020", "CITIZENSHIP=TUR") not in figures  # an empty cell: not collected
    assert not [key for key in figures if key[2] == "CITIZENSHIP=_T"]  # no total invented from a part
    assert {key[0] for key in figures} == {"KAZ", "ARM"}  # "World" left out, "Notes" ignored


def test_each_figure_of_a_wide_table_is_placed_at_its_own_column_and_row(setting, tmp_path):
    """The places name the cell a figure came from (messages and the preview show them): a column of
    values each, a row each; a summed figure at its first row's cell."""
    reading = read_file(wide_workbook(tmp_path), mapping=entries_mapping())
    places = {}
    for upload in reading.uploads:
        for indicator, cells in upload.cells.items():
            keys = {series.pk: series.key for series in upload.grids[indicator.code].series_by_key.values()}
            places |= {(upload.country.code, upload.period.code, keys[pk]): upload.places[pk] for pk in cells}
    assert places[("KAZ", "2019", "CITIZENSHIP=RUS")] == ("Table 4", "D4")
    assert places[("KAZ", "2020", "CITIZENSHIP=UZB")] == ("Table 4", "E5")
    assert places[("ARM", "2019", "CITIZENSHIP=TUR")] == ("Table 4", "D9")
    assert places[("KAZ", "2019", "CITIZENSHIP=OTHER")] == ("Table 4", "D7")  # Iraq's row, then Syria's
    assert len(places) == sum(len(upload.places) for upload in reading.uploads)


def test_rows_recoded_to_one_category_are_summed_estimated_and_explained(setting, tmp_path):
    figures = figures_of(read_file(wide_workbook(tmp_path), mapping=entries_mapping()))
    other_2019 = figures[("KAZ", "2019", "CITIZENSHIP=OTHER")]
    assert (other_2019.number, other_2019.is_estimated) == (Decimal(5), True)
    assert other_2019.footnote == "Sum of 2 rows of the uploaded file: Iraq, Syrian Arab Republic."
    other_2020 = figures[("KAZ", "2020", "CITIZENSHIP=OTHER")]
    assert (other_2020.number, other_2020.is_estimated) == (Decimal(4), True)
    assert other_2020.footnote == (
        "Sum of 2 rows of the uploaded file: Iraq, Syrian Arab Republic. 1 row without a figure is left out."
    )
    assert not figures[("KAZ", "2019", "CITIZENSHIP=AFG")].is_estimated  # a row of its own: as given


def test_the_same_mapping_reads_the_table_as_csv(setting, tmp_path):
    lines = [",".join(HEADER)] + [
        ",".join("" if cell is None else f'"{cell}"' for cell in row) for row in ROWS if row[0] != "World"
    ]
    data = "\n".join(lines).encode()
    figures = figures_of(read_file(data, mapping=entries_mapping(sheet="")))
    assert figures[("KAZ", "2020", "CITIZENSHIP=UZB")].absence == "confidential"
    assert figures[("KAZ", "2019", "CITIZENSHIP=OTHER")].number == 5


def test_without_the_recode_the_unknown_origins_refuse_the_file_naming_them(setting, tmp_path):
    spec = entries_mapping(recode={"country": {"World": ""}})
    with pytest.raises(Rejected) as refusal:
        read_file(wide_workbook(tmp_path), mapping=spec)
    unknown = sorted({(problem.field, problem.value) for problem in refusal.value.problems})
    assert unknown == [("CITIZENSHIP", "Iraq"), ("CITIZENSHIP", "Syrian Arab Republic")]
    summaries = [group.summary for group in refusal.value.groups]
    assert any(
        "cell B7: Unknown category “Iraq” of CITIZENSHIP" in summary
        and "codes of CITIZENSHIP: RUS, UZB, TJK, KGZ, CHN, TUR, AFG, OTHER" in summary
        for summary in summaries
    ), summaries


def test_a_figure_given_twice_without_a_recode_is_still_an_error(setting, tmp_path):
    rows = [["Kazakhstan", "Russian Federation", None, 100, 110], ["KAZ", "RUS", None, 100, 110]]
    with pytest.raises(Rejected) as refusal:
        read_file(wide_workbook(tmp_path, rows=rows), mapping=entries_mapping())
    assert [str(problem) for problem in refusal.value.problems] == [
        "Sheet Table 4, cell D5: The same figure is given twice, in rows 4 and 5.",
        "Sheet Table 4, cell E5: The same figure is given twice, in rows 4 and 5.",
    ]


def test_a_row_recoded_twice_from_the_same_text_is_an_error_not_a_sum(setting, tmp_path):
    rows = [["Kazakhstan", "Iraq", None, 1, None], ["Kazakhstan", "Iraq", None, 2, None]]
    with pytest.raises(Rejected) as refusal:
        read_file(wide_workbook(tmp_path, rows=rows), mapping=entries_mapping())
    assert "The same figure is given twice, in rows 4 and 5." in str(refusal.value)


def test_a_native_long_table_takes_comment_and_reason_columns(setting):
    data = (
        "indicator,country,period,CITIZENSHIP,value,flag,footnote,comment,reason\n"
        "ENTRIES,KAZ,2019,RUS,120,p,,A new border post opened,Revised by the border service\n"
        "ENTRIES,Kazakhstan,2019,Узбекистан,30,,,,\n"
    ).encode()
    figures = figures_of(read_file(data))
    russians = figures[("KAZ", "2019", "CITIZENSHIP=RUS")]
    assert (russians.number, russians.is_provisional) == (120, True)
    assert (russians.comment, russians.reason) == ("A new border post opened", "Revised by the border service")
    assert figures[("KAZ", "2019", "CITIZENSHIP=UZB")].number == 30  # country and category by name


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_a_csv_file_reads_alike_whatever_its_line_endings_with_a_footnote_over_two_lines(setting, ending):
    lines = [
        "indicator,country,period,CITIZENSHIP,value,flag,footnote",
        f'ENTRIES,KAZ,2019,RUS,120,,"First line{ending}second line"',
        "ENTRIES,KAZ,2019,UZB,30,,",
        "ENTRIES,KAZ,2019,TJK,many,,",
    ]
    with pytest.raises(Rejected) as refusal:
        read_file(ending.join(lines).encode())
    assert [str(problem) for problem in refusal.value.problems] == [
        "Sheet CSV, cell E4: “many” is not a number."
    ]  # rows as Excel counts them
    figures = figures_of(read_file(ending.join(lines[:3]).encode()))
    assert figures[("KAZ", "2019", "CITIZENSHIP=RUS")].footnote == f"First line{ending}second line"
    assert figures[("KAZ", "2019", "CITIZENSHIP=UZB")].number == 30


def test_a_flag_column_is_recoded(setting):
    data = "Land,Jahr,Herkunft,Wert,Status\nKAZ,2019,RUS,5,vorläufig\nKAZ,2019,UZB,6,geschätzt\nKAZ,2019,TJK,7,\n"
    spec = MappingSpec(
        columns={"Land": "country", "Jahr": "period", "Herkunft": "CITIZENSHIP", "Wert": "value", "Status": "flag"},
        fixed={"indicator": "ENTRIES"},
        recode={"flag": {"vorläufig": "p", "*": "e"}},
    )
    figures = figures_of(read_file(data.encode(), mapping=spec))
    assert figures[("KAZ", "2019", "CITIZENSHIP=RUS")].is_provisional
    assert figures[("KAZ", "2019", "CITIZENSHIP=UZB")].is_estimated
    tajiks = figures[("KAZ", "2019", "CITIZENSHIP=TJK")]
    assert (tajiks.number, tajiks.is_provisional, tajiks.is_estimated) == (7, False, False)


def test_a_fixed_value_the_portal_does_not_know_is_told_once(setting, tmp_path):
    spec = entries_mapping(fixed={"indicator": "ARRIVALS"})
    with pytest.raises(Rejected) as refusal:
        read_file(wide_workbook(tmp_path), mapping=spec)
    assert [str(problem) for problem in refusal.value.problems] == ["Table 4: Unknown indicator “ARRIVALS”."]
    assert refusal.value.problems[0].hint.startswith("known indicators: ASYLUM_APPLICATIONS, ENTRIES, EXITS")


def test_a_column_of_values_of_an_unknown_period_is_told_once_at_its_header(setting, tmp_path):
    spec = entries_mapping(wide={"2019": {"period": "2019"}, "2020": {"period": "2021"}})
    with pytest.raises(Rejected) as refusal:
        read_file(wide_workbook(tmp_path), mapping=spec)
    [problem] = refusal.value.problems
    assert (problem.cell, problem.field, problem.value) == ("E3", "period", "2021")
    assert problem.hint == "known annual periods: 2019–2020"


def test_the_mapping_survives_a_json_round_trip(setting):
    spec = entries_mapping(header_row=3, marks={"*": "c", "-": "z"})
    stored = json.loads(json.dumps(spec.to_json()))
    assert MappingSpec.from_json(stored) == spec
    assert MappingSpec.from_json({"columns": {"Value": "value", "Country": "country", "Year": "period"},
                                  "fixed": {"indicator": "ENTRIES"}}).marks == DEFAULT_MARKS  # fmt: skip


BAD_SPECS = [
    ("not a mapping", "The mapping cannot be read: it is not a JSON object of named settings."),
    ({"colour": "red"}, "The mapping has unknown parts: colour."),
    ({"header_row": 0, "columns": {"v": "value"}}, "The header row must be a row number (1 or more)."),
    ({"columns": ["value"]}, "“columns” must map texts to texts."),
    ({"columns": {"A": "colour", "V": "value"}, "fixed": {"indicator": "ENTRIES", "country": "KAZ", "period": "2019"}},
     "Column “A”: “colour” is not a field of a long table or a dimension"),
    ({"columns": {"Country": "country"}, "fixed": {"indicator": "ENTRIES", "period": "2019"}},
     "No column holds the values: map one to “value”, or mark the columns that hold values."),
    ({"columns": {"V": "value", "Country": "country"}, "fixed": {"indicator": "ENTRIES"}},
     "Nothing gives the period: map a column to it, set one value for every row, "
     "or name it for every column of values."),
    ({"columns": {"V": "value", "A": "country", "B": "country"}, "fixed": {"indicator": "ENTRIES", "period": "2019"}},
     "Several columns are mapped to “country”: keep one."),
    ({"columns": {"V": "value"}, "fixed": {"indicator": "ENTRIES", "country": "KAZ", "period": "2019"},
      "marks": {"*": "confidential"}}, "The mark “*” must stand for one of the codes : c z."),
]  # fmt: skip


@pytest.mark.parametrize(("data", "message"), BAD_SPECS)
def test_a_bad_mapping_is_refused_saying_what_is_wrong(setting, data, message):
    with pytest.raises(Rejected) as refusal:
        MappingSpec.from_json(data)
    assert any(message in str(problem) for problem in refusal.value.problems), refusal.value.problems


def test_a_bad_spec_given_to_the_reader_is_refused_before_the_file_is_read(setting, tmp_path):
    spec = entries_mapping(fixed={})
    with pytest.raises(Rejected) as refusal:
        read_file(wide_workbook(tmp_path), mapping=spec)
    assert "Nothing gives the indicator" in str(refusal.value)


def test_the_outline_shows_sheets_header_and_first_rows(setting, tmp_path):
    data = wide_workbook(tmp_path, header=["Country", "Citizenship", "Notes", "2019", "2019"])
    outline = file_outline(data)
    assert (outline.sheets, outline.sheet, outline.header_row) == (["Table 4", "Notes"], "Table 4", 3)
    assert outline.headers == [("A", "Country"), ("B", "Citizenship"), ("C", "Notes"), ("D", "2019"),
                               ("E", "2019 (2)")]  # fmt: skip
    assert outline.sample[0] == ["Kazakhstan*", "Russian Federation", "revised", "100", "110"]
    assert len(outline.sample) == len(ROWS)
    assert file_outline(data, header_row=4).headers[0] == ("A", "Kazakhstan*")
    assert file_outline(data, sheet="Notes").headers == [("A", "Source: a publisher")]
    with pytest.raises(Rejected, match="no sheet “Data”"):
        file_outline(data, sheet="Data")


def test_allowed_codes_name_what_each_field_takes(setting):
    codes = [code for code, _label in allowed_codes("CITIZENSHIP")]
    assert [code for code in codes if code != "_T"] == ["RUS", "UZB", "TJK", "KGZ", "CHN", "TUR", "AFG", "OTHER"]
    assert [code for code, _label in allowed_codes("country")] == ["ARM", "KAZ"]
    assert [code for code, _label in allowed_codes("period")] == ["2019", "2020"]
    assert "ENTRIES" in [code for code, _label in allowed_codes("indicator")]
    assert allowed_codes("footnote") == []


def export_with_ignored_columns():
    """A publisher's long export: 4 columns the mapping reads, 8 it ignores (all filled), 32 figures."""
    header = ["Land", "Jahr", "Herkunft", "Wert", *(f"Note {number}" for number in range(1, 9))]
    origins = ["RUS", "UZB", "TJK", "KGZ", "CHN", "TUR", "AFG", "OTHER"]
    rows = [
        [country, year, origin, str(number + 1), *(["ignored"] * 8)]
        for number, (country, year, origin) in enumerate(
            (country, year, origin) for country in ("KAZ", "ARM") for year in ("2019", "2020") for origin in origins
        )
    ]
    spec = MappingSpec(
        columns={"Land": "country", "Jahr": "period", "Herkunft": "CITIZENSHIP", "Wert": "value"},
        fixed={"indicator": "ENTRIES"},
    )
    return header, rows, spec


def test_only_the_cells_a_mapping_reads_count_against_the_cap(setting, monkeypatch, tmp_path):
    header, rows, spec = export_with_ignored_columns()
    data = "\n".join(",".join(row) for row in [header, *rows]).encode()
    workbook = openpyxl.Workbook()
    workbook.active.append(["Entries by citizenship"])
    for row in [header, *rows]:
        workbook.active.append([None, None, *row])  # the table starts in column C
    path = tmp_path / "export.xlsx"
    workbook.save(path)
    read = 12 + 32 * 4  # the header row, then 4 columns of 32 rows; the 8 others would make 12 + 32 * 12 = 396
    monkeypatch.setattr("dsm_data.intake.figures.MAX_USED_CELLS", 200)
    for file, title_cells in ((data, 0), (path.read_bytes(), 1)):
        monkeypatch.setattr("dsm_data.intake.figures.MAX_USED_CELLS", 200)
        figures = figures_of(read_file(file, mapping=spec))
        assert len(figures) == 32 + 4  # every figure, and a total for each country and year
        assert figures[("ARM", "2020", "CITIZENSHIP=OTHER")].number == 32
        monkeypatch.setattr("dsm_data.intake.figures.MAX_USED_CELLS", 100)
        with pytest.raises(Rejected) as refusal:
            read_file(file, mapping=spec)
        [problem] = refusal.value.problems
        assert problem.message == (
            f"The columns the mapping reads have {read + title_cells} filled cells; at most 100 are read."
        )


def test_an_export_over_the_cap_is_still_outlined_for_its_mapping(setting, monkeypatch):
    """The page reads only the rows where a header may be and a sample under it: the mapping's read counts its own."""
    header, rows, _spec = export_with_ignored_columns()
    rows = rows * 6  # 192 rows of 12 filled cells: 2,317 cells with the title and header
    data = "\n".join(",".join(row) for row in [["A title"], header, *rows]).encode()
    monkeypatch.setattr("dsm_data.intake.figures.MAX_USED_CELLS", 700)
    with pytest.raises(Rejected, match="The file has 2,317 filled cells"):
        read_file(data)
    outline = file_outline(data)
    assert (outline.header_row, outline.headers[0], outline.sample[0][:4]) == (2, ("A", "Land"), rows[0][:4])
    assert file_outline(data, header_row=30).headers[0] == ("A", rows[27][0])  # a later row, when asked


def test_a_native_long_table_counts_every_filled_cell(setting, monkeypatch):
    header, rows, _spec = export_with_ignored_columns()
    header[:4] = ["country", "period", "CITIZENSHIP", "value"]
    data = "\n".join(",".join(row) for row in [["indicator", *header], *(["ENTRIES", *row] for row in rows)])
    monkeypatch.setattr("dsm_data.intake.figures.MAX_USED_CELLS", 200)
    with pytest.raises(Rejected) as refusal:
        read_file(data.encode())
    [problem] = refusal.value.problems
    assert problem.message == "The file has 429 filled cells; at most 200 are read."  # 13 columns of 33 rows


def test_a_spec_reads_like_another_whatever_its_sheet_and_header_row():
    spec = MappingSpec(columns={"Country": "country", "Year": "period", "V": "value"}, fixed={"indicator": "ENTRIES"})
    moved = MappingSpec(**{**spec.__dict__, "sheet": "Table 2", "header_row": 4})
    assert spec.reads_like(moved)
    assert not spec.reads_like(MappingSpec(**{**spec.__dict__, "fixed": {"indicator": "EXITS"}}))
