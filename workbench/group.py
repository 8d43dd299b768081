"""Group numeric claims across outlets: one group is one quantity of one story, whatever figure each gives.

Stories first
-------------
Articles are joined into *stories* by what they share that is rare: the content words of the sentences
holding their claims (names included, lowercased and lightly stemmed; figures are no key, round figures
recur across stories). Each word in at least two and at most :data:`KEY_MAX_ARTICLES` articles is a key; each article keeps its
:data:`STORY_KEYS` rarest keys; two articles that share at least :data:`STORY_LINK` of them are linked by the
rarity of what they share, and a link counts when it weighs at least :data:`STORY_RELATIVE` of either
article's strongest link (:func:`stories`). Stories are the connected components of the links that count;
they are found from the keys' postings, never from all pairs of articles. Claims of different stories are never compared, and every
statistic the pair score uses (word rarity, names, what is topical) is computed within the claim's story, so
grouping a story does not depend on any other: :func:`plan_regroup` uses this to regroup only the stories an
import touches.

In a large archive the words of a recurring kind of story (a monthly figure, one town's council, a strike,
the town's own name) are each in far more than :data:`KEY_MAX_ARTICLES` articles, so none of them is a key.
Such a word still marks a story within a short time: an article with a publication date also holds each of
its words within its date span (the calendar's spans of :data:`DATE_SPAN` days), and such a *dated key* is a
key, like any, when it is in two to :data:`KEY_MAX_ARTICLES` articles, but only while its word alone is in
too many to be one. The spans do not overlap, so that dated keys join stories of one span at most: with
overlapping spans, a town whose stories come every few days was one story from January to December, each
story joined to the next through the span they shared. The price is that the outlets of a story told on
either side of a span's end share no dated key (they may share other keys). Words that are keys
stay keys exactly as before, so a set in which no word is in more than :data:`KEY_MAX_ARTICLES` articles
gives the same stories whatever its dates; undated articles have no dated keys. Dated keys only join articles into stories: nothing within a story (its word rarity,
names, topical words, blocking keys, the pair features) reads them.

Then quantities within a story
------------------------------
Within a story, claims of the same dimension (counts, fractions, money in one currency, one physical
dimension, one ``per``) are candidate pairs whatever their figures; a story block larger than
:data:`BLOCK_LIMIT` is compared by value neighbours within it and within each of its articles' rare keys,
so one long number-dense article or one huge story stays near-linear. A pair of claims of different
articles is described by named features (:data:`FEATURES`): how alike their sentences and their quantity
phrases (:mod:`workbench.quantity`) read, how alike their articles are and what particular they share,
whether their nouns, directions (up/down, for/against) and times or events agree, how far apart their
figures are, and whether they are written alike. A logistic model fitted on labelled pairs by
``bench/fit_grouping.py`` turns them into a probability; its weights are package data
(``group_weights.json``) applied here with numpy. The score is 100 times the probability; a pair links at
``threshold`` (default :data:`DEFAULT_THRESHOLD`, a probability of one half). The value is evidence, not a
gate: two figures for one quantity may differ widely (a running toll, organisers against police) and their
group's spread is the discrepancy. Only figures more than :data:`MAX_GAP` apart (a tenfold difference) are
never one quantity.

Two claims in the *same article* with differing figures in different sentences (the toll at noon and at
dusk, two agencies' counts) are scored by the pair model like any other pair (with ``same_article`` set), and
share a group only when the model links them directly. With agreeing figures they are the same fact only
when the article repeats the figure: the same stated value (equal, or the coarser the finer one rounded,
hedges aside), or the same value in another unit within the tolerance; and one is in the headline, or the
sentences read alike (context at least :data:`REPEAT_CONTEXT`, and their quantities do not each name something
the other does not) or count the same noun; and not two figures of one sentence written the same way. A
headline's figure repeats one body figure of its value on the headline's word alone (the one whose sentence
reads most like the headline's), not every one. Otherwise the two are kept apart as surely as a reviewer's
cannot-link.

Clustering
----------
Links are merged strongest first (of equal links, the one between closer values first). A merge is refused
when it would join a cannot-link pair (a reviewer's, two claims of one article that are not a repeat, or
two differing figures of one article the model did not link), put two different values of one sentence together, stretch the group beyond :data:`MAX_GAP`, or when fewer
than :data:`LINKAGE` of the pairs across the two sides link directly (average-linkage style). Must-link
overrides are merged before anything else.

Discrepancy
-----------
A group is ``discrepant`` when no single value lies within ``tolerance`` of every member's interval (a
hedge is not by itself a discrepancy: "more than 4,000" and "about 4,200" agree). ``spread_pct`` is
measured on the stated values: (max − min) / median. Group values are in the representative's unit.
"""

from __future__ import annotations

import json
import math
import re
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Collection, Iterable, Mapping, Protocol, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from workbench import rates, units
from workbench.errors import WorkbenchError
from workbench.models import DEFAULT_TOLERANCE, Claim, Group, Grouping, Kind, LinkKind, Override, Qualifier, group_id
from workbench.quantity import CONCEPT_CLASSES, Quantity, concept_keys, describe_claim
from workbench.quantity import parse as parse_quantity

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_TOLERANCE",
    "FEATURES",
    "HEDGE",
    "MAX_GAP",
    "OverrideConflict",
    "DuplicateClaimId",
    "InvalidClaim",
    "PairModel",
    "RegroupPlan",
    "group_claims",
    "compare",
    "normalised_value",
    "value_interval",
    "context_text",
    "noun_head",
    "stories",
    "plan_regroup",
    "apply_regroup",
    "ArticleWords",
    "article_words",
]

DEFAULT_THRESHOLD = 50.0  # a link is a pair the model finds more likely one quantity than not
HEDGE = 0.03  # how far a hedge ("about", "more than", "nearly") reaches beyond the stated value
MAX_GAP = 0.9  # figures further apart than this (relative to the larger: tenfold) are never one quantity
LINKAGE = 0.5  # share of cross pairs that must link directly for two clusters to merge
BLOCK_LIMIT = 64  # claims of one story and dimension compared all with all; larger blocks by neighbours
KEY_MAX_ARTICLES = 30  # a word or figure in more articles than this marks no story
STORY_REFERENCE = 2 * KEY_MAX_ARTICLES  # a key's idf is its rarity among this many articles, however many are stored
DATE_SPAN = 14  # days of one dated key's span; spans follow one another and never overlap
DATED = "@"  # joins a word to its date span in a dated key ("strike@a3841"); content words never hold it
STORY_KEYS = 12  # rarest keys per article that may join it to another article's story
STORY_LINK = 1  # keys two articles must share to be one story
STORY_RELATIVE = 0.5  # a link between two articles counts when it weighs this share of either's strongest
BACKGROUND = 30  # unrelated articles assumed besides the story when weighing words by rarity
STORY_PADDING = 75.0  # added to each article's squared norm (about a dozen words' worth)
STORY_POWER = 1.25  # words weigh idf ** STORY_POWER: rare names outweigh a story type's stock words
NAME_MIN_LETTERS = 3  # shorter capitalised words ("GW", "Q", "FY") are symbols and abbreviations, not names
NEAR_FIGURE = 0.1  # two figures this close (relative difference) count as one shared figure
REPEAT_CONTEXT = 0.6  # context similarity two body sentences of one article need to repeat one fact
SCORE_CHUNK = 1 << 18  # candidate pairs scored at a time: bounded memory (20 feature columns each)
WEIGHTS_FILE = Path(__file__).with_name("group_weights.json")

FEATURES = (
    "context",  # RapidFuzz token_set_ratio of the two sentences without their figures
    "quantity",  # token_set_ratio of the two quantity phrases' concept words
    "quantity_whole",  # token_sort_ratio of them: low when one concept is the other's words and more ("cloud sales")
    "class_agree",  # both concepts name a class of measured thing (deaths, injured, crowd, ...) and share one
    "class_conflict",  # both name a class and share none (a toll and a count of the injured)
    "story",  # tf-idf cosine of the two articles within their story, the compared figures left out
    "story_relative",  # that cosine over the better of the two articles' best cosine with any article
    "story_evidence",  # names and other figures both articles give, less one when both name others only
    "noun_agree",  # the counted nouns' head words agree
    "noun_conflict",  # both count something, different things
    "noun_unseen",  # different things, and neither noun's words appear in the other article
    "name_conflict",  # both sentences name someone or somewhere, each missing from the other article
    "direction_conflict",  # one says up (or for), the other down (or against)
    "direction_one",  # only one of the two gives a direction
    "time_conflict",  # tied to different times or events, or only one tied to another time or event
    "value_gap",  # -log(1 - gap) of the two figures' intervals: 0 when they overlap
    "value_agree",  # the figures agree within the tolerance
    "same_form",  # written in the same kind, unit, currency and per
    "headline",  # one of the two is in a headline
    "topic",  # the lower share of either sentence's words that another article of the story uses
    "same_article",  # the two figures differ and sit in different sentences of one article
)

_TINY = 1e-12


# ------------------------------------------------------------------------------------------------- model


@dataclass(frozen=True)
class PairModel:
    """A fitted pair model over named features, applied with numpy.

    ``kind`` "logistic": p = 1 / (1 + exp(-(intercept + sum(coef * (x - mean) / scale)))).
    ``kind`` "trees": gradient-boosted regression trees on the log-odds, p = 1 / (1 + exp(-(intercept +
    rate * sum of the trees' leaf values))); each tree is given by its nodes' feature, threshold (go left
    when x <= threshold), left and right child (-1 at a leaf) and value.
    """

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    kind: str = "logistic"
    rate: float = 1.0
    trees: tuple[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray], ...] = ()

    @classmethod
    def from_dict(cls, d: Mapping) -> "PairModel":
        feats = tuple(d["features"])
        unknown = [f for f in feats if f not in FEATURES]
        if unknown:
            raise ValueError(f"pair model names unknown features {unknown}; known: {', '.join(FEATURES)}")
        kind = d.get("kind", "logistic")
        if kind == "trees":
            trees = tuple(
                (np.asarray(t["feature"], np.int64), np.asarray(t["threshold"], np.float64),
                 np.asarray(t["left"], np.int64), np.asarray(t["right"], np.int64),
                 np.asarray(t["value"], np.float64))
                for t in d["trees"]
            )
            for t in trees:
                if len({len(x) for x in t}) != 1 or (t[0][t[2] >= 0] >= len(feats)).any():
                    raise ValueError("pair model: a tree's node arrays differ in length or name no feature")
            zero = np.zeros(len(feats))
            return cls(feats, zero, zero + 1.0, zero, float(d["intercept"]), "trees", float(d["rate"]), trees)
        if kind != "logistic":
            raise ValueError(f"pair model kind must be 'logistic' or 'trees', not {kind!r}")
        arrays = [np.asarray(d[k], dtype=np.float64) for k in ("mean", "scale", "coef")]
        if any(a.shape != (len(feats),) for a in arrays):
            raise ValueError("pair model: mean, scale and coef must have one number per feature")
        return cls(feats, arrays[0], np.where(arrays[1] > 0, arrays[1], 1.0), arrays[2], float(d["intercept"]))

    def to_dict(self) -> dict:
        if self.kind == "trees":
            return {"kind": "trees", "features": list(self.features), "intercept": self.intercept,
                    "rate": self.rate,
                    "trees": [{"feature": f.tolist(), "threshold": t.tolist(), "left": lft.tolist(),
                               "right": r.tolist(), "value": v.tolist()} for f, t, lft, r, v in self.trees]}
        return {"kind": "logistic", "features": list(self.features), "mean": self.mean.tolist(),
                "scale": self.scale.tolist(), "coef": self.coef.tolist(), "intercept": self.intercept}

    def log_odds(self, x: Mapping[str, np.ndarray]) -> np.ndarray:
        n = len(next(iter(x.values()))) if x else 0
        z = np.full(n, self.intercept)
        if self.kind == "trees":
            cols = [np.asarray(x[f], np.float64) for f in self.features]
            for feat, thr, left, right, value in self.trees:
                z += self.rate * _tree_value(cols, feat, thr, left, right, value, 0)
            return z
        for k, name in enumerate(self.features):
            z += self.coef[k] * (x[name] - self.mean[k]) / self.scale[k]
        return z

    def probability(self, x: Mapping[str, np.ndarray]) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-np.clip(self.log_odds(x), -50.0, 50.0)))


def _tree_value(cols: list[np.ndarray], feat: np.ndarray, thr: np.ndarray, left: np.ndarray, right: np.ndarray,
                value: np.ndarray, node: int) -> np.ndarray | float:
    """A regression tree's value for every row: whole columns compared at each node (no gathers)."""
    if left[node] < 0:
        return float(value[node])
    lo = _tree_value(cols, feat, thr, left, right, value, int(left[node]))
    hi = _tree_value(cols, feat, thr, left, right, value, int(right[node]))
    return np.where(cols[int(feat[node])] <= thr[node], lo, hi)


@lru_cache(maxsize=1)
def default_model() -> PairModel:
    """The fitted model shipped with the package (``group_weights.json``, written by bench/fit_grouping.py)."""
    with WEIGHTS_FILE.open(encoding="utf-8") as fh:
        return PairModel.from_dict(json.load(fh)["model"])


# --------------------------------------------------------------------------------------------------- errors


class OverrideConflict(WorkbenchError):
    """Reviewer overrides contradict each other: a chain of must-links joins a cannot-link pair."""

    def __init__(self, cannot: tuple[str, str], chain: tuple[str, ...]):
        self.cannot = cannot
        self.chain = chain
        path = " -> ".join(chain)
        super().__init__(
            f"overrides contradict each other: {cannot[0]} and {cannot[1]} are marked as different facts "
            f"(cannot-link) but must-links join them ({path}); remove one of these overrides"
        )


class InvalidClaim(WorkbenchError):
    """A claim whose value cannot be compared (not a finite number)."""

    def __init__(self, claim_id: str, problem: str):
        self.claim_id = claim_id
        super().__init__(f"claim {claim_id}: {problem}")


class DuplicateClaimId(WorkbenchError):
    """Two different claims carry the same id (article and span)."""

    def __init__(self, claim_id: str):
        self.claim_id = claim_id
        super().__init__(
            f"claim {claim_id}: given twice with different contents; each claim id (article:start-end) "
            f"must name one claim"
        )


