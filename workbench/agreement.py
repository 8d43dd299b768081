"""How far reviewers agree: Cohen's kappa per pair, Krippendorff's alpha over all reviewers, agreement on
extraction corrections, and breakdowns per story, outlet and kind.

Input is a flat list of :class:`Rating` rows, one per (item, reviewer): the item is whatever was judged (a
claim or a group), the label is the reviewer's verdict. Items rated by only some reviewers are fine: alpha is
computed from Krippendorff's coincidence matrix, which uses every unit that holds at least two values and
ignores the rest, exactly as in his reliability-data matrices with missing cells.

Definitions (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011)::

    o_ck  = sum over units u of (number of c-k pairs of values in u) / (m_u - 1)
    n_c   = sum_k o_ck,   n = sum_c n_c            (pairable values only)
    alpha = 1 - (n - 1) * sum_ck o_ck d2_ck / sum_ck n_c n_k d2_ck

with the difference function ``d2`` of the level of measurement: nominal (0 if equal else 1), ordinal (over
the given order of labels, using the marginals n_g), interval ((c - k)^2) and ratio (((c - k)/(c + k))^2).
Corrections use a tolerance difference: 0 when two values are equal within the tolerance, else 1.

Every statistic that is undefined for the data (no pairable unit, a single value used throughout) is ``None``
rather than a number, so a dashboard can say "not enough data" instead of showing a made-up 0 or 1.
"""

from __future__ import annotations

import enum
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from workbench.errors import InputError

__all__ = [
    "AgreementReport",
    "AlphaResult",
    "CSV_COLUMNS",
    "Correction",
    "CorrectionAgreement",
    "Dimension",
    "GroupAgreement",
    "KappaResult",
    "Level",
    "PairKappa",
    "Rating",
    "agreement_report",
    "alpha_for_ratings",
    "breakdown",
    "cohen_kappa",
    "correction_agreement",
    "krippendorff_alpha",
    "pairwise_kappa",
    "percent_agreement",
    "report_rows",
    "units_from_matrix",
]

_SOURCE = "agreement data"


class Level(str, enum.Enum):
    """Level of measurement, which fixes the difference function of alpha."""

    NOMINAL = "nominal"
    ORDINAL = "ordinal"
    INTERVAL = "interval"
    RATIO = "ratio"


class Dimension(str, enum.Enum):
    """Attributes of an item that agreement can be broken down by."""

    STORY = "story"
    OUTLET = "outlet"
    KIND = "kind"


@dataclass(frozen=True, slots=True)
class Rating:
    """One reviewer's label on one item; ``label`` None means the reviewer gave no usable label.

    ``story``, ``outlet`` and ``kind`` describe the item and must be the same on every row of that item.
    """

    item_id: str
    reviewer: str
    label: Hashable | None
    story: str | None = None
    outlet: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Correction:
    """The value a reviewer settled on for an extracted number (the extracted value when they kept it).

    ``value`` is a number or a tuple of numbers of fixed length (e.g. ``(low, high)``); None means missing.
    """

    item_id: str
    reviewer: str
    value: float | tuple[float, ...] | None


@dataclass(frozen=True, slots=True)
class AlphaResult:
    level: Level
    alpha: float | None  # None when undefined: no pairable unit, or one value used throughout
    observed_disagreement: float | None
    expected_disagreement: float | None
    n_units: int  # units holding at least two values
    n_values: int  # values in those units (Krippendorff's n)
    n_reviewers: int  # reviewers who gave at least one pairable value
    n_excluded: int = 0  # values left out because they are not on the ordinal order


@dataclass(frozen=True, slots=True)
class KappaResult:
    n_items: int
    observed_agreement: float | None
    expected_agreement: float | None
    kappa: float | None  # None when undefined: no items, or chance agreement is 1


@dataclass(frozen=True, slots=True)
class PairKappa:
    reviewer_a: str
    reviewer_b: str
    n_items: int  # items both reviewers labelled
    observed_agreement: float | None
    expected_agreement: float | None
    kappa: float | None


@dataclass(frozen=True, slots=True)
class GroupAgreement:
    dimension: Dimension
    key: str
    n_items: int
    n_ratings: int
    n_reviewers: int
    percent_agreement: float | None
    alpha_nominal: AlphaResult
    alpha_ordinal: AlphaResult | None  # None when no order was given


