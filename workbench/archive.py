"""Archives in bounded memory: a JSON Lines file or a folder of articles, imported batch by batch.

A source is read one record at a time; every ``batch_size`` articles are extracted and stored as one
import (one transaction: the batch lands whole or not at all), so memory holds one batch, whatever the
size of the archive. With each stored batch, in its transaction, the position reached is written down (a
checkpoint, see :mod:`workbench.importstate`), so the checkpoint names exactly the batches stored; an import
killed and started again seeks to the last checkpoint and goes on from there. Storing nothing twice does not depend on the checkpoint: the store skips any article whose text
it already holds (content hash), and the pipeline extracts only articles it does not hold, so the batch in
flight when the process died costs a read and one query when it is met again.

A record that cannot be read (a bad JSON line, a file in the wrong encoding) is refused with its file and
line and the reason; the others go on, as a bad file does in a folder import.

Extraction is pluggable: in this process (``jobs=1``), in a pool of worker processes kept for the whole
import (``jobs>1``), or on a Dask cluster (:mod:`workbench.cluster`). Storing is always done here, by the
importing process, so one database sees one writer per import.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from workbench.errors import InputError
from workbench.importstate import ImportState
from workbench.models import Article, Claim
from workbench.store.engine import run_write
from workbench.store.types import ImportReport, RefusedFile

DEFAULT_BATCH_SIZE = 500
MAX_REFUSALS_LISTED = 50

Extract = Callable[[Sequence[Article]], list[Claim]]
ProgressFn = Callable[[int, int | None, str], None]  # (done, total, what), in the source's unit


def store_batch(store: Any, articles: Sequence[Article], *, refused: Sequence[RefusedFile], extractor: Extract,
                dry_run: bool, actor_id: int | None, grouper: Any,
                then: Callable[[ImportReport], None] | None = None, policy: Any = None) -> ImportReport:
    """Extract (only what is not stored yet), store and regroup one batch in one transaction; ``then`` runs
    in that transaction after the batch is stored (the checkpoint and the pages remembered).

    The one call from archive, web and cluster imports into the import pipeline.
    """
    from workbench.desk import Desk

    return Desk(store, policy, grouper=grouper).import_articles(actor_id, articles, refused=refused,
                                                                extractor=extractor, dry_run=dry_run, then=then)


# --------------------------------------------------------------------------------------------- records

@dataclass
class Record:
    """One item of a source: an article, or a refusal (``problem``), or a URL/entry already imported.

    ``position`` is where the source stands after this record (what a checkpoint keeps); ``done`` is how
    far along the source is, in its unit, for the progress bar.
    """

    where: str
    article: Article | None = None
    problem: str | None = None
    position: dict[str, Any] | None = None
    done: int = 0
    url: str | None = None  # web pages: the normalised URL, remembered once stored
    feed: str | None = None
    entry: str | None = None  # feed entries: the entry's key, remembered once stored
    also: str | None = None  # web pages: the page's own (canonical) URL, normalised, when it differs


class Source(Protocol):
    key: str | None  # what the checkpoint is filed under; None: no checkpoint
    unit: str  # of ``done`` and ``total``: "B", "file", "page"
    total: int | None

    def records(self, state: ImportState, start: dict[str, Any] | None) -> Iterator[Record]: ...


# --------------------------------------------------------------------------------------------- sources

def _fingerprint(path: Path, upto: int) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        h.update(f.read(min(upto, 65536)))
    return h.hexdigest()


@dataclass
class JsonlArchive:
    """A JSON Lines file of articles (the article input format), read line by line from a byte offset."""

    path: Path
    outlet: str | None = None
    unit: str = "B"
    note: str | None = None  # set when a checkpoint could not be used

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        if not self.path.is_file():
            raise InputError(str(self.path), "no such file; give a .jsonl file with one article a line")

    @property
    def key(self) -> str:
        return f"jsonl:{self.path.resolve()}"

    @property
    def total(self) -> int:
        return self.path.stat().st_size

    def records(self, state: ImportState, start: dict[str, Any] | None) -> Iterator[Record]:
        from workbench.ingest import read_bytes

        name = str(self.path)
        offset, line_no = 0, 0
        if start:
            if (start.get("offset", 0) <= self.total
                    and start.get("head") == _fingerprint(self.path, int(start.get("offset", 0)))):
                offset, line_no = int(start["offset"]), int(start.get("line", 0))
            else:
                self.note = "the file changed since the last run; read from the start"
        fixed: str | None = None  # fingerprint of the first 64 kB, once the file is read that far

        def head(upto: int) -> str:
            nonlocal fixed
            if upto < 65536:
                return _fingerprint(self.path, upto)
            if fixed is None:
                fixed = _fingerprint(self.path, upto)
            return fixed

        with self.path.open("rb") as f:
            f.seek(offset)
            for raw in f:
                offset += len(raw)
                line_no += 1
                if not raw.strip():
                    continue
                pos = {"offset": offset, "line": line_no, "head": head(offset)}
                where = f"{name}, line {line_no}"
                try:
                    arts = read_bytes(name, raw, outlet=self.outlet)
                except InputError as exc:  # read_bytes saw this one line as a file of its own
                    yield Record(where=where, problem=exc.problem, position=pos, done=offset)
                    continue
                for a in arts:
                    yield Record(where=where, article=a, position=pos, done=offset)


@dataclass
class FolderArchive:
    """A folder of article files (walked in a fixed order: sorted, hidden entries skipped)."""

    path: Path
    outlet: str | None = None
    encoding: str | None = None
    unit: str = "file"
    note: str | None = None
    _total: int | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        if not self.path.is_dir():
            raise InputError(str(self.path), "no such folder")

    @property
    def key(self) -> str:
        return f"folder:{self.path.resolve()}"

    def _files(self) -> Iterator[Path]:
        from workbench.ingest import SUPPORTED_SUFFIXES

        for root, dirs, names in os.walk(self.path):
            dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
            for n in sorted(names):
                if not n.startswith(".") and Path(n).suffix.lower() in SUPPORTED_SUFFIXES:
                    yield Path(root) / n

    @property
    def total(self) -> int:
        if self._total is None:
            self._total = sum(1 for _ in self._files())
        return self._total

    def records(self, state: ImportState, start: dict[str, Any] | None) -> Iterator[Record]:
        from workbench.ingest import read_file

        skip = int(start.get("files", 0)) if start else 0
        last = start.get("last") if start else None
        files = self._files()
        if skip:
            done_files = [f for _, f in zip(range(skip), files)]
            if len(done_files) != skip or str(done_files[-1].relative_to(self.path)) != last:
                self.note = "the folder changed since the last run; read from the start"
                skip, files = 0, self._files()
        n = skip
        for f in files:
            n += 1
            pos = {"files": n, "last": str(f.relative_to(self.path))}
            try:
                arts = read_file(f, outlet=self.outlet, encoding=self.encoding)
            except InputError as exc:
                yield Record(where=exc.source, problem=exc.problem, position=pos, done=n)
                continue
            for a in arts:
                yield Record(where=str(f), article=a, position=pos, done=n)


@dataclass
class FileList:
    """Single files (any supported format), read one after the other; no checkpoint."""

    paths: Sequence[Path]
    outlet: str | None = None
    encoding: str | None = None
    key: str | None = None
    unit: str = "file"

    @property
    def total(self) -> int:
        return len(self.paths)

    def records(self, state: ImportState, start: dict[str, Any] | None) -> Iterator[Record]:
        from workbench.ingest import read_file

        for n, f in enumerate(self.paths, start=1):
            try:
                arts = read_file(f, outlet=self.outlet, encoding=self.encoding)
            except InputError as exc:
                yield Record(where=exc.source, problem=exc.problem, done=n)
                continue
            for a in arts:
                yield Record(where=str(f), article=a, done=n)


def sources_for(paths: Sequence[str | os.PathLike[str]], *, outlet: str | None = None,
                encoding: str | None = None) -> list[Any]:
    """The archive sources for command-line paths: a .jsonl file streams by lines, a folder by files, other
    files are read one by one. A path that does not exist raises :class:`InputError` (nothing imported)."""
    out: list[Any] = []
    singles: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.append(FolderArchive(p, outlet=outlet, encoding=encoding))
        elif p.is_file() and p.suffix.lower() == ".jsonl" and encoding is None:
            out.append(JsonlArchive(p, outlet=outlet))
        elif p.exists():
            singles.append(p)
        else:
            raise InputError(str(p), "no such file or folder")
    if singles:
        out.append(FileList(singles, outlet=outlet, encoding=encoding))
    return out


def wants_streaming(paths: Sequence[str | os.PathLike[str]]) -> bool:
    """Whether plain paths are too big for one transaction: a .jsonl file over the one-file read limit."""
    from workbench.ingest import DEFAULT_MAX_BYTES

    for raw in paths:
        p = Path(raw)
        if p.is_file() and p.suffix.lower() == ".jsonl" and p.stat().st_size > DEFAULT_MAX_BYTES:
            return True
    return False


# --------------------------------------------------------------------------------------------- extraction

class LocalExtractor:
    """Extraction in this process (``jobs=1``) or in worker processes kept for the whole import."""

    def __init__(self, jobs: int = 1, *, chunk: int = 16):
        self.jobs = jobs
        self.chunk = chunk
        self._pool: Executor | None = None
        self._one: Any = None

    def __enter__(self) -> "LocalExtractor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    @property
    def background(self) -> bool:
        return self.jobs > 1

    def submit(self, articles: Sequence[Article]) -> Callable[[], list[list[Claim]]]:
        """Start extracting ``articles`` in the worker processes; the result: one claim list an article."""
        if self.jobs <= 1:
            return lambda: [self([a]) for a in articles]
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_worker_init)
        futures = [self._pool.submit(extract_lists, list(articles[i:i + self.chunk]))
                   for i in range(0, len(articles), self.chunk)]
        return lambda: [claims for f in futures for claims in f.result()]

    def __call__(self, articles: Sequence[Article]) -> list[Claim]:
        if self.jobs <= 1:
            if self._one is None:
                from workbench.extract import Extractor

                self._one = Extractor()
            return [c for a in articles for c in self._one.extract(a)]
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_worker_init)
        chunks = [list(articles[i:i + self.chunk]) for i in range(0, len(articles), self.chunk)]
        return [c for part in self._pool.map(extract_chunk, chunks) for c in part]


_WORKER: Any = None


def _worker_init() -> None:
    global _WORKER
    from workbench.extract import Extractor

    _WORKER = Extractor()
    _WORKER.warm()


def extract_lists(articles: Sequence[Article]) -> list[list[Claim]]:
    """The claims of each of a few articles, with this process's one Extractor."""
    global _WORKER
    if _WORKER is None:
        from workbench.extract import Extractor

        _WORKER = Extractor()
    return [_WORKER.extract(a) for a in articles]


