"""Fit the pair model of workbench.group on labelled pairs, write its weights, print an ablation.

    python bench/fit_grouping.py [--write] [--sets dev,stories,heldout,sample,cases,longform1,longform2]
                                 [--kind KIND] [--long-weight W] [--no-ablation] [--cross]

Needs scikit-learn (``pip install scikit-learn``; the grouping itself does not: it applies the weights with
numpy). The labelled sets are the gold files (claims with a ``fact``: ../shared/gold/dev.jsonl,
tests/data/stories.jsonl, tests/data/heldout.jsonl, tests/data/longform1.jsonl and longform2.jsonl), the
sample articles in data/ with the facts labelled in tests/test_group.py, and the hand-written cases there
and in tests/test_group_patterns.py (each case a corpus of its own); tests/data/longform3.jsonl is left out,
the check on coverage the model never saw. For each set the extractor's claims are read as `workbench eval`
reads them; a candidate pair the grouping scores (claims of different articles, and differing figures of
one article) is positive when both claims match gold claims of one fact, negative when they match gold
claims of different facts (pairs with an unmatched claim are left out). The kind of model (:data:`KINDS`:
logistic regression with or without balanced classes, gradient-boosted trees of a few depths and leaf
sizes), and how much each long-form pair counts (:data:`LONG_WEIGHTS`), are the ones with the best mean
leave-one-set-out F1 among those that keep, fitted on everything, the floor on the short sets
(:data:`IN_SAMPLE_FLOOR`); ``--kind`` and ``--long-weight`` force them. ``--cross`` adds the pairs between
claims of different sets read as one archive, all negative.

Printed: for each set, the pairwise F1 of the final grouping (as `workbench eval` scores it) with the model
fitted on all sets and with the model fitted on the other sets only (leave one set out: the figure that
says how the model does on coverage it has not seen); then the ablation: the same two figures, averaged
over the sets, with each feature left out. ``--write`` stores the model in workbench/group_weights.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

try:  # scikit-learn on the path turns on quantulum3's own unit classifier; the extractor runs without it
    import quantulum3.classifier as _qclf

    _qclf.USE_CLF = False
except ImportError:  # pragma: no cover
    pass

from workbench import group as G  # noqa: E402
from workbench.evaluate import load_gold, match_article  # noqa: E402
from workbench.extract import shared_extractor  # noqa: E402
from workbench.models import Claim  # noqa: E402

GOLD = {
    "dev": ROOT.parent.parent / "shared" / "gold" / "dev.jsonl",
    "stories": ROOT / "tests" / "data" / "stories.jsonl",
    "heldout": ROOT / "tests" / "data" / "heldout.jsonl",
    "longform1": ROOT / "tests" / "data" / "longform1.jsonl",
    "longform2": ROOT / "tests" / "data" / "longform2.jsonl",
    "longform3": ROOT / "tests" / "data" / "longform3.jsonl",
}


def _gold_path(name: str) -> Path:
    if name == "dev":
        for cand in (ROOT.parent / "shared" / "gold" / "dev.jsonl", Path("/work/shared/gold/dev.jsonl")):
            if cand.exists():
                return cand
    return GOLD[name]


def load_set(name: str) -> list[tuple[list[Claim], dict[str, str]]]:
    """The corpora of one labelled set: the extractor's claims and the fact of each claim matched to a gold
    claim. "cases" are the hand-written cases of tests/test_group.py, each a corpus of its own."""
    if name in ("sample", "cases"):
        sys.path.insert(0, str(ROOT / "tests"))
        import test_group as T  # the sample's facts and the cases are labelled beside their tests

        if name == "sample":
            return [T.sample_corpus()]
        import test_group_patterns as P

        cases = [*T.CASES.values(), *T.CROSS_STORY_TRAPS.values(), T.HELD_OUT, *P.MUST_LINK.values(),
                 *P.MUST_STAY_APART.values()]
        return [T.build(c) for c in cases]
    claims: list[Claim] = []
    facts: dict[str, str] = {}
    for g in load_gold(_gold_path(name)):
        predicted = shared_extractor().extract(g.article)
        claims += predicted
        facts.update({p.id: gc.fact for gc, p in match_article(g, predicted) if gc.fact})
    return [(claims, facts)]


def labelled_pairs(corpora: list[tuple[list[Claim], dict[str, str]]]) -> tuple[dict[str, np.ndarray], np.ndarray]:
    xs, ys = [], []
    for claims, facts in corpora:
        ia, ib, x = G.pair_features(claims)
        keep = np.array([a in facts and b in facts for a, b in zip(ia, ib)], dtype=bool)
        y = np.array([facts.get(a) == facts.get(b) for a, b in zip(ia, ib)], dtype=bool)
        xs.append({k: v[keep] for k, v in x.items()})
        ys.append(y[keep])
    return {k: np.concatenate([x[k] for x in xs]) for k in G.FEATURES}, np.concatenate(ys)


# The tree models tried: (boosting rounds, depth, fewest pairs a leaf). Depth lets features interact (a wide
# value gap matters less when the quantities read alike); a floor on a leaf's pairs keeps a rule from being
# drawn from a handful of pairs; more rounds fit more finely.
TREE_KINDS = {
    "trees": (40, 3, 1),
    "smooth-trees": (40, 3, 25),
    "shallow-trees": (40, 2, 25),
    "deep-trees": (40, 4, 25),
    "smooth-trees-80": (80, 3, 25),
    "leafy-trees": (40, 3, 10),
    "leafy-trees-80": (80, 3, 10),
    "fine-trees-80": (80, 3, 5),
    "deep-trees-80": (80, 4, 10),
    "leafy-trees-120": (120, 3, 10),
    "deeper-trees-80": (80, 5, 10),
}
# The long-form sets are few articles with many pairs each: their pairs may count for less than the short
# sets' (a weight of each long-form pair in the fit), so that the short sets' floor still holds. Each weight
# is tried with each kind of model, and chosen as the kind is.
LONG_WEIGHTS = (1.0, 0.3)
LEARNING_RATE = 0.2
IN_SAMPLE_FLOOR = 0.95  # what the model fitted on all sets must keep: pairwise F1 on each gold file (as
GOLD_SETS = ("dev", "stories", "heldout")  # `workbench eval` reports it), precision and recall each on the
FLOOR_PR_SETS = ("sample",)  # sample articles (what tests/test_group.py requires of them)


def fit(xs: list[dict[str, np.ndarray]], ys: list[np.ndarray], features: tuple[str, ...], kind: str,
        weights: list[float] | None = None) -> G.PairModel:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    X = np.concatenate([np.column_stack([x[f] for f in features]) for x in xs])
    y = np.concatenate(ys)
    sw = None if weights is None else np.concatenate([np.full(len(yy), w) for yy, w in zip(ys, weights)])
    if kind in TREE_KINDS:
        from sklearn.ensemble import GradientBoostingClassifier

        rounds, depth, leaf = TREE_KINDS[kind]
        gb = GradientBoostingClassifier(n_estimators=rounds, max_depth=depth, min_samples_leaf=leaf,
                                        learning_rate=LEARNING_RATE, random_state=0)
        gb.fit(X, y, sample_weight=sw)
        trees = []
        for est in gb.estimators_[:, 0]:
            t = est.tree_
            trees.append((t.feature.astype(np.int64), t.threshold.astype(np.float64),
                          t.children_left.astype(np.int64), t.children_right.astype(np.int64),
                          t.value[:, 0, 0].astype(np.float64)))
        prior = float(gb._raw_predict_init(X[:1])[0, 0])
        zero = np.zeros(len(features))
        model = G.PairModel(features, zero, zero + 1.0, zero, prior, "trees", gb.learning_rate, tuple(trees))
        check = gb.decision_function(X[:200])
        ours = model.log_odds({f: X[:200, k] for k, f in enumerate(features)})
        assert np.allclose(check, ours, atol=1e-6), "the numpy tree walk must give scikit-learn's log-odds"
        return model
    balanced = kind == "balanced"
    scaler = StandardScaler().fit(X)
    lr = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced" if balanced else None)
    lr.fit(scaler.transform(X), y, sample_weight=sw)
    return G.PairModel(features, scaler.mean_.copy(), np.where(scaler.scale_ > 0, scaler.scale_, 1.0),
                       lr.coef_[0].copy(), float(lr.intercept_[0]))


def pairwise_f1(corpora: list[tuple[list[Claim], dict[str, str]]], model: G.PairModel
                ) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 over the matched claims (as workbench eval scores grouping)."""
    tp = pred = gold = 0
    for claims, facts in corpora:
        by_claim = G.group_claims(claims, model=model).by_claim
        ids = sorted(facts)
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                same_f = facts[a] == facts[b]
                same_g = by_claim[a] == by_claim[b]
                gold += same_f
                pred += same_g
                tp += same_f and same_g
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def cross_set_pairs(sets: dict, names: list[str]) -> tuple[dict[str, np.ndarray], np.ndarray] | None:
    """The candidate pairs between claims of different sets when the one-corpus sets among ``names`` are
    read together as one archive: stories of different sets are different stories, so every such pair is
    a negative. They teach the model what a pair of two unrelated stories that the story step joined
    looks like (the held-out set is made of such stories; without it the others have few)."""
    whole = [n for n in names if len(sets[n]) == 1]
    if len(whole) < 2:
        return None
    claims: list[Claim] = []
    origin: dict[str, str] = {}
    facts: dict[str, str] = {}
    for n in whole:
        (cl, f), = sets[n]
        claims += cl
        origin.update({c.id: n for c in cl})
        facts.update({k: f"{n}:{v}" for k, v in f.items()})
    ia, ib, x = G.pair_features(claims)
    keep = np.array([a in facts and b in facts and origin[a] != origin[b] for a, b in zip(ia, ib)], dtype=bool)
    return {k: v[keep] for k, v in x.items()}, np.zeros(int(keep.sum()), dtype=bool)


