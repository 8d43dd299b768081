"""Incremental import benchmark: 20 articles imported into a database of 100,000 claims against the same 20
into an empty database (goal: within 2x), one process, interleaved, repeated (min/median/max).

The large database is filled straight into the tables (bench/store.py's synthetic stories), then grouped once
by the workbench's grouping so that what is stored is what an import would have stored (the full regroup also
builds the story index, workbench/store/words.py, that imports read; its time is printed apart). Each round imports
20 new articles into it and the same 20 into a fresh empty database (created and migrated outside the
timing); the claims are given (extraction does not depend on the database). Two kinds of batch: articles of
new stories, and follow-ups that join stories already stored (their stories are regrouped).

    python bench/incremental.py [--claims 100000] [--rounds 5] [--postgresql] [--with-full]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store import database, fill_directly, synthetic  # noqa: E402  (bench/store.py)

from workbench.importing import default_grouper  # noqa: E402
from workbench.models import Article, Claim  # noqa: E402
from workbench.store import Store  # noqa: E402


def follow_ups(n: int, first_story: int, tag: str) -> tuple[list[Article], list[Claim]]:
    """``n`` articles retelling stored stories (new ids and texts, the same figures and words)."""
    arts, cls = synthetic(n, start=first_story * 5)
    out_a = [dataclasses.replace(a, id=f"{a.id}-{tag}", text=a.text + f" Follow-up {tag}.") for a in arts]
    out_c = [dataclasses.replace(c, article=f"{c.article}-{tag}") for c in cls]
    return out_a, out_c


def full_grouper(claims: list[Claim], links: list) -> object:  # type: ignore[type-arg]
    """The workbench's grouping without its incremental plan: the store regroups as it did before."""
    return default_grouper(claims, links)


def timed_import(store: Store, batch: tuple[list[Article], list[Claim]], grouper: object = default_grouper
                 ) -> float:
    t = time.perf_counter()
    report = store.import_articles(batch[0], batch[1], grouper=grouper)  # type: ignore[arg-type]
    took = time.perf_counter() - t
    assert report.articles_new == len(batch[0]), report
    return took


def fmt(xs: list[float]) -> str:
    return f"min {min(xs):6.2f}s  median {statistics.median(xs):6.2f}s  max {max(xs):6.2f}s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--postgresql", action="store_true", help="on PostgreSQL (WORKBENCH_TEST_PG_URL)")
    ap.add_argument("--with-full", action="store_true", help="also time the regrouping imports did before")
    args = ap.parse_args()
    kind = "postgresql" if args.postgresql else "sqlite"
    n_stored_articles = args.claims // 3
    with tempfile.TemporaryDirectory() as tmp, database(kind, Path(tmp)) as big_url:
        big = Store.open(big_url)
        t = time.perf_counter()
        fill_directly(big, args.claims)
        print(f"{kind}: {big.counts()['claims']:,} claims stored in {time.perf_counter() - t:.1f}s")
        t = time.perf_counter()
        big.regroup(grouper=default_grouper)  # a full regroup also builds the story index imports read
        print(f"  grouped, with the story index built, in {time.perf_counter() - t:.1f}s")
        results: dict[str, dict[str, list[float]]] = {}
        for r in range(args.rounds):
            batches = {
                "new stories": synthetic(args.articles, start=n_stored_articles + 1000 + r * args.articles),
                "follow-ups to stored stories": follow_ups(args.articles, first_story=97 * (r + 1), tag=f"r{r}"),
            }
            for name, batch in batches.items():
                with database(kind, Path(tmp)) as empty_url:
                    empty = Store.open(empty_url)
                    pair = ([("empty", empty), ("100k", big)] if r % 2 else [("100k", big), ("empty", empty)])
                    for label, s in pair:  # interleaved, order alternating
                        results.setdefault(name, {}).setdefault(label, []).append(timed_import(s, batch))
                    empty.close()
                if args.with_full:  # the same batch under another id, regrouped the way imports did before
                    tag = f"full{r}"
                    again = ([dataclasses.replace(a, id=f"{a.id}-{tag}", text=a.text + f" {tag}.") for a in batch[0]],
                             [dataclasses.replace(c, article=f"{c.article}-{tag}") for c in batch[1]])
                    results[name].setdefault("100k, as before", []).append(timed_import(big, again, full_grouper))
        big.close()
    for name, res in results.items():
        ratio = [a / b for a, b in zip(res["100k"], res["empty"])]
        print(f"\n{args.articles} articles, {name} ({args.rounds} rounds):")
        print(f"  into {args.claims:,} claims: {fmt(res['100k'])}")
        print(f"  into an empty database: {fmt(res['empty'])}")
        if "100k, as before" in res:
            print(f"  into {args.claims:,} claims, every claim of the batch's kinds regrouped (as before): "
                  f"{fmt(res['100k, as before'])}")
        print(f"  ratio: median {statistics.median(ratio):.2f}x (min {min(ratio):.2f}, max {max(ratio):.2f}); "
              f"goal within 2x: {'met' if statistics.median(ratio) <= 2 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