@dataclass(frozen=True, slots=True)
class AgreementReport:
    n_items: int
    n_ratings: int
    reviewers: tuple[str, ...]
    percent_agreement: float | None
    alpha_nominal: AlphaResult
    alpha_ordinal: AlphaResult | None
    pairs: tuple[PairKappa, ...]
    breakdowns: tuple[GroupAgreement, ...]


@dataclass(frozen=True, slots=True)
class CorrectionAgreement:
    rel_tol: float
    abs_tol: float
    n_items: int  # items with values from at least two reviewers
    n_pairs: int  # reviewer pairs compared, summed over those items
    n_agreeing_pairs: int
    percent_agreement: float | None
    alpha: AlphaResult  # Krippendorff's alpha with the tolerance difference function
    disagreements: tuple[str, ...]  # items where some two reviewers' values differ beyond the tolerance


# --------------------------------------------------------------------------------------------------------
# Cohen's kappa


def cohen_kappa(pairs: Iterable[tuple[Hashable, Hashable]]) -> KappaResult:
    """Cohen's kappa of two raters from their (label_a, label_b) pairs, one pair per item."""
    pairs = list(pairs)
    n = len(pairs)
    if n == 0:
        return KappaResult(0, None, None, None)
    agree = sum(1 for a, b in pairs if a == b)
    count_a = Counter(a for a, _ in pairs)
    count_b = Counter(b for _, b in pairs)
    p_o = agree / n
    p_e = sum(count_a[c] * count_b.get(c, 0) for c in count_a) / (n * n)
    if math.isclose(p_e, 1.0):
        return KappaResult(n, p_o, p_e, None)
    return KappaResult(n, p_o, p_e, (p_o - p_e) / (1.0 - p_e))


def pairwise_kappa(ratings: Iterable[Rating]) -> list[PairKappa]:
    """Cohen's kappa for every pair of reviewers, over the items both labelled; pairs sorted by name."""
    table = _table(ratings)
    by_reviewer: dict[str, dict[str, Hashable]] = defaultdict(dict)
    for item, labels in table.items():
        for reviewer, label in labels.items():
            by_reviewer[reviewer][item] = label
    out: list[PairKappa] = []
    for a, b in itertools.combinations(sorted(by_reviewer), 2):
        la, lb = by_reviewer[a], by_reviewer[b]
        common = la.keys() & lb.keys()
        k = cohen_kappa((la[i], lb[i]) for i in common)
        out.append(PairKappa(a, b, k.n_items, k.observed_agreement, k.expected_agreement, k.kappa))
    return out


# --------------------------------------------------------------------------------------------------------
# Krippendorff's alpha


