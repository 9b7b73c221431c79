"""Reading numbers as people type them, and writing them back."""

import re
from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format

_SEPARATORS = re.compile(r"[\s\u00a0\u202f\u2009']")
_INTEGER = re.compile(r"-?\d+")
_COMMA_THOUSANDS = re.compile(r"-?\d{1,3}(,\d{3})+")
_DOT_THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3}){2,}")
_DECIMAL = re.compile(r"-?\d+[.,]\d+")


def parse_number(text):
    """A Decimal from "1234", "1 234" (any space), "1,234", "1.234.567" or "12,5"; ValueError otherwise."""
    cleaned = _SEPARATORS.sub("", str(text))
    if _INTEGER.fullmatch(cleaned):
        return Decimal(cleaned)
    if _COMMA_THOUSANDS.fullmatch(cleaned):
        return Decimal(cleaned.replace(",", ""))
    if _DOT_THOUSANDS.fullmatch(cleaned):
        return Decimal(cleaned.replace(".", ""))
    if _DECIMAL.fullmatch(cleaned):
        try:
            return Decimal(cleaned.replace(",", "."))
        except InvalidOperation:
            pass
    raise ValueError(text)


def format_number(value):
    """1234.000 -> "1,234" (grouped in the active language's way); None -> ""."""
    if value is None:
        return ""
    value = Decimal(value)
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return number_format(value, use_l10n=True, force_grouping=True)
