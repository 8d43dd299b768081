"""Store benchmark: import throughput, verdict save latency, queue query and export time at 100,000 claims.

Each figure is printed next to a baseline measured in the same run on the same database:
- import: the store's import (one transaction, regrouping every claim) against a bare executemany insert of
  the same article and claim rows;
- verdict save: ``Store.save_verdict`` (checks, version, audit row) against a bare one-row INSERT + COMMIT;
- export: the verdict CSV of 100,000 claims against one SELECT of the same claim columns written with csv.

Runs on SQLite always, and on PostgreSQL when WORKBENCH_BENCH_PG_URL or WORKBENCH_TEST_PG_URL is set (a
scratch schema is created and dropped).

    python bench/store.py [--claims 100000] [--articles 1000] [--saves 500]
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import statistics
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.engine import make_url

from workbench import export
from workbench.models import Article, Claim, Grouping, Kind, Qualifier
from workbench.store import ClaimFilter, ClaimStatus, GroupFilter, Store, Target, singleton_group
from workbench.store.schema import articles, audit_log, claims, final_verdicts, groups, outlets, verdicts
from workbench.store.schema import users as users_t

OUTLETS = ["Daily Ledger", "Morning Post", "The Courier", "Evening Star", "Harbour Times"]
NOUNS = ["troops", "containers", "jobs", "homes", "patients", "students", "flights", "trees"]


SYLLABLES = ["car", "row", "by", "fen", "wick", "hal", "ton", "mere", "stow", "brid", "ley", "dun", "more", "ash"]


def place(n: int) -> str:
    return "".join(SYLLABLES[(n // len(SYLLABLES) ** k) % len(SYLLABLES)] for k in range(3)).capitalize()


def synthetic(n_articles: int, start: int = 0) -> tuple[list[Article], list[Claim]]:
    """Articles telling stories in five outlets each (a story: five consecutive articles), three figures an
    article (a count, a sum of money, a percentage), worded per story, so groups are a story's figures."""
    arts, cls = [], []
    for i in range(start, start + n_articles):
        outlet = OUTLETS[i % len(OUTLETS)]
        story = i // 5
        town = place(story)
        sentences, found = [], []
        pos = 0
        for k, kind in enumerate((Kind.COUNT, Kind.MONEY, Kind.PERCENT)):
            noun = NOUNS[(story + k) % len(NOUNS)]
            if kind is Kind.COUNT:
                value, surface, cur = float(100 + story % 900 + (i % 2) * 5), None, None
                surface = f"{value:.0f}"
                s = f"In {town}, officials counted {surface} {noun} after the {place(story + 7)} inquiry. "
            elif kind is Kind.MONEY:
                value, cur = float((story % 90 + 10) * 1e6), "GBP"
                surface = f"£{value / 1e6:.0f}m"
                s = f"The {town} council will spend {surface} on {noun} over {place(story + 3)} district. "
            else:
                value, cur = float(story % 60 + 5), None
                surface = f"{value:.0f}%"
                s = f"Support for the {town} {noun} plan reached {surface}, a {place(story + 5)} poll found. "
            found.append((pos + s.index(surface), len(surface), s.strip(), noun, value, pos, kind, cur))
            sentences.append(s)
            pos += len(s)
        body = "".join(sentences) + f"Reporting by the {outlet} desk, item {i}."
        a = Article(id=f"bench-{i:07d}", outlet=outlet, title=f"{town}: {NOUNS[story % len(NOUNS)]} ({outlet})",
                    text=body, url=f"https://news.example/{i}", published="2025-03-01", source="bench.jsonl")
        arts.append(a)
        for st, ln, sent, noun, value, sst, kind, cur in found:
            cls.append(Claim(article=a.id, start=st, end=st + ln, surface=body[st:st + ln], sentence=sent,
                             kind=kind, low=value, high=value, qualifier=Qualifier.EXACT, noun=noun, currency=cur,
                             outlet=outlet, sentence_start=sst))
    return arts, cls


