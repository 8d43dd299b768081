"""Imports in a worker process: progress, cancel, failures and limits. A cancelled, failed, timed-out or
killed import stores nothing; the worker never outlives its job. SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storekit import db_url  # noqa: F401 - fixture
from workbench.background import (
    MEMORY_ENV,
    ImportJob,
    Stage,
    Upload,
    check_uploads,
)
from workbench.store import Store

ROOT = Path(__file__).resolve().parent.parent


def many_articles(n: int) -> Upload:
    lines = [json.dumps({"id": f"b{i}", "outlet": ["Gazette", "Courier", "Ledger"][i % 3], "title": f"Story {i}",
                         "text": (f"The council built {4200 + i} homes last year, up {i % 40}% on the year before. "
                                  f"It spent £{i + 2}m on {i + 30} new schools. ") * 8})
             for i in range(n)]
    return Upload("many.jsonl", ("\n".join(lines) + "\n").encode())


def sample() -> list[Upload]:
    return [Upload(p.name, p.read_bytes()) for p in sorted((ROOT / "data").glob("*.jsonl"))]


def gone(job: ImportJob) -> bool:
    pid = job.pid
    assert pid is not None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a zombie is gone too: it runs nothing
    with open(f"/proc/{pid}/stat") as fh:
        return fh.read().split(")")[-1].split()[0] == "Z"


def test_an_import_runs_in_a_worker_and_reports(db_url: str) -> None:  # noqa: F811
    Store.open(db_url).close()
    job = ImportJob.start(db_url, sample())
    assert job.pid != os.getpid()
    stages = set()
    state = job.poll()
    while not state.stage.finished:
        stages.add(state.stage)
        state = job.wait(timeout=0.2)
    assert state.stage is Stage.DONE, state.error
    assert state.report is not None and state.report.articles_new == 7 and state.report.claims_new > 0
    assert Stage.EXTRACTING in job.stages and Stage.STORING in job.stages, job.stages
    assert job.stages.index(Stage.EXTRACTING) < job.stages.index(Stage.STORING) < job.stages.index(Stage.DONE)
    with Store.open(db_url) as s:
        assert s.counts()["articles"] == 7
    assert gone(job)


def test_cancel_while_extracting_stores_nothing(db_url: str) -> None:  # noqa: F811
    Store.open(db_url).close()
    with Store.open(db_url) as s:
        before = s.counts()
    job = ImportJob.start(db_url, [many_articles(400)])
    state = job.poll()
    while not (state.stage is Stage.EXTRACTING and state.done >= 2) and not state.stage.finished:
        state = job.wait(timeout=0.1)
    assert state.stage is Stage.EXTRACTING, state
    job.cancel()
    state = job.wait(timeout=30)
    assert state.stage is Stage.CANCELLED
    assert state.error == "the import was cancelled; nothing was stored"
    with Store.open(db_url) as s:
        assert s.counts() == before
    assert gone(job)


def test_cancel_at_once_stores_nothing(db_url: str) -> None:  # noqa: F811
    Store.open(db_url).close()
    job = ImportJob.start(db_url, sample())
    job.cancel()
    assert job.wait(timeout=30).stage is Stage.CANCELLED
    with Store.open(db_url) as s:
        assert s.counts()["articles"] == 0
    assert gone(job)


def test_an_import_past_its_time_limit_is_stopped_and_stores_nothing(db_url: str) -> None:  # noqa: F811
    Store.open(db_url).close()
    job = ImportJob.start(db_url, [many_articles(400)], time_limit_s=3)
    state = job.wait(timeout=60)
    assert state.stage is Stage.FAILED
    assert state.error is not None and state.error.startswith("the import took longer than 3 s and was stopped")
    with Store.open(db_url) as s:
        assert s.counts()["articles"] == 0
    assert gone(job)


def test_an_import_past_its_memory_limit_fails_and_stores_nothing(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'w.db'}"
    Store.open(url).close()
    monkeypatch.setenv(MEMORY_ENV, "150")
    job = ImportJob.start(url, [many_articles(50)])
    state = job.wait(timeout=120)
    assert state.stage is Stage.FAILED
    assert MEMORY_ENV in (state.error or "")
    with Store.open(url) as s:
        assert s.counts()["articles"] == 0
    assert gone(job)


def test_a_storage_failure_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    db.write_bytes(b"not a database at all" * 100)
    state = ImportJob.start(str(db), sample()).wait(timeout=60)
    assert state.stage is Stage.FAILED
    assert state.error is not None and "is not a workbench database" in state.error and "\n" not in state.error


def test_unreadable_files_are_refused_and_the_others_imported(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    Store.open(url).close()
    bad = Upload("broken.jsonl", b'{"id": "x", "outlet": "O", "text": "a \\ud800 b"}\n')
    state = ImportJob.start(url, [bad, *sample()]).wait(timeout=120)
    assert state.stage is Stage.DONE, state.error
    assert state.report is not None and state.report.articles_new == 7
    assert [r.path for r in state.report.refused] == ["broken.jsonl, line 1"]
    assert "lone surrogate" in state.report.refused[0].reason


def test_upload_limits_are_checked_in_code() -> None:
    ups = [Upload("a.txt", b"x" * 600), Upload("b.txt", b"x" * 300), Upload("c.txt", b"x" * 300),
           Upload("d.txt", b"x" * 50)]
    kept, refused = check_uploads(ups, max_file=500, max_job=700)
    assert [u.name for u in kept] == ["b.txt", "c.txt", "d.txt"]
    assert [r.path for r in refused] == ["a.txt"]
    assert refused[0].reason == "file is 600 bytes, over the limit of 500 bytes a file; split it into smaller files"
    kept, refused = check_uploads(ups, max_file=500, max_job=400)
    assert [u.name for u in kept] == ["b.txt", "d.txt"]
    assert [r.path for r in refused] == ["a.txt", "c.txt"]
    assert "may hold 400 bytes in all" in refused[1].reason


def test_refused_uploads_are_in_the_report(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    Store.open(url).close()
    state = ImportJob.start(url, [Upload("huge.txt", b"x" * 50_000), *sample()], max_file=20_000).wait(timeout=120)
    assert state.stage is Stage.DONE, state.error
    assert state.report is not None and [r.path for r in state.report.refused] == ["huge.txt"]
