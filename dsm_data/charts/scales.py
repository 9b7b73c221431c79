"""Axes: round tick values that include zero, and the mapping from a figure to a position."""

import math
from dataclasses import dataclass
from decimal import Decimal

from ..cells import format_number

_NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10))


def nice_ticks(numbers, *, count=5, whole=None):
    """About ``count`` round ticks (steps of 1, 2, 2.5 or 5 times a power of ten) covering ``numbers`` and zero.

    Zero is always on the axis: bars start there, and a line's rise is not exaggerated.
    Counts (``whole``: every figure a whole number) never get a step below 1.
    """
    numbers = [Decimal(number) for number in numbers]
    if whole is None:
        whole = all(number == number.to_integral_value() for number in numbers)
    low, high = min([Decimal(0), *numbers]), max([Decimal(0), *numbers])
    if low == high:
        high = low + 1
    raw = (high - low) / max(count, 1)
    power = Decimal(10) ** math.floor(math.log10(raw))
    step = next(power * nice for nice in _NICE_STEPS if power * nice >= raw)
    if whole:
        step = max(step, Decimal(1))
    first = (low / step).to_integral_value(rounding="ROUND_FLOOR")
    last = (high / step).to_integral_value(rounding="ROUND_CEILING")
    return [step * index for index in range(int(first), int(last) + 1)]


def tick_text(value):
    """A tick's label in the reader's language: "12,500" in English, "12 500" in Russian."""
    return format_number(value)


@dataclass(frozen=True)
class Scale:
    """From figures (``low`` .. ``high``) to positions (``start`` .. ``end``); ``end`` may be above ``start``."""

    low: float
    high: float
    start: float
    end: float

    @classmethod
    def over(cls, ticks, start, end):
        return cls(float(ticks[0]), float(ticks[-1]), start, end)

    def __call__(self, value):
        share = (float(value) - self.low) / (self.high - self.low)
        return self.start + share * (self.end - self.start)


def label_step(widths, slot):
    """Show every n-th label along an axis so that no two overlap (slots ``slot`` wide)."""
    widest = max(widths, default=0)
    step = 1
    while step < len(widths) and widest + slot * 0.15 > slot * step:
        step += 1
    return step


def coordinate(value):
    """A position as the SVG writes it: one decimal, no trailing zeros (small files)."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def plain_number(number):
    """A figure as data attributes hold it, without exponent or grouping: "1234", "12.5"."""
    if number is None:
        return ""
    number = Decimal(number)
    return f"{number.normalize():f}" if number != number.to_integral_value() else f"{number.quantize(Decimal(1)):f}"
