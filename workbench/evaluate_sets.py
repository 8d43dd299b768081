"""Scoring extraction on public quantity sets: sentences with their gold quantities, no offsets.

Format (the test sets of the CQE evaluation, derived from the Recognizers-Text suites): a JSON list of
``{"text": ..., "quantities": [{"value": "75000000", "normalized_unit": "dollar"}, ...]}``; ``value`` is a
number or a range written ``low-high``; ``normalized_unit`` is a unit name, a counted noun or ``-``.

Each sentence is read as a one-sentence article. Per sentence a prediction matches an unmatched gold
quantity whose value agrees within 1% (percentages as numbers; a gold value in a sub-unit or another unit
of the same dimension is compared after conversion, so ``50 cent`` agrees with ``$0.50``). The
value+unit score asks, besides, that the unit agree: the same currency, the same unit after
:func:`workbench.units.canonical_unit`, the same counted noun (head word, singular) or, for a gold ``-``, a
bare number; a rate's ``per`` is part of its unit (``dollar per share``). The sets write ``degree`` for
degrees whose scale the sentence leaves unstated; any degree unit agrees with it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench import units as U
from workbench.errors import InputError
from workbench.models import Article, Claim, Kind

REL_TOL = 0.01

# Currency names as the sets write them, to ISO 4217 ("dollar" alone is USD); any other name is looked up
# in the lexicon's CLDR names.
_CURRENCY_NAMES = {
    "dollar": "USD", "us dollar": "USD", "united states dollar": "USD", "euro": "EUR",
    "pound sterling": "GBP", "pound": "GBP", "british pound": "GBP", "japanese yen": "JPY", "yen": "JPY",
    "chinese yuan": "CNY", "yuan": "CNY", "renminbi": "CNY", "canadian dollar": "CAD",
    "australian dollar": "AUD", "hong kong dollar": "HKD", "new zealand dollar": "NZD",
    "singapore dollar": "SGD", "swiss franc": "CHF", "turkish lira": "TRY", "rupee": "INR",
    "indian rupee": "INR", "mexican peso": "MXN", "peso": "MXN", "finnish markka": "FIM", "peseta": "ESP",
    "spanish peseta": "ESP", "netherlands guilder": "NLG", "netherlands guilde": "NLG", "dutch guilder": "NLG",
    "bitcoin": "XBT", "south african rand": "ZAR", "rand": "ZAR", "russian ruble": "RUB", "ruble": "RUB",
    "rouble": "RUB", "korean won": "KRW", "south korean won": "KRW", "brazilian real": "BRL",
    "malaysian ringgit": "MYR", "ringgit": "MYR", "french franc": "FRF", "deutsche mark": "DEM",
    "norwegian krone": "NOK", "swedish krona": "SEK", "danish krone": "DKK", "polish zloty": "PLN",
    "nigerian naira": "NGN", "israeli new shekel": "ILS", "thai baht": "THB", "philippine peso": "PHP",
    "new taiwan dollar": "TWD", "united arab emirates dirham": "AED", "saudi riyal": "SAR",
}
# Sub-units: the currency and the factor to it.
_SUBUNIT_NAMES = {"cent": ("USD", 0.01), "penny": ("GBP", 0.01), "pence": ("GBP", 0.01)}
_PERCENT_NAMES = {"percentage", "percent", "per cent", "%"}
_BARE = {"-", "", "count", "number"}


@dataclass(frozen=True, slots=True)
class GoldQuantity:
    low: float
    high: float
    unit: str  # as the set writes it


@dataclass(frozen=True, slots=True)
class SetSentence:
    text: str
    quantities: tuple[GoldQuantity, ...]
    index: int


@dataclass(frozen=True, slots=True)
class UnitKey:
    """What a unit means for matching: a currency, a canonical unit, percent, a counted noun or nothing."""

    kind: str  # "money", "unit", "percent", "noun", "bare"
    name: str
    per: str | None = None


@dataclass
class SetScore:
    name: str
    sentences: int = 0
    gold: int = 0
    predicted: int = 0
    value_hits: int = 0
    unit_hits: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def _f1(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def value(self) -> tuple[float, float, float]:
        return self._f1(self.value_hits, self.predicted, self.gold)

    @property
    def value_unit(self) -> tuple[float, float, float]:
        return self._f1(self.unit_hits, self.predicted, self.gold)

    def to_dict(self) -> dict[str, Any]:
        vp, vr, vf = self.value
        up, ur, uf = self.value_unit
        return {"set": self.name, "sentences": self.sentences, "gold": self.gold, "predicted": self.predicted,
                "value": {"precision": vp, "recall": vr, "f1": vf, "hits": self.value_hits},
                "value_unit": {"precision": up, "recall": ur, "f1": uf, "hits": self.unit_hits}}


# ----------------------------------------------------------------------------------------------- loading

_NUM = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_VALUE = re.compile(rf"^\s*({_NUM})\s*(?:-\s*({_NUM}))?\s*$")


def load_set(path: str | Path) -> list[SetSentence]:
    """Sentences of a quantity-set file; a malformed one raises InputError naming the item and field."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(p), "no such file; expected a quantity-set JSON file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(str(p), f"not a JSON file ({exc}); expected a JSON list of "
                                 "{\"text\": ..., \"quantities\": [...]}") from None
    if not isinstance(data, list):
        raise InputError(str(p), "expected a JSON list of {\"text\": ..., \"quantities\": [...]} objects")
    out: list[SetSentence] = []
    for i, item in enumerate(data):
        where = f"{p}: item {i}"
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(where, "needs a 'text' string")
        qs = item.get("quantities", [])
        if not isinstance(qs, list):
            raise InputError(where, "'quantities' must be a list")
        gold: list[GoldQuantity] = []
        for k, q in enumerate(qs):
            m = _VALUE.match(str(q.get("value", ""))) if isinstance(q, dict) else None
            if not m:
                raise InputError(f"{where}, quantity {k}",
                                 f"'value' {q.get('value') if isinstance(q, dict) else q!r} is not a number "
                                 "or a range written low-high")
            lo = float(m.group(1))
            hi = float(m.group(2)) if m.group(2) else lo
            gold.append(GoldQuantity(lo, hi, str(q.get("normalized_unit") or "-")))
        out.append(SetSentence(item["text"], tuple(gold), i))
    return out


