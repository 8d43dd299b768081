"""Imports that run in a worker process, so the process that serves the screens stays free for everyone.

An :class:`ImportJob` hands uploaded files (or web pages and feeds to fetch, :func:`_run_web`) to a fresh
worker process (``spawn``: nothing of the server's state is shared) that reads them (:mod:`workbench.ingest`), finds their numbers, and stores and groups
them in one transaction (:meth:`workbench.desk.Desk.import_articles`; in team mode
through :meth:`workbench.team.Team.import_articles`, which checks the actor's role). The caller polls
:meth:`ImportJob.poll` for a :class:`JobState` (stage, done/total, the report or the error) and may
:meth:`ImportJob.cancel`.

Bounds, all checked here in code whatever the web server's own settings are: the bytes of one file and
of one job (:data:`MAX_FILE_BYTES`, :data:`MAX_JOB_BYTES`), the worker's memory (``RLIMIT_AS``,
:data:`MEMORY_ENV`) and its wall time (:data:`TIME_ENV`). Past any of them the import fails and stores
nothing.

A cancelled, failed, timed-out or killed import stores nothing: the worker checks for a cancel between
files, between articles and around grouping (inside the store's transaction, which then rolls back); if
it does not stop within :data:`CANCEL_GRACE_S` it is terminated, and a transaction that never committed
leaves the database as it was.

This module never imports streamlit; the import screen only draws what :meth:`ImportJob.poll` says.
"""

from __future__ import annotations

import enum
import multiprocessing
import os
import queue
import sys
import threading
import time
import types
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from workbench.errors import InputError, WorkbenchError, storage_failure
from workbench.ingest import format_bytes
from workbench.store.types import ImportReport, RefusedFile

MAX_FILE_BYTES = 10_000_000  # one uploaded file
MAX_JOB_BYTES = 20_000_000  # all the files of one import
MEMORY_ENV = "WORKBENCH_IMPORT_MEMORY_MB"  # the worker's address-space limit
DEFAULT_MEMORY_MB = 3000
TIME_ENV = "WORKBENCH_IMPORT_SECONDS"  # the worker's wall-time limit
DEFAULT_SECONDS = 1800
CANCEL_GRACE_S = 3.0


class Stage(str, enum.Enum):
    STARTING = "starting"
    READING = "reading"
    EXTRACTING = "extracting"
    STORING = "storing"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (Stage.DONE, Stage.FAILED, Stage.CANCELLED)


