"""The review queue's filters as SQL, shared by the claim queue (:mod:`workbench.store.articles`) and the group
queue (:mod:`workbench.store.groups`): review states as membership tests, counting and the free-text match.
Every function takes the connection of the transaction it runs in, or the name of its dialect."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, and_, exists, func, or_, select, union

from workbench.store import disputes
from workbench.store import engine as eng
from workbench.store.schema import claims, final_verdicts, verdicts
from workbench.store.types import ClaimStatus

QueueTarget = tuple[str, Any, bool]  # (target kind, column holding the target id, column may be NULL)


@dataclass(frozen=True)
class QueueWhere:
    """A queue filter as SQL: plain conditions on ``table``, the status's own state (or None) and the states
    that must not reach a row, kept apart so that counting can use them differently from paging."""

    table: Any
    plain: tuple[Any, ...]
    reached: Any | None
    absent: tuple[str, ...]
    reviewer: int | None
    targets: tuple[QueueTarget, ...]
    either: tuple[Any, ...] = ()  # at least one must hold (the free-text match: claim text, article title)


def escape_like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@contextmanager
def queue_read(engine: Engine) -> Iterator[Connection]:
    """A read transaction for queue queries. On PostgreSQL each is planned for its own values: a prepared
    statement's generic plan knows neither how rare the searched text is nor how many targets a review
    state has, and would read every claim where an index finds a handful."""
    with eng.read_tx(engine) as conn:
        if engine.dialect.name == "postgresql" and (conn.dialect.server_version_info or (0,)) >= (12,):
            conn.exec_driver_sql("SET LOCAL plan_cache_mode = force_custom_plan")  # PostgreSQL 12 on
        yield conn


# Review states as SQL. A claim is in a state when a row in that state targets the claim itself or its
# group (a group verdict counts for every member claim); a group when a row targets the group. Each state
# is a set of target ids read from an index ("final": final_verdicts; "submitted", "draft", "any":
# verdicts, of one reviewer under blind review), so a status filter is a membership test per target:
# IN for the state the status needs, an anti-join for the states that must be absent.
STATUS_STATES: dict[ClaimStatus, tuple[str | None, tuple[str, ...]]] = {
    ClaimStatus.FINAL: ("final", ()),
    ClaimStatus.SUBMITTED: ("submitted", ("final", "disputed")),
    ClaimStatus.DISPUTED: ("disputed", ("final",)),  # submitted verdicts that differ (store.disputes)
    ClaimStatus.DRAFT: ("draft", ("final", "submitted")),
    ClaimStatus.UNREVIEWED: (None, ("final", "any")),  # statuses are draft or submitted: "any" is both
}


def state_rows(state: str, reviewer: int | None) -> tuple[Any, list[Any]]:
    """The table whose rows put a target in ``state``, and the conditions on those rows."""
    if state == "final":
        return final_verdicts, []
    where = [] if state == "any" else [verdicts.c.status == state]
    if reviewer is not None:
        where.append(verdicts.c.reviewer_id == reviewer)
    return verdicts, where


def reached(state: str, reviewer: int | None, targets: Sequence[QueueTarget]) -> Any:
    """True where a row in ``state`` targets the row or (for claims) its group.

    "disputed" follows the rule of :mod:`workbench.store.disputes`: the submitted verdicts of the first
    target that has any decide (a claim's own before its group's), so a claim whose own verdicts agree is
    not disputed by its group's."""
    if state == "disputed":
        table, where = state_rows("submitted", reviewer)
        arms = []
        for i, (kind, col, _) in enumerate(targets):
            arm = [col.in_(disputes.disputed_targets(kind, reviewer))]
            arm += [~exists().where(table.c.target_kind == k0, table.c.target_id == c0, *where)
                    for k0, c0, _ in targets[:i]]
            arms.append(and_(*arm))
        return or_(*arms)
    table, where = state_rows(state, reviewer)
    return or_(*[col.in_(select(table.c.target_id).where(table.c.target_kind == kind, *where))
                 for kind, col, _ in targets])


