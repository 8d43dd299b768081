"""Agreement statistics, checked against published worked examples and against their defining properties."""

from __future__ import annotations

import itertools
import math
import random

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from workbench.agreement import (
    CSV_COLUMNS,
    Correction,
    Dimension,
    Level,
    Rating,
    agreement_report,
    alpha_for_ratings,
    breakdown,
    cohen_kappa,
    correction_agreement,
    krippendorff_alpha,
    pairwise_kappa,
    percent_agreement,
    report_rows,
    units_from_matrix,
)
from workbench.errors import InputError

N = None

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers x 12 units,
# values 1..5, "." = missing. Published: nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797; n.. = 40.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],  # observer A
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],  # observer B
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],  # observer C
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],  # observer D
]

# Wikipedia, "Krippendorff's alpha", section "A computational example": 3 coders x 15 units, values 1..4.
# Published: nominal 0.691, interval 0.811.
WIKIPEDIA_ALPHA = [
    [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
    [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
    [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
]


def matrix_ratings(matrix, labels=None):
    """Rating rows from an observers x units matrix (observer names A, B, ...)."""
    rows = []
    for o, row in enumerate(matrix):
        for u, v in enumerate(row):
            if v is not None:
                rows.append(Rating(f"u{u + 1}", "ABCDEFGH"[o], labels[v] if labels else v))
    return rows


@pytest.mark.parametrize(
    ("level", "published"),
    [(Level.NOMINAL, 0.743), (Level.ORDINAL, 0.815), (Level.INTERVAL, 0.849), (Level.RATIO, 0.797)],
)
def test_krippendorff_2011_worked_example(level, published):
    result = krippendorff_alpha(units_from_matrix(KRIPPENDORFF_2011), level, order=[1, 2, 3, 4, 5])
    assert round(result.alpha, 3) == published
    assert result.n_values == 40  # n.. in the paper's coincidence matrix
    assert result.n_units == 11  # unit 12 holds a single value and is not pairable


def test_krippendorff_2011_nominal_from_the_coincidence_matrix():
    # The paper's coincidence matrix has marginals n_c = 9, 13, 10, 5, 3 (n = 40) and off-diagonal sum 8:
    # alpha = 1 - (n - 1) * 8 / (n^2 - sum n_c^2) = 1 - 39 * 8 / 1216.
    result = krippendorff_alpha(units_from_matrix(KRIPPENDORFF_2011))
    assert result.alpha == pytest.approx(1 - 39 * 8 / 1216, abs=1e-12)
    assert result.observed_disagreement == pytest.approx(8 / 40, abs=1e-12)
    assert result.expected_disagreement == pytest.approx(1216 / (40 * 39), abs=1e-12)


def test_krippendorff_2011_from_rating_rows_with_text_labels():
    labels = {1: "Accurate", 2: "Mostly accurate", 3: "Misleading", 4: "Inaccurate", 5: "False"}
    ratings = matrix_ratings(KRIPPENDORFF_2011, labels)
    order = [labels[i] for i in range(1, 6)]
    nominal = alpha_for_ratings(ratings, Level.NOMINAL)
    ordinal = alpha_for_ratings(ratings, "ordinal", order=order)
    assert round(nominal.alpha, 3) == 0.743
    assert round(ordinal.alpha, 3) == 0.815
    assert nominal.n_reviewers == 4


@pytest.mark.parametrize(("level", "published"), [(Level.NOMINAL, 0.691), (Level.INTERVAL, 0.811)])
def test_wikipedia_alpha_computational_example(level, published):
    result = krippendorff_alpha(units_from_matrix(WIKIPEDIA_ALPHA), level)
    assert round(result.alpha, 3) == published


def test_wikipedia_cohen_kappa_example():
    # Wikipedia, "Cohen's kappa", simple example: 50 grant proposals, readers A and B.
    # A yes/B yes 20, A yes/B no 5, A no/B yes 10, A no/B no 15 -> p_o 0.7, p_e 0.5, kappa 0.4.
    pairs = [("Yes", "Yes")] * 20 + [("Yes", "No")] * 5 + [("No", "Yes")] * 10 + [("No", "No")] * 15
    k = cohen_kappa(pairs)
    assert k.n_items == 50
    assert k.observed_agreement == pytest.approx(0.7)
    assert k.expected_agreement == pytest.approx(0.5)
    assert k.kappa == pytest.approx(0.4)

    ratings = []
    for i, (a, b) in enumerate(pairs):
        ratings += [Rating(f"p{i}", "reader A", a), Rating(f"p{i}", "reader B", b)]
    (pair,) = pairwise_kappa(ratings)
    assert (pair.reviewer_a, pair.reviewer_b, pair.n_items) == ("reader A", "reader B", 50)
    assert pair.kappa == pytest.approx(0.4)


def test_kappa_uses_only_items_both_reviewers_labelled():
    ratings = [
        Rating("1", "a", "x"), Rating("1", "b", "x"),
        Rating("2", "a", "y"), Rating("2", "b", "y"),
        Rating("3", "a", "x"), Rating("3", "c", "y"),
        Rating("4", "b", "y"),
    ]
    pairs = {(p.reviewer_a, p.reviewer_b): p for p in pairwise_kappa(ratings)}
    assert pairs[("a", "b")].n_items == 2 and pairs[("a", "b")].kappa == pytest.approx(1.0)
    assert pairs[("a", "c")].n_items == 1
    assert pairs[("b", "c")].n_items == 0 and pairs[("b", "c")].kappa is None


@pytest.mark.parametrize(
    ("units", "why"),
    [
        ([["a", "a"], ["a", "a", "a"]], "one value used throughout"),
        ([["a"], ["b"], []], "no unit holds two values"),
        ([], "no data"),
    ],
)
def test_alpha_is_none_when_undefined(units, why):
    assert krippendorff_alpha(units).alpha is None, why


def test_kappa_is_none_when_chance_agreement_is_one():
    assert cohen_kappa([("x", "x")] * 5).kappa is None
    assert cohen_kappa([]).kappa is None


def test_ordinal_leaves_out_labels_off_the_order_and_counts_them():
    units = [["low", "low", "n/a"], ["high", "high"], ["low", "n/a"]]
    result = krippendorff_alpha(units, Level.ORDINAL, order=["low", "mid", "high"])
    assert result.n_excluded == 2
    assert result.n_units == 2
    assert result.alpha == pytest.approx(1.0)


def test_ordinal_needs_an_order():
    with pytest.raises(InputError, match="order"):
        krippendorff_alpha([[1, 2]], Level.ORDINAL)


def test_interval_refuses_text():
    with pytest.raises(InputError, match="interval alpha needs finite numbers; got 'x'"):
        krippendorff_alpha([["x", 1]], Level.INTERVAL)


def test_two_labels_from_one_reviewer_on_one_item_are_refused():
    with pytest.raises(InputError, match="item 'c1' has two labels from reviewer 'ann'"):
        alpha_for_ratings([Rating("c1", "ann", "x"), Rating("c1", "ann", "y"), Rating("c1", "bob", "x")])


def test_conflicting_item_attributes_are_refused():
    ratings = [Rating("c1", "ann", "x", outlet="Daily"), Rating("c1", "bob", "x", outlet="Herald")]
    with pytest.raises(InputError, match="item 'c1' has two different outlets"):
        breakdown(ratings, Dimension.OUTLET)


def test_matrix_rows_must_have_equal_length():
    with pytest.raises(InputError, match="row 2 of the reliability matrix has 2 cells"):
        units_from_matrix([[1, 2, 3], [1, 2]])


# --------------------------------------------------------------------------------------------------------
# Properties

LABELS = ["Accurate", "Mostly accurate", "Misleading", "Inaccurate", "Unverifiable"]

reliability_matrix = st.integers(2, 5).flatmap(
    lambda observers: st.integers(2, 25).flatmap(
        lambda units: st.lists(
            st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=units, max_size=units),
            min_size=observers,
            max_size=observers,
        )
    )
)


def _has_two_values(units):
    return any(len(u) >= 2 for u in units) and len({v for u in units if len(u) >= 2 for v in u}) >= 2


@given(reliability_matrix)
@settings(max_examples=200, deadline=None)
def test_alpha_matches_the_krippendorff_package(matrix):
    import krippendorff as kd  # a dev dependency (pyproject.toml): missing is an error, not a skip
    import numpy as np
    units = units_from_matrix(matrix)
    assume(_has_two_values(units))
    data = np.array([[np.nan if v is None else v for v in row] for row in matrix], dtype=float)
    for level in Level:
        ours = krippendorff_alpha(units, level, order=[1, 2, 3, 4, 5])
        theirs = kd.alpha(reliability_data=data, level_of_measurement=level.value, value_domain=[1, 2, 3, 4, 5])
        assert ours.alpha == pytest.approx(theirs, abs=1e-9), level


@st.composite
def perfect_agreement(draw):
    n_items = draw(st.integers(2, 40))
    reviewers = draw(st.lists(st.text("abcdefgh", min_size=1, max_size=4), min_size=2, max_size=5, unique=True))
    truth = draw(st.lists(st.sampled_from(LABELS), min_size=n_items, max_size=n_items))
    assume(len(set(truth)) >= 2)
    rows = []
    for i, label in enumerate(truth):
        who = draw(st.lists(st.sampled_from(reviewers), min_size=2, unique=True))
        rows += [Rating(f"i{i}", r, label) for r in who]
    return rows


@given(perfect_agreement())
@settings(max_examples=100, deadline=None)
def test_perfect_agreement_gives_one(rows):
    assert alpha_for_ratings(rows).alpha == pytest.approx(1.0)
    assert alpha_for_ratings(rows, Level.ORDINAL, order=LABELS).alpha == pytest.approx(1.0)
    assert percent_agreement(rows) == 1.0
    for pair in pairwise_kappa(rows):
        assert pair.kappa is None or pair.kappa == pytest.approx(1.0)


@given(st.integers(0, 2**32 - 1), st.integers(2, 5), st.integers(2, 4))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_independent_random_labels_give_about_zero(seed, n_labels, n_reviewers):
    rng = random.Random(seed)
    labels = LABELS[:n_labels]
    reviewers = [f"r{k}" for k in range(n_reviewers)]
    rows = [Rating(f"i{i}", r, rng.choice(labels)) for i in range(5000) for r in reviewers]
    # Standard error is about 1/sqrt(5000) = 0.014 for two labels; 0.08 is over five standard errors.
    assert abs(alpha_for_ratings(rows).alpha) < 0.08
    assert abs(alpha_for_ratings(rows, Level.ORDINAL, order=labels).alpha) < 0.08
    for pair in pairwise_kappa(rows):
        assert abs(pair.kappa) < 0.08


@st.composite
def ratings_with_gaps(draw):
    n_items = draw(st.integers(1, 30))
    reviewers = ["ann", "bob", "cy", "dee"]
    rows = []
    for i in range(n_items):
        for r in reviewers:
            label = draw(st.one_of(st.none(), st.sampled_from(LABELS)))
            if label is not None:
                rows.append(Rating(f"i{i}", r, label, story=f"s{i % 3}", outlet=f"o{i % 2}", kind="count"))
    return rows


@given(ratings_with_gaps(), st.randoms(use_true_random=False))
@settings(max_examples=100, deadline=None)
def test_order_of_reviewers_and_items_does_not_matter(rows, rnd):
    before = agreement_report(rows, order=LABELS)
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    # Rename reviewers by a random permutation: the statistics must not depend on who is "first".
    names = sorted({r.reviewer for r in rows})
    perm = dict(zip(names, rnd.sample(names, len(names))))
    renamed = [Rating(r.item_id, perm[r.reviewer], r.label, r.story, r.outlet, r.kind) for r in shuffled]
    after = agreement_report(renamed, order=LABELS)

    def same(x, y):
        return (x is None and y is None) or (x is not None and y is not None and math.isclose(x, y, abs_tol=1e-9))

    assert same(before.alpha_nominal.alpha, after.alpha_nominal.alpha)
    assert same(before.alpha_ordinal.alpha, after.alpha_ordinal.alpha)
    assert same(before.percent_agreement, after.percent_agreement)
    kb = {frozenset((perm[p.reviewer_a], perm[p.reviewer_b])): p.kappa for p in before.pairs}
    ka = {frozenset((p.reviewer_a, p.reviewer_b)): p.kappa for p in after.pairs}
    assert kb.keys() == ka.keys()
    for k in kb:
        assert same(kb[k], ka[k])
    assert [(g.dimension, g.key) for g in before.breakdowns] == [(g.dimension, g.key) for g in after.breakdowns]
    for gb, ga in zip(before.breakdowns, after.breakdowns):
        assert same(gb.alpha_nominal.alpha, ga.alpha_nominal.alpha)
        assert same(gb.alpha_ordinal.alpha, ga.alpha_ordinal.alpha)
        assert same(gb.percent_agreement, ga.percent_agreement)


@given(st.lists(st.tuples(st.sampled_from(LABELS), st.sampled_from(LABELS)), max_size=60))
@settings(max_examples=200, deadline=None)
def test_kappa_is_symmetric_in_reviewer_order(pairs):
    ab = cohen_kappa(pairs)
    ba = cohen_kappa([(b, a) for a, b in pairs])
    if ab.kappa is None:
        assert ba.kappa is None
    else:
        assert ab.kappa == pytest.approx(ba.kappa, abs=1e-12)
        assert -1.0 <= ab.kappa <= 1.0


# --------------------------------------------------------------------------------------------------------
# Corrections


@pytest.mark.parametrize(
    ("a", "b", "rel_tol", "abs_tol", "agree"),
    [
        (2.3e9, 2.3e9, 1e-3, 0.0, True),
        (2.3e9, 2.301e9, 1e-3, 0.0, True),  # 0.04 % apart
        (2.3e9, 2.31e9, 1e-3, 0.0, False),  # 0.4 % apart
        (0.0, 0.0004, 0.0, 0.001, True),
        (0.0, 0.0004, 1e-3, 0.0, False),  # relative tolerance alone never matches zero
        ((250.0, 600.0), (250.0, 600.2), 1e-3, 0.0, True),
        ((250.0, 600.0), (250.0, 650.0), 1e-3, 0.0, False),
    ],
)
def test_correction_tolerance(a, b, rel_tol, abs_tol, agree):
    result = correction_agreement(
        [Correction("c1", "ann", a), Correction("c1", "bob", b)], rel_tol=rel_tol, abs_tol=abs_tol
    )
    assert result.n_items == 1 and result.n_pairs == 1
    assert result.n_agreeing_pairs == int(agree)
    assert result.disagreements == (() if agree else ("c1",))


def test_correction_alpha_counts_tolerance_as_agreement():
    rows = []
    for i, v in enumerate([10.0, 25.0, 3.5, 1e6]):
        rows += [Correction(f"c{i}", "ann", v), Correction(f"c{i}", "bob", v * (1 + 1e-5)), Correction(f"c{i}", "cy", v)]
    result = correction_agreement(rows, rel_tol=1e-4)
    assert result.alpha.alpha == pytest.approx(1.0)
    assert result.percent_agreement == 1.0
    strict = correction_agreement(rows, rel_tol=1e-9)
    assert strict.alpha.alpha < 0.5
    assert strict.disagreements == ("c0", "c1", "c2", "c3")


@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), min_size=2, max_size=40))
@settings(max_examples=100, deadline=None)
def test_correction_alpha_with_zero_tolerance_is_nominal_alpha(pairs):
    units = [[float(a), float(b)] for a, b in pairs]
    rows = [Correction(f"c{i}", r, v) for i, u in enumerate(units) for r, v in zip(("ann", "bob"), u)]
    nominal = krippendorff_alpha(units)
    corr = correction_agreement(rows, rel_tol=0.0, abs_tol=0.0)
    if nominal.alpha is None:
        assert corr.alpha.alpha is None
    else:
        assert corr.alpha.alpha == pytest.approx(nominal.alpha, abs=1e-12)


