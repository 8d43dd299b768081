"""`workbench import` from the web, of archives in batches, and with extraction on a Dask cluster.

:func:`add_arguments` adds the flags to the `import` subcommand; :func:`wanted` tells whether a command
line needs this path (a web flag, a batch size, a cluster, or a .jsonl file too big for one transaction);
:func:`cmd_import` runs it. Parsing and presentation only: what is imported, and how, is decided in
:mod:`workbench.archive`, :mod:`workbench.fetch` and :mod:`workbench.cluster`.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from workbench.errors import ExitCode, InputError


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("web, archives and clusters")
    g.add_argument("--url", action="append", default=[], metavar="URL", help="import the article at URL (repeatable)")
    g.add_argument("--urls", metavar="FILE", help="import the article at each URL of FILE (one a line, # comments)")
    g.add_argument("--feed", action="append", default=[], metavar="URL",
                   help="import the new entries of an RSS or Atom feed (repeatable); polled again, only what is new")
    g.add_argument("--cluster", metavar="ADDRESS",
                   help="extract on the Dask cluster at ADDRESS (tcp://host:8786); needs claim-workbench[cluster]")
    g.add_argument("--batch-size", type=int, metavar="N",
                   help="store every N articles as one transaction and resume after the last one stored "
                        "(default for archives and the web: 500)")
    g.add_argument("--no-resume", action="store_true", help="read archives from the start, not from the last checkpoint")
    g.add_argument("--progress", choices=("auto", "on", "off"), default="auto",
                   help="progress bar with ETA on standard error (auto: when it is a terminal)")


def wanted(args: argparse.Namespace) -> bool:
    from workbench.archive import wants_streaming

    return bool(args.url or args.urls or args.feed or args.cluster or args.batch_size is not None) \
        or wants_streaming(args.paths)


class _Bar:
    """A tqdm bar per source on standard error."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.bar: Any = None

    def start(self, desc: str, unit: str) -> "_Bar":
        self.close()
        self.desc, self.unit = desc, unit
        return self

    def __call__(self, done: int, total: int | None, what: str) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=self.desc, unit=self.unit, unit_scale=self.unit == "B",
                            file=sys.stderr, dynamic_ncols=True, mininterval=0.5)
        if done > self.bar.n:
            self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def cmd_import(args: argparse.Namespace) -> int:
    from workbench import archive
    from workbench.store import Store

    if args.jobs < 1:
        raise InputError("--jobs", f"must be 1 or more, got {args.jobs}")
    if args.batch_size is not None and args.batch_size < 1:
        raise InputError("--batch-size", f"must be 1 or more, got {args.batch_size}")
    sources = archive.sources_for(args.paths, outlet=args.outlet, encoding=args.encoding)
    if args.url or args.urls or args.feed:
        from workbench.fetch import WebSource, check_url, read_url_file

        urls = [("--url " + u, check_url(u, "--url")) for u in args.url]
        if args.urls:
            urls += read_url_file(args.urls)
        for f in args.feed:
            check_url(f, "--feed")
        from workbench.fetch import FetchLimits

        # the person at the terminal can reach local sites anyway: the command line may fetch them
        sources.append(WebSource(urls=urls, feeds=list(args.feed), outlet=args.outlet,
                                 limits=FetchLimits(allow_private_hosts=True)))
    if not sources:
        raise InputError("import", "nothing to import; give PATHs, --url, --urls FILE or --feed URL")
    bar = _Bar(args.progress == "on" or (args.progress == "auto" and sys.stderr.isatty()))
    refused = False
    with Store.open(args.db) as store:
        actor = store.ensure_reviewer(args.reviewer).id if args.reviewer else None
        if args.cluster:
            from workbench.cluster import ClusterExtractor

            extractor: Any = ClusterExtractor(args.cluster)
        else:
            extractor = archive.LocalExtractor(args.jobs)
        try:
            for src in sources:
                name = getattr(src, "key", None) or "web"
                report = archive.import_source(
                    store, src, batch_size=args.batch_size or archive.DEFAULT_BATCH_SIZE, extractor=extractor,
                    dry_run=args.dry_run, resume=not args.no_resume, actor_id=actor,
                    progress=bar.start(name.split(":", 1)[-1], src.unit))
                bar.close()
                for line in report.lines():
                    print(line)
                refused = refused or bool(report.refused_total)
        finally:
            bar.close()
            extractor.close()
    return int(ExitCode.BAD_INPUT if refused else ExitCode.OK)
