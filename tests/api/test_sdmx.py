"""SDMX out and in: structures and data read by the sdmx1 library, every observation the data browser's export
for the same reader (anonymous, and a country's user by token), content negotiation, keys and periods, errors
that name the allowed values, and the way back into the long table's rows."""

import csv
import io
from decimal import Decimal

import pytest
import sdmx
from django.test import Client
from django.utils import translation

from api.sdmx.csv_input import long_table_rows
from api.sdmx.vocabulary import statuses
from api.services import tokens as token_services
from dsm_data.cells import Cell
from dsm_data.intake.codes import Codes
from dsm_data.intake.long_table import read_records
from dsm_data.intake.problems import Rejected
from dsm_data.intake.records import Record
from dsm_data.models import Absence, Value
from dsm_data.selectors.browsing import browsable_values

pytestmark = pytest.mark.django_db

RESIDENTS, PERMITS, ASYLUM = "FOREIGN_RESIDENTS", "WORK_PERMITS", "ASYLUM_APPLICATIONS"
INDICATORS = [RESIDENTS, PERMITS, "ENTRIES", "EXITS", ASYLUM, "REFUGEE_DECISIONS"]
FOOTNOTE = 'Оценка, "по данным" реестра; см. примечание'
# sdmx1 splits a message into lines before reading it as CSV: a footnote over two lines is checked on the way back only.
TWO_LINES = "First line,\nsecond line"
# What each observation status means in the portal's terms (api.sdmx.vocabulary's table, written out again).
ABSENCE_OF_STATUS = {"O": Absence.NOT_AVAILABLE, "M": Absence.NOT_APPLICABLE, "Q": Absence.CONFIDENTIAL}
STRUCTURE_TYPE = "application/vnd.sdmx.structure+xml"
DATA_TYPE = "application/vnd.sdmx.data+csv"


def armenian_cell(year, key, **changes):
    """Change one of Armenia's public residents cells (SEX=…CITIZENSHIP=…) in place."""
    cells = Value.objects.filter(
        country__code="ARM", indicator__code=RESIDENTS, period__code=str(year), series__key=key
    )
    assert cells.update(**changes) == 1


@pytest.fixture
def sdmx_figures(report_figures):
    """The reports' figures, with a cell of every kind among the public ones: an estimate with a footnote,
    a confidential cell, one not available, one not collected (blank), a provisional figure."""
    armenian_cell(2022, "SEX=F.CITIZENSHIP=RUS", is_estimated=True, footnote=FOOTNOTE)
    armenian_cell(2022, "SEX=F.CITIZENSHIP=UZB", number=None, absence=Absence.CONFIDENTIAL)
    armenian_cell(2022, "SEX=F.CITIZENSHIP=TJK", number=None, absence=Absence.NOT_AVAILABLE)
    armenian_cell(2022, "SEX=F.CITIZENSHIP=KGZ", number=None, absence="")
    armenian_cell(2023, "SEX=M.CITIZENSHIP=RUS", is_provisional=True)
    return report_figures


def token_client(user):
    _token, key = token_services.create_token(user, name="sdmx")
    return Client(HTTP_AUTHORIZATION=f"Token {key}")


def structures(client):
    """Every dataflow with its structures and code lists, read by sdmx1."""
    response = client.get("/api/sdmx/dataflow/DSM/all/latest", {"references": "all"})
    assert response.status_code == 200, response.content[:500]
    return sdmx.read_sdmx(io.BytesIO(response.content))


def sdmx_observations(client, message, code):
    """{(indicator, country, period, breakdown key): (number, absence, provisional, estimated, footnote)} of a
    data query, read by sdmx1's SDMX-CSV reader with the flow's structure; {} when nothing matches (404)."""
    response = client.get(f"/api/sdmx/data/{code}")
    if response.status_code == 404:
        return {}
    assert response.status_code == 200, response.content[:500]
    flow = message.dataflow[code]
    data = sdmx.read_sdmx(io.BytesIO(response.content), format="csv", structure=flow)
    breakdowns = [dimension.id for dimension in flow.structure.dimensions][2:-1]  # after FREQ and REF_AREA
    observations = {}
    for dataset in data.data:
        for observation in dataset.obs:
            key = {name: value.value for name, value in observation.dimension.values.items()}
            attributes = {name: value.value for name, value in observation.attached_attribute.items()}
            assert key["FREQ"] == "A"  # the fixture's periods are years
            status, text = attributes["OBS_STATUS"], observation.value
            assert attributes["CONF_STATUS"] in (("C",) if status == "Q" else ("F", "N"))  # N: not the public's
            place = (code, key["REF_AREA"], key["TIME_PERIOD"], ".".join(f"{name}={key[name]}" for name in breakdowns))
            assert place not in observations
            observations[place] = (
                Decimal(text) if text else None,
                ABSENCE_OF_STATUS.get(status, ""),
                status == "P",
                status == "E",
                attributes.get("COMMENT", ""),
            )
            assert (status == "L") == (text == "" and not observations[place][1])  # L: blank, not collected
    return observations


