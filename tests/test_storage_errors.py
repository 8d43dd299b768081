"""Storage failures at the command line: a full disk, a read-only database, a file that is not a database,
a database written by a newer version. Each is one line on stderr naming the database and what would
work, exit status 2, no traceback, and nothing half-written. SQLite, and PostgreSQL where the failure can
be had on a server."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from storekit import PG_URL, PgSchema
from workbench.store.engine import head_revision
from workbench.cli import main
from workbench.store import Store

ROOT = Path(__file__).resolve().parent.parent


def articles(folder: Path, n: int = 40) -> Path:
    path = folder / "arts.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "outlet": ["Gazette", "Courier"][i % 2], "title": f"Story {i}",
                                 "text": f"The council built {4200 + i} homes last year, up {i}% on the year "
                                         f"before, at a cost of £{i + 2}m. " * 20}) + "\n")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


# --- a file that is not a database --------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["db", "info"], ["export", "--format", "csv"], ["import", "ARTS"],
                                  ["import-verdicts", "ARTS"], ["backup", "COPY"]])
def test_a_file_that_is_not_a_database(tmp_path: Path, capsys, argv: list[str]) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "workbench.db"
    db.write_bytes(bytes(range(256)) * 40)
    arts = articles(tmp_path)
    argv = [str(arts) if a == "ARTS" else str(tmp_path / "copy.db") if a == "COPY" else a for a in argv]
    code, _, err = run(argv + ["--db", str(db)], capsys)
    assert code == 2
    assert one_line(err) == (f"workbench: {db}: is not a workbench database (not an SQLite file); give the path "
                             "of the workbench database with --db or $WORKBENCH_DB, or a new file name to start one")
    assert db.read_bytes() == bytes(range(256)) * 40


# --- a newer schema -----------------------------------------------------------------------------------------


def newer(url: str) -> None:
    with Store.open(url) as s, s.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0099_from_the_future'")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_URL, reason="WORKBENCH_TEST_PG_URL is not set"))])
def url_and_name(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    if request.param == "sqlite":
        path = tmp_path / "workbench.db"
        yield str(path), str(path)
    else:
        with PgSchema() as url:
            from workbench.store.engine import safe_url

            yield url, safe_url(url)


@pytest.mark.parametrize("argv", [["export", "--format", "csv"], ["import", "ARTS"], ["db", "upgrade"]])
def test_a_database_written_by_a_newer_version(url_and_name, tmp_path: Path, capsys, argv) -> None:  # type: ignore[no-untyped-def]
    url, name = url_and_name
    newer(url)
    argv = [str(articles(tmp_path)) if a == "ARTS" else a for a in argv]
    code, _, err = run(argv + ["--db", url], capsys)
    assert code == 2
    assert one_line(err) == (f"workbench: {name}: was written by a newer version of the workbench; upgrade the "
                             "workbench (pip install -U claim-workbench) or use another database")


# --- a full disk --------------------------------------------------------------------------------------------


def test_a_full_disk_stops_the_import_and_saves_nothing(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "workbench.db"
    with Store.open(str(db)) as s:
        before = s.counts()

    def limit(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # every SQLite connection opened meanwhile may not grow its file: the disk is full for it
        if isinstance(dbapi_connection, sqlite3.Connection):
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(Engine, "connect", limit)
    try:
        code, _, err = run(["import", str(articles(tmp_path, 200)), "--db", str(db)], capsys)
    finally:
        event.remove(Engine, "connect", limit)
    assert code == 2
    assert one_line(err) == (f"workbench: {db}: the disk is full (or the database reached its size limit); "
                             "nothing was saved. Free some space there and run the command again")
    with Store.open(str(db)) as s:
        assert s.counts() == before
        with s.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


# --- a read-only database -----------------------------------------------------------------------------------


def _closed_to_others(*paths: Path) -> Path | None:
    """The first folder above ``paths`` that users other than its owner may not enter, if any."""
    import stat

    for path in paths:
        for folder in [path.parent, *path.parent.parents] if not path.is_dir() else [path, *path.parents]:
            if not os.stat(folder).st_mode & stat.S_IXOTH:
                return folder
    return None


def as_other_user(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command as a user who may not write the database: root may write any file, so root runs it
    as nobody (through setpriv); anyone else runs it as themselves."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("root may write any file, and setpriv (util-linux) is not here to run as another user")
        closed = _closed_to_others(ROOT, Path(sys.executable))
        if closed is not None:
            pytest.skip(f"root may write any file, and nobody may not enter {closed} (a private folder, such as "
                        "`mktemp -d` makes) to run the checkout as another user; clone it under a folder "
                        "others may enter")
        prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    env = {**os.environ, "HOME": str(cwd), "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-m", "workbench", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def read_only_db(tmp_path: Path) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="wb-ro-"))
    os.chmod(folder, 0o755)
    db = folder / "workbench.db"
    with Store.open(str(db)) as s:
        s.ensure_reviewer("ann")
    shutil.copy(articles(tmp_path), folder / "arts.jsonl")
    os.chmod(folder / "arts.jsonl", 0o644)
    os.chmod(db, 0o444)
    os.chmod(folder, 0o555)
    try:
        yield db
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


def test_db_info_and_export_read_a_read_only_file(read_only_db: Path) -> None:
    before = read_only_db.read_bytes()
    info = as_other_user(["db", "info", "--db", str(read_only_db)], read_only_db.parent)
    assert info.returncode == 0, info.stderr
    assert f"schema revision: {head_revision()}" in info.stdout
    # the file as it was given, not the read-only URL it is opened with
    assert info.stdout.splitlines()[0] == f"database: sqlite:///{read_only_db}"
    assert "immutable" not in info.stdout and "file:" not in info.stdout
    assert "access: read-only" in info.stdout
    exp = as_other_user(["export", "--format", "history", "--db", str(read_only_db)], read_only_db.parent)
    assert exp.returncode == 0, exp.stderr
    assert "create_user" in exp.stdout
    assert read_only_db.read_bytes() == before


def test_db_info_of_a_writable_file_says_nothing_of_access(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "workbench.db"
    Store.open(str(db)).close()
    code, out, _ = run(["db", "info", "--db", str(db)], capsys)
    assert code == 0
    assert out.splitlines()[0] == f"database: sqlite:///{db}" and "access:" not in out


# --- an export to a full disk -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "history", "claimreview"])
def test_an_export_to_a_full_standard_output_is_one_line(tmp_path: Path, fmt: str) -> None:
    db = tmp_path / "workbench.db"
    with Store.open(str(db)) as s:
        s.ensure_reviewer("ann")
    assert main(["import", str(articles(tmp_path)), "--db", str(db)]) == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WORKBENCH_PUBLISHER_URL": "https://desk.example"}
    with open("/dev/full", "w") as full:  # every write to it fails: no space left on device
        res = subprocess.run([sys.executable, "-m", "workbench", "export", "--format", fmt, "--db", str(db)],
                             stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=300)
    assert res.returncode == 2
    assert one_line(res.stderr) == (
        "workbench: standard output: the disk behind it is full, so the export written there is incomplete; "
        "free some space there, or write the export to a file with --output FILE (a file is written whole or "
        "not at all)")


@pytest.mark.parametrize("argv", [["import", "arts.jsonl"], ["db", "upgrade"]])
def test_a_write_to_a_read_only_file_says_so(read_only_db: Path, argv: list[str]) -> None:
    res = as_other_user(argv + ["--db", str(read_only_db)], read_only_db.parent)
    assert res.returncode == 2
    assert one_line(res.stderr) == (
        f"workbench: {read_only_db}: is read-only, so nothing can be saved; make it writable (chmod u+w, and "
        "its folder) or work on a writable copy. Export and `db info` read it as it is")


@pytest.mark.skipif(not PG_URL, reason="WORKBENCH_TEST_PG_URL is not set")
def test_a_read_only_postgresql_database_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from workbench.store.engine import safe_url

    with PgSchema() as url:
        Store.open(url).close()
        ro = url.replace("options=-csearch_path", "options=-cdefault_transaction_read_only%3Don+-csearch_path")
        assert ro != url
        code, _, err = run(["import", str(articles(tmp_path)), "--db", ro], capsys)
        assert code == 2
        assert one_line(err).startswith(f"workbench: {safe_url(ro)}: is read-only, so nothing can be saved")
        with Store.open(url) as s:
            assert s.counts()["articles"] == 0
