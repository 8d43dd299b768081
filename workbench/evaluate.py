"""Scoring extraction (and grouping, when it exists) against a gold file.

The gold format and the metrics are those of the project's gold set: one article a line with its
``claims`` (surface, offsets, kind, bounds, currency/unit, noun, qualifier, fact) and ``not_claims``
(number-like surfaces that are not claims).

- Detection: a prediction overlapping a still-unmatched gold span is a hit (one prediction per gold claim).
- Value: a hit whose kind and bounds agree within 1% relative; percent and ratio compare as fractions;
  money needs the same currency; measures and durations compare after conversion to a base unit.
- Noun accuracy: among value hits whose gold names a noun, the share with the same head word (last word,
  singular). Qualifier accuracy: among value hits, the share with the same qualifier.
- Non-claim hits: predictions overlapping a ``not_claims`` surface.
- Grouping: pairwise precision/recall/F1 over matched gold claims (same ``fact`` vs same predicted group).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from workbench import units as U
from workbench.errors import InputError
from workbench.group import group_claims
from workbench.models import Article, Claim

REL_TOL = 0.01


@dataclass(frozen=True, slots=True)
class GoldClaim:
    surface: str
    start: int
    end: int
    kind: str
    low: float
    high: float
    qualifier: str = "exact"
    currency: str | None = None
    unit: str | None = None
    noun: str | None = None
    per: str | None = None
    fact: str | None = None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    article: Article
    claims: tuple[GoldClaim, ...]
    not_claims: tuple[str, ...]
    line: int = 0

    def not_claim_spans(self) -> list[tuple[int, int, str]]:
        """Every occurrence of each not-claim surface that is not inside a gold claim's span."""
        text = self.article.text
        out: list[tuple[int, int, str]] = []
        for surface in dict.fromkeys(self.not_claims):
            if not surface:
                continue
            i = text.find(surface)
            while i >= 0:
                j = i + len(surface)
                if not any(g.start <= i and j <= g.end for g in self.claims):
                    out.append((i, j, surface))
                i = text.find(surface, i + 1)
        return out


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float
    tp: int
    predicted: int
    gold: int


def _prf(tp: int, predicted: int, gold: int) -> PRF:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return PRF(p, r, f, tp, predicted, gold)


@dataclass(frozen=True, slots=True)
class Miss:
    """One disagreement, for reading the report: what gold says and what was predicted."""

    article: str
    what: str  # "missed", "spurious", "value", "noun", "qualifier", "non_claim"
    gold: str | None
    predicted: str | None


@dataclass(frozen=True, slots=True)
class DiscrepantFact:
    """A gold fact whose claims give different figures, and what grouping made of it.

    ``status``: "found" (every claim of the fact in one group), "partly" (some claims with different figures
    share a group, not all), "missed" (no two different figures share a group). ``flagged``: the group
    holding most of its claims is flagged discrepant.
    """

    fact: str
    figures: tuple[str, ...]  # the distinct gold figures, as written
    outlets: int
    claims: int
    status: str
    flagged: bool


@dataclass(slots=True)
class EvalReport:
    articles: int
    detection: PRF
    value: PRF
    noun_accuracy: float | None
    noun_total: int
    qualifier_accuracy: float | None
    qualifier_total: int
    non_claim_hits: int
    non_claim_list: list[str]
    grouping: PRF | None
    misses: list[Miss] = field(default_factory=list)
    discrepant: list[DiscrepantFact] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return d


# ------------------------------------------------------------------------------------------------- loading