def _prefetched(extractor: Any, store: Any, articles: Sequence[Article]) -> Extract:
    """An extractor for one batch. When ``extractor`` can work in the background (it has ``submit`` and
    ``background``), the batch's articles not stored yet are handed to it at once and their claims
    collected when the pipeline asks for them; otherwise extraction happens when asked."""
    if not (hasattr(extractor, "submit") and getattr(extractor, "background", True)) or not articles:
        return extractor
    known = store.known_hashes([a.content_hash for a in articles])
    todo = [a for a in articles if a.content_hash not in known]
    result = extractor.submit(todo)
    claims_of: dict[tuple[str, str], list[Claim]] | None = None

    def extract(wanted: Sequence[Article]) -> list[Claim]:
        nonlocal claims_of
        if claims_of is None:
            claims_of = {(a.id, a.content_hash): cl for a, cl in zip(todo, result())}
        out: list[Claim] = []
        for a in wanted:
            got = claims_of.get((a.id, a.content_hash))
            out.extend(got if got is not None else extractor([a]))
        return out

    return extract


def extract_chunk(articles: Sequence[Article]) -> list[Claim]:
    """The claims of a few articles, in order, with this process's one Extractor (built on first use)."""
    global _WORKER
    if _WORKER is None:
        from workbench.extract import Extractor

        _WORKER = Extractor()
    return [c for a in articles for c in _WORKER.extract(a)]