def test_correction_shapes_must_match():
    with pytest.raises(InputError, match="value has 2 numbers, earlier values have 1"):
        correction_agreement([Correction("c1", "ann", 3.0), Correction("c1", "bob", (3.0, 4.0))])


def test_correction_refuses_nan():
    with pytest.raises(InputError, match="item 'c1', reviewer 'ann': nan is not a finite number"):
        correction_agreement([Correction("c1", "ann", float("nan"))])


# --------------------------------------------------------------------------------------------------------
# Breakdowns and rows


def _two_story_ratings():
    rows = []
    # story "budget": reviewers always agree; story "strike": they never agree
    for i, label in enumerate(["Accurate", "Misleading", "Inaccurate"]):
        rows += [Rating(f"b{i}", r, label, story="budget", outlet="Daily", kind="money") for r in ("ann", "bob")]
    for i, (x, y) in enumerate([("Accurate", "Inaccurate"), ("Misleading", "Accurate"), ("Inaccurate", "Misleading")]):
        rows += [
            Rating(f"s{i}", "ann", x, story="strike", outlet="Herald", kind="count"),
            Rating(f"s{i}", "bob", y, story="strike", outlet="Herald", kind="count"),
        ]
    rows.append(Rating("x0", "ann", "Accurate"))  # no story: left out of the story breakdown
    rows.append(Rating("x0", "bob", "Accurate"))
    return rows