def load_gold(path: str | Path) -> list[GoldArticle]:
    """Read a gold file; a malformed line raises InputError naming the file, line and field."""
    p = Path(path)
    if not p.exists():
        raise InputError(str(p), "no such file; pass the path of a gold .jsonl file")
    out: list[GoldArticle] = []
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}:{n}", f"line is not valid JSON ({exc.msg} at column {exc.colno})") from None
            if not isinstance(d, dict):
                raise InputError(f"{p}:{n}", "line is not a JSON object")
            for key in ("id", "text", "claims"):
                if key not in d:
                    raise InputError(f"{p}:{n}", f"missing field {key!r}")
            text = d["text"]
            claims = []
            for k, c in enumerate(d["claims"]):
                try:
                    g = GoldClaim(
                        surface=c["surface"], start=int(c["start"]), end=int(c["end"]), kind=c["kind"],
                        low=float(c["low"]), high=float(c.get("high", c["low"])),
                        qualifier=c.get("qualifier") or "exact", currency=c.get("currency"), unit=c.get("unit"),
                        noun=c.get("noun"), per=c.get("per"), fact=c.get("fact"),
                    )
                except (KeyError, TypeError, ValueError) as exc:
                    raise InputError(f"{p}:{n}", f"claim {k}: bad or missing field ({exc})") from None
                if text[g.start:g.end] != g.surface:
                    raise InputError(f"{p}:{n}", f"claim {k}: text[{g.start}:{g.end}] is not {g.surface!r}")
                claims.append(g)
            art = Article(id=str(d["id"]), outlet=d.get("outlet") or "", title=d.get("title") or "", text=text,
                          url=d.get("url"), published=d.get("published"), source=str(p))
            out.append(GoldArticle(art, tuple(claims), tuple(d.get("not_claims") or ()), n))
    return out


# ----------------------------------------------------------------------------------------------- comparing

def _close(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b))


def _normalised(kind: str, low: float, high: float, unit: str | None) -> tuple[str, str | None, float, float]:
    """(comparable kind, dimension, low, high): percent -> fraction, units -> base unit."""
    if kind == "percent":
        return ("fraction", None, low / 100.0, high / 100.0)
    if kind == "ratio":
        return ("fraction", None, low, high)
    if kind in ("measure", "duration"):
        dim, lo = U.to_base(low, unit)
        _, hi = U.to_base(high, unit)
        return (kind, dim, lo, hi)
    return (kind, None, low, high)


def value_agrees(gold: GoldClaim, pred: Claim) -> bool:
    gk, gd, glo, ghi = _normalised(gold.kind, gold.low, gold.high, gold.unit)
    pk, pd, plo, phi = _normalised(pred.kind.value, pred.low, pred.high, pred.unit)
    if gk != pk or gd != pd:
        return False
    if gold.kind == "money" and (gold.currency or "") != (pred.currency or ""):
        return False
    return _close(glo, plo) and _close(ghi, phi)


_INFLECT = None


def head_word(noun: str | None) -> str | None:
    """Last word, lower-cased and singular: "Russian troops" -> "troop"."""
    global _INFLECT
    if not noun or not noun.split():
        return None
    w = noun.split()[-1].lower().strip(".,;:'\"’")
    if _INFLECT is None:
        import inflect

        _INFLECT = inflect.engine()
    if w.endswith(("ss", "us", "is")):
        return w
    sing = _INFLECT.singular_noun(w)
    return sing or w


def _describe(c: Claim | GoldClaim) -> str:
    kind = c.kind.value if isinstance(c, Claim) else c.kind
    qual = c.qualifier.value if isinstance(c, Claim) else c.qualifier
    bits = [f"{c.surface!r}", kind, f"{c.low:g}" if c.low == c.high else f"{c.low:g}-{c.high:g}"]
    for extra in (c.currency, c.unit, qual if qual != "exact" else None, f"noun={c.noun}" if c.noun else None,
                  f"per={c.per}" if c.per else None):
        if extra:
            bits.append(str(extra))
    return " ".join(bits)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def match_article(gold: GoldArticle, preds: list[Claim]) -> list[tuple[GoldClaim, Claim]]:
    """Pairs (gold, prediction): each prediction takes the unmatched gold claim it overlaps most, a gold
    claim whose value it agrees with first."""
    free = list(range(len(gold.claims)))
    pairs: list[tuple[GoldClaim, Claim]] = []
    for p in preds:
        cands = [k for k in free if _overlap(gold.claims[k].start, gold.claims[k].end, p.start, p.end) > 0]
        if not cands:
            continue
        cands.sort(key=lambda k: (not value_agrees(gold.claims[k], p),
                                  -_overlap(gold.claims[k].start, gold.claims[k].end, p.start, p.end)))
        k = cands[0]
        free.remove(k)
        pairs.append((gold.claims[k], p))
    return pairs


# -------------------------------------------------------------------------------------------------- running

def evaluate(gold_path: str | Path, extractor: Any = None, group: bool = True) -> EvalReport:
    """Run extraction (and grouping when available and ``group``) on a gold file and score it."""
    gold = load_gold(gold_path)
    if extractor is None:
        from workbench.extract import shared_extractor

        extractor = shared_extractor()
    predictions = {g.article.id: extractor.extract(g.article) for g in gold}
    return score(gold, predictions, group=group)


