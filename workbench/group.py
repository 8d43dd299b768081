"""Group near-duplicate numeric claims across outlets: the same fact, reported by several articles.

How two claims are judged
-------------------------
Two claims can state the same fact only when their numbers are compatible:

* the same *dimension*: counts with counts, percentages with ratios (compared as fractions, 25% = one in
  four), money in the same currency, measures and durations of the same physical dimension after
  conversion (12,500 hectares = 125 square kilometres, 45 minutes = three-quarters of an hour), rates with
  the same ``per`` (a rate per unit of time is converted, so "£48m a day" and "£336m a week" agree);
* values within :data:`MAX_GAP` of each other once each value is read as the interval its qualifier allows:
  "about 4,200" is 4,200 ± :data:`HEDGE`, "more than 4,000" is 4,000 to 4,000 × (1 + HEDGE), "nearly £50m"
  is £50m × (1 − HEDGE) to £50m, a range is its two ends.

Compatible pairs of different articles get a score from 0 to 100:

    score = 100 × (0.2 context + 0.6 story + 0.2 noun) × value agreement × name agreement

* ``context`` — RapidFuzz ``token_set_ratio`` of the claims' sentences with the number expression removed,
  lowercased, with digits, punctuation, stopwords and number words dropped and light stemming;
* ``story`` — whether the two *articles* tell the same story, the product of three parts:

  - how alike they are: tf-idf cosine of the content words of the sentences holding their claims and of
    the figures they report (leaving out the two figures compared), rare words weighing more, counting
    from :data:`STORY_FLOOR` and in full from :data:`STORY_FULL`;
  - what they share that belongs to one story (:func:`_story_similarity`): each name both articles use
    and each figure both report besides the two compared (equal, or within about :data:`NEAR_FIGURE`)
    adds :data:`STORY_EVIDENCE`, two make it certain; two articles that both name people, places or
    firms but none in common lose as much. Articles on one subject share its vocabulary ("passengers",
    "fares", "delays") and its round figures ("45 minutes", "a year") without telling one story, and a
    corpus where each story has one outlet is full of such pairs; two reports of one event name the same
    place, firm or person, or repeat several of its figures;
  - relative to each article's nearest article (:data:`STORY_RELATIVE`): where stories are told by
    several outlets, a pair counts in full only when each article is about as close to the other as to
    its best match. This part only lowers the score: in a corpus of one outlet per story an article's
    nearest is another story, and the evidence above is what keeps the two apart.

  Two outlets covering one event share names and figures even when the sentences around one figure are
  worded quite differently — in the gold set, this is the strongest signal;
* ``noun`` — the counted noun's head word agrees ("dockworkers"/"workers"), is missing or generic on one
  side ("people", "staff"), or disagrees ("containers"/"homes");
* value agreement — 1 while the intervals agree within the tolerance, falling to 0 at :data:`MAX_GAP` as
  1 − off ** :data:`VALUE_FALLOFF` (off going from 0 at the tolerance to 1 at MAX_GAP): slowly at first,
  since outlets do disagree ("$40m", "$45m" for one support package) and the discrepancy flag is there to
  show it;
* name agreement — 1 unless both sentences name places, firms or people (capitalised words of at least
  :data:`NAME_MIN_LETTERS` letters that the input also writes capitalised inside a sentence, or joined to
  another capitalised word, and never in lower case; a source named in ``attribution`` does not count for
  the sentence, though it does for the article that names it) and each sentence's rarest name is missing
  from the other article: then :data:`NAME_CONFLICT` ("Dunbroley Corp will cut 1,200 jobs" is not
  "Easthalby Corp will cut 1,200 jobs", however alike the sentences read; the sentences are compared with
  the other *article* so that "Marlow Vale" and "River Alder" in two reports of one flood do not conflict).

The weights, the story calibration (:data:`STORY_FLOOR`, :data:`STORY_FULL`, :data:`BACKGROUND`,
:data:`STORY_PADDING`, :data:`STORY_POWER`, :data:`STORY_RELATIVE`, :data:`STORY_EVIDENCE`,
:data:`NEAR_FIGURE`), :data:`VALUE_FALLOFF` and the threshold were chosen on the development gold set
together with hand-written articles in other domains (a flood, company results, an election, hospital
waiting lists, sport), a held-out set of single-outlet stories, the sample articles, these corpora mixed,
and a generated corpus of a million claims; the results hold with each of them moved some way either side.
Each stays general: nothing refers to particular sentences.

A pair links when its score reaches ``threshold`` (default :data:`DEFAULT_THRESHOLD`).

Two claims in the *same article* are the same fact only when the article repeats the figure:

* the same stated value — equal, or the coarser the finer one rounded ("£2.5bn" in a headline, "£2.48bn"
  in the body), hedges aside: "some 27.2%" and "27.6%" are two figures, however much "some" allows — or,
  written in another unit, currency scale or ``per``, a value within the tolerance ("£85m a year, about
  £1.6m a week");
* and one is in the headline (the first line, without a closing full stop), or the two sentences read
  alike (context at least :data:`REPEAT_CONTEXT`) or count the same noun;
* and not two figures of one sentence written the same way: "rises from 66 to 67" and "27.2%, down from
  27.6%" state two facts each.

Otherwise the two are kept apart as surely as a reviewer's cannot-link (the same figure twice in one
article for two facts: "waiting lists rose 4%", "nurses were offered 4%"); different values in one article
("9.6 GW, beating the previous record of 9.1 GW") never share a group.

Scaling without comparing all pairs
-----------------------------------
Claims are blocked by dimension and by value: values are mapped to a log scale (linear near zero, see
:func:`_value_axis`) and cut into cells twice as wide as the widest compatible gap, on two grids offset by
half a cell, so any two compatible values share a cell on at least one grid and nothing else is compared.
A cell holding more than :data:`BLOCK_LIMIT` claims (a common value such as 10% in a large corpus) is split
further: two claims of different articles link only with some story signal (without it a score cannot
reach the default threshold), so their articles share a rare word, and the cell is split by each article's
:data:`KEY_WORDS` rarest words shared with another article and found in at most :data:`KEY_MAX_ARTICLES`
articles (and by the article itself, for repeated figures). Figures are no key: round figures recur across
stories, and pairs sharing one figure are what the cell already holds. The candidate pairs of all blocks are scored in one batched
call to ``rapidfuzz.process.cpdist`` (the element-wise sibling of ``cdist``: blocks overlap, so pairs are
de-duplicated first and scored once) with ``workers``.

Clustering
----------
Links are merged strongest first (of equal links, the one between closer values first: two figures of one
sentence score alike against a third claim). A merge is refused when it would join a cannot-link pair
(a reviewer's, or two claims of one article that are not a repeat), put two different values of one
article together, stretch the group's values beyond :data:`MAX_GAP`, or when fewer than :data:`LINKAGE` of
the pairs across the two sides link directly (average-linkage style), so a chain of weak links cannot glue
unrelated facts together. Must-link overrides are merged before anything else.

Discrepancy
-----------
A group is ``discrepant`` when no single value lies within ``tolerance`` of every member's interval. So a
hedge is not by itself a discrepancy: "more than 4,000" and "about 4,200" agree, as do "£48m" and "nearly
£50m" (£50m less a 3% hedge is £48.5m, within 2% of £48m). "94,300" and "nearly 100,000" do not (97,000 is
2.9% away). ``spread_pct`` is measured on the stated values regardless of hedges: (max − min) / median.
Group values (min, median, max) are expressed in the representative claim's unit (percent or ratio,
currency, unit, per).
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np
from rapidfuzz import fuzz, process

from workbench import units
from workbench.errors import WorkbenchError
from workbench.models import Claim, Group, Grouping, Kind, LinkKind, Override, Qualifier, group_id

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_TOLERANCE",
    "HEDGE",
    "MAX_GAP",
    "OverrideConflict",
    "DuplicateClaimId",
    "InvalidClaim",
    "group_claims",
    "compare",
    "normalised_value",
    "value_interval",
    "context_text",
    "noun_head",
]

DEFAULT_TOLERANCE = 0.02
DEFAULT_THRESHOLD = 45.0
HEDGE = 0.03  # how far a hedge ("about", "more than", "nearly") reaches beyond the stated value
MAX_GAP = 0.15  # widest relative gap between two claims' intervals that can still be one fact
LINKAGE = 0.5  # share of cross pairs that must link directly for two clusters to merge
VALUE_FALLOFF = 2.5  # value agreement is 1 - off ** VALUE_FALLOFF (off: 0 at the tolerance, 1 at MAX_GAP)
BLOCK_LIMIT = 96  # a value cell larger than this is split by key words
KEY_WORDS = 4  # words per article that split a crowded value cell
KEY_MAX_ARTICLES = 100  # a word in more articles than this marks no story
STORY_FLOOR = 0.02  # story cosine of unrelated articles (a few common words): counts as nothing
STORY_FULL = 0.12  # story cosine at which the story signal counts in full
BACKGROUND = 30  # unrelated articles assumed besides the input when weighing words by rarity
STORY_PADDING = 75.0  # added to each article's squared norm (about a dozen words' worth)
STORY_POWER = 1.25  # words weigh idf ** STORY_POWER: above 1, rare names outweigh a story type's stock words
NAME_CONFLICT = 0.3  # score kept when two sentences name different places, firms or people
NOUN_CONFLICT = 0.6  # score kept when two claims count different things and neither article names the other's
TOPIC_FLOOR = 0.5  # score kept by the less topical of one article's two same-figure claims, when none of
# its sentence's words is found in another article
NAME_MIN_LETTERS = 3  # shorter capitalised words ("GW", "Q", "FY") are symbols and abbreviations, not names
STORY_EVIDENCE = 0.5  # story evidence of each name, and each figure besides the compared one, that two
# articles share; two make the story certain, and two articles that both name someone or somewhere but
# nobody and nowhere in common lose as much
NEAR_FIGURE = 0.1  # two figures this close (relative difference) count as one shared figure
STORY_RELATIVE: tuple[float, float] | None = (0.1, 0.3)  # story counts from 0 to 1 as the articles' cosine
# goes from 10% to 30% of the larger of the two articles' best cosine with any article they may share a
# figure with
REPEAT_CONTEXT = 0.6  # context similarity two body sentences of one article need to repeat one fact
WEIGHTS = {"context": 0.2, "story": 0.6, "noun": 0.2}

_TINY = 1e-12


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

    Dimensions: ``count``; ``fraction`` (percent and ratio, as fractions); ``money:<CODE>`` (``money:?``
    without a currency); a physical dimension for measures and durations (``time`` in seconds, ``area`` in
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
        dim = "money:" + (claim.currency.upper() if claim.currency else "?")
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


def _words(text: str) -> list[str]:
    stop, stem = _STOP, _stem
    return [stem(w) for w in _NON_LETTERS.split(text.lower()) if len(w) > 1 and w not in stop]


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
    context: np.ndarray  # object array of normalised context strings
    noun: list[str | None]
    noun_code: np.ndarray  # int, -1 for none
    noun_codes: dict[str, int]
    headline: np.ndarray  # bool: the claim's sentence opens the article (a headline restates the body)
    story: _Sparse  # per article: feature -> normalised weight
    story_key_ptr: np.ndarray  # per article: its rarest shared features, as CSR offsets into story_key_ids
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

    def release_text(self) -> None:
        """Drop what only scoring needs (contexts, story vectors, names) once the pairs are scored."""
        self.context = np.empty(0, dtype=object)
        empty = _Sparse(0, np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0))
        self.story = self.article_names = self.evidence_names = self.article_figures = empty
        self.story_key_ptr = self.story_key_ids = np.empty(0, np.int64)


def _prepare(claims: Sequence[Claim], hedge: float = HEDGE) -> _Prepared:
    uniq: dict[str, Claim] = {}
    for c in claims:
        prev = uniq.get(c.id)
        if prev is None:
            uniq[c.id] = c
        elif prev != c and prev.with_group(None) != c.with_group(None):
            raise DuplicateClaimId(c.id)
    ids = sorted(uniq)
    cl = [uniq[i] for i in ids]
    del uniq
    n = len(cl)

    dim_codes: dict[str, int] = {}
    art_codes: dict[str, int] = {}
    feat_codes: dict[str, int] = {}
    dim_l: list[int] = []
    art_l: list[int] = []
    lo_l: list[float] = []
    hi_l: list[float] = []
    point_l: list[float] = []
    floor_l: list[float] = []
    value_key_l: list[int] = []
    headline_l: list[bool] = []
    sentence_l: list[int] = []
    form_l: list[int] = []
    sent_codes: dict[tuple[int, object], int] = {}
    form_codes: dict[tuple, int] = {}
    ctx: list[str] = []
    heads: list[str | None] = []
    # (article, feature) entries of the story vectors: the content words of the sentences holding its claims
    # and its figures; repeats are dropped later
    feat_art = array("i")
    feat_id = array("i")
    word_claim = array("i")  # each content word of each claim's sentence: the claim and the word's feature
    word_fid = array("i")
    # names: capitalised words that the input also writes capitalised inside a sentence and never in lower
    # case ("Eastmouth", "Korvex"); a sentence-opening "The" or a title-case headline word is no name
    name_text: list[str | None] = []
    lower_seen: set[str] = set()
    inner_caps: set[str] = set()
    for c in cl:
        d, a, b = normalised_value(c)
        if not (math.isfinite(a) and math.isfinite(b)):
            raise InvalidClaim(c.id, f"low and high must be finite numbers, got {c.low!r} and {c.high!r}")
        f = _floor(d)
        hl, hh = _hedged(a, b, c.qualifier, hedge, f)
        dk = dim_codes.setdefault(d, len(dim_codes))
        ak = art_codes.setdefault(c.article, len(art_codes))
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
        text = _without_number(c)
        words = _context_words(c, text)
        ctx.append(" ".join(words))
        vk = feat_codes.setdefault(f"#{dk}:{float(f'{mid:.2g}')}", len(feat_codes))
        value_key_l.append(vk)
        feat_art.extend([ak] * (len(words) + 1))
        word_claim.extend([len(ctx) - 1] * len(words))
        codes = [feat_codes.setdefault(w, len(feat_codes)) for w in words]
        feat_id.extend(codes)
        word_fid.extend(codes)
        feat_id.append(vk)
        lower_seen.update(_LOWER.findall(text))
        cs = _name_candidates(text)
        if cs:
            inner_caps.update(w for w, initial in cs if not initial)
            name_text.append(" ".join(w for w, _ in cs))
        else:
            name_text.append(None)
    dim = np.array(dim_l, dtype=np.int64)
    art = np.array(art_l, dtype=np.int64)
    lo, hi = np.array(lo_l, dtype=np.float64), np.array(hi_l, dtype=np.float64)
    point, floor = np.array(point_l, dtype=np.float64), np.array(floor_l, dtype=np.float64)
    value_key = np.array(value_key_l, dtype=np.int64)
    headline = np.array(headline_l, dtype=bool)
    sentence = np.array(sentence_l, dtype=np.int32)
    form = np.array(form_l, dtype=np.int32)
    del dim_l, art_l, lo_l, hi_l, point_l, floor_l, value_key_l, headline_l, sentence_l, form_l, sent_codes
    dims = list(dim_codes)
    articles = list(art_codes)
    n_art = len(articles)
    noun_codes: dict[str, int] = {}
    noun_code = np.array([noun_codes.setdefault(h, len(noun_codes)) if h else -1 for h in heads], dtype=np.int64)
    # the words of each counted noun, as story features ("nursing posts" -> nurs, post)
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

    # Story vectors: words and figures weighed by rarity, idf ** STORY_POWER, over the input plus a virtual
    # background of unrelated articles (so a small, one-story input does not call its own story's words
    # common); each article's norm is padded, so that one shared word does not make two short articles one
    # story.
    fids = np.frombuffer(feat_id, dtype=np.int32)
    present, rows, cols = _Sparse.from_pairs(n_art, np.frombuffer(feat_art, dtype=np.int32), fids)
    del feat_art, present
    df = np.bincount(cols, minlength=len(feat_codes))
    # how topical each claim's sentence is: the share of its content words that another article uses too
    # (a sentence on another subject, "the city's new stadium will hold 40,000 fans", uses words no other
    # report of the story has)
    words_of = np.frombuffer(word_claim, dtype=np.int32)
    elsewhere = df[np.frombuffer(word_fid, dtype=np.int32)] > 1  # a claim's words are in its own article
    n_words = np.bincount(words_of, minlength=n)
    topic = np.bincount(words_of, weights=elsewhere, minlength=n) / np.maximum(n_words, 1)
    del fids, feat_id, word_claim, word_fid, words_of, elsewhere
    idf = np.log1p((n_art + BACKGROUND) / np.maximum(df, 1))
    w = idf[cols] ** STORY_POWER
    norm = np.sqrt(np.bincount(rows, weights=w * w, minlength=n_art) + STORY_PADDING)
    story = _Sparse(n_art, rows, cols, w / np.maximum(norm[rows], _TINY))
    # Blocking keys: each article's rarest words shared with another article, if rare enough to mark a
    # story. A figure is no key: round figures recur across stories, and pairs sharing one figure are what
    # a value cell already holds.
    figure = np.zeros(len(feat_codes), dtype=bool)
    figure[value_key] = True
    m = (df[cols] > 1) & (df[cols] <= KEY_MAX_ARTICLES) & ~figure[cols]
    kr, kc = rows[m], cols[m]
    order = np.lexsort((kc, df[kc], kr))
    kr, kc = kr[order], kc[order]
    per_row = np.bincount(kr, minlength=n_art)
    rank = np.arange(len(kr)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    keep = rank < KEY_WORDS
    story_key_ids = kc[keep]
    story_key_ptr = np.r_[0, np.cumsum(np.bincount(kr[keep], minlength=n_art))].astype(np.int64)

    name_codes: dict[str, int] = {}
    name_claim = array("i")
    name_id = array("i")
    source_claim = array("i")
    source_id = array("i")
    for k, (c, t) in enumerate(zip(cl, name_text)):
        if t is None:
            continue
        # the source's name ("the Met Office said") is not what the figure is about
        source = set(_NON_LETTERS.split(c.attribution.lower())) if c.attribution else ()
        for w in set(t.split()):
            if (len(w) >= NAME_MIN_LETTERS and w in inner_caps and w not in lower_seen and w not in _CALENDAR
                    and w not in _STOP):
                code = name_codes.setdefault(w, len(name_codes))
                if w in source:
                    source_claim.append(k)
                    source_id.append(code)
                else:
                    name_claim.append(k)
                    name_id.append(code)
    del name_text
    nc = np.frombuffer(name_claim, dtype=np.int32).astype(np.int64)
    ni = np.frombuffer(name_id, dtype=np.int32).astype(np.int64)
    sc = np.frombuffer(source_claim, dtype=np.int32).astype(np.int64)
    si = np.frombuffer(source_id, dtype=np.int32).astype(np.int64)
    evidence_names, _, name_col = _Sparse.from_pairs(n_art, art[nc], ni)
    article_names, _, _ = _Sparse.from_pairs(n_art, np.r_[art[nc], art[sc]], np.r_[ni, si])
    figure_cells = _figure_cells(point, floor, dim, len(dims))
    article_figures, _, _ = _Sparse.from_pairs(n_art, np.r_[art, art], figure_cells.reshape(-1, order="F"))
    name_idf = np.log1p((n_art + BACKGROUND) / np.maximum(np.bincount(name_col, minlength=len(name_codes)), 1))
    # each claim's rarest name (ties: the first seen)
    rarest_name = np.full(n, -1, dtype=np.int64)
    if len(nc):
        order = np.lexsort((ni, -name_idf[ni], nc))
        first = np.r_[True, nc[order][1:] != nc[order][:-1]]
        rarest_name[nc[order][first]] = ni[order][first]

    return _Prepared(
        claims=cl, ids=ids, dim=dim, dims=dims, lo=lo, hi=hi, point=point, floor=floor, article=art,
        articles=articles, context=np.array(ctx, dtype=object), noun=heads, noun_code=noun_code,
        noun_codes=noun_codes, headline=headline, story=story, story_key_ptr=story_key_ptr,
        story_key_ids=story_key_ids, value_key=value_key, rarest_name=rarest_name, article_names=article_names,
        evidence_names=evidence_names, article_figures=article_figures, figure_cells=figure_cells,
        sentence=sentence, form=form, noun_words=noun_words, topic=topic,
    )


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


def _pairs_within_runs(keys: np.ndarray, items: np.ndarray, n: int, chunk: int = 1 << 21) -> np.ndarray:
    """Codes a * n + b (a < b) of the distinct pairs of items that share a key; built a chunk at a time."""
    if len(keys) < 2:
        return np.empty(0, np.int64)
    order = np.lexsort((items, keys))
    k = keys[order]
    it = items[order].astype(np.int64)
    del order
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    del k
    sizes = np.diff(np.r_[starts, len(it)])
    cum = np.cumsum(sizes * (sizes - 1) // 2)
    out: list[np.ndarray] = []
    lo_run = 0
    while lo_run < len(starts):
        base = cum[lo_run - 1] if lo_run else 0
        hi_run = max(int(np.searchsorted(cum, base + chunk, side="right")), lo_run + 1)
        seg_sizes = sizes[lo_run:hi_run]
        s0 = starts[lo_run]
        seg = it[s0:s0 + int(seg_sizes.sum())]
        run_end = np.repeat(np.cumsum(seg_sizes), seg_sizes)
        pos = np.arange(len(seg))
        counts = run_end - pos - 1
        total = int(counts.sum())
        if total:
            left = np.repeat(pos, counts)
            right = left + 1 + (np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts))
            a, b = seg[left], seg[right]
            del left, right
            keep = a != b
            out.append(_unique(np.minimum(a[keep], b[keep]) * n + np.maximum(a[keep], b[keep])))
        lo_run = hi_run
    return _unique(np.concatenate(out)) if out else np.empty(0, np.int64)


def _value_cells(p: _Prepared, max_gap: float) -> tuple[np.ndarray, np.ndarray]:
    """(cell key, claim) entries: each claim's interval on two offset grids of cells 2D wide."""
    d = -math.log(1.0 - max_gap)  # axis distance of the widest compatible gap
    width = 2.0 * d
    a0 = _value_axis(p.lo, p.floor)
    a1 = _value_axis(p.hi, p.floor)
    keys: list[np.ndarray] = []
    claims: list[np.ndarray] = []
    n_dims = max(len(p.dims), 1)
    for grid, shift in ((0, 0.0), (1, d)):
        c0 = np.floor((a0 + shift) / width).astype(np.int64)
        c1 = np.floor((a1 + shift) / width).astype(np.int64)
        span = c1 - c0 + 1
        idx = np.repeat(np.arange(len(c0)), span)
        offs = np.arange(int(span.sum())) - np.repeat(np.cumsum(span) - span, span)
        cell = c0[idx] + offs
        # key = ((cell * 2 + grid) * n_dims + dim); cells are small integers (log-scale)
        keys.append((cell * 2 + grid) * n_dims + p.dim[idx])
        claims.append(idx)
    return np.concatenate(keys), np.concatenate(claims)