def singletons(cs: list[Claim], _overrides: list) -> Grouping:  # type: ignore[type-arg]
    gs = tuple(singleton_group(c) for c in cs)
    return Grouping(groups=gs, by_claim={g.claim_ids[0]: g.id for g in gs})


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    if kind == "sqlite":
        path = folder / f"bench-{uuid.uuid4().hex[:6]}.db"
        yield f"sqlite:///{path}"
        return
    base = make_url(os.environ.get("WORKBENCH_BENCH_PG_URL") or os.environ["WORKBENCH_TEST_PG_URL"])
    schema = "bench_" + uuid.uuid4().hex[:10]
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def bench_import(url: str, n_articles: int) -> None:
    arts, cls = synthetic(n_articles)
    store = Store.open(url)
    t0 = time.perf_counter()
    rep = store.import_articles(arts, cls, grouper=singletons)
    store_s = time.perf_counter() - t0
    assert rep.articles_new == n_articles
    # again, now with the real grouper regrouping everything stored plus a second batch
    more, more_cls = synthetic(n_articles, start=n_articles)
    t0 = time.perf_counter()
    from workbench.importing import default_grouper

    store.import_articles(more, more_cls, grouper=default_grouper)
    grouped_s = time.perf_counter() - t0
    # baseline: the same rows with a bare executemany into fresh tables of the same database
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE bench_articles AS SELECT * FROM articles WHERE 1 = 0")
        conn.exec_driver_sql("CREATE TABLE bench_claims AS SELECT * FROM claims WHERE 1 = 0")
    a_rows = [{"id": a.id, "content_hash": a.content_hash, "outlet_id": 1, "title": a.title, "url": a.url,
               "published": a.published, "source": a.source, "text": a.text, "imported_at": "x",
               "imported_by": None} for a in arts]
    c_rows = [{"id": c.id, "article_id": c.article, "start": c.start, "end": c.end, "surface": c.surface,
               "sentence": c.sentence, "sentence_start": c.sentence_start, "kind": c.kind.value, "low": c.low,
               "high": c.high, "qualifier": c.qualifier.value, "currency": c.currency, "unit": None, "noun": c.noun,
               "attribution": None, "per": None, "outlet_id": 1, "group_id": None, "position": i}
              for i, c in enumerate(cls)]
    from sqlalchemy import MetaData, Table

    md = MetaData()
    ba = Table("bench_articles", md, autoload_with=store.engine)
    bc = Table("bench_claims", md, autoload_with=store.engine)
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        conn.execute(insert(ba), a_rows)
        conn.execute(insert(bc), c_rows)
    base_s = time.perf_counter() - t0
    print(f"  import {n_articles} articles / {len(cls)} claims: {n_articles / store_s:,.0f} articles/s "
          f"(bare insert {n_articles / base_s:,.0f} articles/s, ratio {store_s / base_s:.1f}x)")
    print(f"  import of {n_articles} more with real grouping of all {2 * len(cls)} claims: "
          f"{n_articles / grouped_s:,.0f} articles/s")
    store.close()


def bench_saves(url: str, n_saves: int) -> None:
    store = Store.open(url)
    arts, cls = synthetic(200)
    store.import_articles(arts, cls, grouper=singletons)
    ids = [c.id for c in cls]
    ann = store.ensure_reviewer("ann")
    versions: dict[str, int] = {}
    lat = []
    for i in range(n_saves):
        cid = ids[i % len(ids)]
        t0 = time.perf_counter()
        v = store.save_verdict(Target.claim(cid), ann.id, "Accurate" if i % 2 else "Inaccurate", note=str(i),
                               submit=True, expected_version=versions.get(cid, 0))
        lat.append(time.perf_counter() - t0)
        versions[cid] = v.version
    base = []
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, note TEXT)")
    for i in range(n_saves):
        t0 = time.perf_counter()
        with store.engine.connect() as conn:
            conn = conn.execution_options(workbench_write=True)
            with conn.begin():
                conn.execute(text("INSERT INTO bench_rows (id, note) VALUES (:i, :n)"), {"i": i, "n": str(i)})
        base.append(time.perf_counter() - t0)
    p50, p99, b50, b99 = (pct(lat, 50) * 1e3, pct(lat, 99) * 1e3, pct(base, 50) * 1e3, pct(base, 99) * 1e3)
    print(f"  verdict save ({n_saves}): p50 {p50:.2f} ms, p99 {p99:.2f} ms "
          f"(bare insert+commit p50 {b50:.2f} ms, p99 {b99:.2f} ms; ratio p50 {p50 / b50:.1f}x)")
    store.close()