@dataclass(frozen=True, slots=True)
class Upload:
    """One file handed to an import: its name (the extension says its format) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class JobSpec:
    """What the worker needs; plain values only (it crosses into another process)."""

    db_url: str
    uploads: tuple[Upload, ...]
    outlet: str | None = None
    encoding: str | None = None
    actor_id: int | None = None
    team: bool = False  # through workbench.team.Team, which checks the actor's role
    memory_mb: int = DEFAULT_MEMORY_MB
    # web pages and feeds (workbench.fetch), fetched by the worker: (where, URL) pairs, feed URLs, limits
    urls: tuple[tuple[str, str], ...] = ()
    feeds: tuple[str, ...] = ()
    limits: Any = None  # workbench.fetch.FetchLimits; None: its defaults


@dataclass(frozen=True, slots=True)
class JobState:
    """What an import is doing: ``done`` of ``total`` steps of the stage, ``what`` in words; when finished,
    the ``report`` (done) or the ``error`` (failed, cancelled)."""

    stage: Stage
    done: int = 0
    total: int = 0
    what: str = ""
    report: ImportReport | None = None
    error: str | None = None
    refused: tuple[RefusedFile, ...] = field(default_factory=tuple)
    notes: tuple[str, ...] = ()  # web imports: what was skipped as imported before, unchanged feeds

    @property
    def fraction(self) -> float:
        """Progress from 0 to 1 over the whole import (reading a tenth, extracting most, storing the rest)."""
        if self.stage is Stage.DONE:
            return 1.0
        part = self.done / self.total if self.total else 0.0
        return {Stage.STARTING: 0.0, Stage.READING: 0.1 * part, Stage.EXTRACTING: 0.1 + 0.7 * part,
                Stage.STORING: 0.85}.get(self.stage, 0.0)


class Cancelled(WorkbenchError):
    """The import was cancelled; nothing was stored."""


def check_uploads(uploads: Sequence[Upload], max_file: int = MAX_FILE_BYTES,
                  max_job: int = MAX_JOB_BYTES) -> tuple[list[Upload], list[RefusedFile]]:
    """The uploads within the limits, and the refused ones with the reason; the job's total is checked too
    (files past it are refused, in order)."""
    kept: list[Upload] = []
    refused: list[RefusedFile] = []
    total = 0
    for up in uploads:
        size = len(up.data)
        if size > max_file:
            refused.append(RefusedFile(up.name, f"file is {format_bytes(size)}, over the limit of "
                                                f"{format_bytes(max_file)} a file; split it into smaller files"))
            continue
        if total + size > max_job:
            refused.append(RefusedFile(up.name, f"the files of one import may hold {format_bytes(max_job)} in "
                                                "all; import this one on its own afterwards"))
            continue
        total += size
        kept.append(up)
    return kept, refused


def _env_number(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        return max(1, int(raw)) if raw else default
    except ValueError:
        raise InputError(name, f"expected a whole number, got {raw!r}") from None


class ImportJob:
    """One import in its own worker process. Create with :meth:`start`; poll, cancel, and it cleans up."""

    def __init__(self, spec: JobSpec, refused: Sequence[RefusedFile] = (), *, time_limit_s: float | None = None):
        self.spec = spec
        self._refused = tuple(refused)
        self._notes: tuple[str, ...] = ()
        self._ctx = multiprocessing.get_context("spawn")
        self._updates: Any = self._ctx.Queue()
        self._cancel = self._ctx.Event()
        self._proc: Any = None
        self._state = JobState(Stage.STARTING, what="starting the import", refused=self._refused)
        self.stages: list[Stage] = [Stage.STARTING]  # every stage the job has reported, in order
        self._started = 0.0
        self._cancel_at: float | None = None
        self.time_limit_s = time_limit_s if time_limit_s is not None else float(_env_number(TIME_ENV, DEFAULT_SECONDS))

    @classmethod
    def start(cls, db_url: str, uploads: Sequence[Upload] = (), *, outlet: str | None = None,
              encoding: str | None = None, actor_id: int | None = None, team: bool = False,
              max_file: int = MAX_FILE_BYTES, max_job: int = MAX_JOB_BYTES,
              time_limit_s: float | None = None, urls: Sequence[tuple[str, str]] = (),
              feeds: Sequence[str] = (), limits: Any = None) -> "ImportJob":
        """Check the uploads against the limits and start the worker on those within them; or (``urls``,
        ``feeds``) on pages and feeds to fetch, new ones only (:class:`workbench.fetch.WebSource`)."""
        kept, refused = check_uploads(uploads, max_file, max_job)
        spec = JobSpec(db_url=db_url, uploads=tuple(kept), outlet=outlet or None, encoding=encoding or None,
                       actor_id=actor_id, team=team, memory_mb=_env_number(MEMORY_ENV, DEFAULT_MEMORY_MB),
                       urls=tuple((str(w), str(u)) for w, u in urls), feeds=tuple(feeds), limits=limits)
        job = cls(spec, refused, time_limit_s=time_limit_s)
        job._proc = job._ctx.Process(target=_work, args=(spec, job._updates, job._cancel), daemon=True,
                                     name="workbench-import")
        job._started = time.monotonic()
        with _plain_main():
            job._proc.start()
        return job

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def cancel(self) -> None:
        """Ask the worker to stop; it is terminated if it has not stopped within :data:`CANCEL_GRACE_S`."""
        if not self._state.stage.finished and self._cancel_at is None:
            self._cancel.set()
            self._cancel_at = time.monotonic()

    def poll(self) -> JobState:
        """The latest state; never blocks for long."""
        if self._state.stage.finished:
            return self._state
        self._drain()
        if self._state.stage.finished:
            self._reap()
            return self._state
        now = time.monotonic()
        alive = self._proc is not None and self._proc.is_alive()
        if self._cancel_at is not None and (not alive or now - self._cancel_at > CANCEL_GRACE_S):
            self._stop(Stage.CANCELLED, "the import was cancelled; nothing was stored")
        elif now - self._started > self.time_limit_s:
            self._stop(Stage.FAILED, f"the import took longer than {self.time_limit_s:.0f} s and was stopped; "
                                     f"nothing was stored. Import fewer or smaller files, or raise {TIME_ENV}")
        elif not alive:
            self._drain()
            if not self._state.stage.finished:
                code = self._proc.exitcode if self._proc is not None else None
                self._stop(Stage.FAILED, f"the import stopped unexpectedly (exit code {code}); nothing was stored. "
                                         f"If the files are large, import fewer at a time or raise {MEMORY_ENV}")
        return self._state

    def wait(self, timeout: float = 60.0, interval: float = 0.05) -> JobState:
        """Poll until the import has finished or ``timeout`` seconds have passed (for scripts and tests)."""
        end = time.monotonic() + timeout
        state = self.poll()
        while not state.stage.finished and time.monotonic() < end:
            time.sleep(interval)
            state = self.poll()
        return state

    def _drain(self) -> None:
        try:
            self._drain_updates()
        finally:
            if self._state.stage is not self.stages[-1]:
                self.stages.append(self._state.stage)

    def _drain_updates(self) -> None:
        while True:
            try:
                kind, payload = self._updates.get_nowait()
            except queue.Empty:
                return
            except (EOFError, OSError):
                return
            if kind == "progress":
                stage, done, total, what = payload
                self._state = replace(self._state, stage=Stage(stage), done=done, total=total, what=what)
                if self._state.stage is not self.stages[-1]:
                    self.stages.append(self._state.stage)
            elif kind == "notes":
                self._notes = tuple(payload)
            elif kind == "done":
                report: ImportReport = payload
                report = replace(report, refused=self._refused + tuple(report.refused))
                self._state = JobState(Stage.DONE, what="done", report=report, refused=report.refused,
                                       notes=self._notes)
            elif kind == "cancelled":
                self._state = JobState(Stage.CANCELLED, error="the import was cancelled; nothing was stored",
                                       refused=self._refused)
            elif kind == "failed":
                self._state = JobState(Stage.FAILED, error=payload, refused=self._refused)

    def _stop(self, stage: Stage, error: str) -> None:
        self._drain()
        if self._state.stage is Stage.DONE:  # it committed just before the cancel reached it
            self._reap()
            return
        if self._proc is not None and self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(5)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join(5)
        self._state = JobState(stage, error=error, refused=self._refused)
        self._reap()

    def _reap(self) -> None:
        if self._proc is not None:
            self._proc.join(5)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join(5)
        try:
            self._updates.close()
        except (OSError, ValueError):
            pass

    def __del__(self) -> None:  # a job dropped while running does not leave its worker behind
        proc = getattr(self, "_proc", None)
        if proc is not None and getattr(self, "_state", None) is not None and not self._state.stage.finished:
            try:
                if proc.is_alive():
                    proc.kill()
            except (OSError, ValueError, AssertionError):
                pass


_MAIN_LOCK = threading.Lock()


@contextmanager
def _plain_main() -> Iterator[None]:
    """A spawned child re-imports the parent's ``__main__`` module; under a web server that is the app's
    script (which would then run again in the worker). While the worker starts, ``__main__`` is an empty
    module, so the child imports only what :func:`_work` needs."""
    with _MAIN_LOCK:
        real = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            yield
        finally:
            if real is not None:
                sys.modules["__main__"] = real


# --- the worker -------------------------------------------------------------------------------------------


def _limit_memory(mb: int) -> None:
    try:
        import resource
    except ImportError:  # not on this platform: the time limit still holds
        return
    limit = mb * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _work(spec: JobSpec, updates: Any, cancel: Any) -> None:
    """The worker's whole life: read, extract, store in one transaction; report each step on ``updates``."""
    from workbench.store.engine import safe_url

    def say(stage: Stage, done: int, total: int, what: str) -> None:
        if cancel.is_set():
            raise Cancelled("the import was cancelled; nothing was stored")
        updates.put(("progress", (stage.value, done, total, what)))

    where = spec.db_url
    try:
        _limit_memory(spec.memory_mb)
        from workbench.store.engine import resolve_url

        where = safe_url(resolve_url(spec.db_url))
        if spec.urls or spec.feeds:
            report, notes = _run_web(spec, say)
            updates.put(("notes", notes))
        else:
            report = _run(spec, say, cancel)
        updates.put(("done", report))
    except Cancelled:
        updates.put(("cancelled", None))
    except MemoryError:
        updates.put(("failed", f"the import needed more than {spec.memory_mb} MB of memory and was stopped; "
                               f"nothing was stored. Import fewer or smaller files, or raise {MEMORY_ENV}"))
    except WorkbenchError as exc:
        failure = storage_failure(exc, where)
        updates.put(("failed", str(failure or exc)))
    except Exception as exc:  # noqa: BLE001 - the worker reports every failure, the screen shows it
        failure = storage_failure(exc, where)
        updates.put(("failed", str(failure) if failure else
                     f"the import failed ({type(exc).__name__}: {str(exc)[:300]}); nothing was stored"))
    finally:
        updates.close()
        updates.join_thread()


