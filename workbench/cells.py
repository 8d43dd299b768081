"""The one CSV cell writer of every CSV the workbench writes (exports, `workbench extract --format csv`).

Text cells a spreadsheet would run as a formula are neutralised with a leading apostrophe. A spreadsheet
skips leading whitespace and invisible characters before it looks for a formula, and reads the full-width
forms of the formula signs as the signs themselves, so a cell is neutralised when its first *visible*
character is one of ``= + - @`` or their full-width forms ``＝ ＋ － ＠``, or when it starts with a tab or
a carriage return. A cell that already begins with the apostrophe gets one more, so :func:`unsafe_cell`
undoes :func:`safe_cell` exactly.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from typing import Any

FORMULA_SIGNS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")  # ASCII and full-width = + - @
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"
# a cell starting with one of these is plain text as it is (visible, not a sign, not the neutraliser): the
# common case, decided without looking further
_PLAIN_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _invisible(ch: str) -> bool:
    """Whitespace, or a character that takes no space: format characters (zero-width space and joiners,
    the byte-order mark, bidi marks) and other controls."""
    return ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs", "Zl", "Zp") or ch == "\u200b"


def first_visible(text: str) -> str:
    """The first character of ``text`` that is neither whitespace nor invisible ('' when there is none)."""
    for ch in text:
        if not _invisible(ch):
            return ch
    return ""


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula."""
    if not text:
        return False
    if text[0] in ("\t", "\r"):
        return True
    return first_visible(text) in FORMULA_SIGNS


def safe_cell(text: str) -> str:
    """Neutralise a text cell a spreadsheet would treat as a formula (and escape a leading apostrophe)."""
    if not text or text[0] in _PLAIN_START:
        return text
    if text[0] == NEUTRALISER or is_formula_like(text):
        return NEUTRALISER + text
    return text


def unsafe_cell(text: str) -> str:
    """Undo :func:`safe_cell`."""
    return text[1:] if text.startswith(NEUTRALISER) else text


def fmt_number(x: float | int | None) -> str:
    """A number as a plain CSV number: whole floats without ``.0``, others by ``repr`` (round-trips)."""
    if x is None:
        return ""
    if isinstance(x, bool):
        return str(int(x))
    if isinstance(x, int):
        return str(x)
    if math.isfinite(x) and x == int(x) and abs(x) < 1e16:
        return str(int(x))
    return repr(float(x))


def csv_cell(value: Any, numeric: bool = False) -> str:
    """One cell: a number in a numeric column as a plain number, anything else as text with spreadsheet
    formulas neutralised (``None`` is an empty cell)."""
    if value is None:
        return ""
    if numeric and isinstance(value, (int, float)):
        return fmt_number(value)
    return safe_cell(str(value))


def csv_row(values: Sequence[Any], numeric: Sequence[bool]) -> list[str]:
    """:func:`csv_cell` of each value (``numeric``: whether its column is numeric), in one pass: the cells of
    one row of a large export."""
    out: list[str] = []
    append, plain = out.append, _PLAIN_START
    for value, num in zip(values, numeric):
        kind = type(value)
        if value is None:
            append("")
        elif kind is str:
            append(value if not value or value[0] in plain else safe_cell(value))
        elif num and kind is float:  # as fmt_number: whole (and finite) floats without ".0", others by repr
            append(str(int(value)) if value.is_integer() and -1e16 < value < 1e16 else repr(value))
        else:
            append(csv_cell(value, num))
    return out