def test_breakdown_per_story():
    groups = {g.key: g for g in breakdown(_two_story_ratings(), Dimension.STORY, order=LABELS)}
    assert set(groups) == {"budget", "strike"}
    assert groups["budget"].alpha_nominal.alpha == pytest.approx(1.0)
    assert groups["budget"].percent_agreement == 1.0
    assert groups["strike"].percent_agreement == 0.0
    assert groups["strike"].alpha_nominal.alpha < 0
    assert (groups["strike"].n_items, groups["strike"].n_ratings, groups["strike"].n_reviewers) == (3, 6, 2)
    # a breakdown group's alpha is alpha over that group's ratings alone
    strike_rows = [r for r in _two_story_ratings() if r.story == "strike"]
    assert groups["strike"].alpha_ordinal.alpha == pytest.approx(
        alpha_for_ratings(strike_rows, Level.ORDINAL, order=LABELS).alpha
    )


def test_report_rows_are_csv_ready():
    report = agreement_report(_two_story_ratings(), order=LABELS)
    rows = report_rows(report)
    assert all(tuple(r) == CSV_COLUMNS for r in rows)
    scopes = [r["scope"] for r in rows]
    assert scopes.count("overall") == 1 and scopes.count("pair") == 1
    assert {(r["dimension"], r["key"]) for r in rows if r["scope"] == "breakdown"} == {
        ("story", "budget"), ("story", "strike"), ("outlet", "Daily"), ("outlet", "Herald"),
        ("kind", "money"), ("kind", "count"),
    }
    overall = rows[0]
    assert overall["items"] == 7 and overall["ratings"] == 14 and overall["reviewers"] == 2
    assert overall["alpha_nominal"] == pytest.approx(report.alpha_nominal.alpha)
    for r in rows:
        for v in r.values():
            assert v is None or isinstance(v, (str, int, float))


def test_report_pairs_cover_every_reviewer_pair():
    rows = [Rating(f"i{i}", r, LABELS[(i + k) % 3]) for i in range(6) for k, r in enumerate("pqrs")]
    report = agreement_report(rows)
    assert [(p.reviewer_a, p.reviewer_b) for p in report.pairs] == list(itertools.combinations("pqrs", 2))
