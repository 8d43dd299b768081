"""Database URL, engine set-up, transactions and migrations.

SQLite: WAL, ``busy_timeout``, ``foreign_keys=ON``, ``synchronous=FULL``; pysqlite's own transaction
handling is switched off (``isolation_level=None``) so that SQLAlchemy's ``begin`` emits ``BEGIN`` itself:
``BEGIN IMMEDIATE`` for writes (the write lock is taken up front, so two writers never deadlock on a lock
upgrade) and a plain deferred ``BEGIN`` for reads (a consistent snapshot under WAL).
PostgreSQL: READ COMMITTED; writes that must not race use conditional statements or row locks.

Transient failures (SQLite busy, PostgreSQL serialization failure or deadlock) are retried by re-running the
whole transaction function; they never reach the caller unless they persist past the retry budget.

Transactions nest: a read or a write started while this thread (context) already runs a transaction on the
same engine joins it instead of opening a second one (a nested write runs in a savepoint, so a nested
failure undoes only its own part). That is how :class:`workbench.desk.Desk` loads the acting user, checks
the permission and does the work in ONE transaction while calling the store's ordinary methods.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from workbench.errors import StoreError

DEFAULT_FILE = "workbench.db"
ENV_VAR = "WORKBENCH_DB"
BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "workbench_write"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

T = TypeVar("T")


def resolve_url(url: str | None = None) -> str:
    """The database URL: ``url`` if given, else ``$WORKBENCH_DB``, else ``workbench.db`` in the working folder.

    A plain file path (no ``://``) means a SQLite file.
    """
    chosen = url or os.environ.get(ENV_VAR) or DEFAULT_FILE
    if "://" not in chosen:
        chosen = "sqlite:///" + str(Path(chosen).expanduser().resolve())
    return chosen


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL we cannot parse is shown as given
        return url


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except Exception as exc:  # noqa: BLE001
        raise StoreError(f"cannot read the database URL {url!r}: {exc}; "
                         "use sqlite:///path/to/file.db or postgresql+psycopg://user@host/db") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            parent = Path(database).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot open the SQLite database {database}: folder {parent} does not exist")
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _sqlite_hooks(engine, in_memory=database in ("", ":memory:"))
        return engine
    if backend == "postgresql":
        if parsed.get_driver_name() in ("psycopg2", "pg8000", "asyncpg"):
            pass  # whatever driver the user installed
        elif parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_pre_ping=True)
    raise StoreError(f"unsupported database {backend!r} in {safe_url(url)}: use a SQLite file or PostgreSQL")


def _sqlite_hooks(engine: Engine, in_memory: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if not in_memory:
            cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def is_transient(exc: BaseException) -> bool:
    """A failure that goes away when the transaction is run again."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None), "sqlstate", None)
    if sqlstate in ("40001", "40P01", "55P03"):
        return True
    if isinstance(exc, OperationalError):
        msg = str(orig).lower()
        return "database is locked" in msg or "database is busy" in msg or "database table is locked" in msg
    return False


class NestedWriteError(StoreError):
    """A write was started inside a read-only transaction (a programming error: open a write instead)."""


# The transaction this thread (or task) is running: (engine, connection, is a write).
_CURRENT: ContextVar[tuple[Engine, Connection, bool] | None] = ContextVar("workbench_tx", default=None)


def _joined(engine: Engine) -> tuple[Connection, bool] | None:
    cur = _CURRENT.get()
    if cur is None or cur[0] is not engine:
        return None
    return cur[1], cur[2]


def in_transaction(engine: Engine) -> bool:
    return _joined(engine) is not None


@contextmanager
def read_tx(engine: Engine, *, register: bool = True) -> Iterator[Connection]:
    """A read transaction (a consistent snapshot); joins the transaction already running, if any.

    ``register=False`` is for generators: a transaction opened inside a generator must not become the
    ambient one of whoever iterates it (the generator's body runs in the caller's context)."""
    joined = _joined(engine)
    if joined is not None:
        yield joined[0]
        return
    with engine.connect() as conn:
        with conn.begin():
            if not register:
                yield conn
                return
            token = _CURRENT.set((engine, conn, False))
            try:
                yield conn
            finally:
                _CURRENT.reset(token)


def run_read(engine: Engine, fn: Callable[[Connection], T]) -> T:
    """Run ``fn(conn)`` in one read transaction (or the one already running)."""
    with read_tx(engine) as conn:
        return fn(conn)


def run_write(engine: Engine, fn: Callable[[Connection], T], *, budget_s: float = 120.0) -> T:
    """Run ``fn(conn)`` in one write transaction, retrying the whole of it on transient failures.

    Inside a write transaction already running on this engine, ``fn`` runs in a savepoint of it (the outer
    transaction retries as a whole); inside a read transaction it is refused with :class:`NestedWriteError`."""
    joined = _joined(engine)
    if joined is not None:
        conn, write = joined
        if not write:
            raise NestedWriteError("a write was started inside a read transaction; open a write transaction")
        with conn.begin_nested():
            return fn(conn)
    deadline = time.monotonic() + budget_s
    delay = 0.005
    while True:
        try:
            with engine.connect() as conn:
                conn = conn.execution_options(**{WRITE_OPTION: True})
                with conn.begin():
                    token = _CURRENT.set((engine, conn, True))
                    try:
                        return fn(conn)
                    finally:
                        _CURRENT.reset(token)
        except DBAPIError as exc:
            if not is_transient(exc) or time.monotonic() > deadline:
                if is_transient(exc):
                    raise StoreError(f"the database stayed busy for {budget_s:.0f} s; try again") from exc
                raise
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 0.5)


