"""Faults: an exception in the middle of an import, a process killed in the middle of an import, and a
backup taken while writers run. The database must be as before (row counts, integrity check), and the
backup must hold every save acknowledged before it started."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from storekit import db_url, make_batch, noun_grouper, verdict_worker  # noqa: F401 - fixture
from workbench.models import Claim, Grouping, Override
from workbench.store import Store, Target

pytestmark = pytest.mark.slow  # crashes and writers in other processes: `make test` runs them, `make test-fast` not

TESTS = Path(__file__).resolve().parent


def integrity_ok(store: Store) -> bool:
    if store.dialect != "sqlite":
        with store.engine.connect() as conn:  # every foreign key still resolves
            bad = conn.execute(text(
                "SELECT count(*) FROM claims c LEFT JOIN articles a ON a.id = c.article_id WHERE a.id IS NULL"
            )).scalar_one()
        return bad == 0
    with store.engine.connect() as conn:
        return (conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is None)


class Boom(RuntimeError):
    pass


def exploding_grouper(claims: list[Claim], overrides: list[Override]) -> Grouping:
    raise Boom("grouping failed half-way through the import")


def test_exception_mid_import_leaves_the_database_as_before(db_url: str) -> None:  # noqa: F811
    store = Store.open(db_url)
    arts, cls = make_batch(6)
    store.import_articles(arts, cls, grouper=noun_grouper)
    store.save_verdict(Target.claim(cls[0].id), store.ensure_reviewer("ann").id, "Accurate", submit=True)
    before = store.counts()
    more, more_claims = make_batch(6, start=6)
    with pytest.raises(Boom):  # articles and claims were already inserted when grouping failed
        store.import_articles(more, more_claims, grouper=exploding_grouper)
    assert store.counts() == before
    assert integrity_ok(store)
    # and the same batch imports cleanly afterwards
    assert store.import_articles(more, more_claims, grouper=noun_grouper).articles_new == 6
    store.close()


KILL_SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    from storekit import make_batch, noun_grouper
    from workbench.store import Store

    def slow_grouper(claims, overrides):
        open({flag!r}, "w").close()  # rows are inserted, the transaction is open
        time.sleep(60)
        return noun_grouper(claims, overrides)

    store = Store.open({url!r})
    arts, cls = make_batch(300, start=1000)
    store.import_articles(arts, cls, grouper=slow_grouper)
    print("finished", flush=True)
""")


def test_process_killed_mid_import_leaves_the_database_as_before(db_url: str, tmp_path) -> None:  # noqa: F811
    store = Store.open(db_url)
    arts, cls = make_batch(6)
    store.import_articles(arts, cls, grouper=noun_grouper)
    before = store.counts()
    flag = tmp_path / "inside"
    script = KILL_SCRIPT.format(tests=str(TESTS), flag=str(flag), url=db_url)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not flag.exists():
            assert proc.poll() is None, proc.stderr.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "the import never reached grouping"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    if store.dialect == "postgresql":  # the server notices the dropped connection and rolls back
        deadline = time.monotonic() + 30
        while store.counts() != before and time.monotonic() < deadline:
            time.sleep(0.2)
    store.close()
    store = Store.open(db_url)
    assert store.counts() == before
    assert integrity_ok(store)
    store.close()


def test_backup_while_writers_run_holds_every_acknowledged_save(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    store = Store.open(url)
    arts, cls = make_batch(20)
    store.import_articles(arts, cls, grouper=noun_grouper)
    claim_ids = [c.id for c in store.all_claims()]
    ctx = multiprocessing.get_context("spawn")
    acks = [tmp_path / f"acks{i}.jsonl" for i in range(3)]
    procs = [ctx.Process(target=verdict_worker,
                         args=(url, i, 200, claim_ids, str(tmp_path / f"w{i}.json"), str(acks[i])))
             for i in range(3)]
    for p in procs:
        p.start()
    try:
        deadline = time.monotonic() + 120
        while sum(a.stat().st_size if a.exists() else 0 for a in acks) < 20_000:
            assert time.monotonic() < deadline, "writers made no progress"
            assert all(p.exitcode in (None, 0) for p in procs)
            time.sleep(0.05)
        acknowledged = [json.loads(line) for a in acks for line in a.read_text().splitlines() if line.endswith("]")]
        dest = store.backup(tmp_path / "backup.db")
        running_during_backup = any(p.is_alive() for p in procs)
    finally:
        for p in procs:
            p.join(timeout=300)
    assert running_during_backup and all(p.exitcode == 0 for p in procs)
    con = sqlite3.connect(dest)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = {(r[0], r[1]): r[2] for r in con.execute(
        "SELECT reviewer_id, target_id, version FROM verdicts WHERE target_kind = 'claim'")}
    con.close()
    assert len(acknowledged) > 50
    for reviewer_id, cid, version, _note in acknowledged:
        assert stored[(reviewer_id, cid)] >= version
    restored = Store.open(str(dest))
    assert restored.counts()["claims"] == 60
    restored.close()
    store.close()
