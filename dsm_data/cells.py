"""A cell of a grid, and what people type in one: numbers, Eurostat's codes and flags.

Every channel reads its input into ``Cell`` objects here (the web form and paper from
text, Excel from a spreadsheet's value, long tables from a value and a flag column);
``validation`` checks them and services store them. This module imports no other
module of the project.
"""

import operator
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils import numberformat
from django.utils.formats import get_format, number_format
from django.utils.translation import get_language

_SEPARATORS = re.compile(r"[\s\u00a0\u202f\u2009']")
_INTEGER = re.compile(r"-?\d+")
# A first group of thousands never starts with 0: "0,500" is a half, not five hundred.
_COMMA_THOUSANDS = re.compile(r"-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?")
_DOT_THOUSANDS = re.compile(r"-?[1-9]\d{0,2}(\.\d{3}){2,}(,\d+)?")
_DECIMAL = re.compile(r"-?\d+[.,]\d+")
# What a value column holds: 15 digits before the decimal point, 3 after.
MAX_INTEGER_DIGITS, MAX_DECIMAL_PLACES = 15, 3


@dataclass(slots=True)
class Cell:
    """One cell as entered: a number, or the reason it has none, with its flags.

    Slotted: an upload holds 100,000 of them, and their attribute dicts took 10 MB.
    """

    number: Decimal | None = None
    absence: str = ""
    is_provisional: bool = False
    is_estimated: bool = False
    footnote: str = ""
    comment: str = ""
    # Why a published figure changes (a long table's ``reason`` column); stored on its revision only.
    reason: str = ""

    @classmethod
    def from_value(cls, value):
        """The cell of a stored Value or ValueRevision (or a row of a Value's fields)."""
        get = value.get if isinstance(value, dict) else lambda name, default="": getattr(value, name, default)
        return cls(
            number=get("number"),
            absence=get("absence"),
            is_provisional=get("is_provisional"),
            is_estimated=get("is_estimated"),
            footnote=get("footnote", ""),
            comment=get("comment", ""),
        )

    @property
    def is_blank(self):
        return self.number is None and not self.absence

    def same_content(self, other):
        """True when storing ``self`` over ``other`` would change nothing but the comment."""
        return (self.number, self.absence, self.is_provisional, self.is_estimated, self.footnote) == (
            other.number,
            other.absence,
            other.is_provisional,
            other.is_estimated,
            other.footnote,
        )


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
ABSENCE_TEXTS = {absence: code for code, absence in ABSENCE_CODES.items()}


def number_formatter():
    """``format_number`` for the many figures of a page in the active language: its separators read once,
    not for each figure, and a whole number grouped in threes by Python. The same text as
    ``format_number``, in a third of its time (half of the data browser's rows' writing was there)."""
    language = get_language()
    decimal_separator = get_format("DECIMAL_SEPARATOR", language, use_l10n=True)
    grouping = get_format("NUMBER_GROUPING", language, use_l10n=True)
    thousand_separator = get_format("THOUSAND_SEPARATOR", language, use_l10n=True)

    def formatted(value):
        if value is None:
            return ""
        value = Decimal(value)
        if value == value.to_integral_value():
            whole = int(value)
            if grouping == 3 and (whole or not value.is_signed()):  # "-0" keeps its sign, as Django writes it
                return f"{whole:,}".replace(",", thousand_separator)
            value = value.quantize(Decimal(1))
        else:
            value = value.normalize()
        return numberformat.format(value, decimal_separator, None, grouping, thousand_separator, True, True)

    return formatted


def entry_formatter(read=operator.getitem):
    """``format_entry`` for the many rows of a page, in the active language (``number_formatter``).

    Each row has a Value's fields ``number``, ``absence``, ``is_provisional`` and ``is_estimated``,
    read by ``read(row, name)``: items of a dict (the default), or ``getattr`` for records.
    """
    number = number_formatter()

    def formatted(row):
        absence, figure = read(row, "absence"), read(row, "number")
        if absence:
            return ABSENCE_TEXTS[absence]
        if figure is None:
            return ""
        flags = "".join(code for code, name in FLAG_CODES.items() if read(row, name))
        return f"{number(figure)} {flags}".strip()

    return formatted


def parse_entry(text):
    """A Cell from what a person types: "1 234", "1234 p" (provisional), "1234 e" (estimated), ":", "c", "z".

    Raises ValueError for anything else; a blank entry gives a blank cell.
    """
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
        return ABSENCE_TEXTS[cell.absence]
    if cell.number is None:
        return ""
    flags = "".join(code for code, name in FLAG_CODES.items() if getattr(cell, name))
    return f"{format_number(cell.number)} {flags}".strip()


def cell_from_spreadsheet(raw):
    """A Cell from a spreadsheet cell's value: a number as Excel stores it, or text typed as in the grid.

    Raises ValueError for anything else (a boolean, words).
    """
    if raw is None:
        return Cell()
    if isinstance(raw, bool):
        raise ValueError(raw)
    if isinstance(raw, int):
        return Cell(number=Decimal(raw))
    if isinstance(raw, float):
        return Cell(number=Decimal(str(raw)))
    return parse_entry(str(raw))


def apply_flag(cell, flag):
    """Put a long table's flag column on ``cell``: a code of absence on a blank cell, or p/e after a number.

    Returns False, changing nothing, when the flag is not one of those.
    """
    flag = flag.lower().replace(" ", "")
    if flag in ABSENCE_CODES and cell.is_blank:
        cell.absence = ABSENCE_CODES[flag]
    elif flag and all(code in FLAG_CODES for code in flag) and cell.number is not None:
        for code in flag:
            setattr(cell, FLAG_CODES[code], True)
    elif flag:
        return False
    return True