REGROUP_LOCK = 7419283002  # PostgreSQL advisory lock: one import or regrouping at a time


def serialize_regrouping(conn: Connection) -> None:
    """Imports and regroupings one at a time: each rewrites the groups of every claim it can reach, so two at
    once would insert the same articles, outlets and groups. On PostgreSQL the transaction waits for an
    advisory lock (held until it ends; statements after it see what the previous import committed, so its
    articles are found and skipped); SQLite's write transactions are exclusive already."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"SELECT pg_advisory_xact_lock({REGROUP_LOCK})"))


# --- migrations -------------------------------------------------------------------------------------------

def _alembic_config(connection: Connection | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def _check_not_newer(rev: str | None, url: str) -> None:
    if rev is not None and rev not in known_revisions():
        raise StoreError(
            f"the database {safe_url(url)} has schema revision {rev}, which this version of the workbench "
            f"does not know (it knows up to {head_revision()}): it was written by a newer version. "
            "Upgrade the workbench (pip install -U claim-workbench) or use another database."
        )


def upgrade(engine: Engine, url: str) -> tuple[str | None, str]:
    """Bring the database to the newest schema; returns (revision before, revision after)."""
    from alembic import command

    head = head_revision()

    def _do(conn: Connection) -> tuple[str | None, str]:
        if conn.dialect.name == "postgresql":
            # one migrator at a time; others wait here and then find nothing to do
            conn.execute(text("SELECT pg_advisory_xact_lock(7419283001)"))
        before = current_revision(conn)
        _check_not_newer(before, url)
        if before != head:
            command.upgrade(_alembic_config(conn), "head")
        return before, head

    return run_write(engine, _do)


def ensure_schema(engine: Engine, url: str, *, auto_upgrade: bool = True) -> str:
    """Check the schema revision; migrate an older (or empty) database when ``auto_upgrade``."""
    try:
        with read_tx(engine) as conn:
            rev = current_revision(conn)
    except OperationalError as exc:
        raise StoreError(f"cannot open the database {safe_url(url)}: {exc.orig}") from exc
    _check_not_newer(rev, url)
    head = head_revision()
    if rev == head:
        return head
    if not auto_upgrade:
        raise StoreError(
            f"the database {safe_url(url)} is at schema revision {rev or '(empty)'}, not {head}: "
            "run `workbench db upgrade`"
        )
    upgrade(engine, url)
    return head
