"""Numbers and values written for reading, the same on the command line and on the screens."""

from __future__ import annotations

import math

from workbench.models import Claim, Kind

__all__ = ["format_number", "format_value", "unit_words"]

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))


def format_number(x: float) -> str:
    """A number for reading: 4200 -> '4,200', 2.3e9 -> '2.3bn', 48e6 -> '48m', 0.25 -> '0.25', 41.2 -> '41.2'."""
    if math.isnan(x) or math.isinf(x):
        return str(x)
    for size, word in _SCALES:
        if abs(x) >= size:
            return f"{x / size:,.3f}".rstrip("0").rstrip(".") + word
    if x == int(x):
        return f"{int(x):,}"
    if abs(x) >= 1000:
        return f"{x:,.1f}".rstrip("0").rstrip(".")
    return f"{x:.4g}"


_NO_PLURAL = {"celsius", "fahrenheit", "kelvin"}  # "18 celsius", never "18 celsiuses"


def unit_words(unit: str, low: float, high: float) -> str:
    """A unit's name as a value calls for it: the singular for exactly one, else the plural of the word that
    is counted ('18 months', '1 month', '0.5 hours', '12,500 square kilometres', '30 metres per second').
    Only the unit table's names are inflected; a symbol or an unknown name is written as it is."""
    from workbench.units import UNITS

    if unit not in UNITS or unit in _NO_PLURAL or (low == 1 and high == 1):
        return unit
    head, sep, rest = unit.partition(" per ")
    words = head.split(" ")
    if not words[-1].isalpha() or len(words[-1]) < 3:
        return unit
    words[-1] = _plural(words[-1])
    return " ".join(words) + (sep + rest if sep else "")


def _plural(word: str) -> str:
    return _inflect().plural_noun(word) or word


_ENGINE = None


def _inflect():  # type: ignore[no-untyped-def]
    global _ENGINE
    if _ENGINE is None:
        import inflect

        _ENGINE = inflect.engine()
    return _ENGINE


def format_value(c: Claim) -> str:
    """A claim's value with its unit: 'GBP 48m /day', '280m–340m', '7.5%', '12,500 hectares'."""
    low, high = format_number(c.low), format_number(c.high)
    number = low if c.low == c.high else f"{low}–{high}"
    if c.kind == Kind.PERCENT:
        number = f"{number}%"
    if c.kind == Kind.MONEY and c.currency:
        number = f"{c.currency} {number}"
    if c.unit and c.kind in (Kind.MEASURE, Kind.DURATION):
        number = f"{number} {unit_words(c.unit, c.low, c.high)}"
    if c.per:
        number = f"{number} /{c.per}"
    return number