# --------------------------------------------------------------------------------------------- the import

@dataclass
class ArchiveReport:
    source: str
    articles_new: int = 0
    articles_present: int = 0
    claims_new: int = 0
    claims_dropped: int = 0
    groups: int = 0
    batches: int = 0
    refused: list[RefusedFile] = field(default_factory=list)
    refused_total: int = 0
    skipped_known: int = 0  # URLs and feed entries imported before: not fetched
    resumed: str | None = None  # where a checkpoint let the import start
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False
    seconds: float = 0.0

    def add(self, r: ImportReport) -> None:
        self.batches += 1
        self.articles_new += r.articles_new
        self.articles_present += r.articles_present
        self.claims_new += r.claims_new
        self.claims_dropped += r.claims_dropped
        self.groups = r.groups
        self.refuse(r.refused)

    def refuse(self, items: Sequence[RefusedFile]) -> None:
        self.refused_total += len(items)
        room = MAX_REFUSALS_LISTED - len(self.refused)
        if room > 0:
            self.refused.extend(items[:room])

    def lines(self) -> list[str]:
        head = "Dry run (nothing stored)" if self.dry_run else "Imported"
        out = [f"{head}: {self.articles_new} new article(s), {self.articles_present} already present, "
               f"{self.claims_new} claim(s), {self.groups} group(s) in {self.batches} batch(es), "
               f"{self.seconds:.1f} s"]
        if self.resumed:
            out.append(f"  resumed after {self.resumed} (stored by an earlier run)")
        if self.skipped_known:
            out.append(f"  {self.skipped_known} URL(s) or feed entries imported before, not fetched again")
        if self.claims_dropped:
            out.append(f"  {self.claims_dropped} number(s) in page furniture left out")
        out += [f"  {n}" for n in self.notes]
        for r in self.refused:
            out.append(f"  refused {r.path}: {r.reason}")
        if self.refused_total > len(self.refused):
            out.append(f"  ... and {self.refused_total - len(self.refused)} more refused")
        if self.dry_run and self.batches > 1:
            out.append("  (a dry run rolls back each batch, so later batches did not group with earlier ones)")
        return out


