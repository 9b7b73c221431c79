"""Reading numbers as people type them, and writing them back."""

import re
from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format

_SEPARATORS = re.compile(r"[\s\u00a0\u202f\u2009']")
_INTEGER = re.compile(r"-?\d+")
# A first group of thousands never starts with 0: "0,500" is a half, not five hundred.
_COMMA_THOUSANDS = re.compile(r"-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?")
_DOT_THOUSANDS = re.compile(r"-?[1-9]\d{0,2}(\.\d{3}){2,}(,\d+)?")
_DECIMAL = re.compile(r"-?\d+[.,]\d+")
# What a value column holds: 15 digits before the decimal point, 3 after.
MAX_INTEGER_DIGITS, MAX_DECIMAL_PLACES = 15, 3


def parse_number(text):
    """A Decimal from "1234", "1 234" (any space), "1,234", "1.234.567" or "12,5"; ValueError otherwise."""
    cleaned = _SEPARATORS.sub("", str(text))
    if _INTEGER.fullmatch(cleaned):
        return _within_limits(Decimal(cleaned), text)
    if _COMMA_THOUSANDS.fullmatch(cleaned):
        return _within_limits(Decimal(cleaned.replace(",", "")), text)
    if _DOT_THOUSANDS.fullmatch(cleaned):
        return _within_limits(Decimal(cleaned.replace(".", "").replace(",", ".")), text)
    if _DECIMAL.fullmatch(cleaned):
        try:
            return _within_limits(Decimal(cleaned.replace(",", ".")), text)
        except InvalidOperation:
            pass
    raise ValueError(text)


def _within_limits(number, text):
    integer_digits = len(str(abs(int(number))))
    decimal_places = max(-number.normalize().as_tuple().exponent, 0)
    if integer_digits > MAX_INTEGER_DIGITS or decimal_places > MAX_DECIMAL_PLACES:
        raise ValueError(text)
    return number


def format_number(value):
    """1234.000 -> "1,234" (grouped in the active language's way); None -> ""."""
    if value is None:
        return ""
    value = Decimal(value)
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return number_format(value, use_l10n=True, force_grouping=True)


# Eurostat's codes, typed in a cell instead of a number or after it.
ABSENCE_CODES = {":": "not_available", "c": "confidential", "z": "not_applicable"}
FLAG_CODES = {"p": "is_provisional", "e": "is_estimated"}


def parse_entry(text):
    """A Cell from what a person types: "1 234", "1234 p" (provisional), "1234 e" (estimated), ":", "c", "z".

    Raises ValueError for anything else; a blank entry gives a blank cell.
    """
    from .validation import Cell

    text = (text or "").strip()
    lowered = text.lower()
    if not text:
        return Cell()
    if lowered in ABSENCE_CODES:
        return Cell(absence=ABSENCE_CODES[lowered])
    flags = {}
    while lowered and lowered[-1] in FLAG_CODES:
        flags[FLAG_CODES[lowered[-1]]] = True
        lowered = lowered[:-1].rstrip()
    return Cell(number=parse_number(lowered), **flags)


def format_entry(cell):
    """The text that ``parse_entry`` reads back as the same cell."""
    if cell is None:
        return ""
    if cell.absence:
        return {absence: code for code, absence in ABSENCE_CODES.items()}[cell.absence]
    if cell.number is None:
        return ""
    flags = "".join(code for code, name in FLAG_CODES.items() if getattr(cell, name))
    return f"{format_number(cell.number)} {flags}".strip()