# ----------------------------------------------------------------------------------------- numeric values


def normalised_value(claim: Claim) -> tuple[str, float, float]:
    """(dimension, low, high) of a claim's stated value in base units.

    Dimensions: ``count``; ``fraction`` (percent and ratio, as fractions); ``money`` in US dollars at the
    rate of the article's day (:mod:`workbench.rates`), ``money:<CODE>`` for a currency without a published
    rate (``money:?`` without a currency); a physical dimension for measures and durations (``time`` in seconds, ``area`` in
    square metres, ``temperature`` in degrees Celsius, ...; an unknown unit is ``unit:<name>``). A rate per
    unit of time is converted to a rate per second and its dimension ends in ``/time``; any other ``per``
    is kept by name (``count/person``).
    """
    low, high = float(claim.low), float(claim.high)
    if high < low:
        low, high = high, low
    kind = claim.kind
    if kind is Kind.PERCENT:
        dim, low, high = "fraction", low / 100.0, high / 100.0
    elif kind is Kind.RATIO:
        dim = "fraction"
    elif kind is Kind.MONEY:
        rate = rates.usd_per_unit(claim.currency, claim.published)
        if rate is None:
            dim = "money:" + (claim.currency.upper() if claim.currency else "?")
        else:  # money in any currency with a published rate: US dollars at the article's day
            dim, low, high = "money", low * rate, high * rate
    elif kind is Kind.COUNT:
        dim = "count"
    else:  # MEASURE, DURATION
        dim, low = units.dimension_and_base(low, claim.unit)
        _, high = units.dimension_and_base(high, claim.unit)
        if kind is Kind.DURATION and dim.startswith("unit:"):
            dim = "time?" + dim[4:]
    if claim.per:
        secs = units.time_seconds(claim.per)
        if secs:
            dim, low, high = dim + "/time", low / secs, high / secs
        else:
            dim = dim + "/" + _per_word(claim.per)
    return dim, low, high


def _per_word(per: str) -> str:
    words = re.sub(r"[^a-z ]", " ", per.lower()).split()
    words = [w for w in words if w not in ("a", "an", "per", "each", "every", "the")]
    return _stem(words[-1]) if words else "?"


@lru_cache(maxsize=1 << 12)
def _form(kind: Kind, unit: str | None, currency: str | None, per: str | None) -> tuple[Kind, str, str, str]:
    """How a figure is written: kind, unit, currency and per ("a day", "each day" and "daily" are one per)."""
    secs = units.time_seconds(per) if per else None
    per_form = "" if not per else f"{secs:g}s" if secs else _per_word(per)
    return kind, units.canonical_unit(unit) or "", (currency or "").upper(), per_form


@lru_cache(maxsize=1 << 16)
def _last_digit(x: float) -> float:
    """Place value of the last significant digit of a stated value: 2000 -> 1000, 48612 -> 1, 27.2 -> 0.1."""
    if x == 0 or not math.isfinite(x):
        return 1.0
    d = Decimal(f"{x:.12g}").normalize()
    return float(Decimal(1).scaleb(d.as_tuple().exponent))


def _same_stated(a: np.ndarray, b: np.ndarray, da: np.ndarray, db: np.ndarray) -> np.ndarray:
    """Whether two stated values are one figure: equal, or the coarser is the finer rounded to its last
    significant digit ("£2.5bn" and "£2.48bn"; not "27.2%" and "27.6%", nor 66 and 67)."""
    step = np.maximum(da, db)  # the coarser value's last digit: rounding leaves that value as it is
    ra = np.floor(a / step + 0.5) * step
    rb = np.floor(b / step + 0.5) * step
    return np.abs(ra - rb) <= 1e-9 * np.maximum(np.abs(ra), np.abs(rb))


def _figure_cells(point: np.ndarray, floor: np.ndarray, dim: np.ndarray, n_dims: int) -> np.ndarray:
    """Each figure's cell on two grids of the value axis offset by half a cell: figures within about
    NEAR_FIGURE of each other share a cell on at least one grid, equal figures on both. Codes are small
    non-negative integers (dense), shape (n, 2)."""
    if not len(point):
        return np.empty((0, 2), dtype=np.int64)
    width = -math.log(1.0 - NEAR_FIGURE)
    axis = _value_axis(point, floor)
    raw = np.stack([(np.floor((axis + shift) / width).astype(np.int64) * 2 + g) * max(n_dims, 1) + dim
                    for g, shift in ((0, 0.0), (1, width / 2))], axis=1)
    _, inverse, _ = _unique_inverse(raw.reshape(-1))
    return inverse.reshape(raw.shape).astype(np.int32)


def _floor(dim: str) -> float:
    base = dim.split("/", 1)[0]
    return units.ABSOLUTE_FLOOR.get(base, _TINY)


def value_interval(claim: Claim, hedge: float = HEDGE) -> tuple[str, float, float]:
    """(dimension, low, high) in base units, widened by what the claim's qualifier allows (see module doc)."""
    dim, low, high = normalised_value(claim)
    return (dim, *_hedged(low, high, claim.qualifier, hedge, _floor(dim)))


def _hedged(low: float, high: float, q: Qualifier, hedge: float, floor: float) -> tuple[float, float]:
    def reach(x: float) -> float:
        return hedge * max(abs(x), floor)

    if q is Qualifier.APPROX:
        return low - reach(low), high + reach(high)
    if q is Qualifier.LOWER_BOUND:
        return low, high + reach(high)
    if q is Qualifier.UPPER_BOUND:
        return low - reach(low), high
    return low, high


def _gap(max_lo: float, min_hi: float, floor: float) -> float:
    """Relative gap between the highest low end and the lowest high end of a set of intervals (0 = overlap)."""
    d = max_lo - min_hi
    if d <= 0:
        return 0.0
    return d / max(abs(max_lo), abs(min_hi), floor)


def _gap_arrays(max_lo: np.ndarray, min_hi: np.ndarray, floor: np.ndarray) -> np.ndarray:
    d = max_lo - min_hi
    scale = np.maximum(np.maximum(np.abs(max_lo), np.abs(min_hi)), floor)
    return np.where(d > 0, d / scale, 0.0)


def _value_axis(x: np.ndarray, floor: np.ndarray) -> np.ndarray:
    """Monotone map on which a relative gap g is at most -log(1 - g) apart: log scale, linear near zero."""
    ax = np.abs(x) / floor
    out = np.where(ax <= 1.0, ax, 1.0 + np.log(np.maximum(ax, 1.0)))
    return np.sign(x) * out


# ------------------------------------------------------------------------------------------------- text

_STOP = frozenset(
    """a an the of in on at to for by with and or but nor is are was were be been being am has have had having
    it its it's this that these those as from after before than then there here their they them he she his her
    him we our us you your i me my not no yes so if into onto out up down over under about around some nearly
    almost roughly approximately more less most least just only also still even very much many such own same
    other another each every all any both few per cent percent which who whom whose what when where why how
    while said says say will would could should can may might must shall do does did done new one two three
    four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
    nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion
    half quarter quarters third thirds dozen bn m k mn tn pct""".split()
)


@lru_cache(maxsize=1 << 18)
def _stem(word: str) -> str:
    w = word
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith("sses"):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed"):
        return w[:-2]
    return w


_NON_LETTERS = re.compile(r"[^a-z]+")


@lru_cache(maxsize=1 << 18)
def _content(word: str) -> str | None:
    """A token's stem, or None for a stop word or a single letter."""
    return _stem(word) if len(word) > 1 and word not in _STOP else None


def _words(text: str) -> list[str]:
    content = _content
    return [t for w in _NON_LETTERS.split(text.lower()) if (t := content(w)) is not None]


def _without_number(claim: Claim) -> str:
    s = claim.sentence or ""
    if claim.sentence_start is not None:
        a, b = claim.start - claim.sentence_start, claim.end - claim.sentence_start
        if 0 <= a <= b <= len(s) and s[a:b] == claim.surface:
            return s[:a] + " " + s[b:]
    if claim.surface:
        i = s.find(claim.surface)
        if i >= 0:
            return s[:i] + " " + s[i + len(claim.surface):]
    return s


def context_text(claim: Claim) -> str:
    """The claim's sentence without its number expression and its source, normalised for comparison."""
    return " ".join(_context_words(claim, _without_number(claim)))


def _context_words(claim: Claim, text: str) -> list[str]:
    """Content words of ``text`` (the claim's sentence without its number), its source's name left out: who
    said it is not what is said ("retail sales rose 2%, the Office for National Statistics said")."""
    words = _words(text)
    if claim.attribution:
        source = set(_words(claim.attribution))
        words = [w for w in words if w not in source]
    return words


_CAPITALISED = re.compile(r"[A-Z][A-Za-z\u2019'-]*[A-Za-z]|[A-Z]")
_LOWER = re.compile(r"\b[a-z][a-z\u2019'-]*[a-z]\b")
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


def _name_candidates(text: str) -> list[tuple[str, bool]]:
    """Capitalised words of ``text`` as (word, opens a sentence); possessives dropped.

    A sentence-opening word followed by another capitalised word ("Dunbroley Corp will cut") is part of
    a name and counts as not opening the sentence.
    """
    out = []
    matches = list(_CAPITALISED.finditer(text))
    for k, m in enumerate(matches):
        w = m.group(0)
        if w.endswith(("'s", "\u2019s")):
            w = w[:-2]
        j = m.start() - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        initial = j < 0 or text[j] in ".!?:;\"\u201c(\n\r"
        if initial and k + 1 < len(matches) and matches[k + 1].start() == m.end() + 1:
            initial = False
        out.append((w.lower(), initial))
    return out


_GENERIC_NOUNS = frozenset(
    "people person resident staff worker employee individual citizen member adult inhabitant victim case "
    "figure number total".split()
)


def noun_head(noun: str | None) -> str | None:
    """Head word of a counted noun, singular and lowercase: ``"Russian troops"`` -> ``"troop"``."""
    if not noun:
        return None
    words = [w for w in _NON_LETTERS.split(noun.lower()) if w]
    return _stem(words[-1]) if words else None


def _noun_agreement(a: str | None, b: str | None) -> float:
    if a is None or b is None:
        return 0.5
    if a == b or a.endswith(b) or b.endswith(a):
        return 1.0
    if a in _GENERIC_NOUNS or b in _GENERIC_NOUNS:
        return 0.5
    return 0.0


def _is_headline(claim: Claim) -> bool:
    """The claim sits in the article's first line and that line is a title (no closing full stop)."""
    s = (claim.sentence or "").rstrip()
    if not s or s[-1] in ".!?\"'\u201d\u2019":
        return False
    if claim.sentence_start is not None:
        return claim.sentence_start == 0
    return claim.start < len(s) and s[claim.start:claim.end] == claim.surface


# --------------------------------------------------------------------------------------------- prepared data