def import_source(
    store: Any,
    source: Any,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    extractor: Extract | None = None,
    jobs: int = 1,
    dry_run: bool = False,
    resume: bool = True,
    actor_id: int | None = None,
    grouper: Any = None,
    progress: ProgressFn | None = None,
    policy: Any = None,
) -> ArchiveReport:
    """Import every record of ``source`` in batches of ``batch_size`` articles (see the module docs).

    ``policy`` is the desk's (:class:`workbench.desk.SingleUser` by default, :class:`workbench.desk.Team` for
    a screen in team mode): every batch is stored through the desk, which checks that ``actor_id`` may import.
    """
    if batch_size < 1:
        raise InputError("--batch-size", f"must be 1 or more, got {batch_size}")
    state = ImportState(store.engine)
    key = getattr(source, "key", None)
    start = state.checkpoint(key) if key and resume and not dry_run else None
    report = ArchiveReport(source=key or "web", dry_run=dry_run)
    t0 = time.perf_counter()
    own = None
    if extractor is None:
        own = extractor = LocalExtractor(jobs)
    total = source.total
    if progress:
        progress(0, total, "reading")
    pending: list[Record] = []
    n_articles = 0
    last_pos: dict[str, Any] | None = start
    feeds_with_problems: set[str] = set()

    queue: deque[tuple[list[Record], dict[str, Any] | None, Extract]] = deque()

    def close_batch() -> None:
        """The batch read so far: its extraction starts now when the extractor can work in the background
        (worker processes, a cluster), so that it runs while the batch before it is stored."""
        nonlocal pending, n_articles
        if not pending:
            return
        arts = [r.article for r in pending if r.article is not None]
        queue.append((pending, last_pos, _prefetched(extractor, store, arts)))
        pending, n_articles = [], 0

    def store_next() -> None:
        records, pos, ex = queue.popleft()
        arts = [r.article for r in records if r.article is not None]
        refused = [RefusedFile(r.where, r.problem) for r in records if r.problem]
        feeds_with_problems.update(r.feed for r in records if r.problem and r.feed)

        def remember(_: object = None) -> None:
            # in the batch's own transaction: the checkpoint never runs ahead of or behind what is stored
            _remember(state, store, records)
            if key and pos is not None:
                state.save_checkpoint(key, pos)

        if arts or refused:
            report.add(store_batch(store, arts, refused=refused, extractor=ex, dry_run=dry_run,
                                   actor_id=actor_id, grouper=grouper, then=None if dry_run else remember,
                                   policy=policy))
        elif not dry_run:  # only URLs and entries imported before: nothing to store, still remembered
            run_write(store.engine, remember)

    background = hasattr(extractor, "submit") and getattr(extractor, "background", True)
    try:
        if start:
            report.resumed = _describe(start)
        for rec in source.records(state, start):
            pending.append(rec)
            if rec.position is not None:
                last_pos = rec.position
            if rec.article is not None:
                n_articles += 1
            if progress:
                progress(rec.done, total, rec.where)
            if n_articles >= batch_size:
                close_batch()
                while len(queue) > (1 if background else 0):
                    store_next()
        close_batch()
        while queue:
            store_next()
    finally:
        if own is not None:
            own.close()
    if getattr(source, "note", None):
        report.notes.append(source.note)
        report.resumed = None
    report.skipped_known = getattr(source, "skipped", 0)
    if not dry_run and hasattr(source, "feed_validators"):
        for feed_url, (etag, modified) in source.feed_validators().items():
            ok = feed_url not in feeds_with_problems
            state.save_feed(feed_url, etag if ok else None, modified if ok else None)
    if report.batches == 0:
        report.groups = store.counts().get("groups", 0)
    report.seconds = time.perf_counter() - t0
    return report


def _describe(pos: dict[str, Any]) -> str:
    if "line" in pos:
        return f"line {pos['line']}"
    if "files" in pos:
        return f"{pos['files']} file(s) ({pos.get('last')})"
    return str(pos)


def _remember(state: ImportState, store: Any, records: Sequence[Record]) -> None:
    """Web pages and feed entries of a stored batch: remembered only if their article is now stored."""
    web = [r for r in records if r.url or r.entry]
    if not web:
        return
    stored = store.known_hashes([r.article.content_hash for r in web if r.article is not None])
    pages, entries = [], {}
    for r in web:
        if r.problem:
            continue
        if r.article is not None:
            if r.article.content_hash not in stored:
                continue  # refused by the store (reported): try again next time
            pages.append((r.url, r.article.id, r.article.content_hash))
            if r.also:
                pages.append((r.also, r.article.id, r.article.content_hash))
        if r.feed and r.entry:
            entries.setdefault(r.feed, []).append((r.entry, r.url, r.article.id if r.article else None))
    state.mark_pages([p for p in pages if p[0]])
    for feed_url, items in entries.items():
        state.mark_entries(feed_url, items)
