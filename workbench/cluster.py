"""Extraction on a Dask distributed cluster (``workbench import --cluster tcp://host:8786``).

Only extraction is handed out: each batch of an archive import is split into chunks of a few articles,
the chunks are extracted on the cluster's workers (each worker thread keeps one Extractor) while the
importing process stores the batch before, and the claims come back in article order to the importing
process, which stores and groups the batch in one transaction,
exactly as a local import does. So the stored claims and groups do not depend on where extraction ran, and
one database (PostgreSQL for a team) has one writer per import.

Needs the optional extra: ``pip install 'claim-workbench[cluster]'`` on the importing machine, and the
workbench installed (the same version) on every worker.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

from workbench.errors import InputError
from workbench.models import Article, Claim

_LOCAL = threading.local()


def extract_on_worker(articles: Sequence[Article]) -> list[Claim]:
    """The claims of a few articles, in order, with this worker thread's Extractor (built on first use)."""
    ex = getattr(_LOCAL, "extractor", None)
    if ex is None:
        from workbench.extract import Extractor

        ex = _LOCAL.extractor = Extractor()
    return [c for a in articles for c in ex.extract(a)]


def extract_lists_on_worker(articles: Sequence[Article]) -> list[list[Claim]]:
    """The claims of each of a few articles, with this worker thread's Extractor."""
    ex = getattr(_LOCAL, "extractor", None)
    if ex is None:
        from workbench.extract import Extractor

        ex = _LOCAL.extractor = Extractor()
    return [ex.extract(a) for a in articles]


class ClusterExtractor:
    """An extractor (``articles -> claims``) that runs on a Dask cluster; give a scheduler address or a Client."""

    def __init__(self, cluster: str | Any, *, chunk: int = 16, timeout_s: float = 20.0):
        try:
            from distributed import Client
        except ImportError:
            raise InputError("--cluster", "needs the cluster extra: pip install 'claim-workbench[cluster]'") from None
        self.chunk = chunk
        self._own = isinstance(cluster, str)
        if self._own:
            try:
                self.client = Client(cluster, timeout=f"{timeout_s}s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise InputError("--cluster", f"cannot reach a Dask scheduler at {cluster} ({type(exc).__name__}); "
                                              "give its address as tcp://host:8786 and check it is running") from None
        else:
            self.client = cluster

    background = True  # extraction runs on the cluster while the importing process stores the batch before

    def submit(self, articles: Sequence[Article]):  # type: ignore[no-untyped-def]
        """Start extracting ``articles`` on the cluster; the result: one claim list an article, in order."""
        chunks = [list(articles[i:i + self.chunk]) for i in range(0, len(articles), self.chunk)]
        futures = self.client.map(extract_lists_on_worker, chunks, pure=False) if chunks else []
        return lambda: [claims for part in (self.client.gather(futures) if futures else []) for claims in part]

    def __call__(self, articles: Sequence[Article]) -> list[Claim]:
        chunks = [list(articles[i:i + self.chunk]) for i in range(0, len(articles), self.chunk)]
        if not chunks:
            return []
        futures = self.client.map(extract_on_worker, chunks, pure=False)
        return [c for part in self.client.gather(futures) for c in part]

    def close(self) -> None:
        if self._own:
            self.client.close()

    def __enter__(self) -> "ClusterExtractor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
