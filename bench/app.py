"""Review-screen speed with a large database: rerun and verdict-save times, against baselines in the same run.

    python bench/app.py [--claims 100000] [--reruns 30] [--saves 200] [--db PATH]

1. Builds a SQLite database of ``--claims`` synthetic claims (10 a article, 12 outlets, each fact told by four
   outlets and grouped, a quarter of the groups discrepant) through the store's own import, with a grouper
   that knows the facts, so no time goes into similarity search. ``--db`` keeps and reuses the file.
2. Review-screen rerun: the app's script (sidebar, navigation and the Review screen, with a reviewer chosen)
   under Streamlit's AppTest, timed per rerun: the default "to review" queue, then an outlet + text filter.
3. Verdict save: ``Store.save_verdict`` timed on claims across the database; then "save and next" as the
   screen does it (a verdict key pressed, the save, the move to the next claim and the redraw), per rerun.
4. Baselines measured here too: the same rerun on a 1,000-claim database (how much the size costs), and
   the naive queue: read every claim and filter and page in pandas (what paging in SQL avoids).

Prints median and p95 for each, the targets (rerun p50 < 300 ms, save < 50 ms) and the ratios.

``--browser --pg URL``: key-to-next-claim in a real browser instead, one reviewer alone beside ten at once on
PostgreSQL (see bench/app_browser.py).
"""

from __future__ import annotations

import argparse
import os
from dataclasses import replace
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.models import Article, Claim, Grouping, Kind, Qualifier  # noqa: E402
from workbench.store import ClaimFilter, Store, Target  # noqa: E402
from workbench.store.core import make_group  # noqa: E402

OUTLETS = ["Northfield Observer", "The Lantern", "Vale Post", "Coastline Courier", "Daily Meridian",
           "Westbury Chronicle", "Fenwick Radio News", "Harbour Gazette", "Kestrel Daily", "Millbrook Times",
           "Ashdown Herald", "Riverside Echo"]
NOUNS = ["homes", "residents", "jobs", "patients", "passengers", "households", "workers", "pupils"]
SENTENCES = [
    "Officials said {s} {noun} were affected by the decision announced on Monday.",
    "The council confirmed that {s} {noun} had been moved by the end of the week.",
    "According to the agency, {s} {noun} were counted in the latest figures.",
    "{S} {noun} are now waiting, the health board said in a statement.",
]
CLAIMS_PER_ARTICLE = 10
OUTLETS_PER_FACT = 4
TARGET_RERUN_MS = 300.0
TARGET_SAVE_MS = 50.0


def fmt_count(n: int) -> str:
    return f"{n:,}"