def _candidate_pairs(p: _Prepared, max_gap: float, block_limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (a < b) of claims that share a value cell; a crowded cell is split by story keys.

    Two claims of different articles link only with some story signal, so their articles share a rare
    word or figure: a crowded cell is split by each article's rarest shared features (and by the article
    itself, for figures repeated within one article).
    """
    keys, items = _value_cells(p, max_gap)
    _, inverse, counts = _unique_inverse(keys)
    del keys
    n = len(p.claims)
    big = counts[inverse] > block_limit
    parts = [_pairs_within_runs(inverse[~big], items[~big], n)]
    if big.any():
        cells, claims = inverse[big], items[big]
        del inverse, items
        arts = p.article[claims]
        reps = p.story_key_ptr[arts + 1] - p.story_key_ptr[arts] + 1
        claim_r = np.repeat(claims, reps)
        art_r = np.repeat(arts, reps)
        pos = np.arange(len(claim_r)) - np.repeat(np.cumsum(reps) - reps, reps)  # 0 = the article itself
        key_index = p.story_key_ptr[art_r] + pos - 1
        sub = np.where(pos == 0, -1 - art_r, p.story_key_ids[np.maximum(key_index, 0)])
        del art_r, pos, key_index
        combo = np.repeat(cells, reps) * (1 << 32) + (sub + (1 << 31))
        del sub
        parts.append(_pairs_within_runs(combo, claim_r, n))
    code = _unique(np.concatenate(parts))
    return code // n, code % n


# -------------------------------------------------------------------------------------------------- scoring


def _story_similarity(p: _Prepared, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(cosine, evidence) of the two claims' articles, leaving out the figure the two claims share.

    The cosine says how alike the articles' words and figures are; the evidence (0 to 1) whether they
    share anything particular to one story: names, and figures besides the compared one (equal or within
    about :data:`NEAR_FIGURE`), :data:`STORY_EVIDENCE` each; less as much when both articles name
    people, places or firms and none of them in common. Articles on one subject share its words
    ("passengers", "fares", "delays") and round figures ("45 minutes") without telling one story; two
    reports of one event name the same place, firm or person, or repeat several of its figures. Both are 1
    for claims of one article.
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
        evidence[d] = np.clip(STORY_EVIDENCE * (shared_names + other_figures - strangers), 0.0, 1.0)
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


def _name_factor(p: _Prepared, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """NAME_CONFLICT when both sentences name someone or somewhere and each one's rarest name is missing
    from the other's article ("Dunbroley Corp will cut 1,200 jobs" and "Easthalby Corp will cut 1,200
    jobs"); 1 otherwise."""
    out = np.ones(len(a))
    rare = p.rarest_name
    sel = np.flatnonzero((rare[a] >= 0) & (rare[b] >= 0) & (p.article[a] != p.article[b]))
    if len(sel):
        x, y = a[sel], b[sel]
        missing_x = p.article_names.lookup(p.article[y], rare[x]) == 0
        missing_y = p.article_names.lookup(p.article[x], rare[y]) == 0
        out[sel[missing_x & missing_y]] = NAME_CONFLICT
    return out


