"""Choose workbench.group.STORY_FLOOR from data: story pairwise precision, recall and F1 for each floor.

    python bench/fit_stories.py [--articles 20000] [--floors 2,3,4,5,6,8,10]

A story link between two articles counts only when it weighs at least one key held by STORY_FLOOR articles:
a name that more articles hold (one that recurs in several stories of a year) joins two articles only with
other keys beside it. Too low a floor parts the outlets of one story that share one name; too high a floor
lets recurring names chain stories together. The archive is bench/newsarchive.py's (stories share places
and vocabulary, names recur across stories, outlets name them in some sentences only); its claims are
extracted once, then the stories are found with each floor and scored against the generator's. Printed: a
row per floor and the floor of the best F1. The gold files' grouping does not move with the floor (their
words are each in a few articles), so they do not decide it; ``--gold`` prints their pairwise F1 as well.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from newsarchive import articles  # noqa: E402

GOLD = [ROOT.parent / "shared" / "gold" / "dev.jsonl", ROOT / "tests" / "data" / "heldout.jsonl",
        ROOT / "tests" / "data" / "stories.jsonl"]


def _pairs(sizes: Counter) -> int:
    return sum(k * (k - 1) // 2 for k in sizes.values())


def score(found: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of ``found`` (article id -> story) against the generator's stories
    (an article id ends in ``-{story}``)."""
    truth = {a: a.rsplit("-", 1)[1] for a in found}
    same = _pairs(Counter((found[a], truth[a]) for a in found))
    f_pairs, t_pairs = _pairs(Counter(found.values())), _pairs(Counter(truth.values()))
    p = same / f_pairs if f_pairs else 1.0
    r = same / t_pairs if t_pairs else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def gold_f1(path: Path) -> float:
    from workbench.evaluate import evaluate

    grouping = evaluate(path).grouping
    assert grouping is not None
    return grouping.f1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--floors", default="2,3,4,5,6,8,10")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--gold", action="store_true", help="also print the gold files' grouping F1 per floor")
    a = ap.parse_args(argv)
    import workbench.group as group
    from workbench.importing import extract
    from workbench.models import Article

    t0 = time.perf_counter()
    arts = [Article(id=r["id"], outlet=r["outlet"], title=r["title"], text=r["text"], url=r["url"],
                    published=r["published"]) for r in articles(a.articles)]
    claims = extract(arts, jobs=a.jobs)
    print(f"{len(arts):,} generated articles, {len(claims):,} claims ({time.perf_counter() - t0:.0f} s)")
    chosen = group.STORY_FLOOR
    best: tuple[float, int] | None = None
    print("floor  precision  recall     F1   stories" + ("   gold F1" if a.gold else ""))
    try:
        for floor in [int(x) for x in a.floors.split(",")]:
            group.STORY_FLOOR = floor
            found = group.stories(claims)
            p, r, f = score(found)
            extra = ("   " + " ".join(f"{gold_f1(g):.3f}" for g in GOLD if g.exists())) if a.gold else ""
            print(f"{floor:5d}  {p:9.3f}  {r:6.3f}  {f:5.3f}  {len(set(found.values())):8,}{extra}")
            if best is None or f > best[0]:
                best = (f, floor)
    finally:
        group.STORY_FLOOR = chosen
    assert best is not None
    print(f"best F1 at STORY_FLOOR = {best[1]} (workbench.group has {chosen})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