# ---------------------------------------------------------------------------------------------- matching

def _singular(w: str) -> str:
    w = w.lower()
    if w in ("people", "persons"):
        return "person"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def _head(phrase: str) -> str:
    words = re.findall(r"[a-z]+", phrase.lower())
    return _singular(words[-1]) if words else ""


def gold_unit_key(unit: str) -> tuple[UnitKey, float]:
    """The key of a gold unit name and the factor that brings a gold value to the key's unit."""
    u = unit.strip().lower()
    per = None
    whole = U.canonical_unit(u)
    if whole and U.lookup(whole) is not None:
        return UnitKey("unit", whole, None), 1.0  # "kilometre per hour" is one unit
    if " per " in u:
        u, per = u.split(" per ", 1)
        per = _per(per.strip())
    if u in _BARE:
        return UnitKey("bare", "", per), 1.0
    if u in _PERCENT_NAMES or u.startswith("% "):
        return UnitKey("percent", "percent", per), 1.0
    if u in _CURRENCY_NAMES:
        return UnitKey("money", _CURRENCY_NAMES[u], per), 1.0
    from workbench.extract.lexicon import lexicon

    cldr = lexicon().currency_names  # every currency's English name, from CLDR
    if u in cldr:
        return UnitKey("money", cldr[u], per), 1.0
    if u in _SUBUNIT_NAMES:
        cur, f = _SUBUNIT_NAMES[u]
        return UnitKey("money", cur, per), f
    canon = U.canonical_unit(u)
    if canon and U.lookup(canon) is not None:
        return UnitKey("unit", canon, per), 1.0
    return UnitKey("noun", _head(u), per), 1.0


def _per(name: str | None) -> str | None:
    if not name:
        return None
    canon = U.canonical_unit(name)
    return canon if canon and U.lookup(canon) is not None else _singular(name)


def claim_unit_key(c: Claim) -> UnitKey:
    per = _per(c.per)
    if c.kind is Kind.MONEY:
        return UnitKey("money", c.currency or "", per)
    if c.kind is Kind.PERCENT:
        return UnitKey("percent", "percent", per)
    if c.unit:
        return UnitKey("unit", U.canonical_unit(c.unit) or c.unit, per)
    if c.noun:
        return UnitKey("noun", _head(c.noun), per)
    return UnitKey("bare", "", per)


def _close(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b))


def _in_base(value: float, key: UnitKey) -> float | None:
    if key.kind != "unit":
        return None
    u = U.lookup(key.name)
    return u.to_base(value) if u else None


def value_agrees(g: GoldQuantity, c: Claim) -> bool:
    """Whether the claim states the gold value: as written, or after bringing both to one unit."""
    key, factor = gold_unit_key(g.unit)
    lo, hi = c.low, c.high
    if c.kind is Kind.RATIO and key.kind == "percent":
        lo, hi = lo * 100, hi * 100
    if _close(g.low, lo) and _close(g.high, hi):
        return True
    if factor != 1.0 and _close(g.low * factor, lo) and _close(g.high * factor, hi):
        return True
    ck = claim_unit_key(c)
    if key.kind == "unit" and ck.kind == "unit":
        gu, cu = U.lookup(key.name), U.lookup(ck.name)
        if gu and cu and gu.dimension == cu.dimension:
            return _close(gu.to_base(g.low), cu.to_base(lo)) and _close(gu.to_base(g.high), cu.to_base(hi))
    return False


