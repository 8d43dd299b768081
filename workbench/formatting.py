"""Numbers and values written for reading, the same on the command line and on the screens."""

from __future__ import annotations

import math

from workbench.models import Claim, Kind

__all__ = ["format_number", "format_value"]

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


def format_value(c: Claim) -> str:
    """A claim's value with its unit: 'GBP 48m /day', '280m–340m', '7.5%', '12,500 hectare'."""
    low, high = format_number(c.low), format_number(c.high)
    number = low if c.low == c.high else f"{low}–{high}"
    if c.kind == Kind.PERCENT:
        number = f"{number}%"
    if c.kind == Kind.MONEY and c.currency:
        number = f"{c.currency} {number}"
    if c.unit and c.kind in (Kind.MEASURE, Kind.DURATION):
        number = f"{number} {c.unit}"
    if c.per:
        number = f"{number} /{c.per}"
    return number
