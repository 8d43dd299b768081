"""Archives in batches: each batch one transaction, bad lines refused with their line, resume after a kill
stores each article once. Real SQLite files, the real extractor and grouper."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from workbench.archive import FolderArchive, JsonlArchive, LocalExtractor, import_source
from workbench.importstate import ImportState
from workbench.store import Store

from storekit import db_url  # noqa: F401 - fixture: SQLite, and PostgreSQL when configured

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from newsarchive import articles as generated  # noqa: E402


@pytest.fixture(scope="module")
def extractor():
    with LocalExtractor(1) as ex:
        yield ex


def write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def stored(url: str) -> dict[str, int]:
    """Articles, distinct article ids and claims, read straight from the database file."""
    eng = create_engine(url)
    try:
        with eng.connect() as conn:
            n = conn.execute(text("SELECT count(*), count(DISTINCT id), count(DISTINCT content_hash) FROM articles")).one()
            c = conn.execute(text("SELECT count(*), count(DISTINCT id) FROM claims")).one()
    finally:
        eng.dispose()
    return {"articles": n[0], "ids": n[1], "hashes": n[2], "claims": c[0], "claim_ids": c[1]}


def test_an_archive_is_stored_in_batches_and_a_second_run_reads_nothing(
        tmp_path: Path, extractor, db_url: str) -> None:  # noqa: F811
    recs = list(generated(23))
    arc = write(tmp_path / "a.jsonl", recs)
    with Store.open(db_url) as store:
        seen: list[int] = []
        report = import_source(store, JsonlArchive(arc), batch_size=5, extractor=extractor,
                               progress=lambda done, total, what: seen.append(done))
        assert (report.articles_new, report.batches, report.refused_total) == (23, 5, 0)
        assert seen[-1] == arc.stat().st_size and seen == sorted(seen)
        audit = [e for e in store.audit_log() if e.action == "import"]
        assert len(audit) == 5  # one transaction a batch
        again = import_source(store, JsonlArchive(arc), batch_size=5, extractor=extractor)
        assert (again.articles_new, again.batches, again.resumed) == (0, 0, "line 23")
        assert store.counts()["articles"] == 23


def test_lines_appended_to_an_archive_are_read_from_where_the_last_run_stopped(tmp_path: Path, extractor) -> None:
    recs = list(generated(12))
    arc = write(tmp_path / "a.jsonl", recs[:8])
    with Store.open(f"sqlite:///{tmp_path / 'a.db'}") as store:
        import_source(store, JsonlArchive(arc), batch_size=4, extractor=extractor)
        with arc.open("a", encoding="utf-8") as f:
            f.writelines(json.dumps(r) + "\n" for r in recs[8:])
        more = import_source(store, JsonlArchive(arc), batch_size=4, extractor=extractor)
        assert (more.articles_new, more.articles_present, more.resumed) == (4, 0, "line 8")


def test_a_rewritten_archive_is_read_again_from_the_start_and_nothing_is_stored_twice(tmp_path: Path, extractor) -> None:
    recs = list(generated(10))
    arc = write(tmp_path / "a.jsonl", recs[:6])
    with Store.open(f"sqlite:///{tmp_path / 'a.db'}") as store:
        import_source(store, JsonlArchive(arc), batch_size=3, extractor=extractor)
        write(arc, list(reversed(recs)))
        again = import_source(store, JsonlArchive(arc), batch_size=3, extractor=extractor)
        assert (again.articles_new, again.articles_present) == (4, 6)
        assert "changed since the last run" in " ".join(again.lines())


def test_bad_lines_are_refused_with_their_line_and_the_rest_is_stored(tmp_path: Path, extractor) -> None:
    recs = list(generated(6))
    lines = [json.dumps(r) for r in recs]
    lines.insert(2, '{"id": "x", "outlet": "Daily Ledger", "title": "t"')
    lines.insert(5, json.dumps({"id": "y", "outlet": "Daily Ledger", "text": 42}))
    lines.insert(6, "")
    arc = tmp_path / "bad.jsonl"
    arc.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store.open(f"sqlite:///{tmp_path / 'a.db'}") as store:
        report = import_source(store, JsonlArchive(arc), batch_size=4, extractor=extractor)
        assert report.articles_new == 6
        assert [(r.path, r.reason.split(";")[0]) for r in report.refused] == [
            (f"{arc}, line 3", "not valid JSON (Expecting ',' delimiter at column 51)"),
            (f"{arc}, line 6", "'text' must be a string, got a number"),
        ]
        assert store.counts()["articles"] == 6


def test_a_dry_run_stores_nothing_and_leaves_no_checkpoint(tmp_path: Path, extractor) -> None:
    arc = write(tmp_path / "a.jsonl", list(generated(6)))
    with Store.open(f"sqlite:///{tmp_path / 'a.db'}") as store:
        report = import_source(store, JsonlArchive(arc), batch_size=3, extractor=extractor, dry_run=True)
        assert report.articles_new == 6 and report.dry_run
        assert store.counts()["articles"] == 0
        assert ImportState(store.engine).checkpoint(JsonlArchive(arc).key) is None


def test_a_folder_resumes_after_the_last_file_stored(tmp_path: Path, extractor) -> None:
    folder = tmp_path / "desk"
    for i, r in enumerate(generated(9)):
        d = folder / r["outlet"].lower().replace(" ", "-")
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{i:03d}.txt").write_text(r["text"], encoding="utf-8")
    with Store.open(f"sqlite:///{tmp_path / 'a.db'}") as store:
        first = import_source(store, FolderArchive(folder), batch_size=2, extractor=extractor)
        assert first.articles_new == 9
        (folder / "zz-late").mkdir()
        (folder / "zz-late" / "late.txt").write_text(next(generated(1, seed=5))["text"], encoding="utf-8")
        second = import_source(store, FolderArchive(folder), batch_size=2, extractor=extractor)
        assert (second.articles_new, second.articles_present) == (1, 0)
        assert second.resumed is not None and second.resumed.startswith("9 file(s)")


# A checkpoint the database refuses once 8 articles are stored: the batch that would bring the count to 8
# must then be rolled back with it (same transaction), not stored without its checkpoint.
REFUSE_CHECKPOINT = {
    "sqlite": [
        f"CREATE TRIGGER refuse_cp_{op} BEFORE {op} ON import_checkpoints "
        "WHEN (SELECT count(*) FROM articles) >= 8 BEGIN SELECT RAISE(ABORT, 'checkpoint refused'); END"
        for op in ("INSERT", "UPDATE")],
    "postgresql": [
        "CREATE FUNCTION refuse_cp() RETURNS trigger AS $$ BEGIN IF (SELECT count(*) FROM articles) >= 8 THEN "
        "RAISE EXCEPTION 'checkpoint refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_cp BEFORE INSERT OR UPDATE ON import_checkpoints "
        "FOR EACH ROW EXECUTE FUNCTION refuse_cp()"],
}
DROP_REFUSAL = {
    "sqlite": ["DROP TRIGGER refuse_cp_INSERT", "DROP TRIGGER refuse_cp_UPDATE"],
    "postgresql": ["DROP TRIGGER refuse_cp ON import_checkpoints", "DROP FUNCTION refuse_cp()"],
}


def test_a_batch_and_its_checkpoint_commit_together_or_not_at_all(
        tmp_path: Path, extractor, db_url: str) -> None:  # noqa: F811
    recs = list(generated(12))
    arc = write(tmp_path / "a.jsonl", recs)
    with Store.open(db_url) as store:
        dialect = store.engine.dialect.name
        with store.engine.begin() as conn:
            for stmt in REFUSE_CHECKPOINT[dialect]:
                conn.exec_driver_sql(stmt)
        with pytest.raises(Exception, match="checkpoint refused"):
            import_source(store, JsonlArchive(arc), batch_size=4, extractor=extractor)
        # the first batch is stored with its checkpoint; the second, whose checkpoint failed, not at all
        assert store.counts()["articles"] == 4
        assert ImportState(store.engine).checkpoint(JsonlArchive(arc).key)["line"] == 4
        with store.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(text("SELECT id FROM articles ORDER BY id"))]
        assert ids == sorted(r["id"] for r in recs[:4])
        with store.engine.begin() as conn:
            for stmt in DROP_REFUSAL[dialect]:
                conn.exec_driver_sql(stmt)
        again = import_source(store, JsonlArchive(arc), batch_size=4, extractor=extractor)
        assert (again.resumed, again.articles_new, again.articles_present) == ("line 4", 8, 0)
        assert store.counts()["articles"] == 12


def test_the_checkpoint_names_exactly_the_lines_stored_after_every_batch(tmp_path: Path, extractor) -> None:
    """Read from another connection at every step of the import: the checkpoint and the stored articles
    always agree (the articles of lines up to the checkpoint, and no others)."""
    recs = list(generated(14))
    arc = write(tmp_path / "a.jsonl", recs)
    url = f"sqlite:///{tmp_path / 'a.db'}"
    with Store.open(url) as store:
        watcher = create_engine(url)
        seen: list[tuple[int, int]] = []

        def look(done: int, total: int | None, what: str) -> None:
            with watcher.connect() as conn:
                n = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
                row = conn.execute(text("SELECT position FROM import_checkpoints")).first()
            line = json.loads(row[0])["line"] if row else 0
            assert n == line, f"{n} article(s) stored but the checkpoint says line {line}"
            seen.append((n, line))

        try:
            import_source(store, JsonlArchive(arc), batch_size=3, extractor=extractor, progress=look)
        finally:
            watcher.dispose()
        assert {n for n, _ in seen} == {0, 3, 6, 9, 12}


def _import_cmd(arc: Path, db: Path, batch: int) -> list[str]:
    return [sys.executable, "-m", "workbench", "import", str(arc), "--db", str(db), "--batch-size", str(batch),
            "--progress", "off"]


def test_an_import_killed_midway_and_started_again_stores_each_article_once(tmp_path: Path) -> None:
    n = 60
    arc = write(tmp_path / "big.jsonl", list(generated(n)))
    db = tmp_path / "killed.db"
    url = f"sqlite:///{db}"
    proc = subprocess.Popen(_import_cmd(arc, db, 4), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline:
            time.sleep(0.2)
            if proc.poll() is not None:
                break
            if db.exists():
                try:
                    if 8 <= stored(url)["articles"]:
                        break
                except Exception:  # noqa: BLE001 - the schema may not be there yet
                    continue
        assert proc.poll() is None, "the import finished before it could be killed; make the archive bigger"
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    partial = stored(url)
    assert 8 <= partial["articles"] < n and partial["articles"] % 4 == 0  # whole batches only

    done = subprocess.run(_import_cmd(arc, db, 4), cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "resumed after line" in done.stdout
    after = stored(url)
    assert after["articles"] == after["ids"] == after["hashes"] == n
    assert after["claims"] == after["claim_ids"]

    # the same archive in one clean run gives the same articles and claims
    clean = tmp_path / "clean.db"
    subprocess.run(_import_cmd(arc, clean, 4), cwd=ROOT, capture_output=True, text=True, timeout=600, check=True)
    assert stored(f"sqlite:///{clean}") == after
    eng_a, eng_b = create_engine(url), create_engine(f"sqlite:///{clean}")
    try:
        q = "SELECT id, surface, low, high, kind FROM claims ORDER BY id"
        with eng_a.connect() as a, eng_b.connect() as b:
            assert a.execute(text(q)).all() == b.execute(text(q)).all()
    finally:
        eng_a.dispose()
        eng_b.dispose()


def test_the_command_line_streams_a_jsonl_archive_with_a_batch_size(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from workbench.cli import main

    arc = write(tmp_path / "a.jsonl", list(generated(7)))
    db = tmp_path / "cli.db"
    assert main(["import", str(arc), "--db", str(db), "--batch-size", "3", "--progress", "off"]) == 0
    out = capsys.readouterr().out
    assert "Imported: 7 new article(s), 0 already present" in out and "in 3 batch(es)" in out
    assert main(["import", str(arc), "--db", str(db), "--batch-size", "0"]) == 2
    assert "--batch-size: must be 1 or more, got 0" in capsys.readouterr().err
    assert main(["import", "--db", str(db)]) == 2
    assert "nothing to import" in capsys.readouterr().err


def test_worker_processes_extracting_ahead_store_what_one_process_stores(tmp_path: Path) -> None:
    arc = write(tmp_path / "a.jsonl", list(generated(30)))
    q = "SELECT id, article_id, surface, kind, low, high, group_id, position FROM claims ORDER BY id"
    rows = []
    for jobs in (1, 2):
        url = f"sqlite:///{tmp_path / f'j{jobs}.db'}"
        with Store.open(url) as store, LocalExtractor(jobs) as ex:
            import_source(store, JsonlArchive(arc), batch_size=8, extractor=ex)
        eng = create_engine(url)
        with eng.connect() as conn:
            rows.append(conn.execute(text(q)).all())
        eng.dispose()
    assert rows[0] and rows[0] == rows[1]