def synthetic(n_claims: int, seed: int = 7) -> tuple[list[Article], list[Claim], dict[str, int]]:
    """Articles and claims; each fact is told by four outlets, in four articles (one claim each)."""
    rng = random.Random(seed)
    n_articles = max(OUTLETS_PER_FACT, n_claims // CLAIMS_PER_ARTICLE)
    n_stories = max(1, n_articles // OUTLETS_PER_FACT)
    articles: list[Article] = []
    claims: list[Claim] = []
    fact_of: dict[str, int] = {}
    for story in range(n_stories):
        outlets = rng.sample(OUTLETS, OUTLETS_PER_FACT)
        day = f"2024-{1 + story % 12:02d}-{1 + story % 28:02d}"
        facts = [(rng.randint(100, 90_000), rng.choice(NOUNS), rng.random() < 0.25)
                 for _ in range(CLAIMS_PER_ARTICLE)]
        for j, outlet in enumerate(outlets):
            parts: list[str] = []
            offsets: list[tuple[int, int, str, float, str]] = []
            pos = 0
            for k, (value, noun, discrepant) in enumerate(facts):
                v = value + (rng.randint(1, value // 5 + 1) if discrepant and j == 0 else 0)
                s = f"{v:,}"
                template = SENTENCES[(k + j) % len(SENTENCES)]
                sentence = template.replace("{S}", s).replace("{s}", s).replace("{noun}", noun)
                at = sentence.index(s)
                offsets.append((pos, pos + at, s, float(v), sentence))
                parts.append(sentence)
                pos += len(sentence) + 2
            text = "\n\n".join(parts)
            aid = f"s{story}-{j}"
            articles.append(Article(id=aid, outlet=outlet, title=f"Story {story}: figures from {outlet}",
                                    text=text, published=day))
            for k, (s0, start, surface, value, sentence) in enumerate(offsets):
                c = Claim(article=aid, start=start, end=start + len(surface), surface=surface, sentence=sentence,
                          kind=Kind.COUNT, low=value, high=value, qualifier=Qualifier.EXACT,
                          noun=facts[k][1], outlet=outlet, sentence_start=s0)
                claims.append(c)
                fact_of[c.id] = story * CLAIMS_PER_ARTICLE + k
    return articles, claims[:n_claims], fact_of


def fact_grouper(fact_of: dict[str, int]):  # type: ignore[no-untyped-def]
    """A grouper that knows which claims state the same fact (discrepant: figures more than 2% apart)."""

    def group(all_claims: list[Claim], links: list) -> Grouping:
        by_fact: dict[int, list[Claim]] = {}
        for c in all_claims:
            by_fact.setdefault(fact_of.get(c.id, -1 - len(by_fact)), []).append(c)
        groups = []
        for members in by_fact.values():
            g = make_group(members)
            groups.append(replace(g, discrepant=len(members) > 1 and g.spread_pct > 2.0))
        return Grouping(groups=tuple(groups), by_claim={m: g.id for g in groups for m in g.claim_ids})

    return group


def build(path: Path, n_claims: int) -> Store:
    url = f"sqlite:///{path}"
    store = Store.open(url)
    if store.counts()["claims"] >= n_claims:
        return store
    t = time.perf_counter()
    articles, claims, fact_of = synthetic(n_claims)
    report = store.import_articles(articles, claims, grouper=fact_grouper(fact_of))
    store.set_setting("app.sample_imported", {"folder": "synthetic"}, actor_id=None)
    print(f"  built {path.name}: {fmt_count(report.claims_new)} claims, {fmt_count(report.articles_new)} articles, "
          f"{fmt_count(report.groups)} groups in {time.perf_counter() - t:.1f} s")
    return store


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def show(name: str, ms: list[float], target: float | None = None) -> float:
    p50, p95 = statistics.median(ms), pct(ms, 95)
    verdict = "" if target is None else f"  ({'meets' if p50 < target else 'MISSES'} < {target:.0f} ms)"
    print(f"  {name:<52} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   n={len(ms)}{verdict}")
    return p50


def app_reruns(url: str, reruns: int, reviewer: str) -> tuple[list[float], list[float], list[float]]:
    """(default queue reruns, filtered queue reruns, save-and-next reruns) in ms."""
    os.environ["WORKBENCH_DB"] = url
    os.environ["WORKBENCH_SAMPLE"] = "off"
    from streamlit.testing.v1 import AppTest

    store = Store.open(url)
    store.ensure_reviewer(reviewer)
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    at.run()
    at.selectbox(key="sidebar_reviewer").select(reviewer).run()
    at.run()
    plain = []
    for _ in range(reruns):
        t = time.perf_counter()
        at.run()
        plain.append((time.perf_counter() - t) * 1000)
        assert not at.exception, at.exception
    outlet = store.outlets()[3]
    at.selectbox(key="review_f_outlet").select(outlet).run()
    at.text_input(key="review_f_text").input("waiting").run()
    filtered = []
    for _ in range(reruns):
        t = time.perf_counter()
        at.run()
        filtered.append((time.perf_counter() - t) * 1000)
    at.text_input(key="review_f_text").input("").run()
    at.selectbox(key="review_f_outlet").select("").run()
    label = store.default_scale().label("Accurate").id
    saves = []
    for _ in range(max(5, reruns // 2)):
        before = at.session_state["review_current"]
        at.button(key=f"review_verdict_{label}").click()
        t = time.perf_counter()
        at.run()
        saves.append((time.perf_counter() - t) * 1000)
        assert at.session_state["review_current"] != before and not at.exception
    store.close()
    return plain, filtered, saves


def store_saves(store: Store, n: int, reviewer: str) -> list[float]:
    user = store.ensure_reviewer(reviewer)
    rng = random.Random(3)
    total = store.counts()["claims"]
    ids = []
    for off in rng.sample(range(total), n):
        rows, _ = store.claims_page(ClaimFilter(), off, 1)
        ids.append(rows[0].id)
    labels = [lab.label for lab in store.default_scale().labels]
    out = []
    for i, cid in enumerate(ids):
        t = time.perf_counter()
        store.save_verdict(Target.claim(cid), user.id, labels[i % len(labels)], note="bench", submit=True,
                           expected_version=0)
        out.append((time.perf_counter() - t) * 1000)
    return out


def naive_queue(store: Store, n: int) -> list[float]:
    """The queue without SQL paging: every claim read, then filtered and paged in pandas."""
    import pandas as pd

    out = []
    outlet = store.outlets()[3]
    for _ in range(n):
        t = time.perf_counter()
        df = pd.DataFrame([c.to_dict() for c in store.all_claims()])
        page = df[(df["outlet"] == outlet) & df["sentence"].str.contains("waiting", case=False)].iloc[:50]
        assert len(page) > 0
        out.append((time.perf_counter() - t) * 1000)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--reruns", type=int, default=30)
    ap.add_argument("--saves", type=int, default=200)
    ap.add_argument("--db", type=Path, default=None, help="keep the large database here (reused when present)")
    ap.add_argument("--browser", action="store_true",
                    help="instead: key-to-next-claim in Chromium, 1 session beside --sessions at once (bench/app_browser.py)")
    ap.add_argument("--pg", default=os.environ.get("WORKBENCH_TEST_PG_URL"), help="PostgreSQL server for --browser")
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--presses", type=int, default=12, help="verdict keys per session and round (--browser)")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    if args.browser:
        if not args.pg:
            ap.error("--browser needs a PostgreSQL server: --pg postgresql+psycopg://USER@HOST:PORT/DB")
        from bench import app_browser

        return app_browser.main(args.pg, args.sessions, args.presses, args.rounds,
                                args.claims if args.claims != 100_000 else 3_000)

    with tempfile.TemporaryDirectory() as tmp:
        big_path = args.db or Path(tmp) / "big.db"
        small_path = Path(tmp) / "small.db"
        print(f"Building databases ({fmt_count(args.claims)} claims, and 1,000 for the baseline)…")
        build(big_path, args.claims).close()
        build(small_path, 1_000).close()

        print("\nReview screen (AppTest: the whole script, sidebar and Review screen, one reviewer chosen)")
        small_plain, small_filtered, _ = app_reruns(f"sqlite:///{small_path}", max(10, args.reruns // 2), "bench")
        plain, filtered, app_saves = app_reruns(f"sqlite:///{big_path}", args.reruns, "bench")
        base = show("rerun, 1,000 claims, 'to review' queue (baseline)", small_plain)
        show("rerun, 1,000 claims, outlet + text filter (baseline)", small_filtered)
        big = show(f"rerun, {fmt_count(args.claims)} claims, 'to review' queue", plain, TARGET_RERUN_MS)
        show(f"rerun, {fmt_count(args.claims)} claims, outlet + text filter", filtered, TARGET_RERUN_MS)
        show("save and next (key, save, next claim, redraw)", app_saves)

        print("\nVerdict save (Store.save_verdict, submitted, version-checked)")
        with Store.open(f"sqlite:///{big_path}") as store:
            saves = store_saves(store, args.saves, "bench-saves")
            save_p50 = show(f"save, {fmt_count(args.claims)} claims", saves, TARGET_SAVE_MS)
            print("\nNaive queue (baseline): read every claim, filter and page in pandas")
            naive = show(f"naive queue, {fmt_count(args.claims)} claims", naive_queue(store, 3))

        print("\nRatios")
        print(f"  rerun at {fmt_count(args.claims)} claims / rerun at 1,000 claims: {big / base:.2f}x")
        print(f"  naive queue / SQL-paged rerun (whole screen):           {naive / big:.1f}x")
        print(f"  rerun p50 / target {TARGET_RERUN_MS:.0f} ms: {big / TARGET_RERUN_MS:.2f}   "
              f"save p50 / target {TARGET_SAVE_MS:.0f} ms: {save_p50 / TARGET_SAVE_MS:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
