"""Subcommands on the database: import, export, import-verdicts, backup, db upgrade."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from collections.abc import Callable
from pathlib import Path

from workbench.errors import ExitCode, InputError, StorageError

DB_HELP = "database URL or SQLite file (default: $WORKBENCH_DB, else ./workbench.db)"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help="extract, group and store the claims of articles",
                       description="Read articles (txt, html, jsonl, csv; folders are walked), extract their "
                                   "numeric claims, group them with the stored ones and store everything in one "
                                   "transaction. Articles already stored (same text) add nothing.")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--db", metavar="URL", help=DB_HELP)
    p.add_argument("--dry-run", action="store_true", help="do everything, report, and store nothing")
    p.add_argument("--outlet", help="outlet name for files that do not say")
    p.add_argument("--encoding", help="text encoding of the files (default: detected)")
    p.add_argument("--jobs", type=int, default=1, help="extraction processes (default 1)")
    p.add_argument("--reviewer", help="record the import under this name")
    from workbench.cli import archive_cmds  # web, archives in batches, Dask cluster

    archive_cmds.add_arguments(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="write the verdict CSV, the history CSV or ClaimReview JSON-LD")
    p.add_argument("--db", metavar="URL", help=DB_HELP)
    p.add_argument("--format", required=True, choices=("csv", "history", "claimreview"))
    p.add_argument("--output", "-o", metavar="FILE", help="file to write (default: standard output)")
    p.add_argument("--outlet", help="only claims from this outlet")
    p.add_argument("--article", help="only claims from this article id")
    p.add_argument("--group", help="only claims of this group id")
    p.add_argument("--reviewer", help="only verdicts by this reviewer")
    p.add_argument("--final-only", action="store_true", help="only final verdicts")
    p.add_argument("--published-from", metavar="YYYY-MM-DD")
    p.add_argument("--published-to", metavar="YYYY-MM-DD")
    p.add_argument("--organisation", help="ClaimReview author (default: the claimreview.organisation setting)")
    p.add_argument("--review-url", metavar="TEMPLATE",
                   help="ClaimReview url for each review, with {kind} and {id}, e.g. https://example.org/checks/{id}")
    p.add_argument("--base-url", metavar="URL",
                   help="ClaimReview: the publisher's base URL; each review's url is URL/claim/ID or URL/group/ID "
                        "(default: the claimreview.base_url setting, else $WORKBENCH_PUBLISHER_URL; without any "
                        "the export is refused)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-verdicts", help="load verdicts from a verdict CSV written by `workbench export`")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--db", metavar="URL", help=DB_HELP)
    p.add_argument("--overwrite", action="store_true", help="replace stored verdicts that differ from the file")
    p.set_defaults(func=cmd_import_verdicts)

    p = sub.add_parser("backup", help="an online, consistent copy of the SQLite database")
    p.add_argument("dest", metavar="DEST")
    p.add_argument("--db", metavar="URL", help=DB_HELP)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("db", help="database schema")
    dbsub = p.add_subparsers(dest="db_command", metavar="ACTION")
    dbsub.required = True
    q = dbsub.add_parser("upgrade", help="apply schema migrations (also done automatically on first use)")
    q.add_argument("--db", metavar="URL", help=DB_HELP)
    q.set_defaults(func=cmd_db_upgrade)
    q = dbsub.add_parser("info", help="where the database is and its schema revision")
    q.add_argument("--db", metavar="URL", help=DB_HELP)
    q.set_defaults(func=cmd_db_info)


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from workbench.store import Store

    return Store.open(args.db)


def cmd_import(args: argparse.Namespace) -> int:
    from workbench.cli import archive_cmds
    from workbench.desk import Desk

    if archive_cmds.wanted(args) or not args.paths:
        return archive_cmds.cmd_import(args)
    if args.jobs < 1:
        raise InputError("--jobs", f"must be 1 or more, got {args.jobs}")
    with _open(args) as store:
        actor = store.ensure_reviewer(args.reviewer).id if args.reviewer else None
        report = Desk(store).import_paths(actor, args.paths, outlet=args.outlet, encoding=args.encoding,
                                          jobs=args.jobs, dry_run=args.dry_run)
    for line in report.lines():
        print(line)
    return int(ExitCode.BAD_INPUT if report.refused else ExitCode.OK)


def cmd_export(args: argparse.Namespace) -> int:
    from workbench import export
    from workbench.store import ClaimFilter

    flt = ClaimFilter(outlet=args.outlet, article_id=args.article, group_id=args.group)
    filters = dict(filters=flt, reviewer=args.reviewer, final_only=args.final_only,
                   published_from=args.published_from, published_to=args.published_to)
    out_path = export.path_or_stdout(args.output)
    if out_path is not None and not out_path.parent.is_dir():
        raise InputError(str(out_path), f"folder {out_path.parent} does not exist")
    from workbench.desk import Desk

    with _open(args) as store:
        Desk(store).exporting(None, lambda: _export(args, store, filters, out_path))
    return 0


def _export(args: argparse.Namespace, store, filters: dict, out_path: Path | None) -> int:  # type: ignore[no-untyped-def]
    from workbench import export

    if args.format == "claimreview":
        try:
            text = export.claimreview_json(store, organisation=args.organisation, review_url=args.review_url,
                                           base_url=args.base_url, require_url=True, **filters)
        except export.ExportError as exc:
            if str(exc) != export.NO_BASE_URL:
                raise
            raise export.ExportError(f"{export.NO_BASE_URL}; on the command line: "
                                     "--base-url https://your-site.example/checks") from None
        _emit_text(text + "\n", out_path)
        return 0
    if args.format == "csv":
        writer = lambda out: export.write_verdict_csv(store, out, **filters)  # noqa: E731
    else:
        writer = lambda out: export.write_history_csv(store, out)  # noqa: E731
    if out_path is None:
        sys.stdout.reconfigure(newline="")  # type: ignore[union-attr]
        _to_stdout(lambda: writer(sys.stdout))
    else:
        tmp = out_path.with_name(out_path.name + ".partial")
        try:
            _to_file(out_path, lambda: writer(tmp))
            tmp.replace(out_path)
        finally:
            tmp.unlink(missing_ok=True)
    return 0


# Errors of a write that more space would mend: a full disk, a quota, a file too large for its file system.
_NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _to_stdout(write: Callable[[], object]) -> None:
    """Write to standard output; a full disk behind it is one line naming it and what would work."""
    try:
        write()
        sys.stdout.flush()
    except OSError as exc:
        if exc.errno not in _NO_SPACE:
            raise
        # what is still buffered can never be written: leave the interpreter nothing to flush at exit
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
        raise StorageError("standard output", "the disk behind it is full, so the export written there is "
                           "incomplete; free some space there, or write the export to a file with --output FILE "
                           "(a file is written whole or not at all)") from None


def _to_file(path: Path, write: Callable[[], object]) -> None:
    try:
        write()
    except OSError as exc:
        if exc.errno not in _NO_SPACE:
            raise
        raise StorageError(str(path), "the disk is full, so nothing was written (the file is written whole or "
                           "not at all); free some space there and run the command again") from None


def _emit_text(text: str, out_path: Path | None) -> None:
    if out_path is None:
        _to_stdout(lambda: sys.stdout.write(text))
        return
    tmp = out_path.with_name(out_path.name + ".partial")
    try:
        _to_file(out_path, lambda: tmp.write_text(text, encoding="utf-8"))
        tmp.replace(out_path)
    finally:
        tmp.unlink(missing_ok=True)


def cmd_import_verdicts(args: argparse.Namespace) -> int:
    from workbench.export import import_verdicts

    with _open(args) as store:
        report = import_verdicts(store, args.file, overwrite=args.overwrite)
    for line in report.lines():
        print(line)
    return int(ExitCode.CONFLICT if report.skipped else ExitCode.OK)


def cmd_backup(args: argparse.Namespace) -> int:
    with _open(args) as store:
        dest = store.backup(args.dest)
    print(f"backup written to {dest}")
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from workbench.store.engine import make_engine, resolve_url, safe_url, upgrade

    url = resolve_url(args.db)
    engine = make_engine(url)
    try:
        before, after = upgrade(engine, url)
    finally:
        engine.dispose()
    if before == after:
        print(f"{safe_url(url)}: already at schema revision {after}")
    else:
        print(f"{safe_url(url)}: upgraded from {before or '(empty)'} to {after}")
    return 0


def cmd_db_info(args: argparse.Namespace) -> int:
    from workbench.store.engine import current_revision, head_revision, make_engine, read_tx, resolve_url, safe_url

    url = resolve_url(args.db)
    engine = make_engine(url)
    try:
        with read_tx(engine) as conn:
            rev = current_revision(conn)
    finally:
        engine.dispose()
    given = getattr(args, "db_as_given", None)  # set when the file is opened read-only (we may not write it)
    shown = safe_url(resolve_url(given) if given is not None else url)
    access = "\naccess: read-only (this process may not write the file or its folder)" if given is not None else ""
    print(f"database: {shown}\nschema revision: {rev or '(empty)'}\ncode knows up to: {head_revision()}{access}")
    return 0