def browser_cells(client, code):
    """The same, from the data browser's CSV export of every cell of the indicator, rows without a figure included."""
    response = client.get("/en/data/", {"indicator": code, "empty_rows": "on", "totals_only": "", "export": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    cells = {
        (row["indicator_code"], row["country_code"], row["period"], row["breakdown_code"]): (
            Decimal(row["value"]) if row["value"] else None,
            row["missing_because"],
            row["provisional"] == "1",
            row["estimated"] == "1",
            row["footnote"],
        )
        for row in rows
    }
    assert len(cells) == len(rows)
    return cells


@pytest.mark.parametrize("reader", ["anonymous", "kaz_user"])
def test_every_observation_is_the_data_browsers_cell_for_the_same_reader(sdmx_figures, reader):
    user = getattr(sdmx_figures, reader, None)
    sdmx_client = token_client(user) if user else Client()
    browser_client = Client()
    if user:
        browser_client.force_login(user)
    message = structures(sdmx_client)
    seen = {}
    for code in INDICATORS:
        observations = sdmx_observations(sdmx_client, message, code)
        assert observations == browser_cells(browser_client, code)
        seen.update(observations)
    assert ("FOREIGN_RESIDENTS", "ARM", "2022", "SEX=F.CITIZENSHIP=RUS") in seen
    assert {cell[1] for cell in seen.values()} >= {Absence.CONFIDENTIAL, Absence.NOT_AVAILABLE, ""}
    assert any(cell[4] == FOOTNOTE and cell[3] for cell in seen.values())
    indicators = {place[0] for place in seen}
    assert indicators == ({RESIDENTS} if user is None else {RESIDENTS, PERMITS, ASYLUM})


def test_structures_are_drawn_from_the_catalogue_in_every_language(sdmx_figures):
    message = structures(Client())
    assert list(message.dataflow) == INDICATORS
    permits = message.structure[PERMITS]
    assert [dimension.id for dimension in permits.dimensions] == [
        "FREQ", "REF_AREA", "PERMIT_OUTCOME", "PERMIT_TYPE", "TIME_PERIOD",
    ]  # fmt: skip
    assert [attribute.id for attribute in permits.attributes] == ["OBS_STATUS", "CONF_STATUS", "COMMENT"]
    assert [measure.id for measure in permits.measures] == ["OBS_VALUE"]
    assert message.dataflow[PERMITS].structure is permits
    assert set(message.codelist["CL_SEX"].items) == {"F", "M", "_T"}
    assert set(message.codelist["CL_AREA"].items) == {"ARM", "KAZ"}
    assert message.codelist["CL_AREA"]["KAZ"].name.localizations == {"en": "Kazakhstan", "ru": "Казахстан"}
    assert message.dataflow[RESIDENTS].name.localizations["ru"] == "Иностранные граждане в стране"
    assert set(message.codelist["CL_OBS_STATUS"].items) == {"A", "P", "E", "O", "M", "Q", "L"}


def test_a_data_structure_comes_with_its_code_lists_and_a_dataflow_alone_without(sdmx_figures):
    content = Client().get(f"/api/sdmx/dataflow/DSM/{PERMITS}").content
    alone = sdmx.read_sdmx(io.BytesIO(content))
    assert list(alone.dataflow) == [PERMITS]
    assert not alone.codelist
    assert b"DataStructures" not in content
    with_children = sdmx.read_sdmx(io.BytesIO(Client().get(f"/api/sdmx/datastructure/DSM/{PERMITS}/1.0").content))
    assert list(with_children.structure) == [PERMITS]
    assert {"CL_AREA", "CL_PERMIT_OUTCOME", "CL_PERMIT_TYPE"} <= set(with_children.codelist)
    assert "CL_SEX" not in with_children.codelist
    codelist = sdmx.read_sdmx(io.BytesIO(Client().get("/api/sdmx/codelist/DSM/CL_AGE/latest").content))
    assert list(codelist.codelist) == ["CL_AGE"]


@pytest.mark.parametrize(
    ("path", "headers", "expected"),
    [
        (f"/api/sdmx/data/{RESIDENTS}", {}, f"{DATA_TYPE}; version=2.0.0"),
        (f"/api/sdmx/data/{RESIDENTS}", {"HTTP_ACCEPT": f"{DATA_TYPE};version=2.0.0"}, f"{DATA_TYPE}; version=2.0.0"),
        (f"/api/sdmx/data/{RESIDENTS}?format=sdmx-csv", {"HTTP_ACCEPT": "text/html"}, f"{DATA_TYPE}; version=2.0.0"),
        (f"/api/sdmx/data/{RESIDENTS}?format=csv", {}, "text/csv"),
        (f"/api/sdmx/data/{RESIDENTS}", {"HTTP_ACCEPT": "text/csv"}, "text/csv"),
        ("/api/sdmx/dataflow", {}, f"{STRUCTURE_TYPE}; version=2.1"),
        ("/api/sdmx/dataflow", {"HTTP_ACCEPT": f"{STRUCTURE_TYPE};version=2.1"}, f"{STRUCTURE_TYPE}; version=2.1"),
        ("/api/sdmx/dataflow/?format=structure", {"HTTP_ACCEPT": "text/csv"}, f"{STRUCTURE_TYPE}; version=2.1"),
        ("/api/sdmx/dataflow?format=xml", {}, "application/xml"),
    ],
)
def test_the_format_follows_the_accept_header_or_the_format_parameter(sdmx_figures, path, headers, expected):
    response = Client().get(path, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{expected}; charset=utf-8"
    assert "Accept" in response["Vary"]
    assert response.content.startswith(b"STRUCTURE," if "csv" in expected else b"<?xml")


@pytest.mark.parametrize(
    ("path", "headers", "named"),
    [
        (f"/api/sdmx/data/{RESIDENTS}", {"HTTP_ACCEPT": f"{STRUCTURE_TYPE};version=2.1"}, "?format=sdmx-csv or csv"),
        (f"/api/sdmx/data/{RESIDENTS}?format=json", {}, "?format=sdmx-csv or csv"),
        (f"/api/sdmx/data/{RESIDENTS}", {"HTTP_ACCEPT": f"{DATA_TYPE};version=1.0.0"}, "version 2.0.0"),
        ("/api/sdmx/dataflow", {"HTTP_ACCEPT": "application/json"}, "?format=structure or xml"),
        ("/api/sdmx/dataflow?format=sdmx-csv", {}, "?format=structure or xml"),
    ],
)
def test_a_format_not_served_is_refused_with_406_naming_those_that_are(sdmx_figures, path, headers, named):
    response = Client().get(path, **headers)
    assert response.status_code == 406
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert named in response.content.decode()


def test_an_unknown_flow_is_a_404_naming_the_flows_in_the_readers_language(sdmx_figures):
    response = Client().get("/api/sdmx/data/NOT_A_FLOW/all")
    assert response.status_code == 404  # not the language redirect every other unknown path gets
    text = response.content.decode()
    assert "NOT_A_FLOW" in text
    assert all(code in text for code in INDICATORS)
    russian = Client().get("/api/sdmx/data/DSM,NOT_A_FLOW,1.0", HTTP_ACCEPT_LANGUAGE="ru")
    assert russian.status_code == 404
    assert "Неизвестный поток" in russian.content.decode()
    assert Client().get(f"/api/sdmx/dataflow/ECB/{RESIDENTS}").status_code == 404
    assert Client().get(f"/api/sdmx/datastructure/DSM/{RESIDENTS}/2.0").status_code == 404
    unknown = Client().get("/api/sdmx/codelist/DSM/CL_NOTHING")
    assert unknown.status_code == 404
    assert "CL_SEX" in unknown.content.decode()


def data_rows(response):
    assert response.status_code == 200, response.content[:300]
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_a_key_chooses_codes_by_position_with_plus_for_or_and_empty_for_any(sdmx_figures):
    client = token_client(sdmx_figures.kaz_user)
    every = data_rows(client.get(f"/api/sdmx/data/{RESIDENTS}/all"))
    assert data_rows(client.get(f"/api/sdmx/data/DSM,{RESIDENTS},latest/...")) == every
    chosen = data_rows(client.get(f"/api/sdmx/data/{RESIDENTS}/A.KAZ+ARM.F+M.RUS"))
    assert chosen == [row for row in every if row["SEX"] in ("F", "M") and row["CITIZENSHIP"] == "RUS"]
    assert {row["REF_AREA"] for row in chosen} == {"KAZ", "ARM"}
    assert len(chosen) == 2 * (3 + 2)  # F and M; KAZ 2022-24, ARM 2022-23
    armenian = data_rows(client.get(f"/api/sdmx/data/{RESIDENTS}/.ARM._T._T"))
    assert [row["TIME_PERIOD"] for row in armenian] == ["2022", "2023"]
    assert [row["OBS_VALUE"] for row in armenian] == ["40000", "41000"]


@pytest.mark.parametrize(
    ("key", "named"),
    [
        ("A.KAZ", "FREQ.REF_AREA.SEX.CITIZENSHIP"),
        ("A.KAZ.X.", "F, M, _T"),
        ("A.NARNIA..", "ARM, KAZ"),
        ("W...", "A, Q, M"),
    ],
)
def test_a_bad_key_is_a_400_naming_the_dimensions_or_the_codes(sdmx_figures, key, named):
    response = Client().get(f"/api/sdmx/data/{RESIDENTS}/{key}")
    assert response.status_code == 400
    assert named in response.content.decode()


def test_start_and_end_period_keep_the_periods_within(sdmx_figures):
    client = token_client(sdmx_figures.kaz_user)
    path = f"/api/sdmx/data/{RESIDENTS}/A.KAZ._T._T"
    years = {
        query: [row["TIME_PERIOD"] for row in data_rows(client.get(path + query))]
        for query in ("", "?startPeriod=2023", "?endPeriod=2022-12-31", "?startPeriod=2023-Q1&endPeriod=2023-12")
    }
    assert years == {
        "": ["2022", "2023", "2024"],
        "?startPeriod=2023": ["2023", "2024"],
        "?endPeriod=2022-12-31": ["2022"],
        "?startPeriod=2023-Q1&endPeriod=2023-12": ["2023"],
    }
    assert Client().get(path + "?startPeriod=2030").status_code == 404  # nothing matches: SDMX's 404
    bad = Client().get(path + "?startPeriod=last-year")
    assert bad.status_code == 400
    assert "2024-Q1" in bad.content.decode()


def test_what_the_public_may_not_read_never_leaves(sdmx_figures):
    anonymous = Client()
    assert anonymous.get(f"/api/sdmx/data/{ASYLUM}").status_code == 404  # national only
    assert anonymous.get(f"/api/sdmx/data/{PERMITS}").status_code == 404  # shared with participating states
    public = anonymous.get(f"/api/sdmx/data/{RESIDENTS}").content.decode()
    assert "777777" not in public  # KAZ 2024: public, but embargoed until tomorrow
    kazakh = token_client(sdmx_figures.kaz_user)
    assert "987654" in kazakh.get(f"/api/sdmx/data/{ASYLUM}/.KAZ._T._T._T").content.decode()
    assert "777777" in kazakh.get(f"/api/sdmx/data/{RESIDENTS}").content.decode()
    confidential = data_rows(anonymous.get(f"/api/sdmx/data/{RESIDENTS}/A.ARM.F.UZB?endPeriod=2022"))
    assert [(row["OBS_VALUE"], row["OBS_STATUS"], row["CONF_STATUS"]) for row in confidential] == [("", "Q", "C")]


def test_a_figure_not_the_publics_is_marked_not_for_publication_and_its_pull_audited(sdmx_figures):
    from dsm_data.models import AuditEntry

    def confidentiality(client, path):
        return {(row["REF_AREA"], row["TIME_PERIOD"], row["CONF_STATUS"]) for row in data_rows(client.get(path))}

    anonymous, kazakh = Client(), token_client(sdmx_figures.kaz_user)
    assert {status for *_place, status in confidentiality(anonymous, f"/api/sdmx/data/{RESIDENTS}")} <= {"F", "C"}
    assert not AuditEntry.objects.filter(action="dsm.export").exists()
    national = confidentiality(kazakh, f"/api/sdmx/data/{ASYLUM}/.KAZ._T._T._T")
    assert national
    assert {status for *_place, status in national} == {"N"}
    [entry] = AuditEntry.objects.filter(action="dsm.export")
    assert (entry.user, entry.data["format"]) == (sdmx_figures.kaz_user, "sdmx-csv")
    residents = confidentiality(kazakh, f"/api/sdmx/data/{RESIDENTS}/A.KAZ._T._T")
    assert ("KAZ", "2024", "N") in residents  # public, but under embargo until tomorrow
    assert ("KAZ", "2023", "F") in residents


def test_an_answer_asked_again_unchanged_is_a_304(sdmx_figures):
    client = Client()
    first = client.get(f"/api/sdmx/data/{RESIDENTS}")
    assert client.get(f"/api/sdmx/data/{RESIDENTS}", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert Client(HTTP_AUTHORIZATION="Token not-a-token").get(f"/api/sdmx/data/{RESIDENTS}").status_code == 401


def test_what_the_data_path_sends_reads_back_as_the_long_tables_rows_and_through_its_intake(sdmx_figures):
    armenian_cell(2023, "SEX=F.CITIZENSHIP=RUS", footnote=TWO_LINES)
    response = token_client(sdmx_figures.kaz_user).get(f"/api/sdmx/data/{RESIDENTS}")
    sent = data_rows(response)
    rows = long_table_rows(response.content)
    assert len(rows) == len(sent) - sum(row["OBS_STATUS"] == "L" for row in sent)  # not collected: no figure
    assert TWO_LINES in [row["footnote"] for row in rows]
    by_line = {row["row"]: row for row in rows}
    flags = {"A": "", "P": "p", "E": "e"}
    lines = [2]  # the line each observation starts on: after the header, and after a footnote's line breaks
    for observation in sent:
        lines.append(lines[-1] + 1 + observation["COMMENT"].count("\n"))
    for line, observation in zip(lines, sent, strict=False):
        if observation["OBS_STATUS"] == "L":
            assert line not in by_line
            continue
        absence = {"O": ":", "M": "z", "Q": "c"}.get(observation["OBS_STATUS"])
        assert by_line[line] == {
            "indicator": RESIDENTS,
            "country": observation["REF_AREA"],
            "period": observation["TIME_PERIOD"],
            "SEX": observation["SEX"],
            "CITIZENSHIP": observation["CITIZENSHIP"],
            "value": absence or observation["OBS_VALUE"],
            "flag": "" if absence else flags[observation["OBS_STATUS"]],
            "footnote": observation["COMMENT"],
            "comment": "",
            "row": line,
        }
    uploads = read_records(
        [Record(row["row"], {name: text for name, text in row.items() if name != "row"}) for row in rows],
        codes=Codes(),
        sheet="SDMX-CSV",
    )
    read = {
        (upload.country.code, upload.period.code, series): cell_content(cell)
        for upload in uploads
        for cells in upload.cells.values()
        for series, cell in cells.items()
    }
    readable = browsable_values(sdmx_figures.kaz_user).filter(indicator__code=RESIDENTS)
    stored = {(value.country.code, value.period.code, value.series_id): Cell.from_value(value) for value in readable}
    assert read == {place: cell_content(cell) for place, cell in stored.items() if not cell.is_blank}
    assert any(cell.is_blank for cell in stored.values())


def cell_content(cell):
    return (cell.number, cell.absence, cell.is_provisional, cell.is_estimated, cell.footnote)


def test_a_provisional_estimate_is_sent_as_estimated_sdmx_having_one_status():
    assert statuses(number=Decimal(5), absence="", is_provisional=True, is_estimated=True) == ("E", "F")
    assert statuses(number=None, absence="", is_provisional=False, is_estimated=False) == ("L", "F")
    assert statuses(number=None, absence=Absence.CONFIDENTIAL, is_provisional=False, is_estimated=False) == ("Q", "C")


SDMX_CSV_1 = (
    "DATAFLOW,FREQ: Frequency,REF_AREA,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS,COMMENT,DSM_COMMENT\r\n"
    'DSM:FOREIGN_RESIDENTS(1.0),Q: Quarterly,KAZ,F: Female,2024-Q1,12.5,P,F,"two\nlines",\r\n'
    "DSM:FOREIGN_RESIDENTS(1.0),M,KAZ,M,2024-M03,,O,F,,\r\n"
    "DSM:FOREIGN_RESIDENTS(1.0),A,KAZ,_T,2024-A1,NaN,M,,,\r\n"
    "DSM:FOREIGN_RESIDENTS(1.0),A,ARM,_T,2024,,Q,C,,\r\n"
    "DSM:FOREIGN_RESIDENTS(1.0),A,ARM,F,2024,,L,F,,\r\n"
    "\r\n"
    "DSM:FOREIGN_RESIDENTS(1.0),A,ARM,M,2023,41000,E,F,,A new register explains the jump.\r\n"
)


def test_sdmx_csv_1_with_labels_reads_into_rows_numbered_by_their_line():
    rows = long_table_rows(SDMX_CSV_1.encode(), dimension_codes={"SEX"})
    assert [(row["row"], row["period"], row["SEX"], row["value"], row["flag"]) for row in rows] == [
        (2, "2024-Q1", "F", "12.5", "p"),
        (4, "2024-03", "M", ":", ""),
        (5, "2024", "_T", "z", ""),
        (6, "2024", "_T", "c", ""),
        (9, "2023", "M", "41000", "e"),
    ]
    assert rows[0]["footnote"] == "two\nlines"
    assert rows[0]["indicator"] == RESIDENTS
    assert rows[-1]["comment"] == "A new register explains the jump."


@pytest.mark.parametrize(
    ("header", "named"),
    [
        ("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE", "“UNIT_MEASURE”"),
        ("STRUCTURE,STRUCTURE_ID,ACTION,TIME_PERIOD,OBS_VALUE", "Missing column REF_AREA"),
        ("FLOW,REF_AREA,TIME_PERIOD,OBS_VALUE", "Missing column STRUCTURE_ID / DATAFLOW"),
    ],
)
def test_an_unknown_or_missing_column_is_refused_naming_the_columns_seen_and_needed(header, named):
    with pytest.raises(Rejected) as refusal:
        long_table_rows(f"{header}\n".encode(), dimension_codes={"SEX"})
    text = "; ".join(f"{problem.message} {problem.hint}" for problem in refusal.value.problems)
    assert named in text
    assert "REF_AREA, TIME_PERIOD, OBS_VALUE" in text
    assert "SEX" in text
    assert header.split(",")[-1] in text  # the columns seen


def test_a_confidential_number_an_unknown_status_or_a_deletion_is_refused_by_line():
    message = (
        "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS\n"
        "dataflow,DSM:WORK_PERMITS(1.0),I,KAZ,2024,5,A,C\n"
        "dataflow,DSM:WORK_PERMITS(1.0),I,KAZ,2024,5,B,F\n"
        "dataflow,DSM:WORK_PERMITS(1.0),D,KAZ,2024,5,A,F\n"
    )
    with pytest.raises(Rejected) as refusal:
        long_table_rows(message.encode(), dimension_codes=set())
    assert [problem.cell for problem in refusal.value.problems] == ["F2", "G3", "C4"]
    with translation.override("ru"), pytest.raises(Rejected) as russian:
        long_table_rows(b"REF_AREA\n", dimension_codes=set())
    assert "Нет столбца" in russian.value.problems[0].message


def test_the_api_documentation_lists_the_sdmx_paths_with_their_parameters(sdmx_figures):
    page = Client().get("/api/v1/docs/").content.decode()
    assert "GET /api/sdmx/data/{flow}/{key}</code>" in page
    assert "GET /api/sdmx/{resource}/{agency}/{resource_id}/{version}</code>" in page
    assert "<code>startPeriod</code>" in page


def test_a_number_with_a_status_of_absence_keeps_its_flag_for_the_intake_to_refuse():
    message = "DATAFLOW,REF_AREA,TIME_PERIOD,OBS_VALUE,OBS_STATUS\nDSM:ENTRIES(1.0),KAZ,2024,5,O\n"
    (row,) = long_table_rows(message.encode(), dimension_codes=set())
    assert (row["value"], row["flag"]) == ("5", ":")


def test_the_catalogue_is_read_in_as_many_queries_however_many_indicators_it_holds(sdmx_figures):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dsm_data.models import Indicator, IndicatorDimension

    def queries(path):
        with CaptureQueriesContext(connection) as captured:
            assert Client().get(path).status_code == 200
        return len(captured)

    paths = [f"/api/sdmx/data/{RESIDENTS}/A.KAZ._T._T", "/api/sdmx/dataflow/DSM/all/latest?references=all"]
    before = [queries(path) for path in paths]
    template = Indicator.objects.get(code=RESIDENTS)
    for number in range(5):
        added = Indicator.objects.create(code=f"EXTRA_{number}", name={"en": f"Extra {number}"}, sort_order=100)
        for link in IndicatorDimension.objects.filter(indicator=template):
            IndicatorDimension.objects.create(indicator=added, dimension=link.dimension, sort_order=link.sort_order)
    assert [queries(path) for path in paths] == before
    assert "EXTRA_4" in Client().get(paths[1]).content.decode()