def score(gold: list[GoldArticle], predictions: dict[str, list[Claim]], group: bool = True) -> EvalReport:
    """Score predictions (claims per article id) against gold."""
    n_gold = n_pred = hits = value_hits = 0
    noun_total = noun_ok = qual_ok = 0
    non_claims: list[str] = []
    misses: list[Miss] = []
    matched: list[tuple[GoldClaim, Claim]] = []
    for g in gold:
        preds = predictions.get(g.article.id, [])
        n_gold += len(g.claims)
        n_pred += len(preds)
        pairs = match_article(g, preds)
        hits += len(pairs)
        matched.extend(pairs)
        got = {id(p) for _, p in pairs}
        taken = {id(gc) for gc, _ in pairs}
        for gc in g.claims:
            if id(gc) not in taken:
                misses.append(Miss(g.article.id, "missed", _describe(gc), None))
        spans = g.not_claim_spans()
        for p in preds:
            bad = [sf for s0, s1, sf in spans if _overlap(s0, s1, p.start, p.end) > 0]
            if bad:
                non_claims.append(f"{g.article.id}: {p.surface!r} overlaps not-claim {bad[0]!r}")
                misses.append(Miss(g.article.id, "non_claim", bad[0], _describe(p)))
            elif id(p) not in got:
                misses.append(Miss(g.article.id, "spurious", None, _describe(p)))
        for gc, p in pairs:
            if not value_agrees(gc, p):
                misses.append(Miss(g.article.id, "value", _describe(gc), _describe(p)))
                continue
            value_hits += 1
            if p.qualifier.value == gc.qualifier:
                qual_ok += 1
            else:
                misses.append(Miss(g.article.id, "qualifier", _describe(gc), _describe(p)))
            if gc.noun:
                noun_total += 1
                if head_word(gc.noun) == head_word(p.noun):
                    noun_ok += 1
                else:
                    misses.append(Miss(g.article.id, "noun", _describe(gc), _describe(p)))
    all_preds = [p for g in gold for p in predictions.get(g.article.id, [])]
    grouping, discrepant = _grouping_score(matched, all_preds) if group else (None, [])
    return EvalReport(
        articles=len(gold),
        detection=_prf(hits, n_pred, n_gold),
        value=_prf(value_hits, n_pred, n_gold),
        noun_accuracy=noun_ok / noun_total if noun_total else None,
        noun_total=noun_total,
        qualifier_accuracy=qual_ok / value_hits if value_hits else None,
        qualifier_total=value_hits,
        non_claim_hits=len(non_claims),
        non_claim_list=non_claims,
        grouping=grouping,
        misses=misses,
        discrepant=discrepant,
    )


def _grouping_score(matched: list[tuple[GoldClaim, Claim]], claims: list[Claim]
                    ) -> tuple[PRF | None, list[DiscrepantFact]]:
    """Pairwise scores over matched gold claims, and the discrepant facts table; grouping itself sees every
    predicted claim."""
    if len(matched) < 2:
        return None, []
    grouping = group_claims(claims)
    by_claim = dict(grouping.by_claim)
    tp = pred_pos = gold_pos = 0
    for x in range(len(matched)):
        for y in range(x + 1, len(matched)):
            g1, p1 = matched[x]
            g2, p2 = matched[y]
            same_gold = g1.fact is not None and g1.fact == g2.fact
            ga, gb = by_claim.get(p1.id), by_claim.get(p2.id)
            same_pred = ga is not None and ga == gb
            gold_pos += same_gold
            pred_pos += same_pred
            tp += same_gold and same_pred
    flagged = {g.id for g in grouping.groups if g.discrepant}
    return _prf(tp, pred_pos, gold_pos), _discrepant_facts(matched, by_claim, flagged)


def _figure(g: GoldClaim) -> tuple[str, str | None, float, float]:
    kind, dim, lo, hi = _normalised(g.kind, g.low, g.high, g.unit)
    return kind, dim or g.currency, lo, hi


def _same_figure(a: tuple, b: tuple) -> bool:
    return a[:2] == b[:2] and _close(a[2], b[2]) and _close(a[3], b[3])