def evaluate(sets: dict, pairs: dict, features: tuple[str, ...], balanced: str, cross: dict | None = None,
             long_weight: float = 1.0) -> tuple[dict, dict, G.PairModel]:
    """Pairwise scores of the model fitted on all sets, and of each set under the model fitted on the others
    (with the cross-set pairs of those others only, from ``cross``: training set names -> pairs); each pair
    of a long-form set counts ``long_weight`` in the fit."""
    names = list(sets)
    cross = cross if cross is not None else {}

    def training(ns: list[str]) -> tuple[list, list, list]:
        xs, ys = [pairs[m][0] for m in ns], [pairs[m][1] for m in ns]
        ws = [long_weight if m.startswith("longform") else 1.0 for m in ns]
        extra = cross.get(tuple(ns))
        if extra is not None and len(extra[1]):
            xs.append(extra[0])
            ys.append(extra[1])
            ws.append(1.0)
        return xs, ys, ws

    def fitted(ns: list[str]) -> G.PairModel:
        xs, ys, ws = training(ns)
        return fit(xs, ys, features, balanced, ws)

    full = fitted(names)
    inside = {n: pairwise_f1(sets[n], full) for n in names}
    loso = {}
    for n in names:
        others = [m for m in names if m != n]
        model = fitted(others)
        loso[n] = pairwise_f1(sets[n], model)
    return inside, loso, full


