"""A table file's rows, read as they are asked for: a header is found without reading the whole file."""

import csv

import pytest

from dsm_data.intake.problems import Rejected
from dsm_data.intake.table_rows import read_rows


def csv_bytes(*rows):
    return "\n".join(",".join(row) for row in rows).encode()


def test_rows_kept_by_head_and_the_rest_are_each_taken_once_in_order():
    rows = read_rows(csv_bytes(["a title"], [], ["country", "value"], ["KAZ", "1"], ["ARM", "2"]))
    assert rows.first(2) == [(1, ["a title"]), (3, ["country", "value"])]  # the empty row 2 left out
    assert list(rows.taken()) == [(1, ["a title"]), (3, ["country", "value"]), (4, ["KAZ", "1"]), (5, ["ARM", "2"])]
    assert list(rows.taken()) == list(rows.head()) == []


def test_a_row_is_read_only_when_asked_for():
    too_long = csv.field_size_limit() + 1
    data = csv_bytes(["country", "value"], ["KAZ", "1"]) + b'\nARM,"' + b"x" * too_long + b'"'
    rows = read_rows(data)
    assert rows.first(2) == [(1, ["country", "value"]), (2, ["KAZ", "1"])]  # the long field not read yet
    with pytest.raises(Rejected) as refusal:
        list(rows.taken())
    assert str(refusal.value.problems[0]) == (
        f"Sheet CSV, cell B3: The field is longer than {too_long - 1} characters: is this a table of figures?"
    )
