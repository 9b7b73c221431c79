import re
from decimal import Decimal

import pytest
from django.utils import translation

from dsm_data.cells import (
    Cell,
    entry_formatter,
    format_entry,
    format_number,
    number_formatter,
    parse_entry,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1234", 1234),
        ("1 234", 1234),
        ("1\u00a0234", 1234),
        ("1\u202f234 567", 1234567),
        ("1,234", 1234),
        ("1,234,567", 1234567),
        ("1.234.567", 1234567),
        ("12,5", Decimal("12.5")),
        ("0,500", Decimal("0.5")),
        ("1,234.5", Decimal("1234.5")),
        ("1 234,5", Decimal("1234.5")),
        ("1.234.567,5", Decimal("1234567.5")),
        ("0", 0),
        ("-5", -5),
    ],
)
def test_parse_number_reads_what_people_type(text, number):
    assert parse_number(text) == Decimal(number)


@pytest.mark.parametrize(
    "text", ["", "abc", "1,2,3", "12 apples", "1e5", "--1", "1234567890123456", "0.0005", "12345678901234567890"]
)
def test_parse_number_refuses_anything_else(text):
    with pytest.raises(ValueError, match=re.escape(text) or None):
        parse_number(text)


def test_parse_entry_reads_codes_and_flags():
    assert parse_entry("") == Cell()
    assert parse_entry(":") == Cell(absence="not_available")
    assert parse_entry("C") == Cell(absence="confidential")
    assert parse_entry("z") == Cell(absence="not_applicable")
    assert parse_entry("1 234 p") == Cell(number=Decimal(1234), is_provisional=True)
    assert parse_entry("15e") == Cell(number=Decimal(15), is_estimated=True)
    assert parse_entry("7 pe") == Cell(number=Decimal(7), is_provisional=True, is_estimated=True)
    with pytest.raises(ValueError, match="x"):
        parse_entry("x")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_format_entry_reads_back_as_the_same_cell(language):
    with translation.override(language):
        for cell in [
            Cell(number=Decimal("1234567.000"), is_provisional=True),
            Cell(number=Decimal(0)),
            Cell(absence="confidential"),
            Cell(number=Decimal(12), is_estimated=True),
        ]:
            assert parse_entry(format_entry(cell)) == cell


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_page_s_formatters_write_what_format_number_and_format_entry_write(language):
    numbers = [None, 0, Decimal("0"), Decimal("-0.000"), Decimal("1234567.000"), Decimal("-1234.500")]
    numbers += [Decimal("0.001"), Decimal("999999999999999.999"), Decimal("-5"), 12, Decimal("1E+3")]
    with translation.override(language):
        formatted, entry, record_entry = number_formatter(), entry_formatter(), entry_formatter(getattr)
        assert [formatted(number) for number in numbers] == [format_number(number) for number in numbers]
        for number in numbers:
            for absence in ("", "not_available", "confidential", "not_applicable"):
                row = {"number": number, "absence": absence, "is_provisional": True, "is_estimated": bool(number)}
                cell = Cell.from_value(row)
                assert entry(row) == record_entry(cell) == format_entry(cell)
