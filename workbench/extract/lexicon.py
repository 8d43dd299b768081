"""The unit and currency lexicon derived from quantulum3 and CLDR (``lexicon.json``, built by
:mod:`workbench.extract.build_lexicon`), read once and indexed for lookups after a number.

Our own tables in :mod:`workbench.units` and :mod:`workbench.numbers` come first (their names are the
claim contract's); the lexicon adds the hundreds of units and currencies they do not list, under
quantulum3's unit names brought to ours by :func:`workbench.units.canonical_unit`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from workbench import units as U

PATH = Path(__file__).resolve().parent / "lexicon.json"

# quantulum3 entities whose units are measures of a thing; anything else ("dimensionless", "instance
# frequency") is not read as a unit.
MEASURE_ENTITIES = {
    "length", "area", "volume", "mass", "power", "energy", "speed", "temperature", "pressure", "data storage",
    "frequency", "force", "density", "volumetric flow", "acceleration", "current", "electric potential",
    "data transfer rate", "torque", "angle", "luminous flux", "radioactivity", "radiation absorbed dose",
    "sound level", "mass flow", "linear mass density", "charge", "capacitance", "electrical resistance", "time",
}
# Commodities and accounting units that CLDR lists with currency codes but news does not write as money.
_NOT_MONEY = {"XAU", "XAG", "XPD", "XPT", "XDR", "XXX", "XTS", "XBA", "XBB", "XBC", "XBD", "XFO", "XFU",
              "XRE", "XSU", "XUA"}


@dataclass(frozen=True, slots=True)
class Lexicon:
    surfaces: dict[str, str]  # lower-case surface ("gigabytes", "pound-force") -> unit name
    symbols: dict[str, str]  # symbol as written ("GB", "Hz", "µm") -> unit name
    ambiguous: frozenset[str]  # surfaces and symbols that are also everyday words ("at", "pa")
    currency_names: dict[str, str]  # lower-case name ("finnish markka") -> ISO 4217 code
    currency_symbols: dict[str, str]  # symbol with a non-letter in it ("HK$", "CN¥") -> code
    currency_codes: frozenset[str]
    common_codes: frozenset[str]  # codes that are everyday English words ("ALL", "TOP")
    max_words: int


def _name(q_name: str) -> str:
    canon = U.canonical_unit(q_name) or q_name
    return canon


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads(PATH.read_text(encoding="utf-8"))
    entity = data["units"]
    surfaces = {k.replace("-", " "): _name(v) for k, v in data["surfaces"].items() if entity.get(v) in MEASURE_ENTITIES
                and not (k in U.UNITS and k not in U.UNIT_WORDS)}  # our table chose not to read "quarter"
    # one-letter symbols of time ("a" for annum, "d" for day) are letters of codes far more often
    symbols = {k: _name(v) for k, v in data["symbols"].items() if entity.get(v) in MEASURE_ENTITIES
               and not (entity.get(v) == "time" and len(k) == 1)}
    names: dict[str, str] = {}
    csyms: dict[str, str] = {}
    codes: set[str] = set()
    # the usual currency of a name first: "turkish lira" is TRY, not the lira of 1922-2005
    ordered = sorted(data["currencies"].items(), key=lambda kv: (kv[1].get("qualified", False), kv[0]))
    for code, c in ordered:
        if code in _NOT_MONEY:
            continue
        codes.add(code)
        for n in c["names"]:
            if " " in n or n in ("dollar", "euro", "pound", "yen", "yuan", "rupee", "peso", "rouble", "ruble",
                                 "franc", "won", "rand", "reais"):
                names.setdefault(n, code)
        for s in c["symbols"]:
            if re.search(r"[^A-Za-z.]", s) and not s.isspace():
                csyms.setdefault(s, code)
    for head, code in data.get("currency_heads", {}).items():
        if code not in _NOT_MONEY:
            names.setdefault(head, code)
    max_words = max((len(k.split()) for k in surfaces), default=1)
    common = frozenset(data.get("common_words", ()))
    common_codes = frozenset(c for c in codes if c.lower() in set(data.get("english_words", ())))
    return Lexicon(surfaces, symbols, common, names, csyms, frozenset(codes), common_codes, min(max_words, 5))


_TOKENS = re.compile(r"[^\W\d_][\w²³/'’.-]*|[°º]\w*|[µμ]\w+")


def unit_after(s: str, pos: int) -> tuple[str, int] | None:
    """The lexicon unit written at ``s[pos:]`` right after a number, as (name, end): the longest surface
    of up to a few words ("cubic feet per second"), else a symbol ("GB", "Hz"). Everyday words that are
    also unit symbols count only when written against the digits."""
    lx = lexicon()
    m = re.match(r"[ \u00a0]?", s[pos:])
    attached = m is None or m.end() == 0
    p = pos + (m.end() if m else 0)
    toks: list[tuple[int, int]] = []
    q = p
    for _ in range(lx.max_words):
        t = _TOKENS.match(s, q)
        if not t:
            break
        toks.append((t.start(), t.end()))
        nxt = re.match(r"[ -]", s[t.end():t.end() + 1])
        if not nxt:
            break
        q = t.end() + 1
    for k in range(len(toks), 0, -1):
        end = toks[k - 1][1]
        phrase = s[p:end]
        stripped = phrase.rstrip(".").replace("μ", "µ")  # the Greek mu for the micro sign
        end -= len(phrase) - len(phrase.rstrip("."))
        if k == 1 and attached and stripped in lx.symbols:
            return lx.symbols[stripped], end  # against the digits a symbol is meant: "0.8rad", "64GB"
        low = stripped.lower().replace("-", " ")
        if low in lx.surfaces and (attached or low not in lx.ambiguous) and len(low) > 2:
            return lx.surfaces[low], end
        if k == 1 and stripped in lx.symbols and (attached or stripped.lower() not in lx.ambiguous):
            return lx.symbols[stripped], end
    return None