def _run(spec: JobSpec, say: Any, cancel: Any) -> ImportReport:
    from workbench.ingest import read_bytes
    from workbench.store import Store
    from workbench.auth import TeamConfig
    from workbench.desk import Desk, SingleUser, Team

    n = len(spec.uploads)
    articles = []
    refused: list[RefusedFile] = []
    for i, up in enumerate(spec.uploads):
        say(Stage.READING, i, n, f"reading {up.name}")
        try:
            articles += read_bytes(up.name, up.data, outlet=spec.outlet, encoding=spec.encoding,
                                   max_bytes=MAX_FILE_BYTES)
        except InputError as exc:
            refused.append(RefusedFile(exc.source, exc.problem))
    say(Stage.READING, n, n, f"read {len(articles)} article(s)")
    extract, grouper = _staged_extract(say), _staged_grouper(say)

    with Store.open(spec.db_url) as store:
        # team mode: the desk checks the actor's role in the transaction that stores (leads and admins)
        policy = Team(TeamConfig(cookie_secret="")) if spec.team else SingleUser()
        return Desk(store, policy, grouper=grouper).import_articles(spec.actor_id, articles, refused=refused,
                                                                    extractor=extract)


def _staged_extract(say: Any) -> Any:
    """The extractor of a job, telling the screen which article it reads."""
    from workbench.extract import Extractor

    ex = Extractor()

    def extract(todo: Sequence[Any]) -> list[Any]:
        out: list[Any] = []
        for i, a in enumerate(todo):
            say(Stage.EXTRACTING, i, len(todo), f"finding numbers in article {i + 1} of {len(todo)}: {a.title[:60]}")
            out += ex.extract(a)
        say(Stage.STORING, 0, 1, "storing and grouping")
        return out

    return extract


