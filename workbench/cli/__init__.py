"""The `workbench` command: argument parsing and error -> exit code mapping only.

Each group of subcommands lives in its own module and exposes ``register(subparsers)``; a subcommand sets
``func`` on its parser, which takes the parsed arguments and returns an exit code.

Errors: a :class:`~workbench.errors.WorkbenchError` is printed as one line, ``workbench: <message>``, with its
exit code. Storage failures (a full disk, a read-only file, a file that is not a database, a database
written by a newer version, a server that cannot be reached) are translated by
:func:`~workbench.errors.storage_failure` into one line naming the database and what would work, exit
status 2, whatever layer they come from. The read-only commands (``export``, ``db info``) open an SQLite
file that cannot be written as an unchanging, read-only database, so they work on it as it is.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from workbench.errors import ExitCode, StoreError, WorkbenchError, storage_failure

# Modules that add subcommands; a module that does not exist yet is skipped.
COMMAND_MODULES = ("workbench.cli.extract_cmds", "workbench.cli.store_cmds", "workbench.cli.team_cmds")

# Commands that only read the database.
READ_ONLY_COMMANDS = (("export",), ("db", "info"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Extract, group, review and export the numeric claims in news articles.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def _sqlite_file(url: str) -> str | None:
    """The path of the SQLite file a resolved URL names (None for a server, memory or a file: URI)."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - the store says what is wrong with the URL
        return None
    db = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or not db or db == ":memory:" or db.startswith("file:"):
        return None
    return db


def database_named(args: argparse.Namespace) -> str | None:
    """The database a command works on, for messages: the SQLite file's path, else the URL without its
    password; None when the command takes no database."""
    if not hasattr(args, "db"):
        return None
    from workbench.store.engine import resolve_url, safe_url

    try:
        url = resolve_url(args.db)
    except Exception:  # noqa: BLE001
        return args.db
    return _sqlite_file(url) or safe_url(url)


def read_only_url(url: str) -> str | None:
    """For an SQLite file this process cannot write (the file or its folder), the URL that opens it as an
    unchanging, read-only database (SQLite's ``immutable``: no journal, no lock files); else None."""
    path = _sqlite_file(url)
    if path is None or not os.path.isfile(path):
        return None
    folder = os.path.dirname(path) or "."
    if os.access(path, os.W_OK) and os.access(folder, os.W_OK | os.X_OK):
        return None
    from urllib.parse import quote

    return f"sqlite:///file:{quote(path)}?immutable=1&uri=true"


def _open_read_only_if_needed(args: argparse.Namespace) -> None:
    words = (getattr(args, "command", None), getattr(args, "db_command", None))
    if not any(words[: len(c)] == c for c in READ_ONLY_COMMANDS) or not hasattr(args, "db"):
        return
    from workbench.store.engine import resolve_url

    ro = read_only_url(resolve_url(args.db))
    if ro is not None:
        args.db_as_given, args.db = args.db, ro  # messages and `db info` name the database as it was given


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    where = database_named(args)
    try:
        _open_read_only_if_needed(args)
        return int(args.func(args) or 0)
    except WorkbenchError as exc:
        failure = storage_failure(exc, where or "the database") if isinstance(exc, StoreError) else None
        shown = failure or exc
        print(f"workbench: {shown}", file=sys.stderr)
        return int(shown.exit_code)
    except BrokenPipeError:
        return int(ExitCode.OK)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a database or file-system failure that no layer turned into an error of ours
        if isinstance(exc, OSError) and not hasattr(exc, "orig"):
            where = exc.filename or "the output"
        failure = storage_failure(exc, where or "the database")
        if failure is None:
            raise
        print(f"workbench: {failure}", file=sys.stderr)
        return int(failure.exit_code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