def _discrepant_facts(matched: list[tuple[GoldClaim, Claim]], by_claim: dict[str, str], flagged: set[str]
                      ) -> list[DiscrepantFact]:
    """Gold facts whose matched claims give different figures (after conversion), and whether grouping put
    the different figures together."""
    by_fact: dict[str, list[tuple[GoldClaim, Claim]]] = {}
    for gc, p in matched:
        if gc.fact:
            by_fact.setdefault(gc.fact, []).append((gc, p))
    out = []
    for fact in sorted(by_fact):
        items = by_fact[fact]
        figs = [_figure(gc) for gc, _ in items]
        distinct: list[tuple] = []
        for f in figs:
            if not any(_same_figure(f, d) for d in distinct):
                distinct.append(f)
        if len(distinct) < 2:
            continue
        groups = [by_claim.get(p.id) for _, p in items]
        linked = any(groups[i] is not None and groups[i] == groups[j] and not _same_figure(figs[i], figs[j])
                     for i in range(len(items)) for j in range(i + 1, len(items)))
        status = "found" if len(set(groups)) == 1 else "partly" if linked else "missed"
        main = max(set(groups), key=lambda g: (groups.count(g), str(g)))
        written = tuple(dict.fromkeys(gc.surface for gc, p in items
                                      if any(_same_figure(_figure(gc), d) for d in distinct)))
        out.append(DiscrepantFact(fact=fact, figures=written, outlets=len({p.outlet for _, p in items}),
                                  claims=len(items), status=status, flagged=main in flagged))
    return out


# ---------------------------------------------------------------------------------------------- reporting

def _pct(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:5.3f}"


def format_report(report: EvalReport, misses: bool = False) -> str:
    """The metrics as a small table for a terminal."""
    rows = [
        ("metric", "precision", "recall", "F1", "counts"),
        ("detection", _pct(report.detection.precision), _pct(report.detection.recall), _pct(report.detection.f1),
         f"{report.detection.tp} hit / {report.detection.predicted} predicted / {report.detection.gold} gold"),
        ("value", _pct(report.value.precision), _pct(report.value.recall), _pct(report.value.f1),
         f"{report.value.tp} right / {report.value.predicted} predicted / {report.value.gold} gold"),
    ]
    if report.grouping is not None:
        g = report.grouping
        rows.append(("grouping (pairs)", _pct(g.precision), _pct(g.recall), _pct(g.f1),
                     f"{g.tp} right / {g.predicted} predicted / {g.gold} gold pairs"))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [f"Gold articles: {report.articles}"]
    for k, r in enumerate(rows):
        lines.append("  ".join(c.ljust(widths[i]) if i in (0, 4) else c.rjust(widths[i]) for i, c in enumerate(r)))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    lines.append(f"noun accuracy       {_pct(report.noun_accuracy)}  (of {report.noun_total} value hits with a gold noun)")
    lines.append(f"qualifier accuracy  {_pct(report.qualifier_accuracy)}  (of {report.qualifier_total} value hits)")
    lines.append(f"non-claim hits      {report.non_claim_hits}")
    for item in report.non_claim_list:
        lines.append(f"  - {item}")
    if report.grouping is None:
        lines.append("grouping            n/a (no grouping available)")
    if report.discrepant:
        d = report.discrepant
        found = sum(x.status == "found" for x in d)
        partly = sum(x.status == "partly" for x in d)
        lines.append("")
        lines.append(f"discrepant facts (gold claims of one fact with different figures): {len(d)}; "
                     f"found {found}, partly {partly}, missed {len(d) - found - partly}")
        w = max(len(x.fact) for x in d)
        lines.append(f"  {'fact'.ljust(w)}  {'status':7s}  {'flagged':7s}  outlets  figures")
        for x in d:
            figs = " / ".join(x.figures)
            lines.append(f"  {x.fact.ljust(w)}  {x.status:7s}  {'yes' if x.flagged else 'no':7s}  {x.outlets:7d}  "
                         f"{figs}")
    if misses and report.misses:
        lines.append("")
        lines.append("disagreements:")
        for m in report.misses:
            lines.append(f"  [{m.what}] {m.article}: gold={m.gold} predicted={m.predicted}")
    return "\n".join(lines)


def iter_misses(report: EvalReport, what: Iterable[str] = ()) -> list[Miss]:
    kinds = set(what)
    return [m for m in report.misses if not kinds or m.what in kinds]