def _staged_grouper(say: Any) -> Any:
    """The CLI import's grouper (only the stories the import touches are regrouped), telling the screen when
    grouping starts and ends; it runs inside the store's transaction: a cancel here rolls the import back."""
    from workbench.importing import WorkbenchGrouper

    return WorkbenchGrouper(progress=lambda line: say(Stage.STORING, int(line.startswith("writing")), 1, line))


def _run_web(spec: JobSpec, say: Any) -> tuple[ImportReport, tuple[str, ...]]:
    """Fetch the pages and feeds of ``spec`` (new ones only), then extract, store and group them as ONE batch
    (one transaction, like an upload: a cancel or a failure stores nothing); each URL that fails is refused
    with its reason."""
    from workbench import archive
    from workbench.auth import TeamConfig
    from workbench.desk import Desk, SingleUser, Team
    from workbench.fetch import FetchLimits, WebSource
    from workbench.store import Store

    n_urls = len(spec.urls)
    fetched = 0

    def progress(done: int, total: int | None, what: str) -> None:
        nonlocal fetched
        fetched = max(fetched, done)
        say(Stage.READING, done, max(done, n_urls, 1), f"fetched {done} page(s): {what[:120]}")

    extract, grouper = _staged_extract(say), _staged_grouper(say)

    source = WebSource(urls=list(spec.urls), feeds=list(spec.feeds), outlet=spec.outlet,
                       limits=spec.limits or FetchLimits())
    with Store.open(spec.db_url) as store:
        policy = Team(TeamConfig(cookie_secret="")) if spec.team else SingleUser()
        Desk(store, policy).require_import(spec.actor_id)  # nothing is fetched for who may not import
        say(Stage.READING, 0, max(n_urls, 1), "fetching")
        rep = archive.import_source(store, source, batch_size=1_000_000_000, extractor=extract,
                                    actor_id=spec.actor_id, grouper=grouper, progress=progress, policy=policy)
        groups = rep.groups
    notes = []
    if rep.skipped_known:
        notes.append(f"{rep.skipped_known} page(s) or feed entries imported before: not fetched again.")
    if source.feeds_unchanged:
        notes.append(f"{source.feeds_unchanged} feed(s) unchanged since the last poll.")
    if rep.refused_total > len(rep.refused):
        notes.append(f"... and {rep.refused_total - len(rep.refused)} more refused.")
    report = ImportReport(articles_new=rep.articles_new, articles_present=rep.articles_present,
                          claims_new=rep.claims_new, claims_dropped=rep.claims_dropped, groups=groups,
                          refused=tuple(rep.refused), verdicts_carried=0, dry_run=False)
    return report, tuple(notes)