def _noun_factor(p: _Prepared, a: np.ndarray, b: np.ndarray, noun: np.ndarray) -> np.ndarray:
    """NOUN_CONFLICT when two counts of different articles count different things ("40,000 fans", "40,000
    vehicles") and no word of either's noun is found in the other claim's article; 1 otherwise. Two reports
    of one fact may count it by different words ("1,800 jobs", "1,800 steelworkers will lose their jobs"),
    but then one tends to use the other's word somewhere. Measures name what they measure by their unit."""
    out = np.ones(len(a))
    is_count = np.array([d.split("/")[0] == "count" for d in p.dims], dtype=bool)
    sel = np.flatnonzero((noun == 0.0) & (p.article[a] != p.article[b]) & is_count[p.dim[a]])
    if len(sel):
        x, y = a[sel], b[sel]

        def found(u: np.ndarray, v: np.ndarray) -> np.ndarray:
            which, cols, _ = p.noun_words.expand(p.noun_code[u])
            hit = p.story.lookup(p.article[v][which], cols) > 0
            return np.bincount(which, weights=hit, minlength=len(u)) > 0

        out[sel[~found(x, y) & ~found(y, x)]] = NOUN_CONFLICT
    return out


def _topic_factor(p: _Prepared, a: np.ndarray, b: np.ndarray, apart: np.ndarray) -> np.ndarray:
    """Per claim: TOPIC_FLOOR to 1 by how topical its sentence is against the claims of its own article that
    state the same figure as another fact (``apart`` pairs); 1 for claims with no such rival.

    When one article gives a figure twice for two facts ("set aside €85 million for a new crossing" and
    "the new stadium will ... cost €85m"), the one whose words other articles also use is the likelier
    match for them.
    """
    factor = np.ones(len(p.claims))
    x, y = a[apart], b[apart]
    if len(x):
        best = np.zeros(len(p.claims))
        np.maximum.at(best, x, p.topic[y])
        np.maximum.at(best, y, p.topic[x])
        rival = np.unique(np.r_[x, y])
        top = np.maximum(best[rival], p.topic[rival])
        share = np.where(top > 0, p.topic[rival] / np.maximum(top, _TINY), 1.0)
        factor[rival] = TOPIC_FLOOR + (1.0 - TOPIC_FLOOR) * share
    return factor