def fill_directly(store: Store, n_claims: int) -> None:
    """100,000 claims straight into the tables (no extraction or grouping), groups of 5; a tenth of the groups
    with a submitted verdict (ann), one claim in 40 with a draft and one in 97 with a submitted verdict of its
    own (bob), one group in 300 and one claim in 500 with a final verdict."""
    n_articles = n_claims // 3
    arts, cls = synthetic(n_articles)
    stamp = "2025-03-01T00:00:00+00:00"
    with store.engine.begin() as conn:
        conn.execute(insert(outlets), [{"id": i + 1, "name": o} for i, o in enumerate(OUTLETS)])
        oid = {o: i + 1 for i, o in enumerate(OUTLETS)}
        for k in range(0, len(arts), 5000):
            conn.execute(insert(articles), [
                {"id": a.id, "content_hash": a.content_hash, "outlet_id": oid[a.outlet], "title": a.title,
                 "url": a.url, "published": a.published, "source": a.source, "text": a.text, "imported_at": stamp,
                 "imported_by": None} for a in arts[k:k + 5000]])
        gid = {c.id: f"gb{j // 15:07d}{j % 3}" for j, c in enumerate(cls)}  # a story's figure in 5 outlets
        grows = {}
        for i, c in enumerate(cls):
            g = gid[c.id]
            if g not in grows:
                grows[g] = {"id": g, "representative": c.id, "kind": c.kind.value, "unit": None,
                            "currency": c.currency,
                            "noun": c.noun, "label": c.noun, "size": 5, "n_outlets": 5, "min_value": c.value,
                            "median_value": c.value, "max_value": c.value * 1.1, "spread_pct": 10.0 * (i % 3),
                            "discrepant": i % 3 > 0, "created_at": stamp}
        rows = list(grows.values())
        for k in range(0, len(rows), 5000):
            conn.execute(insert(groups), rows[k:k + 5000])
        for k in range(0, len(cls), 5000):
            conn.execute(insert(claims), [
                {"id": c.id, "article_id": c.article, "start": c.start, "end": c.end, "surface": c.surface,
                 "sentence": c.sentence, "sentence_start": c.sentence_start, "kind": c.kind.value, "low": c.low,
                 "high": c.high, "qualifier": "exact", "currency": c.currency, "unit": None, "noun": c.noun,
                 "attribution": None, "per": None, "outlet_id": oid[c.outlet or OUTLETS[0]], "group_id": gid[c.id],
                 "position": k + j} for j, c in enumerate(cls[k:k + 5000])])
    ann = store.ensure_reviewer("ann")
    with store.engine.begin() as conn:
        label = conn.exec_driver_sql("SELECT id FROM scale_labels WHERE label = 'Inaccurate'").scalar()
        vrows = [{"target_kind": "group", "target_id": g, "reviewer_id": ann.id, "label_id": label,
                  "status": "submitted", "note": "checked", "version": 1, "created_at": stamp, "updated_at": stamp}
                 for g in list(grows)[::10]]
        claim_ids = [c.id for c in cls]
        bob = conn.execute(insert(users_t).values(name="bob", display_name="bob", role="reviewer", disabled=False,
                                                  created_at=stamp).returning(users_t.c.id)).scalar_one()
        bobs = {**{cid: "draft" for cid in claim_ids[::40]}, **{cid: "submitted" for cid in claim_ids[1::97]}}
        vrows += [{"target_kind": "claim", "target_id": cid, "reviewer_id": bob, "label_id": label,
                   "status": status, "note": "", "version": 1, "created_at": stamp, "updated_at": stamp}
                  for cid, status in bobs.items()]
        conn.execute(insert(verdicts), vrows)
        conn.execute(insert(final_verdicts), [
            {"target_kind": kind, "target_id": t, "label_id": label, "note": "", "version": 1, "decided_by": ann.id,
             "decided_at": stamp, "basis_verdict_id": None}
            for kind, ids in (("group", list(grows)[5::300]), ("claim", claim_ids[7::500])) for t in ids])
        conn.execute(insert(audit_log), [{"at": stamp, "actor_id": ann.id, "action": "bench", "entity": "x",
                                          "entity_id": None, "before": None, "after": None}])
    if store.dialect == "postgresql":
        # what autovacuum does within a minute of a bulk load: statistics (without them PostgreSQL takes the
        # freshly filled tables for nearly empty ones) and the trigram indexes' pending entries merged
        with store.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    return None


