"""Many writers at once, on SQLite and PostgreSQL: 8 processes x 250 verdict saves on distinct and
overlapping claims. Every acknowledged save is read back unchanged, none is lost, no "database is locked"
reaches the caller, and concurrent final verdicts never overwrite each other unseen."""

from __future__ import annotations

import json
import multiprocessing

import pytest

from storekit import db_url, make_batch, noun_grouper, verdict_worker  # noqa: F401 - fixture
from storekit import import_worker  # noqa: F401 - runs in spawned processes, so it lives in an importable module
from workbench.store import Store, Target

pytestmark = pytest.mark.slow  # many processes or threads at once: `make test` runs them, `make test-fast` not

PROCESSES = 8
SAVES = 250


def test_eight_processes_lose_no_verdict(db_url: str, tmp_path) -> None:  # noqa: F811
    store = Store.open(db_url)
    arts, cls = make_batch(20)  # 60 claims: every worker touches claims the others touch too
    store.import_articles(arts, cls, grouper=noun_grouper)
    claim_ids = [c.id for c in store.all_claims()]
    store.close()

    ctx = multiprocessing.get_context("spawn")
    outs = [tmp_path / f"w{i}.json" for i in range(PROCESSES)]
    procs = [ctx.Process(target=verdict_worker, args=(db_url, i, SAVES, claim_ids, str(outs[i])))
             for i in range(PROCESSES)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=600)
        assert p.exitcode == 0
    results = [json.loads(o.read_text()) for o in outs]

    assert [r["errors"] for r in results] == [[]] * PROCESSES  # nothing (e.g. "database is locked") leaked
    store = Store.open(db_url)
    total_acks = 0
    for r in results:
        last: dict[str, list] = {}
        count: dict[str, int] = {}
        for cid, version, note, label in r["acks"]:
            last[cid] = [version, note, label]
            count[cid] = count.get(cid, 0) + 1
            total_acks += 1
        for cid, (version, note, label) in last.items():
            v = store.verdict(Target.claim(cid), r["reviewer_id"])
            assert v is not None and (v.version, v.note, v.label) == (version, note, label)
            assert v.version == count[cid]  # every save of this reviewer on this claim counted once
    assert total_acks == PROCESSES * SAVES * 9 // 10
    # final verdicts: each acknowledged version was written once, the newest is what is stored
    acked = [f for r in results for f in r["finals"]]
    assert acked, "no final verdict was acknowledged"
    by_claim: dict[str, list] = {}
    for cid, version, note, label in acked:
        by_claim.setdefault(cid, []).append((version, note, label))
    for cid, saves in by_claim.items():
        versions = sorted(v for v, _, _ in saves)
        assert versions == list(range(1, len(versions) + 1))  # no two writers got the same version
        f = store.final_verdict(Target.claim(cid))
        assert f is not None and (f.version, f.note, f.label) == max(saves)
    history = {(e.entity_id, e.after["version"]): e.after["note"]
               for e in store.audit_log(entity="final_verdict")}
    assert len(history) == len(acked)
    assert sum(r["conflicts"] for r in results) + len(acked) == PROCESSES * (SAVES // 10)
    store.close()


def test_many_processes_opening_a_new_database_migrate_it_once(db_url: str, tmp_path) -> None:  # noqa: F811
    from storekit import open_worker

    ctx = multiprocessing.get_context("spawn")
    outs = [tmp_path / f"o{i}.json" for i in range(6)]
    procs = [ctx.Process(target=open_worker, args=(db_url, str(o))) for o in outs]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
        assert p.exitcode == 0
    assert [json.loads(o.read_text()) for o in outs] == [[]] * 6
    store = Store.open(db_url)
    assert len(store.scales()) == 1 and [u.name for u in store.users()] == ["opener"]
    assert store.info().revision == store.info().head
    store.close()


# --- sign-in lockout and overlapping imports, many at once -----------------------------------------------------

def test_parallel_wrong_passwords_check_no_more_than_the_limit(db_url: str) -> None:  # noqa: F811
    """40 wrong passwords at the same moment: the failures are counted one after another (the account's row is
    locked for each attempt), so no more than the configured number of passwords is ever checked."""
    import threading
    from concurrent.futures import ThreadPoolExecutor
    from datetime import timedelta

    from workbench.auth import LockoutPolicy, TeamConfig
    from workbench.store import Role
    from workbench.team import AccountLocked, SignInFailed, Team

    store = Store.open(db_url)
    limit = 5
    team = Team(store, TeamConfig(cookie_secret="c" * 40,
                                  lockout=LockoutPolicy(limit, timedelta(minutes=15), timedelta(minutes=15))))
    team.add_user(None, "rae", role=Role.REVIEWER, password="the-right-password")
    start = threading.Barrier(40)

    def attempt(i: int) -> str:
        start.wait()
        try:
            team.authenticate("rae", f"wrong-password-{i}")
        except AccountLocked:
            return "locked"
        except SignInFailed:
            return "failed"
        return "signed in"

    with ThreadPoolExecutor(40) as pool:
        outcomes = list(pool.map(attempt, range(40)))
    failures = [e for e in store.audit_log(entity="user") if e.action == "sign_in_failed"]
    assert len(failures) == limit, "every checked password is recorded; no more than the limit were checked"
    assert outcomes.count("signed in") == 0
    assert outcomes.count("failed") == limit - 1 and outcomes.count("locked") == 40 - (limit - 1)
    try:
        team.authenticate("rae", "the-right-password")
        raise AssertionError("the right password got in while locked")
    except AccountLocked:
        pass
    store.close()


def test_concurrent_imports_of_overlapping_articles_all_succeed_once(db_url: str, tmp_path) -> None:  # noqa: F811
    store = Store.open(db_url)  # migrated once here, so the workers race on the import only
    store.close()
    ctx = multiprocessing.get_context("spawn")
    outs = [tmp_path / f"i{i}.json" for i in range(4)]
    procs = [ctx.Process(target=import_worker, args=(db_url, i * 5, 15, str(o))) for i, o in enumerate(outs)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=600)
        assert p.exitcode == 0
    assert [json.loads(o.read_text()) for o in outs] == [[]] * 4
    store = Store.open(db_url)
    arts, cls = make_batch(30)  # the union of the four ranges: articles 0..29
    assert store.counts()["articles"] == len(arts) and store.counts()["claims"] == len(cls)
    assert sorted(c.id for c in store.all_claims()) == sorted(c.id for c in cls), "none lost, none twice"
    store.close()