def _repeats(p: _Prepared, a: np.ndarray, b: np.ndarray, ctx: np.ndarray, noun: np.ndarray,
             tolerance: float) -> np.ndarray:
    """Whether pairs of claims of one article state one fact: the article repeats the figure.

    A repeat states the same figure: the same value written the same way (or rounded, as a headline
    does), or the same value converted into another unit, within the tolerance; and it sits in the headline
    or reads like the other sentence or counts the same thing. Two figures of one sentence written the same
    way ("rises from 66 to 67", "27.2%, down from 27.6%") are two facts.
    """
    repeat = p.headline[a] | p.headline[b] | (ctx >= REPEAT_CONTEXT) | (noun == 1.0)
    same_form = p.form[a] == p.form[b]
    lo, hi, digit_lo, digit_hi = _stated(p, np.r_[a, b])
    n = len(a)
    same_stated = (_same_stated(lo[:n], lo[n:], digit_lo[:n], digit_lo[n:])
                   & _same_stated(hi[:n], hi[n:], digit_hi[:n], digit_hi[n:]))
    close = _gap_arrays(np.maximum(p.point[a], p.point[b]), np.minimum(p.point[a], p.point[b]),
                        np.maximum(p.floor[a], p.floor[b])) <= tolerance
    same_value = np.where(same_form, same_stated, close)
    return repeat & same_value & ~(same_form & (p.sentence[a] == p.sentence[b]))