class _Sparse:
    """Rows of (column, weight), sorted, with vectorised look-ups: a small stand-in for a CSR matrix."""

    def __init__(self, n_rows: int, rows: np.ndarray, cols: np.ndarray, weights: np.ndarray):
        """From entries sorted by (row, column), without repeats."""
        self.ptr = np.r_[0, np.cumsum(np.bincount(rows, minlength=n_rows))].astype(np.int64)
        self.cols = cols.astype(np.int64)
        self.w = weights.astype(np.float64)
        self.width = int(self.cols.max()) + 1 if len(self.cols) else 1
        self.keys = rows.astype(np.int64) * self.width + self.cols

    @classmethod
    def from_pairs(cls, n_rows: int, rows: np.ndarray, cols: np.ndarray) -> tuple["_Sparse", np.ndarray, np.ndarray]:
        """Distinct (row, column) entries of weight 1, and their rows and columns in order."""
        width = int(cols.max()) + 1 if len(cols) else 1
        code = _unique(rows.astype(np.int64) * width + cols.astype(np.int64))
        r, c = code // width, code % width
        return cls(n_rows, r, c, np.ones(len(code))), r, c

    def lookup(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Weight at (row, column) for each pair, 0 where absent."""
        q = rows * self.width + cols
        pos = np.minimum(np.searchsorted(self.keys, q), max(len(self.keys) - 1, 0))
        if not len(self.keys):
            return np.zeros(len(q))
        return np.where(self.keys[pos] == q, self.w[pos], 0.0)

    def expand(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(index into ``rows``, column, weight) for every entry of every listed row."""
        counts = self.ptr[rows + 1] - self.ptr[rows]
        which = np.repeat(np.arange(len(rows), dtype=np.int64), counts)
        offs = np.arange(int(counts.sum()), dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
        at = self.ptr[rows][which] + offs
        return which, self.cols[at], self.w[at]

    def dot(self, ra: np.ndarray, rb: np.ndarray) -> np.ndarray:
        """Row ra[k] . row rb[k] for each k, walking the shorter row."""
        la = self.ptr[ra + 1] - self.ptr[ra]
        lb = self.ptr[rb + 1] - self.ptr[rb]
        short = np.where(la <= lb, ra, rb)
        other = np.where(la <= lb, rb, ra)
        which, cols, w = self.expand(short)
        prod = w * self.lookup(other[which], cols)
        return np.bincount(which, weights=prod, minlength=len(ra))





@dataclass
class _Prepared:
    claims: list[Claim]  # sorted by id, unique
    ids: list[str]
    dim: np.ndarray  # int codes
    dims: list[str]
    lo: np.ndarray  # hedged interval, base units
    hi: np.ndarray
    point: np.ndarray  # stated value (midpoint), base units
    floor: np.ndarray
    article: np.ndarray  # int codes
    articles: list[str]
    story_of: np.ndarray  # per article: its story (int code)
    context: np.ndarray  # object array of normalised context strings
    concept_code: np.ndarray  # per claim: code of its quantity phrase's concept words, normalised
    concept_text: np.ndarray  # object array: the concept words of each code
    phrase: list[str | None]  # each claim's quantity phrase
    direction: np.ndarray  # int: 0 none, 1 up, 2 down, 3 for, 4 against
    time: np.ndarray  # int code of the time or event the figure is tied to, 0 for none
    noun: list[str | None]
    noun_code: np.ndarray  # int, -1 for none
    noun_codes: dict[str, int]
    headline: np.ndarray  # bool: the claim's sentence opens the article (a headline restates the body)
    story: _Sparse  # per article: feature -> normalised weight (rarity within its story)
    story_key_ptr: np.ndarray  # per article: its rarest keys, as CSR offsets into story_key_ids
    story_key_ids: np.ndarray
    value_key: np.ndarray  # per claim: the story feature of its own figure
    rarest_name: np.ndarray  # per claim: its rarest name, -1 for none
    article_names: _Sparse  # per article: name -> 1 (sources included: the article does name them)
    evidence_names: _Sparse  # per article: name -> 1, sources left out (a shared source is no shared story)
    article_figures: _Sparse  # per article: figure cell (see _figure_cells) -> 1
    figure_cells: np.ndarray  # per claim: its figure's cell on each of two grids, shape (n, 2)
    sentence: np.ndarray  # int code of the claim's sentence (article and where the sentence starts)
    form: np.ndarray  # int code of how the figure is written: kind, unit, currency, per
    noun_words: _Sparse  # per noun code (head word): the story features of the noun's words
    topic: np.ndarray  # per claim: share of its sentence's content words that another article also uses
    # per claim: stated low and high in its own unit and their last digits (see _stated), made on first use
    stated: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = field(default=None, repr=False)

    def release_text(self) -> None:
        """Drop what only scoring needs (contexts, story vectors, names) once the pairs are scored."""
        self.context = self.concept_text = np.empty(0, dtype=object)
        empty = _Sparse(0, np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0))
        self.story = self.article_names = self.evidence_names = self.article_figures = empty
        self.story_key_ptr = self.story_key_ids = np.empty(0, np.int64)


_DIRECTION_CODES = {None: 0, "up": 1, "down": 2, "for": 3, "against": 4}


def _unique_claims(claims: Iterable[Claim]) -> tuple[list[Claim], list[str]]:
    """The distinct claims sorted by id, and their ids."""
    uniq: dict[str, Claim] = {}
    for c in claims:
        cid = c.id
        prev = uniq.get(cid)
        if prev is None:
            uniq[cid] = c
        elif prev != c and prev.with_group(None) != c.with_group(None):
            raise DuplicateClaimId(cid)
    ids = sorted(uniq)
    return [uniq[i] for i in ids], ids


def _rarest_per_row(rows: np.ndarray, cols: np.ndarray, rarity: np.ndarray, k: int, n_rows: int,
                    tie: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(CSR offsets, columns): each row's ``k`` entries of lowest ``rarity`` (ties: lower ``tie[column]``
    first, the column itself without ``tie``)."""
    order = np.lexsort((cols if tie is None else tie[cols], rarity, rows))
    r, c = rows[order], cols[order]
    per_row = np.bincount(r, minlength=n_rows)
    rank = np.arange(len(r)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    keep = rank < k
    ptr = np.r_[0, np.cumsum(np.bincount(r[keep], minlength=n_rows))].astype(np.int64)
    return ptr, c[keep]


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected components of n nodes under edges (a, b): per node, the smallest node of its component."""
    parent = np.arange(n, dtype=np.int64)
    if len(a):
        # label propagation by pointer jumping: each round every edge pulls both ends to the smaller label
        a = a.astype(np.int64)
        b = b.astype(np.int64)
        while True:
            la, lb = parent[a], parent[b]
            low = np.minimum(la, lb)
            changed = (la != low) | (lb != low)
            if not changed.any():
                break
            np.minimum.at(parent, la, low)
            np.minimum.at(parent, lb, low)
            parent = parent[parent]
            while True:
                nxt = parent[parent]
                if np.array_equal(nxt, parent):
                    break
                parent = nxt
    return parent


def _day_number(published: str | None) -> int | None:
    """The day number of an ISO date (its first ten characters), None when there is none or it does not read."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _span_number(day: Any) -> Any:
    """The number of a day's date span (a day number or an array of them): days of one span share it, two
    days DATE_SPAN or more apart never do."""
    return day // DATE_SPAN


def _date_span(day: int) -> str:
    """A day's date span as it is spelt in a dated key."""
    return f"a{_span_number(day)}"


def dated_words(words: Iterable[str], published: str | None) -> list[str]:
    """The dated keys of an article published on ``published`` holding ``words``: each word with the date span
    of that day (none without a date)."""
    return _dated_of_day(words, _day_number(published))


def _dated_of_day(words: Iterable[str], day: int | None) -> list[str]:
    if day is None:
        return []
    span = _date_span(day)
    return [f"{w}{DATED}{span}" for w in words]


def _article_days(claims: Sequence[Claim], article_code: np.ndarray, n_art: int) -> np.ndarray:
    """Per article code, the day number of its earliest claim date (-1 without one): the same whatever
    the order of the claims."""
    days = np.full(n_art, np.iinfo(np.int64).max, dtype=np.int64)
    for c, k in zip(claims, article_code.tolist()):
        d = _day_number(c.published)
        if d is not None and d < days[k]:
            days[k] = d
    days[days == np.iinfo(np.int64).max] = -1
    return days


def _with_dated(rows: np.ndarray, cols: np.ndarray, texts: Sequence[str], days: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray | None]:
    """The distinct (article, word) entries ``rows``, ``cols`` with the dated keys that may count added: for
    each word held by more than KEY_MAX_ARTICLES articles, each dated article holding it gets the word with
    its day's date span. Returns (rows, cols, texts, plain): ``plain`` per column is the column of its
    word for a dated key, -1 for a word (None when no dated key was added). Dated keys of rarer words are
    left out: they cannot count (:func:`_strong_links`)."""
    if not len(cols):
        return rows, cols, list(texts), None
    df = np.bincount(cols, minlength=len(texts))
    sel = (df[cols] > KEY_MAX_ARTICLES) & (days[rows] >= 0)
    if not sel.any():
        return rows, cols, list(texts), None
    r, c, spans = rows[sel], cols[sel].astype(np.int64), _span_number(days[rows[sel]])
    width = int(spans.max()) + 1
    uniq, inverse = np.unique(c * width + spans, return_inverse=True)
    base = len(texts)
    out_texts = list(texts)
    for code in uniq.tolist():
        w, span = divmod(code, width)
        out_texts.append(f"{texts[w]}{DATED}a{span}")
    plain = np.r_[np.full(base, -1, np.int64), uniq // width]
    return (np.r_[rows, r].astype(np.int64), np.r_[cols.astype(np.int64), base + inverse.reshape(-1)],
            out_texts, plain)


def _plain_codes(texts: Sequence[str]) -> np.ndarray | None:
    """Per word code, the code of a dated key's word (-1 for a word; -2 for a dated key whose word is not
    among ``texts``, which then cannot count); None when there is no dated key."""
    if not any(DATED in t for t in texts):
        return None
    code = {t: k for k, t in enumerate(texts)}
    return np.array([code.get(t.split(DATED, 1)[0], -2) if DATED in t else -1 for t in texts], dtype=np.int64)


def _story_partition(n_art: int, rows: np.ndarray, cols: np.ndarray, extra: Sequence[tuple[int, int]] = (),
                     tie: np.ndarray | None = None, plain: np.ndarray | None = None) -> np.ndarray:
    """Per article, the code of its story.

    Keys are words and figures found in 2 to KEY_MAX_ARTICLES articles; each article keeps its STORY_KEYS
    rarest. Two articles sharing at least STORY_LINK keys are linked with the weight of what they share (the
    keys' idf), and a link counts when it weighs at least STORY_RELATIVE of the stronger of the two articles'
    strongest links: an article's own story is what it shares most with, and two stories of one kind that
    share a few stock words or a round figure are not joined through it. Stories are the connected
    components of the links that count (plus ``extra`` links).

    A word too common to be a key still marks a story within a date span: its dated keys (``plain``: per
    column, the column of a dated key's word, -1 for a word) count as keys when the word is held by more
    than KEY_MAX_ARTICLES articles, and are held by 2 to KEY_MAX_ARTICLES themselves (:func:`_strong_links`).

    Nothing here depends on articles that share no key: a key's idf is its rarity among STORY_REFERENCE
    articles (not among all given), and ties between equally rare keys go by the key's text (``tie``: each
    column's rank in the sorted texts), not by where it first appears. So an import changes only the stories
    near its articles (see :func:`plan_import`).
    """
    if not n_art:
        return np.empty(0, np.int64)
    width = max(int(cols.max()) + 1 if len(cols) else 0, len(plain) if plain is not None else 0)
    df = np.bincount(cols, minlength=width)
    a, b = _strong_links(n_art, rows, cols, df, tie, plain)
    if extra:
        ea, eb = np.array([x for x, _ in extra], np.int64), np.array([y for _, y in extra], np.int64)
        a, b = np.r_[a, ea], np.r_[b, eb]
    comp = _components(n_art, a, b)
    _, story = np.unique(comp, return_inverse=True)
    return story.astype(np.int64)


def _strong_links(n_art: int, rows: np.ndarray, cols: np.ndarray, df: np.ndarray, tie: np.ndarray | None,
                  plain: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The links that count between the articles of the distinct (article, word) entries ``rows``, ``cols``,
    with ``df[word]`` the number of articles holding the word (see :func:`_story_partition`). A dated key
    (``plain[key] != -1``) is a key only when its word (``plain[key]``, -2: not given) is held by more than
    KEY_MAX_ARTICLES articles (so a word and its dated key never both count). Weights are summed in whole
    millionths, so that they do not depend on the order of the keys."""
    ok = (df[cols] >= 2) & (df[cols] <= KEY_MAX_ARTICLES)
    if plain is not None:
        p = plain[cols]
        ok &= (p == -1) | ((p >= 0) & (df[np.maximum(p, 0)] > KEY_MAX_ARTICLES))
    ptr, keys = _rarest_per_row(rows[ok], cols[ok], df[cols[ok]], STORY_KEYS, n_art, tie)
    owner = np.repeat(np.arange(n_art, dtype=np.int64), np.diff(ptr))
    # articles sharing a key: pairs within each key's postings (at most KEY_MAX_ARTICLES long)
    code, key = _pair_codes_within_runs(keys, owner, n_art)
    a = b = np.empty(0, np.int64)
    if len(code):
        idf = np.round(1e6 * np.log((STORY_REFERENCE + 1.0) / np.maximum(df, 1)))
        pairs, inverse, shared = _unique_inverse(code)
        weight = np.bincount(inverse, weights=idf[key], minlength=len(pairs))  # whole numbers: exact sums
        sel = shared >= STORY_LINK
        pairs, weight = pairs[sel], weight[sel]
        a, b = pairs // n_art, pairs % n_art
        best = np.zeros(n_art)
        np.maximum.at(best, a, weight)
        np.maximum.at(best, b, weight)
        strong = weight >= STORY_RELATIVE * np.minimum(best[a], best[b])
        a, b = a[strong], b[strong]
    return a, b


def _text_rank(texts: Sequence[str]) -> np.ndarray:
    """Per code, the rank of its text among ``texts`` sorted: an order that does not depend on which claims
    were given, nor in what order."""
    rank = np.empty(len(texts), dtype=np.int64)
    rank[sorted(range(len(texts)), key=texts.__getitem__)] = np.arange(len(texts), dtype=np.int64)
    return rank


def _pair_codes_within_runs(keys: np.ndarray, items: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(codes a * n + b with a < b, key) of every pair of items sharing a key, once per shared key."""
    e = np.empty(0, np.int64)
    if len(keys) < 2:
        return e, e
    order = np.lexsort((items, keys))
    k, it = keys[order].astype(np.int64), items[order].astype(np.int64)
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[starts, len(it)])
    run_end = np.repeat(starts + sizes, sizes)
    pos = np.arange(len(it))
    counts = run_end - pos - 1
    total = int(counts.sum())
    if not total:
        return e, e
    left = np.repeat(pos, counts)
    right = left + 1 + (np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts))
    x, y = it[left], it[right]
    keep = x != y
    return np.minimum(x[keep], y[keep]) * n + np.maximum(x[keep], y[keep]), k[left][keep]


def _local_counts(group: np.ndarray, cols: np.ndarray, n_cols: int) -> np.ndarray:
    """For each entry, how many entries share its (group, column): document frequency within a story."""
    if not len(cols):
        return np.zeros(0, np.int64)
    _, inverse, counts = _unique_inverse(group.astype(np.int64) * max(n_cols, 1) + cols.astype(np.int64))
    return counts[inverse]


def _prepare(claims: Sequence[Claim], hedge: float = HEDGE, overrides: Sequence[Override] = (),
             story_ids: Mapping[str, str] | None = None) -> _Prepared:
    cl, ids = _unique_claims(claims)
    n = len(cl)

    dim_codes: dict[str, int] = {}
    art_codes: dict[str, int] = {}
    feat_codes: dict[str, int] = {}
    time_codes: dict[str, int] = {"": 0}
    # per-claim numbers accumulate in typed arrays (8 or 4 bytes each), not lists of Python objects
    dim_l, art_l, value_key_l, sentence_l, form_l = array("q"), array("q"), array("q"), array("i"), array("i")
    lo_l, hi_l, point_l, floor_l = array("d"), array("d"), array("d"), array("d")
    headline_l, direction_l, time_l, concept_l = array("b"), array("b"), array("i"), array("q")
    strings: dict[str, str] = {}  # one copy of each repeated string (names, quantity phrases)
    sent_codes: dict[tuple[int, object], int] = {}
    form_codes: dict[tuple, int] = {}
    ctx: list[str] = []
    concept_codes: dict[str, int] = {}
    phrases: list[str | None] = []
    heads: list[str | None] = []
    feat_id = array("i")
    n_words_l = array("q")  # content words of each claim's sentence (their features follow in word_fid)
    word_fid = array("i")
    # names: capitalised words that the story also writes capitalised inside a sentence and never in lower
    # case; collected per article as word codes, judged per story once stories are known
    name_text: list[tuple[str, ...] | None] = []  # per claim: its distinct capitalised words, lowercased
    word_codes: dict[str, int] = {}
    lower_art = array("i")
    lower_word = array("i")
    cap_art = array("i")
    cap_word = array("i")
    seen_lower: set[str] = set()
    seen_cap: set[str] = set()
    last_art = -1
    for c in cl:
        d, a, b = normalised_value(c)
        if not (math.isfinite(a) and math.isfinite(b)):
            raise InvalidClaim(c.id, f"low and high must be finite numbers, got {c.low!r} and {c.high!r}")
        f = _floor(d)
        hl, hh = _hedged(a, b, c.qualifier, hedge, f)
        dk = dim_codes.setdefault(d, len(dim_codes))
        ak = art_codes.setdefault(c.article, len(art_codes))
        if ak != last_art:
            seen_lower.clear()
            seen_cap.clear()
            last_art = ak
        mid = (a + b) / 2.0
        dim_l.append(dk)
        art_l.append(ak)
        lo_l.append(hl)
        hi_l.append(hh)
        point_l.append(mid)
        floor_l.append(f)
        headline_l.append(_is_headline(c))
        where = c.sentence_start if c.sentence_start is not None else c.sentence
        sentence_l.append(sent_codes.setdefault((ak, where), len(sent_codes)))
        form_l.append(form_codes.setdefault(_form(c.kind, c.unit, c.currency, c.per), len(form_codes)))
        heads.append(noun_head(c.noun) if c.noun else None)
        ph, concept, direction_code, when = (_quantity_facts(c.quantity) if c.quantity is not None
                                             else _facts(describe_claim(c)))
        phrases.append(strings.setdefault(ph, ph) if ph else None)
        concept_l.append(concept_codes.setdefault(concept, len(concept_codes)))
        direction_l.append(direction_code)
        time_l.append(time_codes.setdefault(when, len(time_codes)))
        text = _without_number(c)
        words = _context_words(c, text)
        ctx.append(" ".join(words))
        vk = feat_codes.setdefault(f"#{dk}:{float(f'{mid:.2g}')}", len(feat_codes))
        value_key_l.append(vk)
        n_words_l.append(len(words))
        codes = [feat_codes.setdefault(w, len(feat_codes)) for w in words]
        feat_id.extend(codes)
        word_fid.extend(codes)
        feat_id.append(vk)
        fresh = set(_LOWER.findall(text)) - seen_lower
        if fresh:
            seen_lower |= fresh
            lower_art.extend([ak] * len(fresh))
            lower_word.extend([word_codes.setdefault(w, len(word_codes)) for w in fresh])
        cs = _name_candidates(text)
        if cs:
            fresh = {w for w, initial in cs if not initial} - seen_cap
            if fresh:
                seen_cap |= fresh
                cap_art.extend([ak] * len(fresh))
                cap_word.extend([word_codes.setdefault(w, len(word_codes)) for w in fresh])
            distinct = {w for w, _ in cs}
            name_text.append(tuple(map(strings.setdefault, distinct, distinct)))
        else:
            name_text.append(None)
    dim = np.frombuffer(dim_l, dtype=np.int64).copy()
    art = np.frombuffer(art_l, dtype=np.int64).copy()
    lo, hi = np.frombuffer(lo_l, dtype=np.float64).copy(), np.frombuffer(hi_l, dtype=np.float64).copy()
    point, floor = np.frombuffer(point_l, dtype=np.float64).copy(), np.frombuffer(floor_l, dtype=np.float64).copy()
    value_key = np.frombuffer(value_key_l, dtype=np.int64).copy()
    headline = np.frombuffer(headline_l, dtype=np.int8).astype(bool)
    sentence = np.frombuffer(sentence_l, dtype=np.int32).copy()
    form = np.frombuffer(form_l, dtype=np.int32).copy()
    direction = np.frombuffer(direction_l, dtype=np.int8).copy()
    time = np.frombuffer(time_l, dtype=np.int32).copy()
    concept_code = np.frombuffer(concept_l, dtype=np.int64).copy()
    del dim_l, art_l, lo_l, hi_l, point_l, floor_l, value_key_l, headline_l, sentence_l, form_l, sent_codes
    del direction_l, time_l, concept_l, strings
    dims = list(dim_codes)
    articles = list(art_codes)
    n_art = len(articles)
    n_feat = len(feat_codes)

    # stories: from the distinct (article, feature) entries, with global rarity; reviewers' must-links join
    # the stories of the claims they join
    fids = np.frombuffer(feat_id, dtype=np.int32)
    n_words = np.frombuffer(n_words_l, dtype=np.int64).copy()
    del n_words_l
    # each claim's features are its words and its figure: the claim's article for each of them
    present, rows, cols = _Sparse.from_pairs(n_art, np.repeat(art, n_words + 1).astype(np.int32), fids)
    del present, fids, feat_id
    index = {cid: k for k, cid in enumerate(ids)} if overrides else {}
    extra = []
    for o in overrides:
        if o.kind is LinkKind.MUST and o.a in index and o.b in index:
            extra.append((int(art[index[o.a]]), int(art[index[o.b]])))
    is_figure = np.zeros(n_feat, dtype=bool)
    is_figure[value_key] = True
    words_only = ~is_figure[cols]  # round figures recur across stories: words and names mark a story
    tie = _text_rank(list(feat_codes))
    if story_ids is None:
        # dated keys mark stories only: the story statistics below are computed from the words alone
        d_rows, d_cols, d_texts, plain = _with_dated(rows[words_only], cols[words_only], list(feat_codes),
                                                     _article_days(cl, art, n_art))
        story_of = _story_partition(n_art, d_rows, d_cols, extra, tie if plain is None else _text_rank(d_texts),
                                    plain)
        del d_rows, d_cols, d_texts, plain
    else:
        missing = [x for x in articles if x not in story_ids]
        if missing:
            raise ValueError(f"stories: no story given for article {missing[0]!r}")
        _, story_of = np.unique(np.array([story_ids[x] for x in articles], dtype=object).astype(str),
                                return_inverse=True)
        story_of = story_of.astype(np.int64).reshape(-1)
    del words_only
    story_rows = story_of[rows]
    n_story = np.bincount(story_of, minlength=int(story_of.max()) + 1 if n_art else 0)

    noun_codes: dict[str, int] = {}
    noun_code = np.array([noun_codes.setdefault(h, len(noun_codes)) if h else -1 for h in heads], dtype=np.int64)
    nw_row, nw_col = [], []
    first_noun: dict[str, str] = {}
    for c, h in zip(cl, heads):
        if h is not None and h not in first_noun:
            first_noun[h] = c.noun or h
    for h, code in noun_codes.items():
        for w in set(_words(first_noun[h])) | {h}:
            f = feat_codes.get(w)
            if f is not None:
                nw_row.append(code)
                nw_col.append(f)
    noun_words, _, _ = _Sparse.from_pairs(len(noun_codes), np.array(nw_row, dtype=np.int64),
                                          np.array(nw_col, dtype=np.int64))

    # Story vectors: words and figures weighed by rarity within the story, idf ** STORY_POWER, over the story
    # plus a virtual background of unrelated articles; each article's norm is padded, so that one shared word
    # does not make two short articles alike.
    df = _local_counts(story_rows, cols, n_feat)
    words_of = np.repeat(np.arange(n, dtype=np.int64), n_words)
    wf = np.frombuffer(word_fid, dtype=np.int32).astype(np.int64)
    # how topical each claim's sentence is: the share of its content words another article of its story uses
    entry_code = story_rows * max(n_feat, 1) + cols
    order = np.argsort(entry_code, kind="stable")
    sorted_codes, sorted_df = entry_code[order], df[order]
    wcode = story_of[art[words_of]] * max(n_feat, 1) + wf
    pos = np.minimum(np.searchsorted(sorted_codes, wcode), max(len(sorted_codes) - 1, 0))
    elsewhere = (sorted_df[pos] > 1) if len(sorted_codes) else np.zeros(len(wcode), bool)
    n_words = np.bincount(words_of, minlength=n)
    topic = np.bincount(words_of, weights=elsewhere, minlength=n) / np.maximum(n_words, 1)
    del word_fid, words_of, wf, elsewhere, wcode, pos, order, sorted_codes, sorted_df, entry_code
    idf = np.log1p((n_story[story_rows] + BACKGROUND) / np.maximum(df, 1))
    w = idf ** STORY_POWER
    norm = np.sqrt(np.bincount(rows, weights=w * w, minlength=n_art) + STORY_PADDING)
    story = _Sparse(n_art, rows, cols, w / np.maximum(norm[rows], _TINY))
    # blocking keys of crowded story blocks: each article's rarest words shared with another article of its
    # story (figures are no key: pairs sharing a figure are what the value neighbours already give)
    figure = np.zeros(n_feat, dtype=bool)
    figure[value_key] = True
    m = (df > 1) & (df <= KEY_MAX_ARTICLES) & ~figure[cols]
    story_key_ptr, story_key_ids = _rarest_per_row(rows[m], cols[m], df[m], STORY_KEYS, n_art, tie)
    del df, idf, w, norm, m, tie

    # names, judged within each story; only words also written capitalised inside a sentence matter
    def story_pairs(arts: array, words: array, among: np.ndarray | None = None) -> tuple[set[int], np.ndarray]:
        a_ = np.frombuffer(arts, dtype=np.int32).astype(np.int64)
        w_ = np.frombuffer(words, dtype=np.int32).astype(np.int64)
        if among is not None and len(w_):
            keep = np.isin(w_, among)
            a_, w_ = a_[keep], w_[keep]
        return (set((story_of[a_] * max(len(word_codes), 1) + w_).tolist()) if len(a_) else set()), w_

    inner_caps, cap_words = story_pairs(cap_art, cap_word)
    lower_seen, _ = story_pairs(lower_art, lower_word, _unique(cap_words))
    del lower_art, lower_word, cap_art, cap_word
    width = max(len(word_codes), 1)
    name_codes: dict[str, int] = {}
    name_claim = array("i")
    name_id = array("i")
    source_claim = array("i")
    source_id = array("i")
    for k, (c, cs) in enumerate(zip(cl, name_text)):
        if cs is None:
            continue
        base = int(story_of[art[k]]) * width
        source = set(_NON_LETTERS.split(c.attribution.lower())) if c.attribution else ()
        for w in cs:
            code = word_codes.get(w)
            if (code is not None and len(w) >= NAME_MIN_LETTERS and base + code in inner_caps
                    and base + code not in lower_seen and w not in _CALENDAR and w not in _STOP):
                nc_ = name_codes.setdefault(w, len(name_codes))
                if w in source:
                    source_claim.append(k)
                    source_id.append(nc_)
                else:
                    name_claim.append(k)
                    name_id.append(nc_)
    del name_text, lower_seen, inner_caps
    nc = np.frombuffer(name_claim, dtype=np.int32).astype(np.int64)
    ni = np.frombuffer(name_id, dtype=np.int32).astype(np.int64)
    sc = np.frombuffer(source_claim, dtype=np.int32).astype(np.int64)
    si = np.frombuffer(source_id, dtype=np.int32).astype(np.int64)
    evidence_names, name_rows, name_col = _Sparse.from_pairs(n_art, art[nc], ni)
    article_names, _, _ = _Sparse.from_pairs(n_art, np.r_[art[nc], art[sc]], np.r_[ni, si])
    figure_cells = _figure_cells(point, floor, dim, len(dims))
    article_figures, _, _ = _Sparse.from_pairs(n_art, np.r_[art, art], figure_cells.reshape(-1, order="F"))
    # each claim's rarest name within its story (ties: the lower code)
    rarest_name = np.full(n, -1, dtype=np.int64)
    if len(nc):
        name_df = _local_counts(story_of[name_rows], name_col, len(name_codes))
        width_n = max(len(name_codes), 1)
        # each (claim, name) takes the count of its (story, name) entry: every one is among the entries
        entry = story_of[name_rows] * width_n + name_col
        by_entry = np.argsort(entry, kind="stable")
        at = np.searchsorted(entry[by_entry], story_of[art[nc]] * width_n + ni)
        claim_df = name_df[by_entry[at]].astype(np.int64)
        del entry, by_entry, at
        order = np.lexsort((ni, claim_df, nc))
        first = np.r_[True, nc[order][1:] != nc[order][:-1]]
        rarest_name[nc[order][first]] = ni[order][first]

    return _Prepared(
        claims=cl, ids=ids, dim=dim, dims=dims, lo=lo, hi=hi, point=point, floor=floor, article=art,
        articles=articles, story_of=story_of, context=np.array(ctx, dtype=object),
        concept_code=concept_code,
        concept_text=np.array(list(concept_codes), dtype=object), phrase=phrases, direction=direction, time=time, noun=heads,
        noun_code=noun_code, noun_codes=noun_codes, headline=headline, story=story, story_key_ptr=story_key_ptr,
        story_key_ids=story_key_ids, value_key=value_key, rarest_name=rarest_name, article_names=article_names,
        evidence_names=evidence_names, article_figures=article_figures, figure_cells=figure_cells,
        sentence=sentence, form=form, noun_words=noun_words, topic=topic,
    )


def _quantity_of(c: Claim) -> Quantity:
    return _parsed(c.quantity) if c.quantity is not None else describe_claim(c)


def _facts(q: Quantity) -> tuple[str | None, str, int, str]:
    """(phrase or None, normalised concept words, direction code, time or "") of a quantity."""
    return q.phrase or None, _concept_text(q.concept), _DIRECTION_CODES.get(q.direction, 0), q.time or ""


@lru_cache(maxsize=1 << 16)
def _quantity_facts(phrase: str) -> tuple[str | None, str, int, str]:
    """_facts of a stored quantity phrase, read once per distinct phrase."""
    return _facts(_parsed(phrase))


@lru_cache(maxsize=1 << 16)
def _parsed(phrase: str) -> Quantity:
    return parse_quantity(phrase)  # type: ignore[return-value]


@lru_cache(maxsize=1 << 16)
def _concept_text(concept: str) -> str:
    """A quantity's concept words with their classes, normalised as contexts are."""
    return " ".join(_words(concept_keys(concept)))


# ------------------------------------------------------------------------------------------------- blocking

def _unique(x: np.ndarray) -> np.ndarray:
    """Sorted distinct values (sorting beats numpy's hashed unique on large integer arrays)."""
    y = np.sort(x)
    return y[np.r_[True, y[1:] != y[:-1]]] if len(y) else y


def _unique_inverse(x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(distinct values, index of each element's value, count of each value)."""
    order = np.argsort(x, kind="stable")
    y = x[order]
    first = np.r_[True, y[1:] != y[:-1]] if len(y) else np.zeros(0, dtype=bool)
    group = np.cumsum(first) - 1
    inverse = np.empty(len(x), dtype=np.int64)
    inverse[order] = group
    starts = np.flatnonzero(first)
    counts = np.diff(np.r_[starts, len(y)])
    return y[first], inverse, counts




def _neighbour_pairs(keys: np.ndarray, order_by: np.ndarray, items: np.ndarray, n: int, window: int) -> np.ndarray:
    """Codes a * n + b (a < b) of items that share a key and lie within ``window`` places of each other once
    each key's items are sorted by ``order_by``: every pair of a key with at most window + 1 items, the
    nearest neighbours of each item in a larger one. Distinct, sorted."""
    if len(keys) < 2:
        return np.empty(0, np.int64)
    order = np.lexsort((items, order_by, keys))
    k, it = keys[order], items[order].astype(np.int64)
    del order
    out = []
    for d in range(1, window + 1):
        if d >= len(k):
            break
        same = np.flatnonzero(k[d:] == k[:-d])
        if not len(same):
            break  # no key has more than d items
        x, y = it[same], it[same + d]
        keep = x != y
        out.append(_unique(np.minimum(x[keep], y[keep]) * n + np.maximum(x[keep], y[keep])))
    return _unique(np.concatenate(out)) if out else np.empty(0, np.int64)


def _candidate_pairs(p: _Prepared, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a < b) worth scoring.

    * Claims of different articles of one story and one dimension: all pairs of a block of at most
      :data:`BLOCK_LIMIT` claims; in a larger block, each claim's nearest values, and the nearest values
      among the claims of articles sharing one of its article's rare keys.
    * Claims of one article: a repeat states (about) the same figure, so neighbours by value within the
      article and dimension.
    """
    n = len(p.claims)
    if n < 2:
        e = np.empty(0, np.int64)
        return e, e
    n_dims = max(len(p.dims), 1)
    axis = _value_axis(p.point, p.floor)
    story = p.story_of[p.article]
    block = story * n_dims + p.dim
    items = np.arange(n, dtype=np.int64)
    parts = [_neighbour_pairs(block, axis, items, n, BLOCK_LIMIT)]
    _, inverse, counts = _unique_inverse(block)
    big = np.flatnonzero(counts[inverse] > BLOCK_LIMIT + 1)
    if len(big):
        arts = p.article[big]
        reps = p.story_key_ptr[arts + 1] - p.story_key_ptr[arts]
        claim_r = np.repeat(big, reps)
        pos = np.arange(int(reps.sum())) - np.repeat(np.cumsum(reps) - reps, reps)
        key = p.story_key_ids[p.story_key_ptr[p.article[claim_r]] + pos] if len(claim_r) else claim_r
        width = int(key.max()) + 1 if len(key) else 1
        parts.append(_neighbour_pairs(block[claim_r] * width + key, axis[claim_r], claim_r, n, BLOCK_LIMIT))
    # one article's repeats
    within = p.article * n_dims + p.dim
    parts.append(_neighbour_pairs(within, axis, items, n, BLOCK_LIMIT))
    code = _unique(np.concatenate(parts))
    return code // n, code % n

# -------------------------------------------------------------------------------------------------- scoring


def _story_similarity(p: _Prepared, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(cosine, evidence) of the two claims' articles, leaving out the figure the two claims share.

    The cosine says how alike the articles' words and figures are; the evidence (0 to 1) whether they
    share anything particular to one story: how many names, and figures besides the compared one (equal or
    within about :data:`NEAR_FIGURE`), both give, less one when both articles name people, places or firms
    and none of them in common (from -1 to 4). Articles on one subject share its words
    ("passengers", "fares", "delays") and round figures ("45 minutes") without telling one story; two
    reports of one event name the same place, firm or person, or repeat several of its figures. Both are
    1 for claims of one article.
    """
    cos = np.ones(len(a))
    evidence = np.ones(len(a))
    art_a, art_b = p.article[a], p.article[b]
    diff = np.flatnonzero(art_a != art_b)
    if not len(diff):
        return cos, evidence
    xa, xb = art_a[diff], art_b[diff]
    n_art = len(p.articles)
    codes, inv, _ = _unique_inverse(np.minimum(xa, xb) * n_art + np.maximum(xa, xb))
    step = 1 << 16  # bounded memory: some tens of thousands of article pairs at a time
    sims, names, figures = [], [], []
    for k in range(0, len(codes), step):
        ra, rb = codes[k:k + step] // n_art, codes[k:k + step] % n_art
        sims.append(p.story.dot(ra, rb))
        names.append(p.evidence_names.dot(ra, rb))
        figures.append(p.article_figures.dot(ra, rb))
    sims, names, figures = np.concatenate(sims), np.concatenate(names), np.concatenate(figures)
    named = p.evidence_names.ptr[1:] > p.evidence_names.ptr[:-1]
    fig = p.article_figures
    step = 1 << 20  # claim pairs at a time: bounded memory
    for k in range(0, len(diff), step):
        d = diff[k:k + step]
        x, y, pair = xa[k:k + step], xb[k:k + step], inv[k:k + step]
        # the compared figures are no evidence that the articles tell the same story: leave out what either
        # of them shares with the other article
        ka, kb = p.value_key[a[d]], p.value_key[b[d]]
        both_ka = p.story.lookup(x, ka) * p.story.lookup(y, ka)
        own = both_ka + np.where(ka == kb, 0.0, p.story.lookup(x, kb) * p.story.lookup(y, kb))
        cos[d] = np.maximum(sims[pair] - own, 0.0)
        del ka, kb, both_ka, own
        own_cells = np.zeros(len(d))
        for g in (0, 1):
            ca, cb = p.figure_cells[a[d], g], p.figure_cells[b[d], g]
            own_cells += fig.lookup(y, ca) > 0
            own_cells += fig.lookup(x, cb) > 0
            own_cells -= ca == cb
        other_figures = np.maximum(figures[pair] - own_cells, 0.0) / 2.0  # a figure sits on two grids
        shared_names = names[pair]
        strangers = (shared_names == 0) & named[x] & named[y]
        evidence[d] = np.clip(shared_names + other_figures - strangers, -1.0, 4.0)
    return cos, evidence


def _noun_agreements(p: _Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """_noun_agreement for each pair, worked out once per distinct pair of nouns."""
    out = np.full(len(a), 0.5)
    na, nb = p.noun_code[a], p.noun_code[b]
    both = np.flatnonzero((na >= 0) & (nb >= 0))
    if len(both):
        width = int(p.noun_code.max()) + 1
        codes, inv, _ = _unique_inverse(na[both] * width + nb[both])
        heads = {code: h for h, code in p.noun_codes.items()}
        agree = np.array([_noun_agreement(heads[c // width], heads[c % width]) for c in codes.tolist()])
        out[both] = agree[inv]
    return out




def _name_conflict(p: _Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Both sentences name someone or somewhere and each one's rarest name is missing from the other's
    article (two firms, two towns)."""
    out = np.zeros(len(a))
    rare = p.rarest_name
    sel = np.flatnonzero((rare[a] >= 0) & (rare[b] >= 0))
    if len(sel):
        x, y = a[sel], b[sel]
        missing_x = p.article_names.lookup(p.article[y], rare[x]) == 0
        missing_y = p.article_names.lookup(p.article[x], rare[y]) == 0
        out[sel[missing_x & missing_y]] = 1.0
    return out


def _noun_unseen(p: _Prepared, a: np.ndarray, b: np.ndarray, conflict: np.ndarray) -> np.ndarray:
    """Two claims counting different things where no word of either's noun is found in the other's article
    (two reports of one fact may count it by different words, but then one tends to use the other's)."""
    out = np.zeros(len(a))
    sel = np.flatnonzero(conflict > 0)
    if len(sel):
        x, y = a[sel], b[sel]

        def found(u: np.ndarray, v: np.ndarray) -> np.ndarray:
            which, cols, _ = p.noun_words.expand(p.noun_code[u])
            hit = p.story.lookup(p.article[v][which], cols) > 0
            return np.bincount(which, weights=hit, minlength=len(u)) > 0

        out[sel[~found(x, y) & ~found(y, x)]] = 1.0
    return out


def _best_cosines(p: _Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per article, its highest story cosine with any article it shares a candidate pair with."""
    best = np.zeros(len(p.articles))
    xa, xb = p.article[a], p.article[b]
    cross = xa != xb
    if cross.any():
        n_art = len(p.articles)
        codes = _unique(np.minimum(xa[cross], xb[cross]) * n_art + np.maximum(xa[cross], xb[cross]))
        ra, rb = codes // n_art, codes % n_art
        step = 1 << 16  # article pairs at a time: each expands to all its words (bounded memory)
        sims = np.concatenate([p.story.dot(ra[k:k + step], rb[k:k + step]) for k in range(0, len(ra), step)])
        np.maximum.at(best, ra, sims)
        np.maximum.at(best, rb, sims)
    return best


@lru_cache(maxsize=1)
def _class_stems() -> dict[str, int]:
    """The normalised word of each class name of :data:`workbench.quantity.CONCEPT_CLASSES` (a class's name
    is one of its words, so a concept's text holds it when any of the class's words is in the concept)."""
    return {" ".join(_words(k)): bit for bit, k in enumerate(CONCEPT_CLASSES)}


@lru_cache(maxsize=1 << 16)
def _class_mask(concept_text: str) -> int:
    stems = _class_stems()
    mask = 0
    for w in concept_text.split():
        bit = stems.get(w)
        if bit is not None:
            mask |= 1 << bit
    return mask


def _class_relations(p: _Prepared, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(agree, conflict) of the classes the two concepts name, worked out once per distinct concept."""
    masks = np.array([_class_mask(t) for t in p.concept_text.tolist()], dtype=np.int64)
    ma, mb = masks[p.concept_code[a]], masks[p.concept_code[b]]
    both = (ma != 0) & (mb != 0)
    shared = (ma & mb) != 0
    return (both & shared).astype(np.float64), (both & ~shared).astype(np.float64)


def _pair_features(p: _Prepared, a: np.ndarray, b: np.ndarray, gap: np.ndarray, tolerance: float,
                   workers: int, best: np.ndarray) -> dict[str, np.ndarray]:
    """The named features (:data:`FEATURES`) of pairs of claims of different articles of one story;
    ``best`` is :func:`_best_cosines` of all the candidate pairs."""
    ctx = _ratio(p.context[a], p.context[b], workers)
    qty = _distinct_ratio(p.concept_code, p.concept_text, a, b, workers)
    qty_whole = _distinct_ratio(p.concept_code, p.concept_text, a, b, workers, fuzz.token_sort_ratio)
    cos, evidence = _story_similarity(p, a, b)
    art_a, art_b = p.article[a], p.article[b]
    relative = np.clip(cos / np.maximum(np.maximum(best[art_a], best[art_b]), _TINY), 0.0, 1.0)
    noun = _noun_agreements(p, a, b)
    conflict = (noun == 0.0).astype(np.float64)
    da, db = p.direction[a], p.direction[b]
    ta, tb = p.time[a], p.time[b]
    class_agree, class_conflict = _class_relations(p, a, b) if len(a) else (np.zeros(0), np.zeros(0))
    return {
        "context": ctx,
        "quantity": qty,
        "quantity_whole": qty_whole,
        "class_agree": class_agree,
        "class_conflict": class_conflict,
        "story": cos,
        "story_relative": relative,
        "story_evidence": evidence,
        "noun_agree": (noun == 1.0).astype(np.float64),
        "noun_conflict": conflict,
        "noun_unseen": _noun_unseen(p, a, b, conflict),
        "name_conflict": _name_conflict(p, a, b),
        "direction_conflict": ((da > 0) & (db > 0) & (da != db)).astype(np.float64),
        "direction_one": ((da > 0) != (db > 0)).astype(np.float64),
        "time_conflict": (ta != tb).astype(np.float64),
        "value_gap": -np.log(np.maximum(1.0 - gap, 1e-3)),
        "value_agree": (gap <= tolerance).astype(np.float64),
        "same_form": (p.form[a] == p.form[b]).astype(np.float64),
        "headline": (p.headline[a] | p.headline[b]).astype(np.float64),
        "topic": np.minimum(p.topic[a], p.topic[b]),
        "same_article": (art_a == art_b).astype(np.float64),
    }


def _ratio(x: np.ndarray, y: np.ndarray, workers: int, scorer=fuzz.token_set_ratio) -> np.ndarray:
    if not len(x):
        return np.zeros(0)
    return process.cpdist(x, y, scorer=scorer, workers=workers,
                          dtype=np.float32).astype(np.float64) / 100.0


def _distinct_ratio(code: np.ndarray, texts: np.ndarray, a: np.ndarray, b: np.ndarray, workers: int,
                    scorer=fuzz.token_set_ratio) -> np.ndarray:
    """_ratio of texts[code[a]] and texts[code[b]], computed once per distinct pair of texts (few distinct
    quantity phrases recur over many pairs)."""
    if not len(a):
        return np.zeros(0)
    width = max(len(texts), 1)
    pairs, inv, _ = _unique_inverse(code[a].astype(np.int64) * width + code[b])
    return _ratio(texts[pairs // width], texts[pairs % width], workers, scorer)[inv]


@dataclass
class _Scored:
    a: np.ndarray  # claim indices, a < b
    b: np.ndarray
    score: np.ndarray  # 0-100
    gap: np.ndarray  # relative gap between the two values (0 when their intervals overlap)
    apart_a: np.ndarray  # pairs of one article that state different facts with the same figure
    apart_b: np.ndarray


def _compatible_pairs(p: _Prepared, a: np.ndarray, b: np.ndarray, tolerance: float, max_gap: float
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, gap, same article) of the pairs whose figures can be one quantity: two figures of one
    sentence only when they agree (a repeat, or two facts)."""
    max_lo = np.maximum(p.lo[a], p.lo[b])
    min_hi = np.minimum(p.hi[a], p.hi[b])
    gap = _gap_arrays(max_lo, min_hi, np.maximum(p.floor[a], p.floor[b]))
    same_article = p.article[a] == p.article[b]
    ok = (p.dim[a] == p.dim[b]) & (gap <= max_gap) & ((p.sentence[a] != p.sentence[b]) | (gap <= tolerance))
    ok &= p.story_of[p.article[a]] == p.story_of[p.article[b]]
    return a[ok], b[ok], gap[ok], same_article[ok]


def _score_pairs(p: _Prepared, a: np.ndarray, b: np.ndarray, tolerance: float, max_gap: float, workers: int,
                 model: PairModel, keep_below: float | None = None) -> _Scored:
    """Score the compatible candidate pairs, a chunk at a time; with ``keep_below`` only pairs scoring at
    least that much are kept (and the apart pairs of one article)."""
    out_a, out_b, out_s, out_g, apart_a, apart_b = [], [], [], [], [], []
    best = _best_cosines(p, a, b)
    for k in range(0, len(a), SCORE_CHUNK):
        ca, cb, gap, same = _compatible_pairs(p, a[k:k + SCORE_CHUNK], b[k:k + SCORE_CHUNK], tolerance, max_gap)
        if not len(ca):
            continue
        score = np.zeros(len(ca))
        differ = same & (gap > tolerance)  # one article's two figures for one quantity: the model says
        cross = np.flatnonzero(~same | differ)
        same = same & ~differ
        if len(cross):
            x = _pair_features(p, ca[cross], cb[cross], gap[cross], tolerance, workers, best)
            score[cross] = 100.0 * model.probability(x)
            del x
        inside = np.flatnonzero(same)
        if len(inside):
            ia, ib = ca[inside], cb[inside]
            ctx = _ratio(p.context[ia], p.context[ib], workers)
            noun = _noun_agreements(p, ia, ib)
            rep = _repeats(p, ia, ib, ctx, noun, tolerance)
            score[inside] = np.where(rep, 100.0, 0.0)
            apart_a.append(ia[~rep])
            apart_b.append(ib[~rep])
        keep = score >= keep_below if keep_below is not None else np.ones(len(score), bool)
        keep &= score > 0
        unlinked = np.flatnonzero(differ & (score < (DEFAULT_THRESHOLD if keep_below is None else keep_below)))
        if len(unlinked):  # one article's two figures share a group only when the model links them directly
            apart_a.append(ca[unlinked])
            apart_b.append(cb[unlinked])
        out_a.append(ca[keep])
        out_b.append(cb[keep])
        out_s.append(score[keep])
        out_g.append(gap[keep])
    e = np.empty(0, np.int64)

    def cat(xs: list, empty: np.ndarray) -> np.ndarray:
        """The chunks as one array, the chunks let go of at once (the peak is one column twice, not all)."""
        if not xs:
            return empty
        out = np.concatenate(xs)
        xs.clear()
        return out

    return _Scored(cat(out_a, e), cat(out_b, e), cat(out_s, np.empty(0)), cat(out_g, np.empty(0)),
                   cat(apart_a, e), cat(apart_b, e))


def pair_features(claims: Sequence[Claim], tolerance: float = DEFAULT_TOLERANCE, workers: int = 1
                  ) -> tuple[list[str], list[str], dict[str, np.ndarray]]:
    """(ids of a, ids of b, features) of every candidate pair the pair model scores (claims of different
    articles, and differing figures of different sentences of one article), as the
    grouping sees them: for fitting and inspecting the pair model (``bench/fit_grouping.py``)."""
    p = _prepare(claims)
    a, b = _candidate_pairs(p, tolerance)
    a, b, gap, same = _compatible_pairs(p, a, b, tolerance, max(MAX_GAP, tolerance))
    scored = ~same | (gap > tolerance)
    a, b, gap = a[scored], b[scored], gap[scored]
    x = _pair_features(p, a, b, gap, tolerance, workers, _best_cosines(p, a, b))
    return [p.ids[i] for i in a.tolist()], [p.ids[j] for j in b.tolist()], x


def compare(a: Claim, b: Claim, tolerance: float = DEFAULT_TOLERANCE, others: Sequence[Claim] = (),
            model: PairModel | None = None) -> float:
    """Score (0-100) that ``a`` and ``b`` state the same quantity; 0 when their numbers cannot be one.

    The story signal is measured against ``others`` (claims of the same articles and of other articles);
    without them it rests on the two claims' own sentences.
    """
    p = _prepare([a, b, *others])
    ia, ib = p.ids.index(a.id), p.ids.index(b.id)
    if ia == ib:
        return 100.0
    i, j = min(ia, ib), max(ia, ib)
    if p.story_of[p.article[i]] != p.story_of[p.article[j]]:
        return 0.0
    scored = _score_pairs(p, np.array([i]), np.array([j]), tolerance, max(MAX_GAP, tolerance), 1,
                          model or default_model())
    return float(scored.score[0]) if len(scored.score) else 0.0


def _repeats(p: _Prepared, a: np.ndarray, b: np.ndarray, ctx: np.ndarray, noun: np.ndarray,
             tolerance: float) -> np.ndarray:
    """Whether pairs of claims of one article state one fact: the article repeats the figure.

    A repeat states the same figure: the same value written the same way (or rounded, as a headline
    does), or the same value converted into another unit, within the tolerance; and it sits in the headline
    or reads like the other sentence (unless each one's quantity names what the other's does not: a firm's
    sales and its cloud sales) or counts the same thing. Two figures of one sentence written the same way
    ("rises from 66 to 67", "27.2%, down from 27.6%") are two facts.
    """
    alike = ctx >= REPEAT_CONTEXT
    alike[alike] = ~_concepts_differ(p, a[alike], b[alike])
    repeat = p.headline[a] | p.headline[b] | alike | (noun == 1.0)
    same_form = p.form[a] == p.form[b]
    lo, hi, digit_lo, digit_hi = _stated(p, np.r_[a, b])
    n = len(a)
    same_stated = (_same_stated(lo[:n], lo[n:], digit_lo[:n], digit_lo[n:])
                   & _same_stated(hi[:n], hi[n:], digit_hi[:n], digit_hi[n:]))
    close = _gap_arrays(np.maximum(p.point[a], p.point[b]), np.minimum(p.point[a], p.point[b]),
                        np.maximum(p.floor[a], p.floor[b])) <= tolerance
    same_value = np.where(same_form, same_stated, close)
    one_sentence = same_form & (p.sentence[a] == p.sentence[b])
    for k in np.flatnonzero(one_sentence & same_value).tolist():
        if _restated_in_brackets(p.claims[int(a[k])], p.claims[int(b[k])]):
            one_sentence[k] = False
            repeat[k] = True
    out = repeat & same_value & ~one_sentence
    # a headline restates one body figure: of the body's figures of its value, the one that reads most like it
    # (a repeat on the body's own evidence first, then the closest context); the rest only share the value
    pick = np.flatnonzero(out & (p.headline[a] != p.headline[b]))
    if len(pick):
        own = alike | (noun == 1.0)
        head = np.where(p.headline[a[pick]], a[pick], b[pick])
        order = np.lexsort((-ctx[pick], ~own[pick], head))
        first = np.r_[True, head[order][1:] != head[order][:-1]]
        drop = pick[order[~first]]
        out[drop[~own[drop]]] = False
    return out


def _concepts_differ(p: _Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether each pair's quantity concepts both hold a word the other lacks ("sales" of a firm, "cloud
    sales"): two sentences that read alike then measure two things."""
    out = np.zeros(len(a), bool)
    ca, cb = p.concept_code[a].astype(np.int64), p.concept_code[b].astype(np.int64)
    sel = np.flatnonzero(ca != cb)
    if len(sel):  # worked out once per distinct pair of concepts, as the pair features are
        width = max(len(p.concept_text), 1)
        pairs, inv, _ = _unique_inverse(ca[sel] * width + cb[sel])
        xs, ys = (pairs // width).tolist(), (pairs % width).tolist()
        words = {k: set(str(p.concept_text[k]).split()) for k in {*xs, *ys}}
        differ = np.array([bool(words[x] - words[y]) and bool(words[y] - words[x]) for x, y in zip(xs, ys)])
        out[sel] = differ[inv]
    return out


_BRACKETED = re.compile(r"\(\s*$")


def _restated_in_brackets(x: Claim, y: Claim) -> bool:
    """One figure restates the other in brackets right after it, with no figure between ("more than 12
    million people (12,304,117)"): one fact, though both sit in one sentence written the same way."""
    first, second = (x, y) if x.start <= y.start else (y, x)
    sentence = first.sentence or ""
    if first.sentence_start is None or second.sentence_start != first.sentence_start:
        return False
    between = sentence[first.end - first.sentence_start:second.start - first.sentence_start]
    after = sentence[second.end - first.sentence_start:]
    return (len(between) <= 40 and bool(_BRACKETED.search(between)) and not re.search(r"\d", between)
            and after.lstrip().startswith(")"))


def _stated(p: _Prepared, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The stated bounds of claims in their own unit, and the place value of each one's last digit (read once
    per claim, then indexed: an article's pairs name each claim many times)."""
    if p.stated is None:
        lows = [min(float(c.low), float(c.high)) for c in p.claims]
        highs = [max(float(c.low), float(c.high)) for c in p.claims]
        p.stated = (np.array(lows, dtype=np.float64), np.array(highs, dtype=np.float64),
                    np.array([_last_digit(x) for x in lows], dtype=np.float64),
                    np.array([_last_digit(x) for x in highs], dtype=np.float64))
    idx = np.asarray(idx, dtype=np.int64)
    lo, hi, digit_lo, digit_hi = p.stated
    return lo[idx], hi[idx], digit_lo[idx], digit_hi[idx]


# ----------------------------------------------------------------------------------------------- clustering


class _Clusters:
    """Union-find with what the merge checks need, kept only for clusters that need it.

    Per root: size, the highest low end and lowest high end of its members' intervals, and — created on
    demand — its members' intervals per sentence, its direct links to other clusters not yet merged with
    it, and the claims it may not join.
    """

    def __init__(self, p: _Prepared):
        n = len(p.claims)
        self.parent = list(range(n))
        self.size = [1] * n
        self.max_lo = p.lo.tolist()
        self.min_hi = p.hi.tolist()
        self.floor = p.floor.tolist()
        self.sent = p.sentence.tolist()  # figures of one sentence must agree; of one article need not
        self.sents: dict[int, dict[int, tuple[float, float]]] = {}
        self.links: dict[int, dict[int, int]] = {}
        self.cannot: dict[int, set[int]] = {}

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def _sents(self, r: int) -> dict[int, tuple[float, float]]:
        got = self.sents.get(r)
        if got is None:  # a single claim: the root is the claim
            got = {self.sent[r]: (self.max_lo[r], self.min_hi[r])}
        return got

    def union(self, ra: int, rb: int) -> int:
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        sents_a = self._sents(ra)  # before the bounds change: a single claim's come from them
        for sent, (lo, hi) in self._sents(rb).items():
            if sent in sents_a:
                plo, phi = sents_a[sent]
                sents_a[sent] = (max(plo, lo), min(phi, hi))
            else:
                sents_a[sent] = (lo, hi)
        self.sents[ra] = sents_a
        self.sents.pop(rb, None)
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        self.max_lo[ra] = max(self.max_lo[ra], self.max_lo[rb])
        self.min_hi[ra] = min(self.min_hi[ra], self.min_hi[rb])
        cb = self.cannot.pop(rb, None)
        if cb:
            self.cannot.setdefault(ra, set()).update(cb)
        # move rb's link counts onto ra and re-point the neighbours
        lb = self.links.pop(rb, None)
        la = self.links.get(ra)
        if la is not None:
            la.pop(rb, None)
        if lb:
            if la is None:
                la = self.links[ra] = {}
            for nb, cnt in lb.items():
                if nb == ra:
                    continue
                la[nb] = la.get(nb, 0) + cnt
                ln = self.links[nb]
                ln[ra] = ln.get(ra, 0) + ln.pop(rb, 0)
        return ra

    def add_link(self, ra: int, rb: int) -> int:
        la = self.links.setdefault(ra, {})
        la[rb] = count = la.get(rb, 0) + 1
        lb = self.links.setdefault(rb, {})
        lb[ra] = count
        return count

    def link_count(self, ra: int, rb: int) -> int:
        la = self.links.get(ra)
        return la.get(rb, 0) if la else 0

    def add_cannot(self, x: int, y: int) -> None:
        self.cannot.setdefault(x, set()).add(y)
        self.cannot.setdefault(y, set()).add(x)

    def blocked(self, ra: int, rb: int) -> bool:
        ca, cb = self.cannot.get(ra), self.cannot.get(rb)
        if not ca or not cb:
            return False
        small, large = (ca, rb) if len(ca) <= len(cb) else (cb, ra)
        return any(self.find(x) == large for x in small)

    def compatible(self, ra: int, rb: int, tolerance: float, max_gap: float) -> bool:
        floor = max(self.floor[ra], self.floor[rb])
        if _gap(self.max_lo[ra], self.min_hi[rb], floor) > max_gap:
            return False
        if _gap(self.max_lo[rb], self.min_hi[ra], floor) > max_gap:
            return False
        if self.size[ra] == 1 and self.size[rb] == 1 and self.sent[ra] != self.sent[rb]:
            return True
        sa, sb = self._sents(ra), self._sents(rb)
        if len(sa) > len(sb):
            sa, sb = sb, sa
        for sent, (lo, hi) in sa.items():
            other = sb.get(sent)
            if other is not None:
                if _gap(max(lo, other[0]), min(hi, other[1]), floor) > tolerance:
                    return False
        return True


def _must_components(musts: list[tuple[int, int]]) -> dict[int, list[int]]:
    """Claims joined by must-links, by component (claims in no must-link are left out)."""
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in musts:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    comps: dict[int, list[int]] = defaultdict(list)
    for i in sorted(parent):
        comps[find(i)].append(i)
    return comps


def _must_chain(musts: list[tuple[int, int]], start: int, goal: int) -> list[int]:
    adj: dict[int, list[int]] = defaultdict(list)
    for a, b in musts:
        adj[a].append(b)
        adj[b].append(a)
    prev = {start: start}
    queue = [start]
    for node in queue:
        if node == goal:
            break
        for nxt in sorted(adj[node]):
            if nxt not in prev:
                prev[nxt] = node
                queue.append(nxt)
    path = [goal]
    while path[-1] != start:
        path.append(prev[path[-1]])
    return path[::-1]


def _read_overrides(p: _Prepared, overrides: Iterable[Override]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    index = {cid: k for k, cid in enumerate(p.ids)}
    musts: set[tuple[int, int]] = set()
    cannots: set[tuple[int, int]] = set()
    for o in overrides:
        ia, ib = index.get(o.a), index.get(o.b)
        if ia is None or ib is None or ia == ib:
            if ia is not None and ia == ib and o.kind is LinkKind.CANNOT:
                raise OverrideConflict((o.a, o.b), (o.a,))
            continue  # overrides about claims not in this run have nothing to say here
        pair = (min(ia, ib), max(ia, ib))
        (musts if o.kind is LinkKind.MUST else cannots).add(pair)
    return sorted(musts), sorted(cannots)


def _cluster(
    p: _Prepared, a: np.ndarray, b: np.ndarray, score: np.ndarray, gap: np.ndarray, musts: list[tuple[int, int]],
    cannots: list[tuple[int, int]], apart: list[tuple[int, int]], tolerance: float, max_gap: float,
) -> list[list[int]]:
    cl = _Clusters(p)
    comps = _must_components(musts)
    root_of = {m: root for root, members in comps.items() for m in members}
    for x, y in cannots:
        if root_of.get(x, x) == root_of.get(y, y):
            chain = _must_chain(musts, x, y)
            raise OverrideConflict((p.ids[x], p.ids[y]), tuple(p.ids[k] for k in chain))
    for x, y in cannots:
        cl.add_cannot(x, y)
    for x, y in apart:  # implicit: unless a reviewer joined them, they stay apart
        if root_of.get(x, x) != root_of.get(y, y):
            cl.add_cannot(x, y)
    for members in comps.values():
        r = cl.find(members[0])
        for m in members[1:]:
            r = cl.union(r, cl.find(m))

    # strongest links first; ties go to the closer values (two figures of one sentence score alike against a
    # third claim), then to claim order (claims are sorted by id)
    order = np.lexsort((b, a, gap, -score))
    parent, size, links, cannot = cl.parent, cl.size, cl.links, cl.cannot
    add_link, union, blocked, compatible = cl.add_link, cl.union, cl.blocked, cl.compatible
    step = 1 << 16  # links taken as Python ints a slice at a time: bounded memory
    for k in range(0, len(order), step):
        part = order[k:k + step]
        for i, j in zip(a[part].tolist(), b[part].tolist()):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            while parent[j] != j:
                parent[j] = parent[parent[j]]
                j = parent[j]
            if i == j:
                continue
            # average linkage: enough of the pairs across the two clusters must link directly
            li = links.get(i)
            have = (li.get(j, 0) if li is not None else 0) + 1
            if (have < LINKAGE * size[i] * size[j] or (i in cannot and j in cannot and blocked(i, j))
                    or not compatible(i, j, tolerance, max_gap)):
                add_link(i, j)
                continue
            union(i, j)
    roots = np.array([cl.find(i) for i in range(len(parent))], dtype=np.int64)
    order = np.argsort(roots, kind="stable")  # members stay in claim order within a cluster
    cuts = np.flatnonzero(np.diff(roots[order])) + 1
    return [m.tolist() for m in np.split(order, cuts)] if len(order) else []


# ------------------------------------------------------------------------------------------------- groups


def _from_base(claim: Claim, base: float) -> float:
    """A base-unit value expressed in ``claim``'s own unit (percent, unit, per)."""
    v = base
    if claim.per:
        secs = units.time_seconds(claim.per)
        if secs:
            v = v * secs
    if claim.kind is Kind.PERCENT:
        return v * 100.0
    if claim.kind is Kind.MONEY:
        rate = rates.usd_per_unit(claim.currency, claim.published)
        return v / rate if rate else v
    if claim.kind in (Kind.MEASURE, Kind.DURATION):
        u = units.lookup(claim.unit)
        if u is not None:
            return (v - u.offset) / u.factor
    return v


def _group_id(claim_ids: Sequence[str]) -> str:
    return group_id(claim_ids)


def _singleton(p: _Prepared, m: int) -> Group:
    c = p.claims[m]
    value = _from_base(c, float(p.point[m]))
    noun = c.noun
    label = c.surface if not noun or noun.lower() in c.surface.lower() else f"{c.surface} ({noun})"
    return Group(
        id=_group_id((c.id,)), claim_ids=(c.id,), representative=c.id, outlets=(c.outlet,) if c.outlet else (),
        kind=c.kind, unit=c.unit, currency=c.currency, noun=noun, min_value=value, median_value=value,
        max_value=value, spread_pct=0.0, discrepant=False, label=label, quantity=_group_quantity(p, (m,), m),
    )


def _build_group(p: _Prepared, members: list[int], degree: Sequence[int], tolerance: float,
                 columns: tuple[list, list, list, list] | None = None) -> Group:
    """``columns``: p.dim, p.point, p.lo and p.hi as lists (element access on lists is much cheaper)."""
    if len(members) == 1:
        return _singleton(p, members[0])
    dim, point, lo, hi = columns if columns is not None else (p.dim, p.point, p.lo, p.hi)
    claims = p.claims
    dims = Counter(int(dim[m]) for m in members)
    main_dim = min(dims, key=lambda d: (-dims[d], p.dims[d]))
    same = [m for m in members if dim[m] == main_dim] if len(dims) > 1 else members
    values = sorted(float(point[m]) for m in same)
    half = len(values) // 2
    median = values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2.0
    floor = float(p.floor[same[0]])
    scale = max(abs(median), floor)
    rep = min(same, key=lambda m: (abs(point[m] - median) / scale, -degree[m], p.ids[m]))
    rc = claims[rep]
    vmin, vmax = values[0], values[-1]
    spread = 0.0 if vmax == vmin else (vmax - vmin) / scale * 100.0
    max_lo = max(lo[m] for m in same)
    min_hi = min(hi[m] for m in same)
    discrepant = len(dims) > 1 or _gap(max_lo, min_hi, floor) > tolerance
    outlets = sorted({claims[m].outlet for m in members if claims[m].outlet})
    ids = tuple(p.ids[m] for m in members)
    noun = rc.noun
    if not noun:
        nouns = Counter(claims[m].noun for m in members if claims[m].noun)
        noun = min(nouns, key=lambda x: (-nouns[x], x)) if nouns else None
    label = rc.surface if not noun or noun.lower() in rc.surface.lower() else f"{rc.surface} ({noun})"
    return Group(
        id=_group_id(ids), claim_ids=ids, representative=rc.id, outlets=tuple(outlets), kind=rc.kind,
        unit=rc.unit, currency=rc.currency, noun=noun, min_value=_from_base(rc, vmin),
        median_value=_from_base(rc, median), max_value=_from_base(rc, vmax), spread_pct=float(spread),
        discrepant=bool(discrepant), label=label, quantity=_group_quantity(p, members, rep),
    )




def _group_quantity(p: _Prepared, members: Sequence[int], rep: int) -> str | None:
    """The phrase of what a group measures: the members' phrase whose concept words the members share most
    (each word at least two members' concepts hold counts for it, each word only one member's holds counts
    against it: an outlet's stray words do not title the group); ties go to the phrase more members give,
    then to the representative's, then to the shorter."""
    phrases = [q for q in (p.phrase[m] for m in members) if q]
    if not phrases:
        return None
    counts = Counter(phrases)
    if len(counts) == 1:
        return phrases[0]
    words = {q: set(_quantity_facts(q)[1].split()) for q in counts}
    holders = Counter(w for q in phrases for w in words[q])  # members whose concept holds each word

    def score(q: str) -> tuple:
        shared = sum(1 for w in words[q] if holders[w] > 1)
        alone = len(words[q]) - shared
        return (-(shared - alone), -counts[q], q != p.phrase[rep], len(q), q)

    return min(counts, key=score)


def group_claims(
    claims: Sequence[Claim],
    overrides: Sequence[Override] = (),
    tolerance: float = DEFAULT_TOLERANCE,
    threshold: float | None = None,
    workers: int = 1,
    model: PairModel | None = None,
    stories: Mapping[str, str] | None = None,
) -> Grouping:
    """Group claims that state the same quantity of one story; every claim ends in exactly one group.

    ``tolerance`` is the relative difference below which values agree (for the discrepancy flag and for
    repeated figures in one article); ``threshold`` the link score (0-100, default
    :data:`DEFAULT_THRESHOLD`); ``workers`` is passed to RapidFuzz; ``model`` replaces the fitted pair model.
    Overrides naming claims that are not among ``claims`` are ignored; contradictory overrides raise
    :class:`OverrideConflict`. The result does not depend on the order of ``claims`` or ``overrides``, and
    each story's groups depend only on that story's claims (see :func:`stories`). ``stories`` (article id ->
    story id) gives the stories instead of finding them, as :func:`plan_regroup` does for an import. Groups are ordered for
    triage: discrepant first, more outlets, larger spread, larger groups.
    """
    if not (0.0 <= tolerance < 1.0):
        raise ValueError(f"tolerance must be a fraction between 0 and 1 (0.02 is 2%), got {tolerance!r}")
    thr = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    if not (0.0 <= thr <= 100.0):
        raise ValueError(f"threshold must be a score between 0 and 100, got {threshold!r}")
    model = model or default_model()
    p = _prepare(claims, overrides=overrides, story_ids=stories)
    if not p.claims:
        return Grouping(groups=(), by_claim={})
    musts, cannots = _read_overrides(p, overrides)
    max_gap = max(MAX_GAP, tolerance)
    a, b = _candidate_pairs(p, tolerance)
    scored = _score_pairs(p, a, b, tolerance, max_gap, workers, model, keep_below=max(thr, _TINY))
    del a, b
    a, b, score, gap = scored.a, scored.b, scored.score, scored.gap
    apart = list(zip(scored.apart_a.tolist(), scored.apart_b.tolist()))
    del scored
    p.release_text()  # what remains is numbers: keep the peak memory of large inputs down
    clusters = _cluster(p, a, b, score, gap, musts, cannots, apart, tolerance, max_gap)

    root = np.empty(len(p.claims), dtype=np.int64)
    for k, members in enumerate(clusters):
        root[members] = k
    inside = root[a] == root[b]
    degree = np.bincount(np.r_[a[inside], b[inside]], minlength=len(p.claims))
    columns = (p.dim.tolist(), p.point.tolist(), p.lo.tolist(), p.hi.tolist())
    degree_l = degree.tolist()
    groups = [_build_group(p, members, degree_l, tolerance, columns) for members in clusters]
    del columns, degree_l
    groups.sort(key=_triage)
    by_claim = {cid: g.id for g in groups for cid in g.claim_ids}
    return Grouping(groups=tuple(groups), by_claim=by_claim)


def _triage(g: Group) -> tuple:
    return (not g.discrepant or len(g.outlets) < 2, -len(g.outlets), -g.spread_pct, -g.size, g.id)


# ------------------------------------------------------------------------------------ stories, incremental


def stories(claims: Sequence[Claim], overrides: Sequence[Override] = ()) -> dict[str, str]:
    """Article id -> story id (the smallest article id of its story) for the articles of ``claims``.

    The partition :func:`group_claims` works within: articles joined by shared rare words (see the module
    notes) and by reviewers' must-links between their claims.
    """
    return _stories_of(_story_words(_unique_claims(claims)[0]), overrides)


@dataclass(frozen=True)
class ArticleWords:
    """What :func:`stories` reads of one article: its smallest claim id (articles are taken in that order)
    and the distinct content words of its claims' sentences (figures left out), in the order they first
    appear over its claims sorted by id, followed by their dated keys when the article has a date
    (:func:`dated_words`: each word with its day's date span). A store may keep these per article so
    that :func:`plan_regroup` does not read every stored sentence again on each import."""

    first_claim: str
    words: tuple[str, ...]


def article_words(claims: Sequence[Claim]) -> dict[str, ArticleWords]:
    """Per article of ``claims``: its :class:`ArticleWords` (pass them to :func:`plan_regroup`)."""
    out: dict[str, tuple[str, dict[str, None]]] = {}
    day: dict[str, int] = {}
    cl, ids = _unique_claims(claims)
    for c, cid in zip(cl, ids):
        got = out.get(c.article)
        if got is None:
            got = out[c.article] = (cid, {})
        got[1].update(dict.fromkeys(_context_words(c, _without_number(c))))
        d = _day_number(c.published)
        if d is not None and d < day.get(c.article, d + 1):
            day[c.article] = d
    return {a: ArticleWords(first, (*words, *_dated_of_day(words, day.get(a))))
            for a, (first, words) in out.items()}


@dataclass
class _StoryWords:
    claims: list[Claim]
    articles: list[str]
    rows: np.ndarray  # distinct (article, word) entries
    cols: np.ndarray
    words: list[str]  # per word code, its text (dated keys among them when read from ArticleWords)
    days: np.ndarray | None = None  # per article, its day number (-1: none), when its dated keys are to be added

    def article_of(self) -> dict[str, int]:
        """Claim id -> article code (only overrides need it)."""
        code = {a: k for k, a in enumerate(self.articles)}
        return {c.id: code[c.article] for c in self.claims}


def _story_words(cl: list[Claim]) -> _StoryWords:
    art_codes: dict[str, int] = {}
    feat_codes: dict[str, int] = {}
    feat_art = array("i")
    feat_id = array("i")
    claim_art = array("q")
    for c in cl:
        ak = art_codes.setdefault(c.article, len(art_codes))
        claim_art.append(ak)
        codes = [feat_codes.setdefault(w, len(feat_codes)) for w in _context_words(c, _without_number(c))]
        feat_art.extend([ak] * len(codes))
        feat_id.extend(codes)
    _, rows, cols = _Sparse.from_pairs(len(art_codes), np.frombuffer(feat_art, dtype=np.int32),
                                       np.frombuffer(feat_id, dtype=np.int32))
    days = _article_days(cl, np.frombuffer(claim_art, dtype=np.int64), len(art_codes))
    return _StoryWords(cl, list(art_codes), rows, cols, list(feat_codes), days)


def _story_words_of_articles(claims: list[Claim], words: Mapping[str, ArticleWords]) -> _StoryWords:
    """_story_words from per-article words: the same articles and words in the same order (articles by their
    first claim id, each one's words in order), so the same codes; the dated keys follow among the words
    (:func:`_stories_of` tells them by :data:`DATED`), where _story_words adds them when finding stories."""
    articles = sorted(words, key=lambda a: words[a].first_claim)
    feat_codes: dict[str, int] = {}
    feat_art = array("i")
    feat_id = array("i")
    for ak, a in enumerate(articles):
        codes = [feat_codes.setdefault(w, len(feat_codes)) for w in words[a].words]
        feat_art.extend([ak] * len(codes))
        feat_id.extend(codes)
    _, rows, cols = _Sparse.from_pairs(len(articles), np.frombuffer(feat_art, dtype=np.int32),
                                       np.frombuffer(feat_id, dtype=np.int32))
    return _StoryWords(claims, articles, rows, cols, list(feat_codes))


def _interleaved(articles: Iterable[str]) -> bool:
    """Whether one article id followed by ':' starts another: then their claim ids may interleave in order."""
    names = set(articles)
    return any(a[:k] in names for a in names if ":" in a for k in [i for i, ch in enumerate(a) if ch == ":"])


def _stories_of(w: _StoryWords, overrides: Sequence[Override], keep: set[str] | None = None) -> dict[str, str]:
    """The stories of ``w``'s articles (only those in ``keep``, when given, as if the others were absent)."""
    if not w.articles:
        return {}
    names, rows, cols = w.articles, w.rows, w.cols
    musts = [o for o in overrides if o.kind is LinkKind.MUST]
    art_of = w.article_of() if musts else {}
    if keep is not None:
        code_of = np.full(len(names), -1, dtype=np.int64)
        kept = [k for k, a in enumerate(names) if a in keep]
        code_of[kept] = np.arange(len(kept))
        sel = code_of[rows] >= 0
        rows, cols = code_of[rows[sel]], cols[sel]
        names = [names[k] for k in kept]
        art_of = {cid: int(code_of[k]) for cid, k in art_of.items() if code_of[k] >= 0}
    if not names:
        return {}
    extra = [(art_of[o.a], art_of[o.b]) for o in musts if o.a in art_of and o.b in art_of]
    texts: Sequence[str] = w.words
    if w.days is not None:  # from claims: the dated keys that may count, among the articles kept
        days = w.days if keep is None else w.days[[k for k, a in enumerate(w.articles) if a in keep]]
        rows, cols, texts, plain = _with_dated(rows, cols, texts, days)
    else:  # from ArticleWords: their dated keys are among their words
        plain = _plain_codes(texts)
    story = _story_partition(len(names), rows, cols, extra, _text_rank(texts), plain)
    first: dict[int, str] = {}
    for k, s in enumerate(story.tolist()):
        if s not in first or names[k] < first[s]:
            first[s] = names[k]
    return {names[k]: first[s] for k, s in enumerate(story.tolist())}


def _members(stories: Mapping[str, str]) -> dict[str, set[str]]:
    """Each story's members, from a mapping of member to story."""
    out: dict[str, set[str]] = defaultdict(set)
    for x, s in stories.items():
        out[s].add(x)
    return out


@dataclass(frozen=True)
class RegroupPlan:
    """What an import must regroup: the claims of the stories it touches; every other stored group stays.

    ``claims``: the claims to pass to :func:`group_claims` (stored claims of touched stories and the new
    claims), with ``stories=plan.stories`` (the stories as found among all claims). ``touched_articles``: stored articles whose groups are replaced by that grouping's.
    ``kept_articles``: stored articles whose groups stay exactly as stored.
    """

    claims: tuple[Claim, ...]
    touched_articles: frozenset[str]
    kept_articles: frozenset[str]
    stories: Mapping[str, str]  # article id -> story id, for every article of ``claims``


def plan_regroup(stored: Sequence[Claim], new: Sequence[Claim], overrides: Sequence[Override] = (),
                 stored_words: Mapping[str, ArticleWords] | None = None) -> RegroupPlan:
    """Which stored articles' stories an import of ``new`` claims touches.

    A stored story is untouched when exactly the same articles form it before and after the import: then its
    claims, their story statistics and so their groups are the same (see :func:`group_claims`). Touched are
    the stories that gain a new article, that new articles join together, and the rare stories whose
    articles part because a word stopped being rare. Stories are found by blocking on rare words and
    figures, never by comparing all pairs; the cost is one pass over the stored claims' words, or none with
    ``stored_words`` (:func:`article_words` of the stored claims, kept by the store; articles it lacks are
    read from ``stored``).
    """
    stored_articles = {c.article for c in stored}
    new_articles = {c.article for c in new}
    if stored_words is not None and not (stored_articles & new_articles) and not _interleaved(
            stored_articles | new_articles):
        per_article = {a: stored_words[a] for a in stored_articles if a in stored_words}
        missing = [c for c in stored if c.article not in per_article]
        per_article.update(article_words(missing))
        per_article.update(article_words(new))
        words = _story_words_of_articles([*stored, *new], per_article)
    else:
        words = _story_words(_unique_claims([*stored, *new])[0])  # every claim's words read once
    after = _stories_of(words, overrides)
    before = _stories_of(words, overrides, keep=stored_articles)
    members_before, members_after = _members(before), _members(after)
    touched: set[str] = set()
    for art in before:
        if members_after[after[art]] != members_before[before[art]]:
            touched.add(art)
    regroup = touched | (new_articles - set(before))
    claims = tuple(c for c in (*stored, *new) if c.article in regroup)
    return RegroupPlan(claims=claims, touched_articles=frozenset(touched),
                       kept_articles=frozenset(set(before) - touched),
                       stories={art: after[art] for art in regroup})


def apply_regroup(stored: Grouping, stored_claims: Sequence[Claim], plan: RegroupPlan, regrouped: Grouping
                  ) -> Grouping:
    """The full grouping after an import: stored groups of kept articles, plus ``regrouped`` (the result of
    ``group_claims(plan.claims, overrides, stories=plan.stories)``), ordered as :func:`group_claims` orders
    them."""
    article_of = {c.id: c.article for c in stored_claims}
    kept = [g for g in stored.groups if all(article_of.get(cid) in plan.kept_articles for cid in g.claim_ids)]
    groups = sorted([*kept, *regrouped.groups], key=_triage)
    return Grouping(groups=tuple(groups), by_claim={cid: g.id for g in groups for cid in g.claim_ids})


class StoryIndex(Protocol):
    """What :func:`plan_import` reads of the stored articles: each one's distinct content words (as
    :func:`article_words` gives them) and its story. A store keeps these (``workbench.store.words``) so that an
    import reads only the articles near its own, never every stored claim."""

    def counts(self, words: Collection[str]) -> Mapping[str, int]:
        """How many stored articles hold each word (words held by none may be left out)."""
        ...

    def holders(self, words: Collection[str]) -> Mapping[str, Collection[str]]:
        """The stored articles holding each word (only asked of words held by at most KEY_MAX_ARTICLES)."""
        ...

    def words_of(self, articles: Collection[str]) -> Mapping[str, Collection[str]]:
        """The distinct content words of each stored article."""
        ...

    def stories_of(self, articles: Collection[str]) -> Mapping[str, str]:
        """Each stored article's story id (as :func:`stories` gives it over every stored claim)."""
        ...

    def members(self, stories: Collection[str]) -> Mapping[str, Collection[str]]:
        """The stored articles of each story."""
        ...


@dataclass(frozen=True)
class ImportPlan:
    """What an import regroups, found from a :class:`StoryIndex`: ``regroup`` (article ids: stored ones
    whose story changes, and the new ones) with ``stories`` (article id -> story id after the import, for
    each of them); every other stored article keeps its story and its groups. ``read`` counts the stored
    articles whose words were read."""

    regroup: frozenset[str]
    touched: frozenset[str]
    stories: Mapping[str, str]
    read: int


def plan_import(index: StoryIndex, new_words: Mapping[str, Collection[str]],
                must_links: Sequence[tuple[str, str]] = (), seeds: Collection[str] = ()) -> ImportPlan:
    """Which stored articles' stories an import of articles with ``new_words`` (article id -> distinct content
    words, :func:`article_words`) changes, reading only articles near the new ones.

    ``must_links``: (article, article) of every reviewer's must-link between stored claims; ``seeds``: stored
    articles whose must-links changed since the index's stories were found (their stories are found again,
    with nothing imported when ``new_words`` is empty). The result is
    what :func:`plan_regroup` finds from every stored claim, because a story depends only on the articles
    that share keys with its own (:func:`_story_partition`): a word of a new article changes how many
    articles hold it, and so the keys of the stored articles holding it (``changed``); their links and those
    of their neighbours may change, so the stories of those articles and of theirs may (``region``); links
    leaving the region are unchanged, and did not count before, so the stories within it are found from the
    region's articles alone (an article's strongest link always counts, so it too lies within the region).

    Dated keys (``w@a..``: the word ``w`` within a date span) change with their own count and with
    their word's: one counts only while ``w`` is held by more than KEY_MAX_ARTICLES articles. Every article
    holding a dated key holds its word, so the word's count is at hand wherever the dated key is. A dated key
    of a new article changes its holders' keys only when its word is too common after the import (otherwise
    it counts neither before nor after): then it is ``hot`` like a word. When the import takes a word past
    KEY_MAX_ARTICLES, the word was held by at most that many stored articles, so it is hot itself and all its
    holders are ``changed``; their dated keys of it that switch on are shared only with other holders of the
    word, all of them changed already. Neighbours are found through the words that may be keys before or
    after, and through the dated keys whose word is too common after the import (counts only grow, so this
    covers before as well).
    """
    new_words = {a: frozenset(w) for a, w in new_words.items()}
    new_count: Counter[str] = Counter(w for ws in new_words.values() for w in ws)
    counts: dict[str, int] = dict(index.counts(list(new_count)))
    words: dict[str, frozenset[str]] = dict(new_words)
    holders: dict[str, frozenset[str]] = {}

    def count(w: str) -> int:  # stored articles holding w (every word asked is counted first)
        return counts.get(w, 0)

    judged: dict[str, bool] = {}

    def may_key(w: str) -> bool:
        """Whether w may be a key before or after the import (judged by what is stored: a word held by more
        stored articles than KEY_MAX_ARTICLES is none, and a dated key none while its word is rare). Once a
        word is counted, so is the word of its dated keys (they are read together), and counts stay."""
        got = judged.get(w)
        if got is None:
            n = counts.get(w, 0)
            if DATED not in w:
                got = 1 <= n <= KEY_MAX_ARTICLES
            else:
                plain = w.split(DATED, 1)[0]
                got = (1 <= n <= KEY_MAX_ARTICLES
                       and counts.get(plain, 0) + new_count.get(plain, 0) > KEY_MAX_ARTICLES)
            judged[w] = got
        return got

    keyed: dict[str, list[str]] = {}

    def keys_of(a: str) -> list[str]:
        got = keyed.get(a)
        if got is None:
            got = keyed[a] = [w for w in words[a] if may_key(w)]
        return got

    def read(arts: Iterable[str]) -> None:
        todo = [a for a in arts if a not in words]
        if todo:
            got = index.words_of(todo)
            for a in todo:
                words[a] = frozenset(got.get(a, ()))
            fresh = {w for a in todo for w in words[a]} - counts.keys()
            counts.update(index.counts(list(fresh)))
            counts.update({w: 0 for w in fresh if w not in counts})

    def neighbours(arts: Iterable[str]) -> set[str]:
        """Stored articles sharing a word that may be a key (held by few enough articles) with ``arts``."""
        arts = list(arts)
        read(arts)
        ask = {w for a in arts for w in keys_of(a) if w not in holders}
        if ask:
            got = index.holders(list(ask))
            holders.update({w: frozenset(got.get(w, ())) for w in ask})
        return {b for a in arts for w in keys_of(a) for b in holders[w]}

    new = set(new_words)
    plains = {w.split(DATED, 1)[0] for w in new_count if DATED in w} - counts.keys()
    if plains:  # a new article holds a dated key's word too: counted already but for malformed input
        counts.update(index.counts(list(plains)))
    hot = [w for w in new_count if may_key(w)]
    got = index.holders(hot) if hot else {}
    holders.update({w: frozenset(got.get(w, ())) for w in hot})
    changed = new | set(seeds) | {b for w in hot for b in holders[w]}
    near = changed | neighbours(changed)
    near |= neighbours(near - new)
    stored_near = near - new
    before = dict(index.stories_of(list(stored_near)))
    members = index.members(sorted(set(before.values())))
    region = set(new) | {a for s in set(before.values()) for a in members.get(s, ())}
    before.update(index.stories_of([a for a in region - new if a not in before]))
    universe = sorted(region)
    read(universe)

    # the after-partition within the region: an article's strongest link always counts, so it lies within the
    # region, and the links among the region's articles are all that its stories depend on
    code = {a: k for k, a in enumerate(universe)}
    vocab = sorted({w for a in universe for w in words[a]})
    wcode = {w: k for k, w in enumerate(vocab)}
    rows = np.array([code[a] for a in universe for _ in words[a]], dtype=np.int64)
    cols = np.array([wcode[w] for a in universe for w in words[a]], dtype=np.int64)
    order = np.lexsort((cols, rows))
    rows, cols = rows[order], cols[order]
    df = np.array([count(w) + new_count.get(w, 0) for w in vocab], dtype=np.int64)
    tie = np.arange(len(vocab), dtype=np.int64)  # vocab is sorted: a word's code is its rank
    plain = _plain_codes(vocab)
    a, b = (_strong_links(len(universe), rows, cols, df, tie, plain) if len(rows)
            else (np.empty(0, np.int64),) * 2)
    inside = np.array([x in region for x in universe], dtype=bool)
    keep = inside[a] & inside[b] if len(a) else np.zeros(0, bool)
    a, b = a[keep], b[keep]
    extra = [(code[x], code[y]) for x, y in must_links if x in region and y in region and x in code and y in code]
    if extra:
        a = np.r_[a, np.array([x for x, _ in extra], np.int64)]
        b = np.r_[b, np.array([y for _, y in extra], np.int64)]
    comp = _components(len(universe), a, b).tolist()
    first: dict[int, str] = {}
    for k, x in enumerate(universe):
        if inside[k] and (comp[k] not in first or x < first[comp[k]]):
            first[comp[k]] = x
    after = {x: first[comp[k]] for k, x in enumerate(universe) if inside[k]}
    members_before, members_after = _members(before), _members(after)
    touched = {x for x in region - new if members_after[after[x]] != members_before[before[x]]}
    regroup = touched | new
    return ImportPlan(regroup=frozenset(regroup), touched=frozenset(touched),
                      stories={x: after[x] for x in regroup}, read=len(universe) - len(new))