def bench_export(url: str, n_claims: int) -> None:
    store = Store.open(url)
    t0 = time.perf_counter()
    fill_directly(store, n_claims)
    fill_s = time.perf_counter() - t0
    total = store.claims_page(ClaimFilter(), 0, 0)[1]
    ann = store.ensure_reviewer("ann")
    # queue queries at this size: one page and the count, at the start, 5,000 and 20,000 claims in
    queue_ms = {}
    for name, flt in [("first page", ClaimFilter()), ("to review", ClaimFilter(status=ClaimStatus.UNREVIEWED)),
                      ("to review, blind (one reviewer's own work)",
                       ClaimFilter(status=ClaimStatus.UNREVIEWED, status_for=ann.id)),
                      ("drafts", ClaimFilter(status=ClaimStatus.DRAFT)),
                      ("submitted", ClaimFilter(status=ClaimStatus.SUBMITTED)),
                      ("final", ClaimFilter(status=ClaimStatus.FINAL)),
                      ("outlet + to review", ClaimFilter(outlet="The Courier", status=ClaimStatus.UNREVIEWED)),
                      ("text, common word", ClaimFilter(text="officials")),
                      ("text, rare (one story)", ClaimFilter(text=f"{place(1234)} council")),
                      ("discrepant + to review", ClaimFilter(discrepant_only=True, status=ClaimStatus.UNREVIEWED))]:
        times = []
        for off in (0, 5000, 20000):
            t1 = time.perf_counter()
            store.claims_page(flt, off, 50)
            times.append(time.perf_counter() - t1)
        queue_ms[name] = statistics.median(times) * 1e3
    # baseline: one read of every claim's id, group and sentence (what a query that cannot use an index costs)
    reads = []
    for _ in range(3):
        t1 = time.perf_counter()
        with store.engine.connect() as conn:
            conn.execute(select(claims.c.id, claims.c.group_id, claims.c.sentence)).all()
        reads.append(time.perf_counter() - t1)
    read_ms = statistics.median(reads) * 1e3
    t1 = time.perf_counter()
    store.groups_page(GroupFilter(), 0, 50)
    groups_ms = (time.perf_counter() - t1) * 1e3
    buf = io.StringIO(newline="")
    t0 = time.perf_counter()
    n = export.write_verdict_csv(store, buf)
    export_s = time.perf_counter() - t0
    assert n == total
    # baseline: one SELECT of the claim columns, written with csv
    t0 = time.perf_counter()
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\r\n")
    with store.engine.connect() as conn:
        for row in conn.exec_driver_sql(
                "SELECT c.id, a.id, o.name, a.url, a.published, c.sentence, c.surface, c.kind, c.low, c.high, "
                "c.unit, c.currency, c.noun, c.qualifier, c.group_id FROM claims c JOIN articles a ON "
                "a.id = c.article_id JOIN outlets o ON o.id = c.outlet_id ORDER BY c.position"):
            w.writerow(row)
    base_s = time.perf_counter() - t0
    print(f"  {total:,} claims inserted directly in {fill_s:.1f} s")
    print(f"  claims_page (page of 50 and count; median of offsets 0, 5,000, 20,000) against one read of every "
          f"claim ({read_ms:.0f} ms):")
    for name, ms in queue_ms.items():
        print(f"    {name:<44} {ms:7.1f} ms   {ms / read_ms:5.2f}x a full read")
    print(f"  groups_page {groups_ms:.0f} ms")
    print(f"  verdict CSV export of {n:,} claims: {export_s:.2f} s, {len(buf.getvalue()) / 1e6:.0f} MB "
          f"(bare SELECT + csv {base_s:.2f} s, ratio {export_s / base_s:.1f}x)")
    store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--saves", type=int, default=500)
    args = ap.parse_args()
    kinds = ["sqlite"] + (["postgresql"] if os.environ.get("WORKBENCH_BENCH_PG_URL")
                          or os.environ.get("WORKBENCH_TEST_PG_URL") else [])
    print(f"Store benchmark on {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            print(f"{kind}:")
            with database(kind, Path(tmp)) as url:
                bench_import(url, args.articles)
            with database(kind, Path(tmp)) as url:
                bench_saves(url, args.saves)
            with database(kind, Path(tmp)) as url:
                bench_export(url, args.claims)
        if len(kinds) == 1:
            print("postgresql: skipped (set WORKBENCH_BENCH_PG_URL or WORKBENCH_TEST_PG_URL)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