def units_from_matrix(matrix: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """Turn a reliability-data matrix (one row per observer, one column per unit, None for a missing cell)
    into the per-unit value lists :func:`krippendorff_alpha` takes."""
    if not matrix:
        return []
    width = len(matrix[0])
    for r, row in enumerate(matrix):
        if len(row) != width:
            raise InputError(_SOURCE, f"row {r + 1} of the reliability matrix has {len(row)} cells, "
                                      f"the first row has {width}; every observer needs one cell per unit")
    return [[row[u] for row in matrix if row[u] is not None] for u in range(width)]


def krippendorff_alpha(
    units: Iterable[Iterable[Any]],
    level: Level | str = Level.NOMINAL,
    *,
    order: Sequence[Hashable] | None = None,
) -> AlphaResult:
    """Krippendorff's alpha from the values each unit received (None entries are missing and skipped).

    ``order`` is required for the ordinal level: labels from lowest to highest. Values not on it are left
    out and counted in ``n_excluded``. Interval and ratio need numbers.
    """
    level = Level(level)
    unit_lists = [[v for v in unit if v is not None] for unit in units]
    return _alpha(unit_lists, level, order=order, reviewers=None)


def alpha_for_ratings(
    ratings: Iterable[Rating], level: Level | str = Level.NOMINAL, *, order: Sequence[Hashable] | None = None
) -> AlphaResult:
    """Krippendorff's alpha over all reviewers of the given ratings."""
    table = _table(ratings)
    return _alpha_from_table(table, Level(level), order)


def _alpha_from_table(
    table: Mapping[str, Mapping[str, Hashable]], level: Level, order: Sequence[Hashable] | None
) -> AlphaResult:
    units = [list(labels.items()) for labels in table.values()]
    values = [[label for _, label in unit] for unit in units]
    reviewers = [[reviewer for reviewer, _ in unit] for unit in units]
    return _alpha(values, level, order=order, reviewers=reviewers)


def _alpha(
    units: list[list[Any]],
    level: Level,
    *,
    order: Sequence[Hashable] | None,
    reviewers: list[list[str]] | None,
    delta: Callable[[Any, Any], float] | None = None,
    expected_sum: Callable[[Counter], float] | None = None,
) -> AlphaResult:
    excluded = 0
    if level is Level.ORDINAL:
        if order is None:
            raise InputError(_SOURCE, "ordinal alpha needs the order of the labels (lowest to highest)")
        rank = {label: i for i, label in enumerate(order)}
        if len(rank) != len(order):
            raise InputError(_SOURCE, "the ordinal order lists a label twice; each label must appear once")
        kept_units, kept_reviewers = [], []
        for u, unit in enumerate(units):
            keep = [i for i, v in enumerate(unit) if v in rank]
            excluded += len(unit) - len(keep)
            kept_units.append([unit[i] for i in keep])
            if reviewers is not None:
                kept_reviewers.append([reviewers[u][i] for i in keep])
        units = kept_units
        reviewers = kept_reviewers if reviewers is not None else None
    elif level in (Level.INTERVAL, Level.RATIO):
        for unit in units:
            for v in unit:
                if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                    raise InputError(_SOURCE, f"{level.value} alpha needs finite numbers; got {v!r}")
                if level is Level.RATIO and v < 0:
                    raise InputError(_SOURCE, f"ratio alpha needs values of zero or more; got {v!r}")

    pairable = [(u, unit) for u, unit in enumerate(units) if len(unit) >= 2]
    n_reviewers = (
        len({r for u, _ in pairable for r in reviewers[u]}) if reviewers is not None else 0
    )
    counts: Counter = Counter()
    for _, unit in pairable:
        counts.update(unit)
    n = sum(counts.values())
    if not pairable:
        return AlphaResult(level, None, None, None, 0, 0, n_reviewers, excluded)

    if delta is None:
        delta, expected_sum = _metric(level, counts, order)
    assert expected_sum is not None

    observed = 0.0
    for _, unit in pairable:
        m = len(unit)
        within = Counter(unit)
        if len(within) == 1:
            continue
        s = 0.0
        for (c, nc), (k, nk) in itertools.permutations(within.items(), 2):
            s += nc * nk * delta(c, k)
        observed += s / (m - 1)
    expected = expected_sum(counts)
    d_o = observed / n
    d_e = expected / (n * (n - 1))
    if expected <= 0.0:
        return AlphaResult(level, None, d_o, d_e, len(pairable), n, n_reviewers, excluded)
    alpha = 1.0 - (n - 1) * observed / expected
    return AlphaResult(level, alpha, d_o, d_e, len(pairable), n, n_reviewers, excluded)


def _metric(
    level: Level, counts: Counter, order: Sequence[Hashable] | None
) -> tuple[Callable[[Any, Any], float], Callable[[Counter], float]]:
    if level is Level.NOMINAL:

        def nominal(c: Any, k: Any) -> float:
            return 0.0 if c == k else 1.0

        def nominal_expected(cnt: Counter) -> float:
            n = sum(cnt.values())
            return float(n * n - sum(v * v for v in cnt.values()))

        return nominal, nominal_expected

    if level is Level.ORDINAL:
        assert order is not None
        marg = np.array([counts.get(label, 0) for label in order], dtype=float)
        cum = np.concatenate([[0.0], np.cumsum(marg)])
        rank = {label: i for i, label in enumerate(order)}
        # d2[i, j] = (sum_{g=i..j} n_g - (n_i + n_j) / 2)^2 for i <= j, symmetric
        i_idx, j_idx = np.meshgrid(np.arange(len(order)), np.arange(len(order)), indexing="ij")
        lo, hi = np.minimum(i_idx, j_idx), np.maximum(i_idx, j_idx)
        d2 = (cum[hi + 1] - cum[lo] - (marg[i_idx] + marg[j_idx]) / 2.0) ** 2
        np.fill_diagonal(d2, 0.0)

        def ordinal(c: Any, k: Any) -> float:
            return float(d2[rank[c], rank[k]])

        def ordinal_expected(cnt: Counter) -> float:
            return float(marg @ d2 @ marg)

        return ordinal, ordinal_expected

    if level is Level.INTERVAL:

        def interval(c: Any, k: Any) -> float:
            return float((c - k) ** 2)

        def interval_expected(cnt: Counter) -> float:
            # sum_ck n_c n_k (c - k)^2 = 2 (n sum n_c c^2 - (sum n_c c)^2), computed around the mean
            vals = np.array(list(cnt.keys()), dtype=float)
            w = np.array(list(cnt.values()), dtype=float)
            n = w.sum()
            centred = vals - (w @ vals) / n
            return float(2.0 * n * (w @ (centred * centred)))

        return interval, interval_expected

    if level is Level.RATIO:

        def ratio(c: Any, k: Any) -> float:
            s = c + k
            return 0.0 if s == 0 else float(((c - k) / s) ** 2)

        def ratio_block(a: np.ndarray, b: np.ndarray) -> np.ndarray:
            s = a[:, None] + b[None, :]
            diff = a[:, None] - b[None, :]
            with np.errstate(divide="ignore", invalid="ignore"):
                out = np.where(s == 0, 0.0, (diff / np.where(s == 0, 1.0, s)) ** 2)
            return out

        def ratio_expected(cnt: Counter) -> float:
            vals = np.array(list(cnt.keys()), dtype=float)
            w = np.array(list(cnt.values()), dtype=float)
            return _pairwise_weighted_sum(vals, w, ratio_block)

        return ratio, ratio_expected

    raise AssertionError(level)  # pragma: no cover


def _pairwise_weighted_sum(
    vals: np.ndarray, w: np.ndarray, block: Callable[[np.ndarray, np.ndarray], np.ndarray], chunk: int = 2048
) -> float:
    """sum_{c,k} w_c w_k block(c, k) over distinct values, a chunk of rows at a time to bound memory."""
    total = 0.0
    for start in range(0, len(vals), chunk):
        part = block(vals[start : start + chunk], vals)
        total += float(w[start : start + chunk] @ part @ w)
    return total


def percent_agreement(ratings: Iterable[Rating]) -> float | None:
    """Share of agreeing pairs among all pairs of reviewers who labelled the same item."""
    return _percent_agreement(_table(ratings))


def _percent_agreement(table: Mapping[str, Mapping[str, Hashable]]) -> float | None:
    pairs = agree = 0
    for labels in table.values():
        m = len(labels)
        if m < 2:
            continue
        pairs += m * (m - 1) // 2
        agree += sum(c * (c - 1) // 2 for c in Counter(labels.values()).values())
    return agree / pairs if pairs else None


# --------------------------------------------------------------------------------------------------------
# Extraction corrections


def correction_agreement(
    corrections: Iterable[Correction], *, rel_tol: float = 1e-3, abs_tol: float = 0.0
) -> CorrectionAgreement:
    """Agreement on corrected values: two values agree when ``math.isclose(a, b, rel_tol, abs_tol)`` holds
    (for tuples, component by component). Returns pair agreement, alpha with that difference function,
    and the items where reviewers disagree."""
    if rel_tol < 0 or abs_tol < 0:
        raise InputError(_SOURCE, "tolerances must be zero or more")
    table: dict[str, dict[str, tuple[float, ...]]] = defaultdict(dict)
    width: int | None = None
    for c in corrections:
        if c.value is None:
            continue
        vec = _as_vector(c)
        if width is None:
            width = len(vec)
        elif len(vec) != width:
            raise InputError(
                _SOURCE,
                f"item {c.item_id!r}, reviewer {c.reviewer!r}: value has {len(vec)} numbers, earlier values "
                f"have {width}; give every correction the same shape (a number, or (low, high))",
            )
        if c.reviewer in table[c.item_id]:
            raise InputError(_SOURCE, f"item {c.item_id!r} has two corrections from reviewer {c.reviewer!r}")
        table[c.item_id][c.reviewer] = vec

    def close(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
        return all(math.isclose(x, y, rel_tol=rel_tol, abs_tol=abs_tol) for x, y in zip(a, b))

    n_items = n_pairs = n_agree = 0
    disagreements: list[str] = []
    for item, values in table.items():
        vals = list(values.values())
        if len(vals) < 2:
            continue
        n_items += 1
        ok = 0
        pairs = 0
        for a, b in itertools.combinations(vals, 2):
            pairs += 1
            ok += close(a, b)
        n_pairs += pairs
        n_agree += ok
        if ok < pairs:
            disagreements.append(item)

    def delta(a: tuple[float, ...], b: tuple[float, ...]) -> float:
        return 0.0 if close(a, b) else 1.0

    def block(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        x, y = a[:, None, :], b[None, :, :]
        bound = np.maximum(rel_tol * np.maximum(np.abs(x), np.abs(y)), abs_tol)
        return np.where(np.all(np.abs(x - y) <= bound, axis=2), 0.0, 1.0)

    def expected(cnt: Counter) -> float:
        keys = list(cnt.keys())
        vals = np.array(keys, dtype=float).reshape(len(keys), width or 1)
        w = np.array([cnt[k] for k in keys], dtype=float)
        return _pairwise_weighted_sum(vals, w, block)

    units = [list(v.values()) for v in table.values()]
    reviewers = [list(v.keys()) for v in table.values()]
    alpha = _alpha(units, Level.NOMINAL, order=None, reviewers=reviewers, delta=delta, expected_sum=expected)
    return CorrectionAgreement(
        rel_tol=rel_tol,
        abs_tol=abs_tol,
        n_items=n_items,
        n_pairs=n_pairs,
        n_agreeing_pairs=n_agree,
        percent_agreement=n_agree / n_pairs if n_pairs else None,
        alpha=alpha,
        disagreements=tuple(sorted(disagreements)),
    )


def _as_vector(c: Correction) -> tuple[float, ...]:
    raw = c.value if isinstance(c.value, tuple) else (c.value,)
    out = []
    for x in raw:
        if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x):
            raise InputError(
                _SOURCE, f"item {c.item_id!r}, reviewer {c.reviewer!r}: {x!r} is not a finite number"
            )
        out.append(float(x))
    if not out:
        raise InputError(_SOURCE, f"item {c.item_id!r}, reviewer {c.reviewer!r}: empty value")
    return tuple(out)


# --------------------------------------------------------------------------------------------------------
# Breakdowns and the report


def breakdown(
    ratings: Iterable[Rating], dimension: Dimension | str, *, order: Sequence[Hashable] | None = None
) -> list[GroupAgreement]:
    """Agreement per value of ``dimension`` (story, outlet or kind), sorted by key.

    Items without a value for the dimension are left out of this breakdown.
    """
    dimension = Dimension(dimension)
    ratings = list(ratings)
    table = _table(ratings)
    attrs = _attributes(ratings)
    groups: dict[str, dict[str, dict[str, Hashable]]] = defaultdict(dict)
    for item, labels in table.items():
        key = getattr(attrs[item], dimension.value)
        if key is not None:
            groups[key][item] = labels
    out = []
    for key in sorted(groups):
        sub = groups[key]
        out.append(
            GroupAgreement(
                dimension=dimension,
                key=key,
                n_items=len(sub),
                n_ratings=sum(len(v) for v in sub.values()),
                n_reviewers=len({r for v in sub.values() for r in v}),
                percent_agreement=_percent_agreement(sub),
                alpha_nominal=_alpha_from_table(sub, Level.NOMINAL, None),
                alpha_ordinal=_alpha_from_table(sub, Level.ORDINAL, order) if order is not None else None,
            )
        )
    return out


def agreement_report(
    ratings: Iterable[Rating],
    *,
    order: Sequence[Hashable] | None = None,
    dimensions: Sequence[Dimension | str] = tuple(Dimension),
) -> AgreementReport:
    """Everything the agreement dashboard shows: overall alpha (nominal, and ordinal when ``order`` is
    given), percent agreement, kappa per reviewer pair and breakdowns per dimension."""
    ratings = list(ratings)
    table = _table(ratings)
    return AgreementReport(
        n_items=len(table),
        n_ratings=sum(len(v) for v in table.values()),
        reviewers=tuple(sorted({r for v in table.values() for r in v})),
        percent_agreement=_percent_agreement(table),
        alpha_nominal=_alpha_from_table(table, Level.NOMINAL, None),
        alpha_ordinal=_alpha_from_table(table, Level.ORDINAL, order) if order is not None else None,
        pairs=tuple(pairwise_kappa(ratings)),
        breakdowns=tuple(g for d in dimensions for g in breakdown(ratings, d, order=order)),
    )


CSV_COLUMNS: tuple[str, ...] = (
    "scope",
    "dimension",
    "key",
    "reviewer_a",
    "reviewer_b",
    "items",
    "ratings",
    "reviewers",
    "percent_agreement",
    "expected_agreement",
    "kappa",
    "alpha_nominal",
    "alpha_ordinal",
)


def report_rows(report: AgreementReport) -> list[dict[str, str | int | float | None]]:
    """The report as rows with the keys of :data:`CSV_COLUMNS` (None for an empty cell): one ``overall``
    row, one ``pair`` row per reviewer pair and one ``breakdown`` row per group. Cells that hold names
    are untrusted text: write them with the project's CSV writer, which neutralises formulas."""
    rows: list[dict[str, str | int | float | None]] = []

    def row(**kw: Any) -> dict[str, Any]:
        r = dict.fromkeys(CSV_COLUMNS)
        r.update(kw)
        return r

    rows.append(
        row(
            scope="overall",
            items=report.n_items,
            ratings=report.n_ratings,
            reviewers=len(report.reviewers),
            percent_agreement=report.percent_agreement,
            alpha_nominal=report.alpha_nominal.alpha,
            alpha_ordinal=report.alpha_ordinal.alpha if report.alpha_ordinal else None,
        )
    )
    for p in report.pairs:
        rows.append(
            row(
                scope="pair",
                reviewer_a=p.reviewer_a,
                reviewer_b=p.reviewer_b,
                items=p.n_items,
                reviewers=2,
                percent_agreement=p.observed_agreement,
                expected_agreement=p.expected_agreement,
                kappa=p.kappa,
            )
        )
    for g in report.breakdowns:
        rows.append(
            row(
                scope="breakdown",
                dimension=g.dimension.value,
                key=g.key,
                items=g.n_items,
                ratings=g.n_ratings,
                reviewers=g.n_reviewers,
                percent_agreement=g.percent_agreement,
                alpha_nominal=g.alpha_nominal.alpha,
                alpha_ordinal=g.alpha_ordinal.alpha if g.alpha_ordinal else None,
            )
        )
    return rows


# --------------------------------------------------------------------------------------------------------
# Input checking


@dataclass(frozen=True, slots=True)
class _Attrs:
    story: str | None
    outlet: str | None
    kind: str | None


def _table(ratings: Iterable[Rating]) -> dict[str, dict[str, Hashable]]:
    """item -> reviewer -> label, without missing labels; a second label for the same pair is refused."""
    table: dict[str, dict[str, Hashable]] = {}
    for r in ratings:
        if r.label is None:
            table.setdefault(r.item_id, {})
            continue
        labels = table.setdefault(r.item_id, {})
        if r.reviewer in labels:
            raise InputError(
                _SOURCE,
                f"item {r.item_id!r} has two labels from reviewer {r.reviewer!r} "
                f"({labels[r.reviewer]!r} and {r.label!r}); give one label per reviewer and item",
            )
        labels[r.reviewer] = r.label
    return {k: v for k, v in table.items() if v}


def _attributes(ratings: Iterable[Rating]) -> dict[str, _Attrs]:
    seen: dict[str, dict[str, str | None]] = {}
    for r in ratings:
        cur = seen.setdefault(r.item_id, {"story": None, "outlet": None, "kind": None})
        for name in ("story", "outlet", "kind"):
            val = getattr(r, name)
            if val is None:
                continue
            if cur[name] is not None and cur[name] != val:
                raise InputError(
                    _SOURCE,
                    f"item {r.item_id!r} has two different {name}s ({cur[name]!r} and {val!r}); "
                    f"an item's {name} must be the same on every rating",
                )
            cur[name] = val
    return {k: _Attrs(**v) for k, v in seen.items()}