def unreached(dialect: str, state: str, reviewer: int | None, targets: Sequence[QueueTarget],
              few_rows: bool = False) -> Any:
    """True where no row in ``state`` targets the row nor its group.

    ``few_rows``: the query stops after a few rows (a page near the start of the queue)."""
    if state == "disputed":
        return ~reached(state, reviewer, targets)
    table, where = state_rows(state, reviewer)
    conds = []
    for kind, col, nullable in targets:
        if dialect == "sqlite" and not few_rows:
            # SQLite lists the target ids once and probes the list per row, cheaper than an index search
            # per row when many rows are read; target ids are never NULL, a claim's group id may be
            absent = col.not_in(select(table.c.target_id).where(table.c.target_kind == kind, *where))
            conds.append(or_(col.is_(None), absent) if nullable else absent)
        else:
            # an index search per row read (SQLite, first pages: no need to list every verdict first);
            # PostgreSQL plans NOT EXISTS as an anti-join, hashed or index searches as the rows read
            # require (NOT IN would scan the list per row once it outgrows work_mem)
            conds.append(~exists().where(table.c.target_kind == kind, table.c.target_id == col, *where))
    return and_(*conds)


def status_parts(status: ClaimStatus | None, reviewer: int | None,
                 targets: Sequence[QueueTarget]) -> tuple[Any | None, tuple[str, ...]]:
    """(condition for the state the status needs or None, states that must not reach the row)."""
    if status is None:
        return None, ()
    need, absent = STATUS_STATES[ClaimStatus(status)]
    return (reached(need, reviewer, targets) if need else None), absent


def like(dialect: str, col: Any, pat: str) -> Any:
    # SQLite's LIKE ignores ASCII case already and its lower() folds only ASCII, so plain LIKE matches
    # exactly what lower(x) LIKE lower(p) does, without two function calls per row
    if dialect == "sqlite":
        return col.like(pat, escape="\\")
    return col.ilike(pat, escape="\\")


def where(dialect: str, q: QueueWhere, few_rows: bool = False, *, either: bool = True) -> list[Any]:
    conds = list(q.plain)
    if either and q.either:
        conds.append(or_(*q.either))
    if q.reached is not None:
        conds.append(q.reached)
    conds += [unreached(dialect, s, q.reviewer, q.targets, few_rows) for s in q.absent]
    return conds


def by_arms(dialect: str, q: QueueWhere) -> bool:
    """Whether to search each alternative of the free-text match on its own (PostgreSQL): the claim text
    through its trigram indexes, the article title through its own and then the claims by article. An
    OR across the two tables would make PostgreSQL read every claim."""
    return dialect == "postgresql" and len(q.either) > 1 and q.table is claims


def count(conn: Connection, q: QueueWhere) -> int:
    """How many rows match. On SQLite, "to review" (no verdict of any kind) is counted as all rows minus
    those a verdict or final verdict reaches: the first count reads one index, the second starts from the
    targets the verdict tables name, instead of probing every row against them. (A status that needs a
    verdict starts from those targets anyway.)"""
    dialect = conn.dialect.name
    if by_arms(dialect, q):
        arms = union(*[select(claims.c.id).where(arm, *where(dialect, q, either=False)) for arm in q.either])
        return conn.execute(select(func.count()).select_from(arms.subquery())).scalar_one()
    if dialect != "sqlite" or q.reached is not None or not q.absent:
        return conn.execute(select(func.count()).select_from(q.table).where(*where(dialect, q))).scalar_one()
    reached_any = or_(*[reached(s, q.reviewer, q.targets) for s in q.absent])
    base = list(q.plain) + ([or_(*q.either)] if q.either else [])
    every = select(func.count()).select_from(q.table).where(*base).scalar_subquery()
    excluded = select(func.count()).select_from(q.table).where(*base, reached_any).scalar_subquery()
    return conn.execute(select(every - excluded)).scalar_one()