def unit_agrees(g: GoldQuantity, c: Claim) -> bool:
    gk, _ = gold_unit_key(g.unit)
    ck = claim_unit_key(c)
    if (gk.per or None) != (ck.per or None):
        return False
    if gk.kind == "bare":
        return ck.kind in ("bare", "noun")
    if gk.kind == "unit" and gk.name == "degree" and ck.kind == "unit":
        return ck.name in ("degree", "celsius", "fahrenheit")  # the set's "degree" leaves the scale unstated
    if gk.kind == "unit" and ck.kind == "unit":
        gu, cu = U.lookup(gk.name), U.lookup(ck.name)
        # the same unit under two names ("cubic centimetre", "millilitre") agrees; another unit of the same
        # dimension ("kilometre" for "mile") does not
        return gk.name == ck.name or bool(gu and cu and gu.dimension == cu.dimension
                                          and abs(gu.factor - cu.factor) <= 1e-9 * max(gu.factor, cu.factor)
                                          and gu.offset == cu.offset)
    if gk.kind == "noun" and ck.kind == "unit":
        return _head(ck.name) == gk.name
    return gk.kind == ck.kind and gk.name == ck.name


def _greedy(gold: tuple[GoldQuantity, ...], preds: list[Claim], ok) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for gi, g in enumerate(gold):
        for pi, c in enumerate(preds):
            if pi not in used and ok(g, c):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _describe(c: Claim) -> dict[str, Any]:
    return {"surface": c.surface, "kind": c.kind.value, "low": c.low, "high": c.high, "currency": c.currency,
            "unit": c.unit, "noun": c.noun, "per": c.per}


def score_set(name: str, sentences: list[SetSentence], extractor: Any = None) -> SetScore:
    if extractor is None:
        from workbench.extract import shared_extractor

        extractor = shared_extractor()
    sc = SetScore(name)
    for s in sentences:
        preds = extractor.extract(Article(id=f"{name}:{s.index}", outlet="", title="", text=s.text))
        sc.sentences += 1
        sc.gold += len(s.quantities)
        sc.predicted += len(preds)
        vpairs = _greedy(s.quantities, preds, value_agrees)
        upairs = _greedy(s.quantities, preds, lambda g, c: value_agrees(g, c) and unit_agrees(g, c))
        sc.value_hits += len(vpairs)
        sc.unit_hits += len(upairs)
        if len(upairs) < max(len(s.quantities), len(preds)):
            sc.misses.append({
                "item": s.index, "text": s.text,
                "gold": [{"value": g.low if g.low == g.high else f"{g.low}-{g.high}", "unit": g.unit}
                         for g in s.quantities],
                "predicted": [_describe(c) for c in preds],
                "value_hits": len(vpairs), "unit_hits": len(upairs)})
    return sc


def evaluate_sets(paths: list[str | Path], extractor: Any = None) -> list[SetScore]:
    loaded = [(Path(p).stem, load_set(p)) for p in paths]  # every file checked before any is scored
    return [score_set(name, sents, extractor) for name, sents in loaded]


def format_sets(scores: list[SetScore], misses: bool = False) -> str:
    lines = [f"{'set':<14} {'sentences':>9} {'gold':>5} {'pred':>5}   {'value P':>7} {'R':>6} {'F1':>6}   "
             f"{'+unit P':>7} {'R':>6} {'F1':>6}"]
    for sc in scores:
        vp, vr, vf = sc.value
        up, ur, uf = sc.value_unit
        lines.append(f"{sc.name:<14} {sc.sentences:>9} {sc.gold:>5} {sc.predicted:>5}   {vp:>7.3f} {vr:>6.3f} "
                     f"{vf:>6.3f}   {up:>7.3f} {ur:>6.3f} {uf:>6.3f}")
    if misses:
        for sc in scores:
            for m in sc.misses:
                lines.append("")
                lines.append(f"{sc.name}[{m['item']}] {m['text']}")
                lines.append("  gold: " + "; ".join(f"{g['value']} {g['unit']}" for g in m["gold"]))
                lines.append("  pred: " + "; ".join(
                    f"{p['surface']!r}={p['low']:g}{'-%g' % p['high'] if p['high'] != p['low'] else ''} "
                    f"{p['currency'] or p['unit'] or p['noun'] or p['kind']}{' per ' + p['per'] if p['per'] else ''}"
                    for p in m["predicted"]))
    return "\n".join(lines)
