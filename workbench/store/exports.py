"""What the exports read, in the caller's read transaction: the claims with their article and outlet in
queue order (streamed), the scale's labels, the users' names, every source by verdict, and the labels of
the default scale (import-verdicts). Where each claim stands is :mod:`workbench.store.disputes`'s rule,
applied by :mod:`workbench.export` to a :class:`~workbench.store.disputes.Snapshot` of the same transaction.
This module imports nothing above the store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from workbench.store import articles as article_repo
from workbench.store import engine as eng
from workbench.store.schema import articles, claims, outlets, scale_labels, scales, sources, users
from workbench.store.types import ClaimFilter, Source
from workbench.store.verdicts import source_from_row

if TYPE_CHECKING:
    from workbench.store.core import Store

__all__ = ["iter_claims", "labels", "user_names", "sources_by_verdict", "default_labels", "existing"]


# the claim's columns an export writes, in this order (iter_claims yields plain tuples of them)
EXPORT_COLUMNS = ("id", "article_id", "outlet", "url", "published", "sentence", "surface", "kind", "low", "high",
                  "unit", "currency", "noun", "quantity", "qualifier", "group_id")


def iter_claims(store: Store, filters: ClaimFilter | None = None, *, batch: int = 5000) -> Iterator[tuple]:
    """Every matching claim as a tuple of :data:`EXPORT_COLUMNS`, in queue order, streamed from one read
    transaction."""
    conds = article_repo.claim_conds(store.dialect, filters or ClaimFilter())
    cols = [claims.c.id, claims.c.article_id, outlets.c.name.label("outlet"), articles.c.url, articles.c.published,
            claims.c.sentence, claims.c.surface, claims.c.kind, claims.c.low, claims.c.high, claims.c.unit,
            claims.c.currency, claims.c.noun, claims.c.quantity, claims.c.qualifier, claims.c.group_id]
    q = select(*cols).select_from(article_repo.CLAIM_FROM).where(*conds).order_by(claims.c.position)
    with eng.read_tx(store.engine, register=False) as conn:
        for r in conn.execution_options(yield_per=batch).execute(q):
            yield tuple(r)


def labels(conn: Connection) -> dict[int, tuple[str, int | None]]:
    """Every scale label's id: (label, rating value)."""
    return {r.id: (r.label, r.rating_value) for r in conn.execute(select(scale_labels))}


def user_names(conn: Connection) -> dict[int, str]:
    return dict(conn.execute(select(users.c.id, users.c.name)).all())


def sources_by_verdict(conn: Connection) -> dict[int, list[Source]]:
    out: dict[int, list[Source]] = {}
    for r in conn.execute(select(sources).order_by(sources.c.id)):
        out.setdefault(r.verdict_id, []).append(source_from_row(r))
    return out


def default_labels(conn: Connection) -> tuple[set[str], set[str | None]]:
    """The labels and the keys of the default scale."""
    default = select(scales.c.id).where(scales.c.is_default.is_(True)).scalar_subquery()
    rows = conn.execute(select(scale_labels.c.label, scale_labels.c.key).where(scale_labels.c.scale_id == default))
    labs: set[str] = set()
    keys: set[str | None] = set()
    for r in rows:
        labs.add(r.label)
        keys.add(r.key)
    return labs, keys


def existing(conn: Connection, column: Any, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` are values of ``column`` (claims.c.id, groups.c.id)."""
    found: set[str] = set()
    wanted = sorted(ids)
    for i in range(0, len(wanted), 500):
        found.update(conn.execute(select(column).where(column.in_(wanted[i:i + 500]))).scalars())
    return found
