"""Specific exceptions raised by the library; the CLI and the pages translate them at the edge."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    ERROR = 1  # an unexpected failure
    BAD_INPUT = 2  # input the user can fix: missing file, bad encoding, bad column
    CONFLICT = 3  # a stale save or another refused write
    FORBIDDEN = 4  # the signed-in user's role does not allow the action


class WorkbenchError(Exception):
    """Base class of every error the library raises on purpose."""

    exit_code: ExitCode = ExitCode.ERROR


class InputError(WorkbenchError):
    """Input that cannot be read; the message names the file (and line or field) and what would work."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


class StoreError(WorkbenchError):
    """A database problem the user can act on (newer schema, unreachable server)."""


class ConflictError(WorkbenchError):
    """A write refused because somebody else changed the same thing since it was loaded."""

    exit_code = ExitCode.CONFLICT


class PermissionDenied(WorkbenchError):
    """The user's role does not allow the action."""

    exit_code = ExitCode.FORBIDDEN


class StorageError(StoreError):
    """The database file or server refused the work for a reason the user can fix: a full disk, a read-only
    file, a file that is not a database, a database written by a newer version. One line naming the file
    (or server) and what would work; nothing was saved."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, where: str, problem: str):
        self.where = where
        self.problem = problem
        super().__init__(f"{where}: {problem}")


def _chain(exc: BaseException):  # type: ignore[no-untyped-def]
    """``exc`` and everything behind it: its cause or context, and the driver's error a SQLAlchemy error wraps
    (``orig``), each followed in turn. A failed rollback after a full disk hides the full disk one step back."""
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        e = todo.pop(0)
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        orig = getattr(e, "orig", None)  # a SQLAlchemy DBAPIError wraps the driver's error
        todo += [x for x in (orig, e.__cause__, e.__context__) if isinstance(x, BaseException)]


_NEWER_SCHEMA = "written by a newer version"


def storage_failure(exc: BaseException, where: str) -> StorageError | None:
    """``exc`` (or what caused it) as a :class:`StorageError` about the database at ``where`` (a file
    path or a URL with the password hidden), or None when it is not a storage failure the user can fix.

    Recognised by the drivers' messages and codes, so this module imports no database library: SQLite
    (full, read-only, not a database, cannot be opened), PostgreSQL (SQLSTATE 53100 disk full, 25006
    read-only transaction, 3D000 no such database, 28P01/28000 refused credentials, 08xxx no connection),
    a newer schema, and the operating system's full-disk and read-only-file-system errors.
    """
    import errno

    for e in _chain(exc):
        if isinstance(e, StorageError):
            return e
        msg = str(e).lower()
        state = getattr(e, "sqlstate", None) or getattr(getattr(e, "diag", None), "sqlstate", None) or ""
        if isinstance(e, StoreError) and _NEWER_SCHEMA in msg:
            return StorageError(where, "was written by a newer version of the workbench; upgrade the workbench "
                                       "(pip install -U claim-workbench) or use another database")
        if "database or disk is full" in msg or state == "53100" or (
                isinstance(e, OSError) and e.errno == errno.ENOSPC):
            return StorageError(where, "the disk is full (or the database reached its size limit); nothing was "
                                       "saved. Free some space there and run the command again")
        if ("readonly database" in msg or ("read-only" in msg and "transaction" in msg) or state == "25006"
                or (isinstance(e, OSError) and e.errno == errno.EROFS)):
            return StorageError(where, "is read-only, so nothing can be saved; make it writable (chmod u+w, "
                                       "and its folder) or work on a writable copy. Export and `db info` read "
                                       "it as it is")
        if "file is not a database" in msg:
            return StorageError(where, "is not a workbench database (not an SQLite file); give the path of the "
                                       "workbench database with --db or $WORKBENCH_DB, or a new file name to "
                                       "start one")
        if "unable to open database file" in msg:
            return StorageError(where, "cannot be opened: check that its folder exists and that you may read "
                                       "and write both the file and the folder")
        if state == "3D000":
            return StorageError(where, "no such database on the server; create it (createdb) or check the "
                                       "name in the URL")
        if state in ("28P01", "28000"):
            return StorageError(where, "the server refused the user name or password; check them in the URL "
                                       "or in ~/.pgpass")
        if state.startswith("08") or "connection refused" in msg or "could not connect" in msg:
            return StorageError(where, "cannot reach the database server; check that it runs and that the "
                                       "host and port in the URL are right")
    return None