def _stated(p: _Prepared, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The stated bounds of claims in their own unit, and the place value of each one's last digit."""
    lows = [min(float(p.claims[i].low), float(p.claims[i].high)) for i in idx.tolist()]
    highs = [max(float(p.claims[i].low), float(p.claims[i].high)) for i in idx.tolist()]
    return (np.array(lows, dtype=np.float64), np.array(highs, dtype=np.float64),
            np.array([_last_digit(x) for x in lows], dtype=np.float64),
            np.array([_last_digit(x) for x in highs], dtype=np.float64))


@dataclass
class _Scored:
    a: np.ndarray  # claim indices, a < b
    b: np.ndarray
    score: np.ndarray  # 0-100
    gap: np.ndarray  # relative gap between the two values (0 when their intervals overlap)
    apart_a: np.ndarray  # pairs of one article that state different facts with the same figure
    apart_b: np.ndarray


def _score_pairs(
    p: _Prepared, a: np.ndarray, b: np.ndarray, tolerance: float, max_gap: float, workers: int
) -> _Scored:
    """Keep the compatible candidate pairs and score them."""
    max_lo = np.maximum(p.lo[a], p.lo[b])
    min_hi = np.minimum(p.hi[a], p.hi[b])
    gap = _gap_arrays(max_lo, min_hi, np.maximum(p.floor[a], p.floor[b]))
    same_article = p.article[a] == p.article[b]
    ok = (p.dim[a] == p.dim[b]) & (gap <= max_gap) & (~same_article | (gap <= tolerance))
    a, b, gap, same_article = a[ok], b[ok], gap[ok], same_article[ok]
    if len(a) == 0:
        e = np.empty(0, np.int64)
        return _Scored(e, e, np.empty(0), np.empty(0), e, e)
    ctx = process.cpdist(p.context[a], p.context[b], scorer=fuzz.token_set_ratio, workers=workers,
                         dtype=np.float32).astype(np.float64) / 100.0
    noun = _noun_agreements(p, a, b)
    names = _name_factor(p, a, b)
    # Pairs whose sentences name entirely different places, firms or people cannot reach a threshold
    # above NAME_CONFLICT * 100, and their story is not worth weighing: it counts as none.
    weigh = np.flatnonzero(names > NAME_CONFLICT)
    story = np.zeros(len(a))
    cos, evidence = _story_similarity(p, a[weigh], b[weigh])
    story[weigh] = np.clip((cos - STORY_FLOOR) / (STORY_FULL - STORY_FLOOR), 0.0, 1.0) * evidence
    if STORY_RELATIVE:
        # an article's own story is its nearest: a pair of articles counts in full only when each is about
        # as close to the other as to its best match among the articles it may share a figure with
        art_a, art_b = p.article[a[weigh]], p.article[b[weigh]]
        cross = art_a != art_b
        best = np.zeros(len(p.articles))
        np.maximum.at(best, art_a[cross], cos[cross])
        np.maximum.at(best, art_b[cross], cos[cross])
        ratio = np.where(cross, cos / np.maximum(np.maximum(best[art_a], best[art_b]), _TINY), 1.0)
        r0, r1 = STORY_RELATIVE
        story[weigh] *= np.clip((ratio - r0) / (r1 - r0), 0.0, 1.0)
    # One article: a headline restates a figure of the body, and two body sentences repeat one fact when
    # they read alike or count the same thing. Otherwise the same figure twice in one article is two facts.
    # A repeat states the same figure: the same value written the same way (or rounded, as a headline
    # does), or the same value converted into another unit, within the tolerance. Two figures of one
    # sentence written the same way ("rises from 66 to 67", "27.2%, down from 27.6%") are two facts.
    inside = np.flatnonzero(same_article)
    apart = np.zeros(len(a), dtype=bool)
    apart[inside] = ~_repeats(p, a[inside], b[inside], ctx[inside], noun[inside], tolerance)
    story[inside] = 1.0
    w = WEIGHTS
    text = w["context"] * ctx + w["story"] * story + w["noun"] * noun
    # values that agree within the tolerance count in full; beyond it, less and less up to the widest gap
    off = np.clip((gap - tolerance) / max(max_gap - tolerance, _TINY), 0.0, 1.0)
    score = 100.0 * text * (1.0 - off ** VALUE_FALLOFF) * names * _noun_factor(p, a, b, noun)
    topic = _topic_factor(p, a, b, apart)
    score *= np.where(same_article, 1.0, topic[a] * topic[b])
    score[apart] = 0.0
    return _Scored(a, b, score, gap, a[apart], b[apart])


def compare(a: Claim, b: Claim, tolerance: float = DEFAULT_TOLERANCE, others: Sequence[Claim] = ()) -> float:
    """Score (0-100) that ``a`` and ``b`` state the same fact; 0 when their numbers are incompatible.

    The story signal is measured against ``others`` (claims of the same articles and of other articles);
    without them it rests on the two claims' own sentences.
    """
    p = _prepare([a, b, *others])
    ia, ib = p.ids.index(a.id), p.ids.index(b.id)
    if ia == ib:
        return 100.0
    i, j = min(ia, ib), max(ia, ib)
    scored = _score_pairs(p, np.array([i]), np.array([j]), tolerance, MAX_GAP, 1)
    return float(scored.score[0]) if len(scored.score) else 0.0


# ----------------------------------------------------------------------------------------------- clustering


class _Clusters:
    """Union-find with what the merge checks need, kept only for clusters that need it.

    Per root: size, the highest low end and lowest high end of its members' intervals, and — created on
    demand — its members' intervals per article, its direct links to other clusters not yet merged with
    it, and the claims it may not join.
    """

    def __init__(self, p: _Prepared):
        n = len(p.claims)
        self.parent = list(range(n))
        self.size = [1] * n
        self.max_lo = p.lo.tolist()
        self.min_hi = p.hi.tolist()
        self.floor = p.floor.tolist()
        self.art = p.article.tolist()
        self.arts: dict[int, dict[int, tuple[float, float]]] = {}
        self.links: dict[int, dict[int, int]] = {}
        self.cannot: dict[int, set[int]] = {}

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def _arts(self, r: int) -> dict[int, tuple[float, float]]:
        got = self.arts.get(r)
        if got is None:  # a single claim: the root is the claim
            got = {self.art[r]: (self.max_lo[r], self.min_hi[r])}
        return got

    def union(self, ra: int, rb: int) -> int:
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        arts_a = self._arts(ra)  # before the bounds change: a single claim's come from them
        for art, (lo, hi) in self._arts(rb).items():
            if art in arts_a:
                plo, phi = arts_a[art]
                arts_a[art] = (max(plo, lo), min(phi, hi))
            else:
                arts_a[art] = (lo, hi)
        self.arts[ra] = arts_a
        self.arts.pop(rb, None)
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
        if self.size[ra] == 1 and self.size[rb] == 1 and self.art[ra] != self.art[rb]:
            return True
        aa, ab = self._arts(ra), self._arts(rb)
        if len(aa) > len(ab):
            aa, ab = ab, aa
        for art, (lo, hi) in aa.items():
            other = ab.get(art)
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
    parent, size, links = cl.parent, cl.size, cl.links
    for i, j in zip(a[order].tolist(), b[order].tolist()):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        while parent[j] != j:
            parent[j] = parent[parent[j]]
            j = parent[j]
        if i == j:
            continue
        # average linkage: enough of the pairs across the two clusters must link directly
        have = (links[i].get(j, 0) if i in links else 0) + 1
        if have < LINKAGE * size[i] * size[j] or cl.blocked(i, j) or not cl.compatible(i, j, tolerance, max_gap):
            cl.add_link(i, j)
            continue
        cl.union(i, j)
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
        max_value=value, spread_pct=0.0, discrepant=False, label=label,
    )


