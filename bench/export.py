"""Verdict CSV export benchmark (issue 14): the verdict CSV of N claims against a bare SELECT of the same claim
columns written with Python's csv writer, on one database in one process, interleaved and repeated.

The data is bench/store.py's: claims in groups of five, a tenth of the groups with a submitted group verdict,
claim verdicts of their own, drafts, finals; and here also disputed items (a second reviewer who gives a
different verdict on one group in 50 and one claim in 200) and agreed items accepted automatically (one group
in 70), so the rule for disputed items is on the measured path.

    python bench/export.py [--claims 100000] [--repeat 5] [--pg]

Prints min / median / max of each and the ratio of the medians (goal: export within 2x the bare SELECT).
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import insert, select  # noqa: E402

from store import database, fill_directly  # noqa: E402  (bench/store.py)
from workbench import export  # noqa: E402
from workbench.store import Store  # noqa: E402
from workbench.store.schema import audit_log, final_verdicts, groups, scale_labels, verdicts  # noqa: E402
from workbench.store.schema import claims as claims_t  # noqa: E402

BASELINE_SQL = (
    "SELECT c.id, a.id, o.name, a.url, a.published, c.sentence, c.surface, c.kind, c.low, c.high, "
    "c.unit, c.currency, c.noun, c.qualifier, c.group_id FROM claims c JOIN articles a ON "
    "a.id = c.article_id JOIN outlets o ON o.id = c.outlet_id ORDER BY c.position")


def add_disputes(store: Store) -> tuple[int, int]:
    """A third reviewer disagreeing on some items, and some automatically accepted agreements."""
    stamp = "2025-03-02T00:00:00+00:00"
    cy = store.ensure_reviewer("cy")
    with store.engine.begin() as conn:
        labels = dict(conn.execute(select(scale_labels.c.label, scale_labels.c.id)).all())
        gids = list(conn.execute(select(groups.c.id).order_by(groups.c.id)).scalars())
        cids = list(conn.execute(select(claims_t.c.id).order_by(claims_t.c.position)).scalars())
        finals = {(r.target_kind, r.target_id) for r in conn.execute(
            select(final_verdicts.c.target_kind, final_verdicts.c.target_id))}
        rows = [{"target_kind": "group", "target_id": g, "reviewer_id": cy.id, "label_id": labels["Accurate"],
                 "status": "submitted", "note": "", "version": 1, "created_at": stamp, "updated_at": stamp}
                for g in gids[::50]]
        rows += [{"target_kind": "claim", "target_id": c, "reviewer_id": cy.id, "label_id": labels["Misleading"],
                  "status": "submitted", "note": "", "version": 1, "created_at": stamp, "updated_at": stamp}
                 for c in cids[1::200]]
        conn.execute(insert(verdicts), rows)
        agreed = [g for g in gids[3::70] if ("group", g) not in finals]
        made = []
        for g in agreed:
            vid = conn.execute(insert(verdicts).values(
                target_kind="group", target_id=g, reviewer_id=cy.id, label_id=labels["Accurate"],
                status="submitted", note="", version=1, created_at=stamp, updated_at=stamp)
                .returning(verdicts.c.id)).scalar_one()
            fid = conn.execute(insert(final_verdicts).values(
                target_kind="group", target_id=g, label_id=labels["Accurate"], note="", version=1,
                decided_by=cy.id, decided_at=stamp, basis_verdict_id=vid).returning(final_verdicts.c.id)).scalar_one()
            made.append({"at": stamp, "actor_id": cy.id, "action": "auto_accept", "entity": "final_verdict",
                         "entity_id": str(fid), "before": None, "after": None})
        if made:
            conn.execute(insert(audit_log), made)
    return len(rows), len(made)


def run_export(store: Store) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of this process, rows)."""
    buf = io.StringIO(newline="")
    t0, c0 = time.perf_counter(), time.process_time()
    n = export.write_verdict_csv(store, buf)
    return time.perf_counter() - t0, time.process_time() - c0, n


def run_baseline(store: Store) -> tuple[float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\r\n")
    with store.engine.connect() as conn:
        for row in conn.exec_driver_sql(BASELINE_SQL):
            w.writerow(row)
    return time.perf_counter() - t0, time.process_time() - c0


def stats(xs: list[float]) -> str:
    return f"min {min(xs):.2f} s  median {statistics.median(xs):.2f} s  max {max(xs):.2f} s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pg", action="store_true", help="also on PostgreSQL (WORKBENCH_BENCH_PG_URL or "
                                                      "WORKBENCH_TEST_PG_URL)")
    args = ap.parse_args()
    kinds = ["sqlite"] + (["postgresql"] if args.pg else [])
    print(f"Verdict CSV export benchmark on {os.cpu_count()} CPU(s), Python {sys.version.split()[0]}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            with database(kind, Path(tmp)) as url:
                store = Store.open(url)
                fill_directly(store, args.claims)
                disputed, auto = add_disputes(store)
                exp, base, exp_cpu, base_cpu = [], [], [], []
                n = 0
                for i in range(args.repeat):  # interleaved, and the order alternates
                    for which in ((1, 0) if i % 2 else (0, 1)):
                        if which == 0:
                            t, c, n = run_export(store)
                            exp.append(t)
                            exp_cpu.append(c)
                        else:
                            t, c = run_baseline(store)
                            base.append(t)
                            base_cpu.append(c)
                rows = export.verdict_csv_bytes(store).decode("utf-8-sig")
                n_disputed = sum(1 for r in csv.DictReader(io.StringIO(rows, newline=""))
                                 if r["verdict_status"] == "disputed")
                print(f"{kind}: {n:,} claims ({n_disputed:,} disputed rows from {disputed:,} dissenting verdicts, "
                      f"{auto:,} automatic acceptances), {args.repeat} runs each")
                print(f"  verdict CSV export    wall {stats(exp)}   CPU {stats(exp_cpu)}")
                print(f"  bare SELECT + csv     wall {stats(base)}   CPU {stats(base_cpu)}")
                print(f"  ratio of the medians  wall {statistics.median(exp) / statistics.median(base):.2f}x, "
                      f"CPU {statistics.median(exp_cpu) / statistics.median(base_cpu):.2f}x (goal: within 2x; on a "
                      "shared machine the CPU ratio is the steadier; SQLite's reads run in this process, "
                      "PostgreSQL's partly in the server's)")
                store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