KINDS = {"logistic": "logistic regression, classes as in the data",
         "balanced": "logistic regression, classes weighted to balance",
         **{k: f"gradient boosting, {n} trees of depth {d}" + (f", at least {leaf} pairs a leaf" if leaf > 1 else "")
            for k, (n, d, leaf) in TREE_KINDS.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # longform3 is left out of the default: the check on coverage the model never saw (longform1 and longform2
    # were such a check until 2026-12-04)
    ap.add_argument("--sets", default="dev,stories,heldout,sample,cases,longform1,longform2")
    ap.add_argument("--write", action="store_true", help="write workbench/group_weights.json")
    ap.add_argument("--no-ablation", action="store_true")
    ap.add_argument("--cross", action="store_true",
                    help="also fit on the pairs between claims of different sets (all negative; on 2026-12-02 "
                         "they lowered the mean left-out F1 of every tree model, so they are off by default)")
    ap.add_argument("--kind", choices=sorted(KINDS), help="use this model instead of the best by left-out F1")
    ap.add_argument("--long-weight", type=float, help="weigh each long-form pair this much instead of choosing "
                    f"among {', '.join(map(str, LONG_WEIGHTS))}")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    sets = {n: load_set(n) for n in args.sets.split(",")}
    pairs = {n: labelled_pairs(sets[n]) for n in sets}
    for n, (x, y) in pairs.items():
        print(f"{n:8s} {sum(len(c) for c, _ in sets[n]):5d} claims, {len(y):6d} labelled candidate pairs, {int(y.sum()):5d} positive")
    print(f"(read in {time.perf_counter() - t0:.1f} s)")

    names = list(sets)
    cross = {}
    if args.cross:
        for ns in [names, *[[m for m in names if m != n] for n in names]]:
            got = cross_set_pairs(sets, ns)
            if got is not None:
                cross[tuple(ns)] = got
        if tuple(names) in cross:
            print(f"cross-set {len(cross[tuple(names)][1]):6d} labelled candidate pairs between claims of different sets "
                  "(all negative)")

    features = G.FEATURES
    long_sets = any(n.startswith("longform") for n in sets)
    weights = ((args.long_weight,) if args.long_weight is not None else LONG_WEIGHTS) if long_sets else (1.0,)

    def describe(k: tuple[str, float]) -> str:
        return KINDS[k[0]] + (f", long-form pairs weighted {k[1]:g}" if long_sets else "")

    results = {}
    for balanced, w in itertools.product([args.kind] if args.kind else KINDS, weights):
        inside, loso, model = evaluate(sets, pairs, features, balanced, cross, w)
        results[(balanced, w)] = (inside, loso, model)
        print(f"\nmodel: {describe((balanced, w))}:")
        print(f"  {'set':8s}  {'P':>5s} {'R':>5s} {'F1':>5s}   left out: {'P':>5s} {'R':>5s} {'F1':>5s}")
        for n in sets:
            p, r, f = inside[n]
            lp, lr, lf = loso[n]
            print(f"  {n:8s}  {p:5.3f} {r:5.3f} {f:5.3f}             {lp:5.3f} {lr:5.3f} {lf:5.3f}")

    def score(k: tuple[str, float]) -> tuple[float, float]:
        return (float(np.mean([v[2] for v in results[k][1].values()])),
                float(np.mean([v[2] for v in results[k][0].values()])))

    def keeps_floor(k: tuple[str, float]) -> bool:
        fitted = results[k][0]
        return (all(fitted[n][2] >= IN_SAMPLE_FLOOR for n in GOLD_SETS if n in fitted)
                and all(min(fitted[n][:2]) >= IN_SAMPLE_FLOOR for n in FLOOR_PR_SETS if n in fitted))

    keeping = [k for k in results if keeps_floor(k)]
    eligible = keeping or list(results)
    chosen = max(eligible, key=score)
    balanced, long_weight = chosen
    inside, loso, model = results[chosen]
    print(f"\n{len(keeping)} of {len(results)} kinds keep, fitted on all sets, pairwise F1 >= {IN_SAMPLE_FLOOR} on "
          f"{', '.join(GOLD_SETS)} and P, R >= {IN_SAMPLE_FLOOR} on {', '.join(FLOOR_PR_SETS)}; "
          + ("of those, the best mean left-out F1:" if keeping else "none does, so of all, the best mean left-out F1:"))
    print(f"chosen: {describe(chosen)} (mean left-out F1 {score(chosen)[0]:.3f}, fitted {score(chosen)[1]:.3f})")
    if model.kind == "logistic":
        print("\nweights (standardised features):")
        for f, w in sorted(zip(model.features, model.coef), key=lambda t: -abs(t[1])):
            print(f"  {f:20s} {w:+.3f}")
        print(f"  {'(intercept)':20s} {model.intercept:+.3f}")

    if not args.no_ablation:
        base_in = np.mean([v[2] for v in inside.values()])
        base_lo = np.mean([v[2] for v in loso.values()])
        print(f"\nablation: mean pairwise F1 over {len(sets)} sets with each feature left out "
              f"(all features: fitted {base_in:.3f}, left-out sets {base_lo:.3f})")
        print(f"  {'feature left out':20s} {'fitted':>7s} {'change':>7s} {'left-out':>9s} {'change':>7s}")
        for f in features:
            rest = tuple(x for x in features if x != f)
            i2, l2, _ = evaluate(sets, pairs, rest, balanced, cross, long_weight)
            mi, ml = np.mean([v[2] for v in i2.values()]), np.mean([v[2] for v in l2.values()])
            print(f"  {f:20s} {mi:7.3f} {mi - base_in:+7.3f} {ml:9.3f} {ml - base_lo:+7.3f}")

    if args.write:
        out = {
            "about": "Pair model of workbench.group over its named pair features, fitted by "
                     "bench/fit_grouping.py (the kind it chose is under 'chosen'); do not edit by hand.",
            "fitted_on": {n: {"claims": sum(len(c) for c, _ in sets[n]), "pairs": int(len(pairs[n][1])),
                              "positive": int(pairs[n][1].sum())} for n in sets},
            "chosen": describe(chosen),
            "pairwise_f1": {n: round(inside[n][2], 4) for n in sets},
            "pairwise_f1_left_out": {n: round(loso[n][2], 4) for n in sets},
            "model": model.to_dict(),
        }
        G.WEIGHTS_FILE.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {G.WEIGHTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