def _build_group(p: _Prepared, members: list[int], degree: np.ndarray, tolerance: float) -> Group:
    if len(members) == 1:
        return _singleton(p, members[0])
    dim, point, claims = p.dim, p.point, p.claims
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
    max_lo = max(p.lo[m] for m in same)
    min_hi = min(p.hi[m] for m in same)
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
        discrepant=bool(discrepant), label=label,
    )


def group_claims(
    claims: Sequence[Claim],
    overrides: Sequence[Override] = (),
    tolerance: float = DEFAULT_TOLERANCE,
    threshold: float | None = None,
    workers: int = 1,
) -> Grouping:
    """Group claims that state the same fact; every claim ends in exactly one group.

    ``tolerance`` is the relative difference below which values agree (for the discrepancy flag and for
    repeated figures in one article); ``threshold`` the link score (0-100, default
    :data:`DEFAULT_THRESHOLD`); ``workers`` is passed to RapidFuzz. Overrides naming claims that are not
    among ``claims`` are ignored; contradictory overrides raise :class:`OverrideConflict`. The result does
    not depend on the order of ``claims`` or ``overrides``. Groups are ordered for triage: more outlets
    first, then larger spread, then larger groups.
    """
    if not (0.0 <= tolerance < 1.0):
        raise ValueError(f"tolerance must be a fraction between 0 and 1 (0.02 is 2%), got {tolerance!r}")
    thr = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    if not (0.0 <= thr <= 100.0):
        raise ValueError(f"threshold must be a score between 0 and 100, got {threshold!r}")
    p = _prepare(claims)
    if not p.claims:
        return Grouping(groups=(), by_claim={})
    musts, cannots = _read_overrides(p, overrides)
    max_gap = max(MAX_GAP, tolerance)
    a, b = _candidate_pairs(p, max_gap, BLOCK_LIMIT)
    scored = _score_pairs(p, a, b, tolerance, max_gap, workers)
    keep = scored.score >= thr
    a, b, score, gap = scored.a[keep], scored.b[keep], scored.score[keep], scored.gap[keep]
    apart = list(zip(scored.apart_a.tolist(), scored.apart_b.tolist()))
    del scored, keep
    p.release_text()  # what remains is numbers: keep the peak memory of large inputs down
    clusters = _cluster(p, a, b, score, gap, musts, cannots, apart, tolerance, max_gap)

    root = np.empty(len(p.claims), dtype=np.int64)
    for k, members in enumerate(clusters):
        root[members] = k
    inside = root[a] == root[b]
    degree = np.bincount(np.r_[a[inside], b[inside]], minlength=len(p.claims))
    groups = [_build_group(p, members, degree, tolerance) for members in clusters]
    groups.sort(key=lambda g: (-len(g.outlets), -g.spread_pct, -g.size, g.id))
    by_claim = {cid: g.id for g in groups for cid in g.claim_ids}
    return Grouping(groups=tuple(groups), by_claim=by_claim)
